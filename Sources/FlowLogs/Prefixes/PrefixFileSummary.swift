import Foundation

/// What `flowscan prefixes info` says about an ip-ranges.json file: where it is, how old, how big.
public struct PrefixFileSummary: Sendable {
    /// A name with its entry counts (a service or a region).
    public struct Count: Hashable, Sendable {
        public let name: String
        public let count: PrefixEntryCount
    }

    /// Files older than this many days draw a warning: AWS changes the file several times a week.
    public static let staleAfterDays = 30

    /// The file's path.
    public let path: String
    /// Where the path came from (`PrefixFileLocation.optionOrigin`, …).
    public let origin: String
    /// The file's `syncToken`.
    public let syncToken: String
    /// The file's `createDate` as written.
    public let createDate: String
    /// `createDate` as a date; `nil` when it is not in AWS's format.
    public let createdAt: Date?
    /// Whole days from `createdAt` to the time given to `init` (never negative); `nil` without a date.
    public let ageDays: Int?
    /// True when the file is more than `staleAfterDays` old.
    public let isStale: Bool
    /// Entries in `prefixes` and `ipv6_prefixes`.
    public let ipv4Prefixes: Int, ipv6Prefixes: Int
    /// Entries per service and per region, most first (then by name).
    public let services: [Count], regions: [Count]

    /// Describes `table`, read from `path`, as of `now`.
    /// - Parameters:
    ///   - table: the loaded file.
    ///   - path: where it was read from.
    ///   - origin: how that path was chosen.
    ///   - now: the current time (a parameter so tests are repeatable).
    public init(table: PrefixTable, path: String, origin: String, now: Date) {
        self.path = path
        self.origin = origin
        syncToken = table.syncToken
        createDate = table.createDate
        createdAt = table.createdAt
        let age = createdAt.map { max(0, now.timeIntervalSince($0)) }
        ageDays = age.map { Int($0 / 86_400) }
        isStale = age.map { $0 > Double(Self.staleAfterDays) * 86_400 } ?? false
        ipv4Prefixes = table.ipv4PrefixCount
        ipv6Prefixes = table.ipv6PrefixCount
        func sorted(_ counts: [String: PrefixEntryCount]) -> [Count] {
            counts.map { Count(name: $0.key, count: $0.value) }
                .sorted { ($0.count.total, $1.name) > ($1.count.total, $0.name) }
        }
        services = sorted(table.serviceCounts)
        regions = sorted(table.regionCounts)
    }

    /// A warning for standard error when the file is stale or its age unknown; `nil` when it is current.
    public var warning: String? {
        guard let ageDays else {
            return "cannot tell how old \(path) is: its createDate \"\(TerminalText.safe(createDate))\" "
                + "is not YYYY-MM-DD-hh-mm-ss; run 'flowscan prefixes update' for a current copy"
        }
        guard isStale else { return nil }
        return "\(path) is \(ageDays) days old (created \(createDate)); AWS changes ip-ranges.json several "
            + "times a week, so recent ranges are missing: run 'flowscan prefixes update'"
    }
}
