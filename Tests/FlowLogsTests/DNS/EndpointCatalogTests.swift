import Testing
@testable import FlowLogs

@Suite struct EndpointCatalogTests {
    /// Real hostnames (from AWS's endpoint lists and the Resolver samples) → the endpoint to create.
    @Test(arguments: [
        ("api.ecr.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecr.api"),
        ("API.ECR.us-east-1.amazonaws.com.", "com.amazonaws.us-east-1.ecr.api"),
        ("ecr.us-east-2.amazonaws.com", "com.amazonaws.us-east-2.ecr.api"),
        ("ecr-fips.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecr.api"),
        ("ecr.us-east-2.api.aws", "com.amazonaws.us-east-2.ecr.api"),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "com.amazonaws.eu-west-1.ecr.dkr"),
        ("dkr.ecr.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecr.dkr"),
        ("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecr.dkr"),
        ("123456789012.dkr-ecr.us-east-2.on.aws", "com.amazonaws.us-east-2.ecr.dkr"),
        ("prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("sts.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.sts"),
        ("sts-fips.us-east-2.amazonaws.com", "com.amazonaws.us-east-2.sts"),
        ("logs.eu-central-1.amazonaws.com", "com.amazonaws.eu-central-1.logs"),
        ("monitoring.us-west-2.amazonaws.com", "com.amazonaws.us-west-2.monitoring"),
        ("secretsmanager.ap-southeast-2.amazonaws.com", "com.amazonaws.ap-southeast-2.secretsmanager"),
        ("ssm.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ssm"),
        ("ssmmessages.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ssmmessages"),
        ("ec2messages.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ec2messages"),
        ("sqs.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.sqs"),
        ("us-east-1.queue.amazonaws.com", "com.amazonaws.us-east-1.sqs"),
        ("sns.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.sns"),
        ("kms.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.kms"),
        ("kms-fips.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.kms"),
        ("events.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.events"),
        ("abcdef1234.execute-api.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.execute-api"),
        ("lambda.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.lambda"),
        ("ecs.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecs"),
        ("ecs.us-east-1.api.aws", "com.amazonaws.us-east-1.ecs"),
        ("ecs-a-3.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecs-agent"),
        ("ecs-t-1.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.ecs-telemetry"),
        ("elasticloadbalancing.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.elasticloadbalancing"),
        ("autoscaling.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.autoscaling"),
        ("xray.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.xray"),
        ("kinesis.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.kinesis-streams"),
        ("kinesis-fips.us-east-2.api.aws", "com.amazonaws.us-east-2.kinesis-streams"),
        ("firehose.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.kinesis-firehose"),
        ("athena.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.athena"),
        ("glue.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.glue"),
        ("states.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.states"),
        ("bedrock-runtime.us-west-2.amazonaws.com", "com.amazonaws.us-west-2.bedrock-runtime"),
        ("api.sagemaker.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.sagemaker.api"),
        ("ec2.us-gov-west-1.amazonaws.com", "com.amazonaws.us-gov-west-1.ec2"),
        ("sqs.cn-north-1.amazonaws.com.cn", "cn.com.amazonaws.cn-north-1.sqs"),
        ("s3.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("amazonlinux-2-repos-us-east-1.s3.dualstack.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("s3-r-w.dualstack.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("s3-r-w.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("my-bucket.s3-eu-west-1.amazonaws.com", "com.amazonaws.eu-west-1.s3"),
        ("my-bucket.s3.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("my-ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.s3"),
        ("dynamodb.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.dynamodb"),
        ("123456789012.ddb.us-east-1.amazonaws.com", "com.amazonaws.us-east-1.dynamodb"),
    ])
    func namesTheEndpoint(_ name: String, _ endpoint: String) {
        #expect(EndpointCatalog.service(for: name).endpointName == endpoint)
    }

    @Test func gatewayAndInterfaceKinds() {
        #expect(EndpointCatalog.service(for: "s3.us-east-1.amazonaws.com").kind == .gateway)
        #expect(EndpointCatalog.service(for: "dynamodb.us-east-1.amazonaws.com").kind == .gateway)
        #expect(EndpointCatalog.service(for: "sts.us-east-1.amazonaws.com").kind == .interface)
        #expect(EndpointCatalog.service(for: "sts-fips.us-east-2.amazonaws.com").fips)
        #expect(EndpointCatalog.service(for: "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com").note == EndpointCatalog.ecrLayers)
        #expect(EndpointCatalog.service(for: "api.ecr.us-east-1.amazonaws.com").note == EndpointCatalog.ecrBothNeeded)
    }

    @Test func globalSTSIsNotSameRegion() {
        let global = EndpointCatalog.service(for: "sts.amazonaws.com")
        #expect(global.kind == .global)
        #expect(global.endpointName == nil)
        #expect(global.note?.contains("AWS_STS_REGIONAL_ENDPOINTS=regional") == true)
        #expect(!global.isCarried(in: "us-east-1"))
        #expect(EndpointCatalog.service(for: "sts.us-east-1.amazonaws.com").isCarried(in: "us-east-1"))
        #expect(!EndpointCatalog.service(for: "sts.us-west-2.amazonaws.com").isCarried(in: "us-east-1"))
    }

    @Test(arguments: [
        ("ec2-instance-connect.us-east-1.amazonaws.com", EndpointService.Kind.noEndpointKnown),
        ("ec2-89-160-20-112.compute-1.amazonaws.com", .noEndpointKnown),
        ("abc.lambda-url.us-east-1.on.aws", .noEndpointKnown),
        ("sts.us-east-1.amazonaws.com.evil.example", .notAWS),
        ("0.amazon.pool.ntp.org", .notAWS),
        ("api.example.com", .notAWS),
        ("amazonaws.com", .notAWS),
        ("..amazonaws.com", .notAWS),
        ("", .notAWS),
    ])
    func otherNames(_ name: String, _ kind: EndpointService.Kind) {
        let service = EndpointCatalog.service(for: name)
        #expect(service.kind == kind)
        #expect(service.endpointName == nil)
    }

    @Test(arguments: ["us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "ap-southeast-7", "us-iso-east-1"])
    func regions(_ label: String) { #expect(EndpointCatalog.isRegion(label)) }

    @Test(arguments: ["us-east", "useast-1", "s3", "dualstack", "us-east-1a", "US-EAST-1", "us--1"])
    func notRegions(_ label: String) { #expect(!EndpointCatalog.isRegion(label)) }

    @Test func everyRuleHasASourceAndParses() {
        for (rule, tokens) in EndpointCatalog.compiled {
            #expect(!rule.source.rawValue.isEmpty)
            #expect(!tokens.isEmpty)
            #expect(tokens.dropFirst().allSatisfy { $0 != .any }, "\(rule.pattern): * only first")
        }
    }
}
