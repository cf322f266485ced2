import Foundation

/// Generates one 5-minute flow-log file of a synthetic VPC and counts what it holds.
struct SyntheticFileGenerator {
    let vpc: SyntheticVPC
    let index: Int
    private var random: SplitMix64
    private var line: LineBuilder
    private(set) var truth: SyntheticTruth
    private let windowStart: UInt64
    private let pktFormat: Bool
    private let destinations: [SyntheticCatalog.Destination]
    private let cumulativeWeights: [Double]
    /// The first address of the S3 IPv6 block of the VPC's region.
    private let ipv6S3: UInt128

    /// Fields of the v5 custom format the generator writes (a typical choice, not AWS's default order).
    static let v5Format = [
        "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets",
        "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type",
        "pkt-srcaddr", "pkt-dstaddr", "region", "az-id", "pkt-src-aws-service", "pkt-dst-aws-service",
        "flow-direction", "traffic-path",
    ]

    init(vpc: SyntheticVPC, index: Int) {
        self.vpc = vpc
        self.index = index
        random = SplitMix64(seed: vpc.options.seed &* 0x9E37_79B9 &+ UInt64(index) &* 0x1000_0001)
        line = LineBuilder(capacity: vpc.options.connectionsPerFile * 1200 + 4096)
        truth = SyntheticTruth(region: vpc.options.region)
        windowStart = vpc.options.start / 300 * 300 + UInt64(index) * 300
        switch vpc.options.formats {
        case .default: pktFormat = false
        case .v5: pktFormat = true
        case .both: pktFormat = index >= vpc.fileCount / 2
        }
        destinations = SyntheticCatalog.destinations(region: vpc.options.region, bucketRegions: vpc.placement.bucketRegions)
        ipv6S3 = SyntheticCatalog.ipv6Prefixes(vpc.placement.regionIndex(vpc.options.region)).s3.first.value
        var total = 0.0
        cumulativeWeights = destinations.map { total += $0.weight; return total }
    }

    /// `AWSLogs/ACCOUNT/vpcflowlogs/REGION/YYYY/MM/DD/ACCOUNT_vpcflowlogs_REGION_FLOWLOGID_YYYYMMDDTHHmmZ_HASH.log`
    var relativePath: String {
        let options = vpc.options
        let delivered = UnixTime.iso8601(windowStart + 300)  // 2026-11-24T00:05:00Z
        let digits = delivered.filter(\.isNumber)
        let date = String(digits.prefix(8)), time = String(digits.dropFirst(8).prefix(4))
        let folder = "\(date.prefix(4))/\(date.dropFirst(4).prefix(2))/\(date.suffix(2))"
        let flowLog = flowLogID
        let hash = String(UInt32(truncatingIfNeeded: (vpc.options.seed &+ UInt64(index)) &* 0x9E37_79B1), radix: 16)
        return "AWSLogs/\(options.account)/vpcflowlogs/\(options.region)/\(folder)/"
            + "\(options.account)_vpcflowlogs_\(options.region)_\(flowLog)_\(date)T\(time)Z_\(hash).log"
    }

    /// The id of the flow log this file belongs to.
    var flowLogID: String { pktFormat ? vpc.flowLogIDs.v5 : vpc.flowLogIDs.default }

    mutating func generate() -> [UInt8] {
        truth.files = 1
        truth.flowLogs = [flowLogID]
        line.text(pktFormat ? Self.v5Format.joined(separator: " ") : FlowField.defaultFormat.map(\.rawValue).joined(separator: " "))
        line.endLine()
        truth.lines += 1
        for _ in 0..<vpc.options.connectionsPerFile { connection() }
        eastWest()
        rejections()
        idleAndSkipped()
        ipv6()
        return line.bytes
    }

    // MARK: Traffic

    /// One connection from an instance to a destination, logged on every interface it crosses.
    private mutating func connection() {
        let layout = vpc.layout
        let instance = layout.instances[Int(random.next() % UInt64(layout.instances.count))]
        let destination = pickDestination()
        let peer = pickAddress(destination)
        let upload = draw(destination.meanUpload), download = draw(destination.meanDownload)
        let (start, end) = aggregationWindow()
        let ephemeral = UInt16(32768 + random.next() % 28000)
        let key = "\(destination.service) \(destination.region)"
        let service = destination.service == ServiceRegionName.internet ? nil : destination.service
        var route = instance.route
        if case let .natWithS3Endpoint(gateway) = route {
            if destination.service == "S3" && destination.region == vpc.options.region {
                // Through the gateway endpoint: instance interface only, traffic-path 7.
                if vpc.options.interfaces != .nat {
                    instanceLegs(instance.interface, peer: peer, service: service, port: destination.port, ephemeral: ephemeral,
                                 upload: upload, download: download, start: start, end: end, path: 7)
                }
                truth.gatewayEndpointBytes += upload + download
                return
            }
            route = .nat(gateway: gateway)
        }
        switch route {
        case .internetGateway:
            if vpc.options.interfaces != .nat {
                instanceLegs(instance.interface, peer: peer, service: service, port: destination.port, ephemeral: ephemeral,
                             upload: upload, download: download, start: start, end: end, path: 8)
            }
            truth.internetGatewayBytes += upload + download
        case let .nat(gateway), let .natWithS3Endpoint(gateway):
            let nat = layout.gateways[gateway]
            let natPort = UInt16(1024 + random.next() % 64000)
            let me = instance.interface.address
            // The four legs on the NAT gateway's interface (DOMAIN.md §2).
            if vpc.options.interfaces != .instances { natLegs(nat, instance: me, peer: peer, service: service, port: destination.port,
                                                              ephemeral: ephemeral, natPort: natPort, upload: upload, download: download,
                                                              start: start, end: end) }
            if vpc.options.interfaces != .nat {
                instanceLegs(instance.interface, peer: peer, service: service, port: destination.port, ephemeral: ephemeral,
                             upload: upload, download: download, start: start, end: end, path: 1)
            }
            truth.natBytesOut[key, default: 0] += upload
            truth.natBytesIn[key, default: 0] += download
            truth.gatewayBytes[String(decoding: nat.id, as: UTF8.self), default: 0] += upload + download
            truth.firstStart = min(truth.firstStart, start)
            truth.lastEnd = max(truth.lastEnd, end)
        }
    }

    /// The four legs of a connection on a NAT gateway's interface.
    private mutating func natLegs(_ nat: SyntheticLayout.Interface, instance me: IPAddress, peer: IPAddress, service: String?,
                                  port: UInt16, ephemeral: UInt16, natPort: UInt16, upload: UInt64, download: UInt64,
                                  start: UInt64, end: UInt64) {
        record(nat, src: me, dst: nat.address, sport: ephemeral, dport: port, bytes: upload, start: start, end: end,
               pktSrc: me, pktDst: peer, pktDstService: service, egress: false, path: nil)
        record(nat, src: nat.address, dst: peer, sport: natPort, dport: port, bytes: upload, start: start, end: end,
               pktSrc: nat.address, pktDst: peer, pktDstService: service, egress: true, path: 8)
        record(nat, src: peer, dst: nat.address, sport: port, dport: natPort, bytes: download, start: start, end: end,
               pktSrc: peer, pktDst: nat.address, pktSrcService: service, egress: false, path: nil)
        record(nat, src: nat.address, dst: me, sport: port, dport: ephemeral, bytes: download, start: start, end: end,
               pktSrc: peer, pktDst: me, pktSrcService: service, egress: true, path: 1)
    }

    /// An instance's own records of a connection to a public peer.
    private mutating func instanceLegs(_ interface: SyntheticLayout.Interface, peer: IPAddress, service: String?, port: UInt16,
                                       ephemeral: UInt16, upload: UInt64, download: UInt64, start: UInt64, end: UInt64, path: UInt8) {
        let me = interface.address
        record(interface, src: me, dst: peer, sport: ephemeral, dport: port, bytes: upload, start: start, end: end,
               pktSrc: me, pktDst: peer, pktDstService: service, egress: true, path: path)
        record(interface, src: peer, dst: me, sport: port, dport: ephemeral, bytes: download, start: start, end: end,
               pktSrc: peer, pktDst: me, pktSrcService: service, egress: false, path: nil)
    }

    /// Application servers talking to a database: private to private, logged on both interfaces.
    private mutating func eastWest() {
        let instances = vpc.layout.instances
        guard instances.count >= 3 else { return }
        let client = instances[1].interface, server = instances[2].interface
        let (start, end) = aggregationWindow()
        let request = draw(5_000), reply = draw(80_000)
        let port = UInt16(40000 + random.next() % 20000)
        for interface in [client, server] where vpc.options.interfaces != .nat {
            record(interface, src: client.address, dst: server.address, sport: port, dport: 5432, bytes: request, start: start, end: end,
                   pktSrc: client.address, pktDst: server.address, egress: interface.id == client.id, path: interface.id == client.id ? 1 : nil)
            record(interface, src: server.address, dst: client.address, sport: 5432, dport: port, bytes: reply, start: start, end: end,
                   pktSrc: server.address, pktDst: client.address, egress: interface.id == server.id, path: interface.id == server.id ? 1 : nil)
        }
    }

    /// Scanners knocking on a NAT gateway, and outbound SMTP blocked by a security group.
    private mutating func rejections() {
        let layout = vpc.layout
        for gateway in layout.gateways where vpc.options.interfaces != .instances {
            let scanner = layout.internetHosts[Int(random.next() % UInt64(layout.internetHosts.count))]
            let (start, end) = aggregationWindow()
            let port = [22, 23, 3389, 445, 8080][Int(random.next() % 5)]
            record(gateway, src: scanner, dst: gateway.address, sport: UInt16(40000 + random.next() % 20000), dport: UInt16(port),
                   bytes: 44 + random.next() % 40, start: start, end: end, pktSrc: scanner, pktDst: gateway.address,
                   egress: false, path: nil, action: "REJECT")
        }
        if vpc.options.interfaces != .nat, let sender = layout.instances.last?.interface {
            let host = layout.internetHosts[Int(random.next() % UInt64(layout.internetHosts.count))]
            let (start, end) = aggregationWindow()
            record(sender, src: sender.address, dst: host, sport: UInt16(40000 + random.next() % 20000), dport: 25, bytes: 180,
                   start: start, end: end, pktSrc: sender.address, pktDst: host, egress: true, path: 8, action: "REJECT")
        }
    }

    private mutating func idleAndSkipped() {
        statusRecord(vpc.layout.idle, status: "NODATA")
        truth.noData += 1
        if index % 10 == 7, vpc.options.interfaces != .instances, let gateway = vpc.layout.gateways.first {
            statusRecord(gateway, status: "SKIPDATA")
            truth.skipData += 1
        }
    }

    /// IPv6 to S3 over an egress-only internet gateway: public path, no NAT.
    private mutating func ipv6() {
        guard vpc.options.interfaces != .nat else { return }
        for instance in vpc.layout.instances {
            guard let me = instance.interface.ipv6 else { continue }
            let peer = IPAddress(value: ipv6S3 | UInt128(random.next() & 0xffff_ffff))
            let (start, end) = aggregationWindow()
            let ephemeral = UInt16(32768 + random.next() % 28000)
            record(instance.interface, src: me, dst: peer, sport: ephemeral, dport: 443, bytes: draw(20_000), start: start, end: end,
                   pktSrc: me, pktDst: peer, pktDstService: "S3", egress: true, path: 8)
            record(instance.interface, src: peer, dst: me, sport: 443, dport: ephemeral, bytes: draw(200_000), start: start, end: end,
                   pktSrc: peer, pktDst: me, pktSrcService: "S3", egress: false, path: nil)
        }
    }

    // MARK: Records

    private mutating func record(_ interface: SyntheticLayout.Interface, src: IPAddress, dst: IPAddress, sport: UInt16, dport: UInt16,
                                 bytes: UInt64, start: UInt64, end: UInt64, pktSrc: IPAddress, pktDst: IPAddress,
                                 pktSrcService: String? = nil, pktDstService: String? = nil, egress: Bool, path: UInt8?,
                                 action: String = "ACCEPT") {
        let packets = max(1, bytes / 1100)
        line.text(pktFormat ? "5" : "2")
        line.text(vpc.options.account)
        line.text(interface.id)
        line.address(src)
        line.address(dst)
        line.number(sport)
        line.number(dport)
        line.number(6)
        line.number(packets)
        line.number(bytes)
        line.number(start)
        line.number(end)
        line.text(action)
        line.text("OK")
        if pktFormat {
            line.text(vpc.layout.vpcID)
            line.text(interface.subnetID)
            if let instance = interface.instanceID { line.text(instance) } else { line.dash() }
            line.number(action == "REJECT" ? 2 : 19)
            line.text(src.isIPv4 ? "IPv4" : "IPv6")
            line.address(pktSrc)
            line.address(pktDst)
            line.text(vpc.options.region)
            line.text(interface.azID)
            if let pktSrcService { line.text(pktSrcService) } else { line.dash() }
            if let pktDstService { line.text(pktDstService) } else { line.dash() }
            line.text(egress ? "egress" : "ingress")
            if egress, let path { line.number(path) } else { line.dash() }
        }
        line.endLine()
        truth.lines += 1
    }

    private mutating func statusRecord(_ interface: SyntheticLayout.Interface, status: String) {
        line.text(pktFormat ? "5" : "2")
        line.text(vpc.options.account)
        line.text(interface.id)
        for _ in 0..<7 { line.dash() }
        line.number(windowStart)
        line.number(windowStart + 299)
        line.dash()
        line.text(status)
        if pktFormat {
            line.text(vpc.layout.vpcID)
            line.text(interface.subnetID)
            if let instance = interface.instanceID { line.text(instance) } else { line.dash() }
            for _ in 0..<10 { line.dash() }
        }
        line.endLine()
        truth.lines += 1
    }

    // MARK: Draws

    private mutating func pickDestination() -> SyntheticCatalog.Destination {
        let point = Double(random.next() % 1_000_000) / 1_000_000 * cumulativeWeights.last!
        let found = cumulativeWeights.firstIndex { point < $0 } ?? destinations.count - 1
        return destinations[found]
    }

    private mutating func pickAddress(_ destination: SyntheticCatalog.Destination) -> IPAddress {
        if destination.service == ServiceRegionName.internet, destination.port == 443, random.next() % 2 == 0 {
            let hosts = vpc.layout.internetHosts
            return hosts[Int(random.next() % UInt64(hosts.count))]
        }
        return random.address(in: destination.prefixes[random.below(destination.prefixes.count)])
    }

    /// A size around `mean`: exponential, at least 40 bytes.
    private mutating func draw(_ mean: Double) -> UInt64 {
        let uniform = Double(random.next() >> 11) / Double(1 << 53)
        return max(40, UInt64(-mean * log(max(uniform, 1e-12))))
    }

    /// A one-minute aggregation window inside this file's five minutes.
    private mutating func aggregationWindow() -> (UInt64, UInt64) {
        let start = windowStart + random.next() % 240
        return (start, start + 45 + random.next() % 15)
    }
}
