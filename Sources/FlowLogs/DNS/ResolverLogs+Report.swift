/// The report's reading of Resolver query logs: before the flow scan, so that the aggregation
/// can name addresses as it counts them.
extension ResolverLogs {
    /// Bytes decoded from each input to tell a Resolver log from a flow log: a flow-log header or
    /// the first fields of a Resolver record are well inside (`query_timestamp` and `query_name`
    /// come within its first 200 bytes). Small, so that the flow logs are not decoded twice.
    static let sniffBytes = 4096

    /// The Resolver query logs of a report run, read before the flow scan: the inputs among
    /// `entries` whose first line says they are Resolver logs (`LogContent`), and the `explicit`
    /// (`--dns-logs`) paths.
    /// - Returns: the logs (their files in input order: those found among the inputs, then the
    ///   explicit ones), and `entries` without the Resolver logs found among them.
    public static func readBeforeScan(_ entries: [InputDiscovery.Entry], explicit: [String], options: DNSNamingOptions,
                                      read: ReadOptions, jobs: Int = 0) -> (logs: ResolverLogs, flowEntries: [InputDiscovery.Entry]) {
        var flowEntries: [InputDiscovery.Entry] = []
        var resolverEntries: [InputDiscovery.Entry] = []
        var seen = Set<String>()
        for entry in entries {
            // Only regular files (with a size): a pipe read here would be gone for the flow scan.
            if entry.skipReason == nil, entry.path != "-", entry.size != nil,
               content(of: entry.path, format: read.format) == .resolverQueryLog {
                resolverEntries.append(entry)
                seen.insert(entry.path)
            } else {
                flowEntries.append(entry)
            }
        }
        for entry in InputDiscovery.discover(explicit) where !seen.contains(entry.path) {
            resolverEntries.append(entry)
            seen.insert(entry.path)
        }
        guard !resolverEntries.isEmpty else { return (ResolverLogs(names: DNSNames(options: options)), flowEntries) }
        return (Self.read(resolverEntries, options: options, read: read, jobs: jobs), flowEntries)
    }

    /// What a file's first line with content says it holds (`.other` when it cannot be read: the
    /// flow scan then reports why).
    static func content(of path: String, format: FlowLogFormat?) -> LogContent {
        guard let reader = try? DecodingReader(path: path) else { return .other }
        guard reader.kind == .text || reader.kind == .gzip else { return .other }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: sniffBytes, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0
        // Up to the first line with content (or the buffer's end): blank lines first are skipped.
        while count < sniffBytes {
            guard let read = try? reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])), read > 0 else { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[count..<(count + read)])
            count += read
            if let newline = chunk.firstIndex(of: ASCII.newline),
               UnsafeRawBufferPointer(rebasing: buffer[..<(count - read + newline)]).contains(where: { $0 > ASCII.space }) { break }
        }
        guard count > 0 else { return .other }
        return FlowLogFileReader.content(of: UnsafeRawBufferPointer(rebasing: buffer[..<count]), format: format)
    }
}

extension ResolverLogs {
    /// The flow scan's summaries and these Resolver logs' summaries in the order of `entries`
    /// (the discovered inputs), then the `--dns-logs` files that were not among them.
    public func inInputOrder(_ flowFiles: [FileSummary], entries: [InputDiscovery.Entry]) -> [FileSummary] {
        var resolver: [String: FileSummary] = [:]
        for file in files { resolver[file.path] = file }
        var merged: [FileSummary] = []
        merged.reserveCapacity(flowFiles.count + files.count)
        var next = flowFiles.makeIterator()
        for entry in entries {
            if let file = resolver.removeValue(forKey: entry.path) {
                merged.append(file)
            } else if let file = next.next() {
                merged.append(file)
            }
        }
        while let file = next.next() { merged.append(file) }
        merged += files.filter { resolver[$0.path] != nil }
        return merged
    }
}
