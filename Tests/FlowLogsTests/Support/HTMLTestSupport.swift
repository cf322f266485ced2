import CZlib
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// HTML output parsed as XML (flowscan writes polyglot markup): the elements in document order,
/// their attributes and the text inside each, or the parser's error.
struct ParsedMarkup {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Every text inside the element, its descendants' too, in order.
        var text: String
        var depth: Int
    }

    var elements: [Element] = []
    var error: String?

    /// All text of the document, in order.
    var text: String { elements.first?.text ?? "" }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Parses `bytes` with Foundation's XML parser (libxml2), which rejects anything not well-formed.
    init(_ bytes: [UInt8]) {
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        if !parser.parse() {
            error = parser.parserError.map { "\($0)" } ?? "parse failed"
            if let line = Optional(parser.lineNumber) { error! += " at line \(line), column \(parser.columnNumber)" }
        }
        elements = collector.finished.sorted { $0.order < $1.order }.map(\.element)
        if collector.open.count > 0, error == nil { error = "unclosed elements" }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var open: [(element: Element, order: Int)] = []
        var finished: [(element: Element, order: Int)] = []
        var count = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append((Element(name: elementName, attributes: attributes, text: "", depth: open.count), count))
            count += 1
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open.indices { open[index].element.text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            if let last = open.popLast() { finished.append(last) }
        }
    }
}

/// A decoded PNG's pixels, enough to say whether a screenshot shows anything.
struct PNGPixels {
    var width = 0
    var height = 0
    /// RGBA (or RGB) samples row by row, 8 bits each.
    var samples: [UInt8] = []
    var channels = 0

    /// How many different colours the image holds.
    var distinctColours: Int {
        var seen = Set<UInt32>()
        var index = 0
        while index + channels <= samples.count {
            var value: UInt32 = 0
            for channel in 0..<min(3, channels) { value = value << 8 | UInt32(samples[index + channel]) }
            seen.insert(value)
            index += channels
        }
        return seen.count
    }

    /// The share of pixels that differ from the most common colour (the background).
    var inkShare: Double {
        var counts: [UInt32: Int] = [:]
        var index = 0
        while index + channels <= samples.count {
            var value: UInt32 = 0
            for channel in 0..<min(3, channels) { value = value << 8 | UInt32(samples[index + channel]) }
            counts[value, default: 0] += 1
            index += channels
        }
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return 0 }
        return 1 - Double(counts.values.max() ?? 0) / Double(total)
    }

    /// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes); nil otherwise.
    init?(_ data: [UInt8]) {
        guard data.count > 8, data.prefix(8).elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else { return nil }
        var offset = 8
        var compressed: [UInt8] = []
        func be32(_ at: Int) -> Int { Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3]) }
        while offset + 8 <= data.count {
            let length = be32(offset)
            let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = offset + 8
            guard body + length + 4 <= data.count else { return nil }
            if type == "IHDR" {
                width = be32(body)
                height = be32(body + 4)
                guard data[body + 8] == 8, data[body + 12] == 0 else { return nil }
                switch data[body + 9] {
                case 2: channels = 3
                case 6: channels = 4
                default: return nil
                }
            } else if type == "IDAT" {
                compressed.append(contentsOf: data[body..<(body + length)])
            }
            offset = body + length + 4
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { return nil }
        samples = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for column in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + column])
                let a = column >= channels ? Int(samples[row * stride + column - channels]) : 0
                let b = row > 0 ? Int(samples[(row - 1) * stride + column]) : 0
                let c = row > 0 && column >= channels ? Int(samples[(row - 1) * stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: return nil
                }
                samples[row * stride + column] = UInt8((x + predictor) & 0xff)
            }
        }
    }
}

/// Headless Chromium (Debian's `chromium`), when installed: renders a page to a PNG and
/// reports what the page wrote to its console (CSP violations among them).
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isInstalled: Bool { path != nil }

    struct Render {
        var status: Int32
        var png: [UInt8]
        /// Lines of the browser's log that are console messages of the page.
        var consoleMessages: [String]
        var log: String
    }

    /// Renders `html` (written to a temporary file and opened as `file://`) at `width`×`height`.
    /// - Parameter darkScheme: asks the page for `prefers-color-scheme: dark`.
    static func render(_ html: [UInt8], width: Int = 1000, height: Int = 1400, darkScheme: Bool = false) throws -> Render {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let folder = TemporaryDirectory()
        let page = folder.write("page.html", html)
        let shot = folder.path("shot.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=" + folder.path("profile"), "--enable-logging=stderr", "--v=0",
                         "--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=" + shot]
        if darkScheme { arguments.append("--blink-settings=preferredColorScheme=0") }
        arguments.append("file://" + page)
        process.arguments = arguments
        process.environment = ["HOME": folder.path("home"), "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        defer { watchdog.cancel() }
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let png = (try? Data(contentsOf: URL(fileURLWithPath: shot))).map { [UInt8]($0) } ?? []
        // FLOWSCAN_KEEP_RENDERS=folder keeps each page and screenshot there, to look at them.
        if let keep = ProcessInfo.processInfo.environment["FLOWSCAN_KEEP_RENDERS"] {
            let name = "\(keep)/render-\(width)x\(height)\(darkScheme ? "-dark" : "")-\(html.count)"
            try? Data(html).write(to: URL(fileURLWithPath: name + ".html"))
            try? Data(png).write(to: URL(fileURLWithPath: name + ".png"))
        }
        let console = log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        return Render(status: process.terminationStatus, png: png, consoleMessages: console, log: log)
    }
}
