/// The fixed parts of a synthetic VPC: its NAT gateways, instances and their interfaces.
struct SyntheticLayout: Sendable {
    /// A network interface and what its records say about it.
    struct Interface: Sendable {
        var id: [UInt8]
        var instanceID: [UInt8]?
        var subnetID: [UInt8]
        var azID: [UInt8]
        var address: IPAddress
        var ipv6: IPAddress?
    }

    /// What an instance's traffic to the outside goes through.
    enum Route: Sendable {
        /// A NAT gateway (private subnet).
        case nat(gateway: Int)
        /// A NAT gateway, with same-region S3 through a gateway endpoint.
        case natWithS3Endpoint(gateway: Int)
        /// An internet gateway (public subnet, public IP).
        case internetGateway
    }

    struct Instance: Sendable {
        var interface: Interface
        var route: Route
    }

    let vpcID: [UInt8]
    let gateways: [Interface]
    let instances: [Instance]
    /// An interface with no traffic: NODATA records.
    let idle: Interface
    let internetHosts: [IPAddress]

    init(options: SyntheticVPC.Options, placement: SyntheticVPC.Placement = .init()) {
        var random = SplitMix64(seed: options.seed ^ 0x5EED_1A70)
        func hex(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in Array("0123456789abcdef".utf8)[Int(random.next() % 16)] }
        }
        let zones = max(1, options.natGateways)
        let regionCode = Self.zonePrefix(options.region)
        // 10.N.0.0/16 for the N-th VPC of an account; the IPv6 /56 inside its region's EC2 block.
        let base = 0x0A00_0000 | UInt32(placement.indexInAccount) << 16
        let ipv6Base = SyntheticCatalog.ipv6Prefixes(placement.regionIndex(options.region)).ec2.first.value
            | UInt128(0x4a3 + placement.index) << 80 | UInt128(0x6900) << 64
        vpcID = Array("vpc-".utf8) + hex(17)
        let publicSubnets = (0..<zones).map { _ in Array("subnet-".utf8) + hex(17) }
        let privateSubnets = (0..<zones).map { _ in Array("subnet-".utf8) + hex(17) }
        func az(_ zone: Int) -> [UInt8] { Array("\(regionCode)-az\(zone % 6 + 1)".utf8) }
        gateways = (0..<options.natGateways).map { zone in
            Interface(id: Array("eni-".utf8) + hex(17), instanceID: nil, subnetID: publicSubnets[zone], azID: az(zone),
                      address: IPAddress(ipv4: base | UInt32(zone) << 8 | 220), ipv6: nil)
        }
        instances = (0..<max(1, options.instances)).map { number in
            let zone = number % zones
            let route: Route
            if number == 0 { route = .internetGateway }
            else if options.natGateways == 0 { route = .internetGateway }
            else if number % 4 == 3 { route = .natWithS3Endpoint(gateway: zone) }
            else { route = .nat(gateway: zone) }
            let isPublic = if case .internetGateway = route { true } else { false }
            let third = UInt32(isPublic ? zone : 16 + zone)
            let interface = Interface(
                id: Array("eni-".utf8) + hex(17), instanceID: Array("i-".utf8) + hex(17),
                subnetID: isPublic ? publicSubnets[zone] : privateSubnets[zone], azID: az(zone),
                address: IPAddress(ipv4: base | third << 8 | UInt32(10 + number)),
                ipv6: number % 5 == 1 ? IPAddress(value: ipv6Base | UInt128(number + 16)) : nil)
            return Instance(interface: interface, route: route)
        }
        idle = Interface(id: Array("eni-".utf8) + hex(17), instanceID: Array("i-".utf8) + hex(17),
                         subnetID: privateSubnets[0], azID: az(0), address: IPAddress(ipv4: base | 0x10FE), ipv6: nil)
        internetHosts = (0..<max(1, options.internetHosts)).map { _ in
            let block = SyntheticCatalog.wideInternet[Int(random.next() % UInt64(SyntheticCatalog.wideInternet.count))]
            return IPAddress(value: block.address.value | UInt128(random.next() & 0x00FF_FFFF))
        }
    }

    /// `use1` for us-east-1, `euw2` for eu-west-2: the prefix of AZ ids.
    static func zonePrefix(_ region: String) -> String {
        let parts = region.split(separator: "-")
        guard parts.count >= 3 else { return "az" }
        let direction = parts[1].first.map(String.init) ?? ""
        return String(parts[0]) + direction + String(parts[2])
    }
}
