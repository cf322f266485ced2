import Foundation

/// The Route 53 Resolver query logs of a synthetic VPC (`generate --dns-logs`): each
/// connection to a plain-AMAZON address is preceded by its instance's query for the real name
/// of the endpoint service behind it, as Resolver query logging delivers it to S3
/// (`AWSLogs/ACCOUNT/vpcdnsquerylogs/VPC-ID/YYYY/MM/DD/*.log.gz`, version 1.100000).
///
/// Which service an address stands for is a hash of the address alone (the flow logs' random
/// draws are untouched, so they stay byte-identical with and without DNS logs), and one address
/// always names one service: no address is ambiguous. A share of the addresses is never
/// queried in the logs (a connection opened before logging began): their bytes are unnamed.
enum SyntheticDNS {
    /// One service the generator's AMAZON addresses stand for.
    struct Service {
        /// The query name with `{region}` and `{account}` placeholders.
        var name: String
        var weight: UInt64
    }

    /// Typical callers of a private ECS backend (the case that motivates the report).
    static let services: [Service] = [
        Service(name: "{account}.dkr.ecr.{region}.amazonaws.com", weight: 20),
        Service(name: "api.ecr.{region}.amazonaws.com", weight: 8),
        Service(name: "logs.{region}.amazonaws.com", weight: 20),
        Service(name: "sts.{region}.amazonaws.com", weight: 8),
        Service(name: "sts.amazonaws.com", weight: 4),
        Service(name: "secretsmanager.{region}.amazonaws.com", weight: 8),
        Service(name: "sqs.{region}.amazonaws.com", weight: 10),
        Service(name: "monitoring.{region}.amazonaws.com", weight: 4),
        Service(name: "kms.{region}.amazonaws.com", weight: 2),
        Service(name: "ssm.{region}.amazonaws.com", weight: 2),
    ]
    /// Weight of the addresses no query in the logs names.
    static let unnamedWeight: UInt64 = 8

    /// One query the logs hold.
    struct Query {
        var time: UInt64
        var source: SyntheticLayout.Interface
        var name: String
        var answer: IPAddress?
        var rcode = "NOERROR"
    }

    static func mix(_ address: IPAddress) -> UInt64 {
        var x = UInt64(truncatingIfNeeded: address.value) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 31
        x &*= 0xBF58_476D_1CE4_E5B9
        return x ^ x >> 29
    }

    /// The query name an AMAZON address stands for; `nil` for addresses never queried.
    static func name(for address: IPAddress, region: String, account: String) -> String? {
        let total = services.reduce(unnamedWeight) { $0 + $1.weight }
        var point = mix(address) % total
        for service in services {
            if point < service.weight {
                return service.name.replacingOccurrences(of: "{region}", with: region).replacingOccurrences(of: "{account}", with: account)
            }
            point -= service.weight
        }
        return nil
    }

    /// How the report names the service of an address (`expected.json`'s `endpoint_services`):
    /// the full endpoint service, else the DNS name (global STS); `nil` when unnamed.
    static func label(for address: IPAddress, region: String, account: String) -> String? {
        guard let name = name(for: address, region: region, account: account) else { return nil }
        return EndpointCatalog.service(for: name).endpointName ?? name
    }

    /// The query before a connection from `source` to `peer` that starts at `start`.
    static func query(source: SyntheticLayout.Interface, peer: IPAddress, start: UInt64, options: SyntheticVPC.Options) -> Query? {
        guard let name = name(for: peer, region: options.region, account: options.account) else { return nil }
        return Query(time: start - 1 - mix(peer) % 20, source: source, name: name, answer: peer)
    }

    /// `AWSLogs/ACCOUNT/vpcdnsquerylogs/VPC-ID/YYYY/MM/DD/ACCOUNT_vpcdnsquerylogs_VPC-ID_YYYYMMDDTHHmmZ_HASH.log`
    static func relativePath(index: Int, vpc: SyntheticVPC) -> String {
        let options = vpc.options
        let delivered = UnixTime.iso8601(options.start / 300 * 300 + UInt64(index) * 300 + 300)
        let digits = delivered.filter(\.isNumber)
        let date = String(digits.prefix(8)), time = String(digits.dropFirst(8).prefix(4))
        let vpcID = String(decoding: vpc.layout.vpcID, as: UTF8.self)
        let hash = String(UInt32(truncatingIfNeeded: (options.seed &+ UInt64(index)) &* 0x85EB_CA6B), radix: 16)
        return "AWSLogs/\(options.account)/vpcdnsquerylogs/\(vpcID)/\(date.prefix(4))/\(date.dropFirst(4).prefix(2))/\(date.suffix(2))/"
            + "\(options.account)_vpcdnsquerylogs_\(vpcID)_\(date)T\(time)Z_\(hash).log"
    }

    /// The lines of one file: the queries in time order, and one failed lookup.
    static func text(_ queries: [Query], index: Int, vpc: SyntheticVPC) -> [UInt8] {
        var all = queries
        if let source = vpc.layout.instances.last?.interface {
            all.append(Query(time: vpc.options.start / 300 * 300 + UInt64(index) * 300 + 7, source: source,
                             name: "does-not-exist.example.com", answer: nil, rcode: "NXDOMAIN"))
        }
        all.sort { ($0.time, $0.name, $0.source.address) < ($1.time, $1.name, $1.source.address) }
        let options = vpc.options
        let vpcID = String(decoding: vpc.layout.vpcID, as: UTF8.self)
        var bytes: [UInt8] = []
        for query in all {
            var json = JSONWriter(pretty: false)
            do {
                json.object { json in
                    json.field("version", "1.100000")
                    json.field("account_id", options.account)
                    json.field("region", options.region)
                    json.field("vpc_id", vpcID)
                    json.field("query_timestamp", UnixTime.iso8601(query.time))
                    json.field("query_name", query.name + ".")
                    json.field("query_type", query.answer.map { $0.isIPv4 ? "A" : "AAAA" } ?? "A")
                    json.field("query_class", "IN")
                    json.field("rcode", query.rcode)
                    json.field("answers") { json in
                        json.array(query.answer.map { [$0] } ?? []) { json, answer in
                            json.object { json in
                                json.field("Rdata", answer.description)
                                json.field("Type", answer.isIPv4 ? "A" : "AAAA")
                                json.field("Class", "IN")
                            }
                        }
                    }
                    json.field("srcaddr", query.source.address.description)
                    json.field("srcport", String(32768 + mix(query.source.address) % 28000))
                    json.field("transport", "UDP")
                    json.field("srcids") { json in
                        json.object { json in
                            if let instance = query.source.instanceID { json.field("instance", String(decoding: instance, as: UTF8.self)) }
                        }
                    }
                }
            }
            bytes += Array(json.text.utf8)
            bytes.append(ASCII.newline)
        }
        return bytes
    }

    /// Writes file `index`'s Resolver query log under `directory`.
    static func write(_ queries: [Query], index: Int, vpc: SyntheticVPC, to directory: String) throws {
        let text = text(queries, index: index, vpc: vpc)
        let path = directory + "/" + relativePath(index: index, vpc: vpc) + (vpc.options.compress ? ".gz" : "")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let bytes = vpc.options.compress ? GzipWriter.compress(text, level: vpc.options.compressionLevel) : text
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

extension SyntheticTruth {
    mutating func addEndpointBytes(peer: IPAddress, bytes: UInt64, options: SyntheticVPC.Options) {
        if let label = SyntheticDNS.label(for: peer, region: options.region, account: options.account) {
            endpointBytes?[label, default: 0] += bytes
            if endpointBytes == nil { endpointBytes = [label: bytes] }
        } else {
            unnamedAmazonBytes += bytes
        }
    }

    /// `expected.json`'s keys with DNS logs: bytes per endpoint service (the full name, or the DNS
    /// name when no endpoint carries it), and the AMAZON bytes no query named.
    func writeEndpoints(_ endpointBytes: [String: UInt64], into json: inout JSONWriter) {
        json.field("endpoint_services") { json in
            json.array(endpointBytes.keys.sorted()) { json, key in
                json.inline { json in
                    json.object { json in
                        json.field("endpoint_service", key)
                        json.field("bytes", endpointBytes[key] ?? 0)
                    }
                }
            }
        }
        json.field("unnamed_amazon_bytes", unnamedAmazonBytes)
    }
}
