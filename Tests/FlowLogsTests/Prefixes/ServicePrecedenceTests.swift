import Testing
@testable import FlowLogs

struct ServicePrecedenceTests {
    @Test func documentedOrder() {
        #expect(ServicePrecedence.sorted(["AMAZON", "EC2", "CLOUDFRONT", "DYNAMODB", "S3", "API_GATEWAY", "ZZZ_NEW"])
                == ["S3", "DYNAMODB", "API_GATEWAY", "CLOUDFRONT", "ZZZ_NEW", "EC2", "AMAZON"])
    }

    @Test(arguments: [
        (["AMAZON", "S3"], "S3"), (["EC2", "S3", "AMAZON"], "S3"), (["AMAZON", "DYNAMODB", "EC2"], "DYNAMODB"),
        (["AMAZON", "EC2"], "EC2"), (["AMAZON", "EC2", "IVS_REALTIME"], "IVS_REALTIME"), (["AMAZON"], "AMAZON"),
        (["CLOUDFRONT_ORIGIN_FACING", "CLOUDFRONT"], "CLOUDFRONT"),
    ])
    func winners(services: [String], winner: String) {
        #expect(ServicePrecedence.winner(of: services) == winner)
    }

    @Test func ties() {
        #expect(!ServicePrecedence.prefers("S3", over: "S3"))
        #expect(!ServicePrecedence.prefers("AMAZON", over: "AMAZON"))
        #expect(ServicePrecedence.winner(of: [String]()) == nil)
    }
}
