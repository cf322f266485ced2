import Foundation
import Testing
@testable import FlowLogs

/// `--output html` says what `--output json` says: every figure to the digit, every name, from
/// the same report value; well-formed, escaped, stable, and clean in a browser.
@Suite struct ReportHTMLTests {
    static let sample = ["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json"]

    static func outputs(_ arguments: [String]) throws -> (json: Binary.Result, html: Binary.Result) {
        (try Binary.run(arguments + ["--output", "json"]), try Binary.run(arguments + ["--output", "html"]))
    }

    @Test func everyFigureOfTheJSONIsInTheHTML() throws {
        let (json, html) = try Self.outputs(Self.sample)
        #expect(json.status == html.status)
        let parsed = ParsedMarkup(Array(html.stdout.utf8))
        #expect(parsed.error == nil)
        let figures = JSONTokens(json.stdout).numbers
        #expect(figures.count > 300, "the sample report has hundreds of figures")
        var available: [String: Int] = [:]
        for element in parsed.all("data") { available[element.attributes["value"] ?? "", default: 0] += 1 }
        var missing: [String] = []
        for figure in figures {
            if let count = available[figure], count > 0 { available[figure] = count - 1 } else { missing.append(figure) }
        }
        #expect(missing == [], "JSON figures without a <data value> in the HTML")
    }

    @Test func everyNameOfTheJSONIsInTheHTML() throws {
        let (json, html) = try Self.outputs(Self.sample)
        let text = ParsedMarkup(Array(html.stdout.utf8)).text
        let strings = try JSONTokens.strings(json.stdout)
        #expect(strings.count > 100)
        #expect(strings.filter { !text.contains(HTMLWriter.visible($0)) } == [])
    }

    @Test func theHeadlineHoldsTheJSONsThreeFigures() throws {
        let (json, html) = try Self.outputs(Self.sample)
        let parsed = ParsedMarkup(Array(html.stdout.utf8))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        // The estate's figures (one scope here: the same as the VPC's).
        let estate = try #require(report["estate"] as? [String: Any])
        let cost = try #require(estate["cost"] as? [String: Any])
        let savings = try #require(estate["savings"] as? [String: Any])
        let exposure = try #require(estate["exposure"] as? [String: Any])
        let amounts = parsed.all("span").filter { $0.attributes["class"] == "amount" }.map(\.text)
        #expect(amounts == [NumberText.dollars(try #require(cost["monthly_total_usd"] as? Double)),
                            NumberText.dollars(try #require(savings["total_monthly_usd"] as? Double)),
                            NumberText.percent(try #require(exposure["public_share"] as? Double))])
        let tokens = JSONTokens(json.stdout)
        let headline = parsed.all("data").prefix(3).map { $0.attributes["value"] ?? "" }
        #expect(headline == [tokens.value(after: "\"monthly_total_usd\""), tokens.value(after: "\"total_monthly_usd\""),
                             tokens.value(after: "\"public_share\"")])
    }

    @Test func theSameLogsGiveTheSameBytes() throws {
        let first = try Binary.run(Self.sample + ["--output", "html"])
        let second = try Binary.run(Self.sample + ["--output", "html", "--jobs", "1"])
        #expect(first.status == 0 || first.status == 2)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("<!DOCTYPE html>\n"))
    }

    @Test func thePageIsSelfContained() throws {
        let html = try Binary.run(Self.sample + ["--output", "html"])
        let parsed = ParsedMarkup(Array(html.stdout.utf8))
        #expect(parsed.error == nil)
        #expect(MarkupCheck.problem(in: html.stdout) == nil)
        #expect(parsed.all("script").isEmpty && parsed.all("link").isEmpty && parsed.all("img").isEmpty)
        // No address to fetch: the only URLs are the XHTML and SVG namespace names.
        let withoutNamespaces = html.stdout.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "")
            .replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespaces.contains("http:") && !withoutNamespaces.contains("https:") && !withoutNamespaces.contains("url("))
        #expect(parsed.all("svg").count == 10, "for each of the sample's two scopes: category, service, hourly, waterfall and break-even charts")
        let policy = parsed.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
        #expect(policy?.attributes["content"]?.hasPrefix("default-src 'none'; style-src 'sha256-") == true)
    }

    /// Names from the logs (interface ids, a file name, the region) reach the page as text only.
    @Test func hostileNamesStayText() throws {
        let directory = TemporaryDirectory()
        let eni = "eni-<script>x</script>\"'&\u{9b}2J\u{202e}"
        let lines = [AnalysisFixtures.natFormat] + AnalysisFixtures.natLegs(peer: "52.216.8.1", upload: 1000, download: 2000, eni: eni)
            + AnalysisFixtures.natLegs(peer: "8.8.8.8", upload: 10, download: 20, eni: eni)
        let path = directory.write("nat<img src=x onerror=alert(1)>.log", lines.joined(separator: "\n") + "\n")
        let prefixes = directory.write("ranges.json", AnalysisFixtures.prefixJSON)
        let region = "<b>us-east-1</b>"
        let (json, html) = try Self.outputs([path, "--prefixes", prefixes, "--region", region])
        #expect(html.status == json.status)
        let parsed = ParsedMarkup(Array(html.stdout.utf8))
        #expect(parsed.error == nil)
        #expect(MarkupCheck.problem(in: html.stdout) == nil)
        #expect(Set(parsed.elements.map(\.name)).isSubset(of: Self.writtenElements), "\(Set(parsed.elements.map(\.name)).subtracting(Self.writtenElements))")
        #expect(parsed.all("title").first?.text == "flowscan: NAT gateway traffic to AWS services, " + region)
        #expect(parsed.text.contains(HTMLWriter.visible(eni)))
        #expect(parsed.text.contains(path))
        #expect(!html.stdout.contains("\u{9b}") && !html.stdout.contains("\u{202e}"))
        #expect(JSONTokens(json.stdout).value(after: "\"records\"") != "0")
        let strings = try JSONTokens.strings(json.stdout)
        #expect(strings.filter { !parsed.text.contains(HTMLWriter.visible($0)) } == [])
    }

    @Test func aReportWithoutNATTrafficRenders() throws {
        let directory = TemporaryDirectory()
        // One east-west record: read, but no NAT traffic (a file of no records exits 4 with no report).
        let eastWest = "5 eni-a i-a 10.0.0.5 10.0.1.6 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK 10.0.0.5 10.0.1.6 egress -"
        let path = directory.write("quiet.log", AnalysisFixtures.natFormat + "\n" + eastWest + "\n")
        let prefixes = directory.write("ranges.json", AnalysisFixtures.prefixJSON)
        let (json, html) = try Self.outputs([path, "--prefixes", prefixes, "--region", "us-east-1"])
        #expect(html.status == json.status)
        let parsed = ParsedMarkup(Array(html.stdout.utf8))
        #expect(parsed.error == nil)
        #expect(parsed.text.contains("No NAT-processed traffic in these logs."))
        var available = Set(parsed.all("data").compactMap { $0.attributes["value"] })
        available.insert("")
        #expect(JSONTokens(json.stdout).numbers.filter { !available.contains($0) } == [])
    }

    @Test(.enabled(if: Chromium.isInstalled, "chromium is not installed (apt-get install chromium): the browser render is skipped"))
    func theSampleReportRendersCleanlyInChromium() throws {
        let html = try Binary.run(Self.sample + ["--output", "html"])
        for dark in [false, true] {
            let render = try Chromium.render(Array(html.stdout.utf8), width: 1100, height: 1800, darkScheme: dark)
            #expect(render.consoleMessages == [], "dark: \(dark)")
            let image = try #require(PNGPixels(render.png), "no screenshot: \(render.log)")
            #expect(image.distinctColours > 50)
            #expect(image.inkShare > 0.05)
        }
    }

    /// The elements the renderer writes; anything else in the parsed page came from input.
    static let writtenElements = MarkupCheck.elements
}

/// The number tokens of a JSON text exactly as written, and its string values.
struct JSONTokens {
    var numbers: [String] = []
    private var sequence: [String] = []

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
                sequence.append(String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self))
            } else if byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let start = index
                while index < bytes.count, "0123456789+-.eE".utf8.contains(bytes[index]) { index += 1 }
                let token = String(decoding: bytes[start..<index], as: UTF8.self)
                numbers.append(token)
                sequence.append(token)
            } else {
                index += 1
            }
        }
    }

    /// The token after the first occurrence of `key` (a quoted member name).
    func value(after key: String) -> String {
        guard let index = sequence.firstIndex(of: key), index + 1 < sequence.count else { return "" }
        return sequence[index + 1]
    }

    /// Every string value (not member names) of a JSON document.
    static func strings(_ text: String) throws -> [String] {
        var found: [String] = []
        func walk(_ value: Any) {
            if let string = value as? String { found.append(string) }
            else if let array = value as? [Any] { array.forEach(walk) }
            else if let object = value as? [String: Any] { object.values.forEach(walk) }
        }
        walk(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        return found
    }
}
