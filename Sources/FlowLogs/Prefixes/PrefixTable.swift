import Foundation

/// AWS's published address ranges (ip-ranges.json), ready to say which service and region own an
/// address, millions of times a second.
///
/// Loading checks the whole file and resolves every address to one answer up front: the longest
/// prefix wins, and among the entries for that one prefix `ServicePrecedence` decides. Lookups then
/// read flat tables and never allocate; the table is immutable and safe to share between threads.
///
///     let table = try PrefixTable.load(contentsOf: "ip-ranges.json")
///     let index = table.serviceRegionIndex(of: IPAddress("52.95.128.179")!)
///     table.serviceRegions[index]                       // S3 ap-southeast-2
///     table.lookup(IPAddress("52.95.128.179")!)?.prefix  // 52.95.128.0/21
public final class PrefixTable: Sendable {
    /// The file's path (or the `source` given to `init(jsonData:source:)`).
    public let source: String
    /// The file's `syncToken`: the publication time in Unix seconds, as text.
    public let syncToken: String
    /// The file's `createDate` as written, e.g. `2026-08-22-15-17-05` (UTC).
    public let createDate: String
    /// The number of entries in `prefixes` (a block listed under two services counts twice).
    public let ipv4PrefixCount: Int
    /// The number of entries in `ipv6_prefixes`.
    public let ipv6PrefixCount: Int
    /// The distinct answers lookups can give, sorted; index 0 is `ServiceRegion.notAWS`.
    public let serviceRegions: [ServiceRegion]
    /// How many entries the file lists for each service name.
    public let serviceCounts: [String: PrefixEntryCount]
    /// How many entries the file lists for each region.
    public let regionCounts: [String: PrefixEntryCount]

    /// The distinct CIDR blocks with their resolved answer (the `records` of the interval indexes).
    let records: [PrefixRecord]
    let ipv4: IntervalIndex<UInt32>
    let ipv6: IntervalIndex<UInt128>

    /// Files larger than this are refused unread (the 2026 file is 2.6 MB).
    public static let maximumFileSize = 64 << 20

    /// Loads and validates an ip-ranges.json file.
    /// - Parameter path: the file to read.
    /// - Returns: the table, ready for lookups.
    /// - Throws: `PrefixFileError` naming the file and what is wrong, with a byte offset or jq path
    ///   where possible (`unreadable`, `tooLarge`, `empty`, `notJSON`, `missingKey`, `badCIDR`, …).
    public static func load(contentsOf path: String) throws(PrefixFileError) -> PrefixTable {
        try PrefixTable(jsonData: try PrefixFileIO.read(path), source: path)
    }

    /// Builds a table from the bytes of an ip-ranges.json file.
    /// - Parameters:
    ///   - jsonData: the file's bytes.
    ///   - source: where they came from (a path or URL), used in error messages.
    /// - Throws: `PrefixFileError` naming `source` and what is wrong.
    public init(jsonData: [UInt8], source: String) throws(PrefixFileError) {
        let contents = try PrefixFileScanner.scan(jsonData, source: source)
        let built = PrefixTableBuilder(contents)
        self.source = source
        syncToken = contents.syncToken
        createDate = contents.createDate
        ipv4PrefixCount = contents.ipv4.count
        ipv6PrefixCount = contents.ipv6.count
        serviceRegions = built.serviceRegions
        serviceCounts = built.serviceCounts
        regionCounts = built.regionCounts
        records = built.records
        ipv4 = built.ipv4
        ipv6 = built.ipv6
    }

    /// The distinct CIDR blocks of the file (IPv4 first), in the order they first appear.
    public var prefixes: [IPPrefix] { records.map(\.prefix) }

    // MARK: Lookups

    /// HOT PATH: the index into `serviceRegions` of the entry that owns `address`; 0 when no AWS
    /// range holds it. Allocation-free: two table reads, plus a short binary search for addresses
    /// in a /16 (IPv4) or top-16-bit block (IPv6) where AWS ranges begin or end.
    @inline(__always)
    public func serviceRegionIndex(of address: IPAddress) -> Int {
        if address.isIPv4 {
            let interval = ipv4.interval(containing: UInt32(truncatingIfNeeded: address.value))
            return Int(ipv4.serviceRegions.withUnsafeBufferPointer { $0[interval] })
        }
        let interval = ipv6.interval(containing: address.value)
        return Int(ipv6.serviceRegions.withUnsafeBufferPointer { $0[interval] })
    }

    /// The full answer for `address`: the winning service and region, the matched prefix and every
    /// service listed for that prefix; `nil` when no AWS range holds the address.
    public func lookup(_ address: IPAddress) -> PrefixMatch? {
        let record: Int32
        if address.isIPv4 {
            record = ipv4.records[ipv4.interval(containing: UInt32(truncatingIfNeeded: address.value))]
        } else {
            record = ipv6.records[ipv6.interval(containing: address.value)]
        }
        guard record >= 0 else { return nil }
        let entry = records[Int(record)]
        return PrefixMatch(serviceRegion: serviceRegions[entry.serviceRegionIndex],
                           serviceRegionIndex: entry.serviceRegionIndex,
                           prefix: entry.prefix, services: entry.services)
    }

    // MARK: Dates

    /// `createDate` as a date (the file writes UTC); `nil` when it is not `YYYY-MM-DD-hh-mm-ss`.
    public var createdAt: Date? { Self.parseCreateDate(createDate) }

    /// Parses `2026-08-22-15-17-05` as UTC.
    static func parseCreateDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2, 2, 2, 2]
        guard parts.count == 6 else { return nil }
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.utf8.count == width, part.utf8.allSatisfy(ASCII.isDigit), let number = Int(part) else { return nil }
            numbers.append(number)
        }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        guard (1...12).contains(month), (1...31).contains(day), numbers[3] < 24, numbers[4] < 60, numbers[5] <= 60 else {
            return nil
        }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + numbers[3] * 3600 + numbers[4] * 60 + numbers[5]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// One distinct CIDR block and the answer it gives.
struct PrefixRecord: Sendable {
    let prefix: IPPrefix
    let serviceRegionIndex: Int
    /// Every service listed for exactly this block, sorted by name.
    let services: [String]
}
