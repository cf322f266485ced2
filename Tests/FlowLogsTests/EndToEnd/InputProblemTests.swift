import Foundation
import Testing
@testable import FlowLogs

/// What a new user trips over (issue 17), from the built binary: wrong paths, files that are not
/// flow logs, a window that keeps nothing, a full day of data.
struct InputProblemTests {
    let directory = TemporaryDirectory()
    let prefixes = ["--prefixes", "SampleLogs/ip-ranges.json"]

    /// The text report with its wrapped bullets joined again (continuation lines start with 4 spaces).
    static func unwrapped(_ text: String) -> String {
        // Continuation lines (bullets and pair values) are indented by four spaces or more.
        text.replacingOccurrences(of: "\n {4,}", with: " ", options: .regularExpression)
    }

    @Test func aMissingPathAloneSaysSoAndPrintsNoFigures() throws {
        let missing = directory.path("no-such-dir")
        for output in ["text", "json", "markdown", "html"] {
            let result = try Binary.run([missing] + prefixes + ["--output", output])
            #expect(result.status == 4)
            #expect(result.stdout == "")
            #expect(result.stderr == """
                flowscan: \(missing): skipped: no such file or directory
                flowscan: no flow-log record was read: the only input was skipped (reasons above)

                """)
        }
    }

    @Test func aMissingPathAmongGoodOnesIsNamedOnStandardErrorAndInTheReport() throws {
        let missing = directory.path("typo")
        let text = try Binary.run(["SampleLogs/AWSLogs", missing] + prefixes)
        #expect(text.status == 2)
        #expect(text.stderr == "flowscan: \(missing): skipped: no such file or directory\n")
        // Several scopes: the run's Inputs come after the table of scopes, before the first scope.
        #expect(Self.unwrapped(text.stdout).contains("\nInputs\n  - \(missing): skipped: no such file or directory\n\nScope 1 of 2: "))
        let markdown = try Binary.run(["SampleLogs/AWSLogs", missing] + prefixes + ["--output", "markdown"])
        #expect(markdown.stdout.contains("\n## Inputs\n\n- \(missing): skipped: no such file or directory\n"))
        let clean = try Binary.run(["SampleLogs/AWSLogs"] + prefixes)
        #expect(clean.stderr == "")
        #expect(!clean.stdout.contains("\nInputs\n"))
    }

    @Test func standardErrorNamesTheFirstTenProblemsAndCountsTheRest() throws {
        let missing = (1...13).map { directory.path("missing-\($0).log") }
        let result = try Binary.run(["SampleLogs/AWSLogs"] + missing + prefixes + ["--top", "5"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines.prefix(10) == ArraySlice(missing.prefix(10).map { "flowscan: \($0): skipped: no such file or directory" }))
        #expect(lines.last == "flowscan: … and 3 more inputs skipped, damaged or not flow logs ('flowscan inspect' lists every file)")
        // The Inputs section shows --top of them and counts the rest.
        #expect(Self.unwrapped(result.stdout).contains("  - \(missing[4]): skipped"))
        #expect(!Self.unwrapped(result.stdout).contains("  - \(missing[5]): skipped"))
        #expect(Self.unwrapped(result.stdout).contains("  … and 8 more inputs with problems ('flowscan inspect' lists every file)\n"))
    }

    @Test func aFileOfProseIsNotAFlowLogFile() throws {
        let prose = directory.write("notes.txt", "These are my notes.\nThey are not flow logs at all.\nSee you.\n")
        let mixed = try Binary.run(["SampleLogs/AWSLogs", prose] + prefixes)
        #expect(mixed.status == 2)
        #expect(mixed.stderr == "flowscan: \(prose): not a flow-log file: 3 of 3 lines malformed, the first: line 1: "
            + "4 fields, the format has 14 (default format assumed: pass --format)\n")
        #expect(Self.unwrapped(mixed.stdout).contains("\nInputs\n  - \(prose): not a flow-log file: 3 of 3 lines malformed"))
        // One account (one scope): its Summary counts the file that is not a flow log (24 flow logs,
        // their 24 Resolver query logs and the notes).
        let oneAccount = try Binary.run(["SampleLogs/AWSLogs/123456789012", prose] + prefixes)
        #expect(Self.unwrapped(oneAccount.stdout).contains("  inputs            49 files (0 damaged, 0 skipped, 1 not flow logs), 2,844 records, 3 malformed lines\n"))
        // Both accounts: the Estate's inputs line counts it too.
        #expect(Self.unwrapped(mixed.stdout).contains("  inputs            97 files (0 damaged, 0 skipped, 1 not flow logs), 5,708 records, 3 malformed lines\n"))
        #expect(Self.unwrapped(mixed.stdout).contains("  - 1 input is not a flow-log file: most of their lines are malformed (see Inputs; give the fields of header-less logs with --format)\n"))
        let alone = try Binary.run([prose] + prefixes)
        #expect(alone.status == 4)
        #expect(alone.stdout == "")
        #expect(alone.stderr.hasSuffix("flowscan: no flow-log record was read: the input is not a flow-log file (reasons above)\n"))
        let json = try Binary.run(["SampleLogs/AWSLogs", prose] + prefixes + ["--output", "json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("1 input is not a flow-log file"))
    }

    @Test func resolverQueryLogsAloneAreNoFlowLogRecords() throws {
        let path = directory.write("q.log", resolverLine(name: "sts.us-east-1.amazonaws.com", answers: [("A", "52.46.0.1")]) + "\n")
        let result = try Binary.run([path] + prefixes)
        #expect(result.status == 4)
        #expect(result.stdout == "")
        #expect(result.stderr == "flowscan: no flow-log record was read: the input read is a Route 53 Resolver query log "
            + "(they name AMAZON addresses; give the flow logs too)\n")
    }

    @Test func aFewMalformedLinesInAFlowLogAreNotAnInputProblemOnStandardError() throws {
        let path = directory.write("mostly-good.log", Fixtures.v2File + "not a record\n")
        let result = try Binary.run([path] + prefixes + ["--region", "us-east-1"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(Self.unwrapped(result.stdout).contains("\nInputs\n  - \(path): 1 malformed line not counted (first: line 7: 3 fields, the format has 14)\n"))
    }

    @Test func aWindowThatKeepsNothingSaysWhereTheDataIs() throws {
        let result = try Binary.run(["SampleLogs/AWSLogs"] + prefixes + ["--since", "2030-01-01"])
        #expect(result.status == 0)
        // Both accounts' data: eu-west-1's first record starts at 00:00:02, its last ends at 01:59:49.
        let sentence = "--since 2030-01-01T00:00:00Z kept none of the records read: the data runs from 2026-11-24T00:00:02Z to 2026-11-24T01:59:49Z"
        #expect(result.stderr == "flowscan: warning: \(sentence)\n")
        #expect(Self.unwrapped(result.stdout).contains("  - \(sentence)\n"))
        let both = try Binary.run(["SampleLogs/AWSLogs"] + prefixes + ["--since", "2020-01-01", "--until", "2020-01-02"])
        #expect(both.stderr.contains("--since 2020-01-01T00:00:00Z --until 2020-01-02T00:00:00Z kept none of the records read"))
        let kept = try Binary.run(["SampleLogs/AWSLogs"] + prefixes + ["--since", "2026-11-24T01:00:00Z"])
        #expect(kept.stderr == "")
        #expect(!Self.unwrapped(kept.stdout).contains("kept none"))
    }

    @Test func aFullDayIsNotARoughProjection() throws {
        let day = directory.path("day"), short = directory.path("short")
        #expect(try Binary.run(["generate", day, "--minutes", "1440", "--connections", "2"]).status == 0)
        #expect(try Binary.run(["generate", short, "--minutes", "1380", "--connections", "2"]).status == 0)
        let full = try Binary.run([day + "/AWSLogs", "--prefixes", day + "/ip-ranges.json"])
        #expect(full.status == 0)
        #expect(full.stdout.contains(" hours)\n"))
        #expect(!full.stdout.contains("rough projection"))
        let part = try Binary.run([short + "/AWSLogs", "--prefixes", short + "/ip-ranges.json"])
        #expect(part.stdout.contains("hours of data: monthly figures are a rough projection"))
    }
}
