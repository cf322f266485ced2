import Foundation

/// One entry of `prefixes` or `ipv6_prefixes`, as the file lists it; the names are ids in
/// `PrefixFileContents.names`.
struct PrefixFileEntry: Sendable {
    var prefix: IPPrefix
    var service: UInt32
    var region: UInt32
    var networkBorderGroup: UInt32
}

/// Everything flowscan keeps from an ip-ranges.json file, in file order.
struct PrefixFileContents: Sendable {
    var syncToken: String
    var createDate: String
    /// The services, regions and border groups, by the ids the entries hold.
    var names: [String]
    var ipv4: [PrefixFileEntry]
    var ipv6: [PrefixFileEntry]
}

extension PrefixFileScanner {
    /// The two arrays of an ip-ranges.json file.
    enum Family {
        case ipv4, ipv6

        /// The top-level member that holds the array: `prefixes` or `ipv6_prefixes`.
        var arrayKey: StaticString { self == .ipv4 ? "prefixes" : "ipv6_prefixes" }
        /// The entry member that holds the CIDR block: `ip_prefix` or `ipv6_prefix`.
        var prefixKey: StaticString { self == .ipv4 ? "ip_prefix" : "ipv6_prefix" }
    }

    /// Reads and checks a whole ip-ranges.json file.
    ///
    ///     {"syncToken": "1", "createDate": "2026-08-22-15-17-05", "prefixes": [{"ip_prefix":
    ///      "3.5.0.0/19", "region": "us-east-1", "service": "S3", "network_border_group": "us-east-1"}]}
    ///     -> syncToken "1", one IPv4 entry, no IPv6 entries (`ipv6_prefixes` may be absent)
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - source: the file's path, for error messages.
    /// - Throws: `PrefixFileError` naming the byte offset or jq path of the first problem.
    static func scan(_ data: [UInt8], source: String) throws(PrefixFileError) -> PrefixFileContents {
        let result = data.withUnsafeBufferPointer { buffer -> Result<PrefixFileContents, PrefixFileError> in
            var scanner = PrefixFileScanner(bytes: buffer, source: source)
            scanner.entryCapacity = buffer.count / Self.bytesPerEntry
            do throws(PrefixFileError) {
                return .success(try scanner.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads the top-level object.
    mutating func document() throws(PrefixFileError) -> PrefixFileContents {
        guard let opening = peek() else { throw .empty(path: source) }
        guard opening == ASCII.openBrace else {
            if Array("[\"-0123456789tfn".utf8).contains(opening) {
                throw .wrongType(path: source, jsonPath: ".", expected: "an object", offset: offset)
            }
            throw syntaxError("expected '{' (an ip-ranges.json file is one JSON object)")
        }
        offset += 1
        var syncToken: String?, createDate: String?
        var ipv4: [PrefixFileEntry]?, ipv6: [PrefixFileEntry]?
        var first = true
        while let (key, keyOffset) = try nextMember(&first) {
            func duplicate(_ name: String) -> PrefixFileError {
                .duplicateKey(path: source, jsonPath: "." + name, offset: keyOffset)
            }
            if token(key, is: "prefixes") {
                guard ipv4 == nil else { throw duplicate("prefixes") }
                ipv4 = try entries(.ipv4)
            } else if token(key, is: "ipv6_prefixes") {
                guard ipv6 == nil else { throw duplicate("ipv6_prefixes") }
                ipv6 = try entries(.ipv6)
            } else if token(key, is: "syncToken") {
                guard syncToken == nil else { throw duplicate("syncToken") }
                syncToken = try stringValue(at: ".syncToken")
            } else if token(key, is: "createDate") {
                guard createDate == nil else { throw duplicate("createDate") }
                createDate = try stringValue(at: ".createDate")
            } else {
                try skipValue(depth: 1)
            }
        }
        guard peek() == nil else { throw syntaxError("expected the end of the file after the top-level object") }
        guard let ipv4 else { throw .missingKey(path: source, jsonPath: ".", key: "prefixes") }
        guard let syncToken else { throw .missingKey(path: source, jsonPath: ".", key: "syncToken") }
        guard let createDate else { throw .missingKey(path: source, jsonPath: ".", key: "createDate") }
        guard !ipv4.isEmpty else { throw .noPrefixes(path: source) }
        return PrefixFileContents(syncToken: syncToken, createDate: createDate, names: names.names, ipv4: ipv4,
                                  ipv6: ipv6 ?? [])
    }

    /// About the bytes of one pretty-printed entry (the 2026 file: 2.6 MB, 16,828 entries), to
    /// reserve the arrays once.
    static let bytesPerEntry = 150

    /// Reads the array of one family (its `[` not yet consumed).
    mutating func entries(_ family: Family) throws(PrefixFileError) -> [PrefixFileEntry] {
        try expectStart(Byte.openBracket, "an array", at: ".\(family.arrayKey)")
        offset += 1
        var result: [PrefixFileEntry] = []
        result.reserveCapacity(family == .ipv4 ? entryCapacity : entryCapacity / 2)
        var first = true
        while try nextElement(&first) {
            result.append(try entry(family, index: result.count))
        }
        return result
    }

    /// Reads one entry object: the CIDR block, `service`, `region`, `network_border_group`.
    mutating func entry(_ family: Family, index: Int) throws(PrefixFileError) -> PrefixFileEntry {
        func path(_ member: String? = nil) -> String {
            ".\(family.arrayKey)[\(index)]" + (member.map { "." + $0 } ?? "")
        }
        try expectStart(ASCII.openBrace, "an object", at: path())
        offset += 1
        var prefix: IPPrefix?, service: RecentName?, region: RecentName?, group: RecentName?
        var first = true
        while let (key, keyOffset) = try nextMember(&first) {
            func duplicate(_ name: String) -> PrefixFileError {
                .duplicateKey(path: source, jsonPath: path(name), offset: keyOffset)
            }
            if token(key, is: family.prefixKey) {
                guard prefix == nil else { throw duplicate("\(family.prefixKey)") }
                prefix = try prefixValue(family, at: path("\(family.prefixKey)"))
            } else if token(key, is: "service") {
                guard service == nil else { throw duplicate("service") }
                service = try nameValue(at: path("service"), like: recent.service)
            } else if token(key, is: "region") {
                guard region == nil else { throw duplicate("region") }
                region = try nameValue(at: path("region"), like: recent.region)
            } else if token(key, is: "network_border_group") {
                guard group == nil else { throw duplicate("network_border_group") }
                // Most border groups are their entry's region.
                group = try nameValue(at: path("network_border_group"), like: region ?? recent.group, recent.group)
            } else {
                try skipValue(depth: 3)
            }
        }
        func missing(_ key: String) -> PrefixFileError { .missingKey(path: source, jsonPath: path(), key: key) }
        guard let prefix else { throw missing("\(family.prefixKey)") }
        guard let service else { throw missing("service") }
        guard let region else { throw missing("region") }
        guard let group else { throw missing("network_border_group") }
        recent = (service, region, group)
        return PrefixFileEntry(prefix: prefix, service: service.id, region: region.id, networkBorderGroup: group.id)
    }

    /// Reads a value that must be a string: a name, given as its id in `names`.
    /// - Parameter hints: names read just before, which this one often repeats: when its bytes
    ///   are theirs, it is known without hashing.
    mutating func nameValue(at path: @autoclosure () -> String, like hint: RecentName?,
                            _ otherHint: RecentName? = nil) throws(PrefixFileError) -> RecentName {
        try expectStart(ASCII.quote, "a string", at: path())
        let token = try stringToken()
        // Equal bytes are an equal name, escapes or not (the first was checked when read).
        func repeats(_ hint: RecentName?) -> Bool {
            guard let hint, hint.range.count == token.range.count else { return false }
            return memcmp(bytes.baseAddress! + hint.range.lowerBound, bytes.baseAddress! + token.range.lowerBound,
                          token.range.count) == 0
        }
        if repeats(hint) { return RecentName(range: token.range, id: hint!.id) }
        if repeats(otherHint) { return RecentName(range: token.range, id: otherHint!.id) }
        if token.hasEscapes {
            let text = try text(of: token)
            let id = Array(text.utf8).withUnsafeBytes { names.knownID($0) ?? names.add($0, name: text) }
            return RecentName(range: token.range, id: id)
        }
        let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[token.range])
        if let id = names.knownID(raw) { return RecentName(range: token.range, id: id) }
        return RecentName(range: token.range, id: names.add(raw, name: try text(of: token)))
    }

    /// Reads a value that must be a string.
    mutating func stringValue(at path: @autoclosure () -> String) throws(PrefixFileError) -> String {
        try expectStart(ASCII.quote, "a string", at: path())
        return try text(of: try stringToken())
    }

    /// Checks that a value of the `expected` type starts here with `byte`: else the file ends
    /// (a truncated file) or holds another type.
    private mutating func expectStart(_ byte: UInt8, _ expected: String, at path: @autoclosure () -> String) throws(PrefixFileError) {
        guard peek() != byte else { return }
        if offset >= bytes.count { throw syntaxError("expected \(expected)") }
        throw .wrongType(path: source, jsonPath: path(), expected: expected, offset: offset)
    }

    /// Reads a CIDR block of the given family (see `CIDRText.parse`).
    mutating func prefixValue(_ family: Family, at path: @autoclosure () -> String) throws(PrefixFileError) -> IPPrefix {
        try expectStart(ASCII.quote, "a string", at: path())
        let token = try stringToken()
        let parsed: Result<IPPrefix, CIDRText.Problem>
        if token.hasEscapes {
            var decoded = try text(of: token)
            parsed = decoded.withUTF8 { CIDRText.parse(UnsafeRawBufferPointer($0), ipv6: family == .ipv6) }
        } else {
            parsed = CIDRText.parse(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[token.range])),
                                    ipv6: family == .ipv6)
        }
        switch parsed {
        case let .success(prefix):
            return prefix
        case .failure(.wrongFamily):
            throw .wrongFamily(path: source, jsonPath: path(), value: try shortText(of: token))
        case let .failure(.invalid(reason)):
            throw .badCIDR(path: source, jsonPath: path(), value: try shortText(of: token), reason: reason)
        }
    }

    /// The token's text, cut to 60 characters for messages.
    private func shortText(of token: StringToken) throws(PrefixFileError) -> String {
        let text = try self.text(of: token)
        return text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    // MARK: Skipping

    /// Reads past one JSON value of any kind, checking its syntax.
    mutating func skipValue(depth: Int) throws(PrefixFileError) {
        guard let byte = peek() else { throw syntaxError("expected a value") }
        switch byte {
        case ASCII.quote:
            _ = try stringToken()
        case ASCII.openBrace, Byte.openBracket:
            guard depth < Self.maximumDepth else {
                throw syntaxError("values nested more than \(Self.maximumDepth) deep")
            }
            offset += 1
            var first = true
            if byte == ASCII.openBrace {
                while try nextMember(&first) != nil { try skipValue(depth: depth + 1) }
            } else {
                while try nextElement(&first) { try skipValue(depth: depth + 1) }
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case ASCII.dash, ASCII.zero...ASCII.nine: try number()
        default: throw syntaxError("expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(PrefixFileError) {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard offset + count <= bytes.count,
              UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]).elementsEqual(expected) else {
            throw syntaxError("expected a value")
        }
        offset += count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(PrefixFileError) {
        func digits(_ scanner: inout PrefixFileScanner) throws(PrefixFileError) {
            let start = scanner.offset
            while scanner.offset < scanner.bytes.count, ASCII.isDigit(scanner.bytes[scanner.offset]) { scanner.offset += 1 }
            guard scanner.offset > start else { throw scanner.syntaxError("expected a digit") }
        }
        if bytes[offset] == ASCII.dash { offset += 1 }
        if offset < bytes.count, bytes[offset] == ASCII.zero { offset += 1 } else { try digits(&self) }
        if offset < bytes.count, bytes[offset] == ASCII.dot {
            offset += 1
            try digits(&self)
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == ASCII.plus || bytes[offset] == ASCII.dash { offset += 1 }
            try digits(&self)
        }
    }
}
