import Foundation
import Testing
@testable import FlowLogs

/// What users of rg, git and jq expect of a command line (issue 17), from the built binary.
struct CommandLineHabitTests {
    @Test func aGroupWordWithHelpListsItsSubcommands() throws {
        let help = try Binary.run(["prefixes", "--help"])
        #expect(help.status == 0)
        #expect(help.stderr == "")
        #expect(help.stdout.hasPrefix("USAGE: flowscan prefixes COMMAND [arguments] [options]\n\nCOMMANDS:\n  flowscan prefixes lookup  "))
        for sub in ["lookup", "info", "update"] { #expect(help.stdout.contains("\n  flowscan prefixes \(sub) ")) }
        #expect(help.stdout.hasSuffix("\nSee 'flowscan prefixes COMMAND --help' for a command's options.\n"))
        #expect(try Binary.run(["help", "prefixes"]).stdout == help.stdout)
        #expect(try Binary.run(["prefixes", "-h"]).stdout == help.stdout)
        let bare = try Binary.run(["prefixes"])
        #expect(bare.status == 1)
        #expect(bare.stderr == "flowscan: 'flowscan prefixes' needs a subcommand: lookup, info, update; see 'flowscan prefixes --help'\n")
        // A subcommand's own help is unchanged.
        #expect(try Binary.run(["help", "prefixes", "lookup"]).stdout.hasPrefix("USAGE: flowscan prefixes lookup "))
    }

    @Test func aMistypedOptionGetsTheNearestOne() throws {
        let report = try Binary.run(["SampleLogs/AWSLogs", "--ouput", "json"])
        #expect(report.status == 1)
        #expect(report.stderr == "flowscan: unknown option '--ouput' for 'flowscan'; did you mean '--output'? see 'flowscan --help'\n")
        let inspect = try Binary.run(["inspect", "x.log", "--formt=a"])
        #expect(inspect.stderr == "flowscan: unknown option '--formt' for 'flowscan inspect'; did you mean '--format'? see 'flowscan inspect --help'\n")
        #expect(try Binary.run(["SampleLogs/AWSLogs", "--nat-enis", "eni-1"]).stderr.contains("did you mean '--nat-eni'?"))
        #expect(try Binary.run(["SampleLogs/AWSLogs", "-prefixes", "x"]).stderr.contains("'-prefixes' for 'flowscan'; did you mean '--prefixes'?"))
        let sub = try Binary.run(["prefixes", "lokup", "1.2.3.4"])
        #expect(sub.status == 1)
        #expect(sub.stderr == "flowscan: unknown command 'lokup' for 'flowscan prefixes'; did you mean 'lookup'? choose one of: lookup, info, update\n")
        #expect(try Binary.run(["prefixes", "zzz"]).stderr == "flowscan: unknown command 'zzz' for 'flowscan prefixes'; choose one of: lookup, info, update\n")
        // Nothing near: no guess.
        #expect(try Binary.run(["inspect", "x.log", "--frobnicate"]).stderr
            == "flowscan: unknown option '--frobnicate' for 'flowscan inspect'; see 'flowscan inspect --help'\n")
        #expect(!(try Binary.run(["inspect", "x.log", "--xy"]).stderr.contains("did you mean")))
    }

    @Test func lookupCallsTheColumnServiceInTextAndJSON() throws {
        let args = ["prefixes", "lookup", "52.216.8.1", "--prefixes", "SampleLogs/ip-ranges.json"]
        let text = try Binary.run(args)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("  address     service  region"))
        let json = try Binary.run(args + ["--output", "json"])
        #expect(json.stdout.contains("\"service\": \"S3\""))
        #expect(!text.stdout.contains("owner") && !json.stdout.contains("owner"))
    }

    @Test func theProgressLineSaysItsRateIsOfBytesFromDisk() throws {
        let result = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--progress"])
        #expect(result.status == 0)
        let line = try #require(result.stderr.split(separator: "\n").first)
        #expect(line.hasPrefix("files "))
        #expect(line.contains(" MB/s from disk  elapsed "))
    }
}
