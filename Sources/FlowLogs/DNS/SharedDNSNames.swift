import Synchronization

/// Where the Resolver-log reader puts each query it parsed: a worker's own map, or the one map
/// all workers fill (`SharedDNSNames`).
protocol ResolverQuerySink {
    /// Remembers the addresses `query` answered (its buffers are valid only during the call).
    mutating func add(_ query: ResolverQuery)
}

extension DNSNames: ResolverQuerySink {}

/// The one address → name map that every Resolver-log worker fills: workers parse their files
/// apart and add each query under one lock, so a run holds one bounded map whatever `--jobs`
/// says, and keeps the answers one worker reading every file would keep (in the order read).
final class SharedDNSNames: ResolverQuerySink, Sendable {
    private let map: Mutex<DNSNames>

    init(options: DNSNamingOptions) {
        map = Mutex(DNSNames(options: options))
    }

    func add(_ query: ResolverQuery) {
        map.withLock { $0.add(query) }
    }

    /// The map, taken out once every worker is done (an empty one is left).
    func take() -> DNSNames {
        map.withLock { names in
            var taken = DNSNames(options: names.options)
            swap(&taken, &names)
            return taken
        }
    }
}
