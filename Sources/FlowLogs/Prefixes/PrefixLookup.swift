/// The answers of `flowscan prefixes lookup`: who owns each address.
///
///     let lookup = PrefixLookup(table: table, addresses: [IPAddress("52.95.128.179")!, IPAddress("10.0.0.1")!])
///     lookup.answers[0].match?.service   // "S3"
///     lookup.answers[1].owner            // "private"
public struct PrefixLookup: Sendable {
    /// One address and what the table says about it.
    public struct Answer: Hashable, Sendable {
        /// The address looked up.
        public let address: IPAddress
        /// The AWS range that holds it; `nil` for the public internet and private or special addresses.
        public let match: PrefixMatch?

        /// The address space the address belongs to (public, private, loopback, …).
        public var scope: AddressScope { address.scope }

        /// Who owns the address, in one word: the AWS service, else `internet` for a public address,
        /// else the scope (`private`, `unique-local`, `loopback`, `link-local`, `multicast`, `reserved`).
        public var owner: String {
            if let match { return match.service }
            return scope == .public ? "internet" : scope.rawValue
        }
    }

    /// One answer per address, in the order given.
    public let answers: [Answer]

    /// Looks up every address.
    /// - Parameters:
    ///   - table: the ip-ranges.json table.
    ///   - addresses: the addresses, in the order they should be answered.
    public init(table: PrefixTable, addresses: [IPAddress]) {
        answers = addresses.map { Answer(address: $0, match: table.lookup($0)) }
    }
}
