/// Writes JSON text into a byte buffer with keys in the order the caller gives them.
///
/// Reports are contracts for scheduled jobs; a fixed key order keeps them diffable and makes
/// byte-exact tests possible. Strings are escaped per RFC 8259: quote, backslash and every
/// control character (so terminal escape sequences in input never survive as raw bytes).
///
///     var json = JSONWriter()
///     json.object { json.field("n") { json.number(1) }; json.field("s") { json.string("a\"b") } }
///     // {"n":1,"s":"a\"b"}
public struct JSONWriter {
    /// The JSON text written so far.
    public private(set) var bytes: [UInt8] = []
    /// Indent nested values by two spaces per level when true.
    public let pretty: Bool
    private var depth = 0
    private var needsComma = false

    public init(pretty: Bool = true) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    /// The JSON text as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    /// Writes `{ ... }`; call `field` inside `body` for each member.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes `[ ... ]`; write one value per element inside `body`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Writes an array of the elements of `items`, each through `element`.
    public mutating func array<S: Sequence>(_ items: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        array { writer in
            for item in items { element(&writer, item) }
        }
    }

    /// Writes a member name; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(ASCII.space) }
        needsComma = false
        pendingKey = true
    }

    /// Writes `"name": value` where `value` writes one JSON value.
    public mutating func field(_ name: String, _ value: (inout JSONWriter) -> Void) {
        key(name)
        value(&self)
    }

    // MARK: Scalars

    public mutating func string(_ value: String) {
        separate()
        writeString(value)
        needsComma = true
    }

    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func number<I: BinaryInteger>(_ value: I) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes a floating-point number rounded to `places` decimals (no exponent, no `-0`).
    public mutating func number(_ value: Double, places: Int) {
        separate()
        bytes.append(contentsOf: Self.decimal(value, places: places).utf8)
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    // MARK: Convenience members

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: String?) { key(name); optionalString(value) }
    public mutating func field<I: BinaryInteger>(_ name: String, _ value: I) { key(name); number(value) }
    public mutating func field<I: BinaryInteger>(_ name: String, _ value: I?) {
        key(name)
        if let value { number(value) } else { null() }
    }
    public mutating func field(_ name: String, _ value: Double, places: Int) { key(name); number(value, places: places) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    /// Writes `"name": ["a", "b"]` on one line.
    public mutating func field(_ name: String, strings: [String]) {
        key(name)
        inline { $0.array(strings) { $0.string($1) } }
    }

    /// Writes whatever `body` writes on one line, even in pretty mode.
    public mutating func inline(_ body: (inout JSONWriter) -> Void) {
        separate()  // laid out as the enclosing container wants
        skipSeparator = true
        inlineLevel += 1
        body(&self)
        inlineLevel -= 1
    }

    // MARK: Layout

    private var pendingKey = false
    private var inlineLevel = 0
    private var skipSeparator = false
    private var openMarks: [Int] = []

    private mutating func separate() {
        if skipSeparator {
            skipSeparator = false
            return
        }
        if needsComma {
            bytes.append(ASCII.comma)
            if pretty, inlineLevel > 0 { bytes.append(ASCII.space) }
        }
        if pretty, inlineLevel == 0, !pendingKey, depth > 0 { newline() }
        pendingKey = false
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        depth += 1
        needsComma = false
        openMarks.append(bytes.count)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let mark = openMarks.removeLast()
        if pretty, inlineLevel == 0, bytes.count > mark { newline() }
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func newline() {
        bytes.append(ASCII.newline)
        for _ in 0..<depth { bytes.append(ASCII.space); bytes.append(ASCII.space) }
    }

    private mutating func writeString(_ value: String) {
        bytes.append(ASCII.quote)
        for byte in value.utf8 {
            switch byte {
            case ASCII.quote: bytes.append(contentsOf: [ASCII.backslash, ASCII.quote])
            case ASCII.backslash: bytes.append(contentsOf: [ASCII.backslash, ASCII.backslash])
            case ASCII.newline: bytes.append(contentsOf: [ASCII.backslash, UInt8(ascii: "n")])
            case ASCII.carriageReturn: bytes.append(contentsOf: [ASCII.backslash, UInt8(ascii: "r")])
            case ASCII.tab: bytes.append(contentsOf: [ASCII.backslash, UInt8(ascii: "t")])
            case 0..<0x20, 0x7f:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [ASCII.backslash, UInt8(ascii: "u"), ASCII.zero, ASCII.zero,
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(ASCII.quote)
    }

    /// `value` with exactly `places` decimals, rounded half away from zero, never `-0`.
    public static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(describing: value) }
        let whole = UInt64(scaled)
        let divisor = UInt64(scale)
        let integerPart = whole / divisor
        var text = (value < 0 && whole != 0 ? "-" : "") + String(integerPart)
        if places > 0 {
            let fraction = String(whole % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
