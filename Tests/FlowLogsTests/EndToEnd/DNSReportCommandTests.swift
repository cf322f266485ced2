import Foundation
import Testing
@testable import FlowLogs

/// The report command with Route 53 Resolver query logs: found beside the flow logs, or named.
struct DNSReportCommandTests {
    static let account = "SampleLogs/AWSLogs/123456789012"
    static let flows = "SampleLogs/AWSLogs/123456789012/vpcflowlogs"
    static let dns = "SampleLogs/AWSLogs/123456789012/vpcdnsquerylogs"
    static let prefixes = ["--prefixes", "SampleLogs/ip-ranges.json"]

    @Test func theOptionsAreInTheHelpAndCheckTheirValues() throws {
        let help = try Binary.run(["report", "--help"])
        #expect(help.stdout.contains("--dns-logs PATH"))
        #expect(help.stdout.contains("--dns-window SECONDS"))
        let zero = try Binary.run([Self.flows, "--dns-window", "0"] + Self.prefixes)
        #expect(zero.status == 1)
        #expect(zero.stderr == "flowscan: invalid value '0' for '--dns-window': expected a whole number of seconds from 1 to 604800\n")
    }

    @Test func resolverLogsNamedOrFoundBesideTheFlowLogsGiveTheSameReport() throws {
        // One account's folder: its flow logs with its VPC's Resolver query logs beside them.
        let beside = try Binary.run([Self.account, "--output", "json", "--no-file-list"] + Self.prefixes)
        let named = try Binary.run([Self.flows, "--dns-logs", Self.dns, "--output", "json", "--no-file-list"] + Self.prefixes)
        let without = try Binary.run([Self.flows, "--output", "json", "--no-file-list"] + Self.prefixes)
        #expect(beside.status == 0 && named.status == 0 && without.status == 0)
        // Only the input paths differ between the first two (none has a problem: the lists are empty).
        #expect(beside.stdout == named.stdout)
        #expect(beside.stdout.contains("\"endpoint_service\": \"com.amazonaws.us-east-1.ecr.dkr\""))
        #expect(without.stdout.contains("\"dns\": null"))
        #expect(!without.stdout.contains("\"attribution\": \"dns\""))
        let text = try Binary.run([Self.flows] + Self.prefixes).stdout
        #expect(text.contains("No Route 53 Resolver query logs were read"))
        let namedText = try Binary.run([Self.account] + Self.prefixes).stdout
        #expect(namedText.contains("\nCallers per endpoint service\n"))
        #expect(namedText.contains("of the AMAZON NAT bytes got a name from 24 Resolver query\n"))
    }
}
