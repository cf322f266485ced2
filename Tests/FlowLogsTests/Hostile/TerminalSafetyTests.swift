import Foundation
import Testing
@testable import FlowLogs

/// Bytes from input files never drive the terminal: escapes in names and fields are shown escaped
/// in text output and escaped correctly in JSON.
struct TerminalSafetyTests {
    let directory = TemporaryDirectory()
    /// ESC [ 2 J (clear screen), a C1 CSI, a bidirectional override and a BEL.
    let nasty = "\u{1b}[2J\u{9b}31m\u{202e}\u{07}"

    private func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7f...0x9f).contains(scalar.value) || scalar == "\u{202e}"
        }
    }

    @Test func fileNamesAndFieldsAreEscapedInTextAndJSON() throws {
        // The C1 and bidi characters are valid UTF-8 and pass the parser; ESC and BEL make a line malformed.
        // (Header names are ASCII name characters, or the line is not a header.)
        let header = "version interface-id srcaddr dstaddr bytes start end action log-status x-opaque"
        let record = "2 eni-\u{9b}31m\u{202e} 10.0.0.1 52.216.8.1 100 1764000000 1764000060 ACCEPT OK col\u{9b}umn"
        let bad = "2 eni-\(nasty) 10.0.0.1 52.216.8.1 100 1764000000 1764000060 ACCEPT OK"
        let path = directory.write("logs\(nasty).log", [header, record, bad].joined(separator: "\n") + "\n")
        let text = try Binary.run(["inspect", path])
        #expect(text.status == 0)
        #expect(!hasRawControls(text.stdout))
        #expect(text.stdout.contains("\\x1b[2J"))
        let json = try Binary.run(["inspect", path, "--output", "json"])
        #expect(!json.stdout.contains("\u{1b}"))
        #expect(json.stdout.contains("\\u001b[2J"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let file = try #require((parsed?["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == path)  // JSON carries the exact name, escaped
        #expect(file["records"] as? Int == 1)
        #expect(file["malformed"] as? Int == 1)
    }

    @Test func reportTextAndMarkdownEscapeInterfaceIDs() throws {
        let lines = [AnalysisFixtures.natFormat] + AnalysisFixtures.natLegs(peer: "52.216.8.1", upload: 10, download: 20, eni: "eni-\u{9b}2J\u{202e}")
        let path = directory.write("nat.log", lines.joined(separator: "\n") + "\n")
        let prefixes = directory.write("ranges.json", AnalysisFixtures.prefixJSON)
        for output in ["text", "markdown"] {
            let result = try Binary.run([path, "--prefixes", prefixes, "--region", "us-east-1", "--output", output])
            #expect(result.status == 0)
            #expect(!hasRawControls(result.stdout), "\(output)")
        }
    }

    @Test func jsonWriterEscapesEveryControlCharacter() {
        var json = JSONWriter(pretty: false)
        json.string("a\"b\\c\n\r\t\u{0}\u{1b}\u{7f}\u{9b}é")
        #expect(json.text == "\"a\\\"b\\\\c\\n\\r\\t\\u0000\\u001b\\u007f\u{9b}é\"")
        #expect(TerminalText.safe("ok\u{1b}[31m\u{9b}\u{202e}") == "ok\\x1b[31m\\x9b\\u{202e}")
    }
}
