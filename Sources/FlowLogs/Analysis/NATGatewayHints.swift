/// A NAT gateway as the user describes it: from `--nat-eni` / `--nat-ip`, or from the JSON of
/// `aws ec2 describe-nat-gateways` (`--nat-gateways FILE`).
public struct NATGatewayHint: Sendable, Equatable {
    /// `nat-…` when known.
    public var id: String?
    public var interfaceIDs: [String] = []
    public var privateIPs: [IPAddress] = []
    public var publicIPs: [IPAddress] = []
    /// `public` or `private` (ConnectivityType), when known.
    public var connectivity: String?
    public var state: String?
    public var subnetID: String?
    public var vpcID: String?

    public init(id: String? = nil, interfaceIDs: [String] = [], privateIPs: [IPAddress] = []) {
        self.id = id
        self.interfaceIDs = interfaceIDs
        self.privateIPs = privateIPs
    }
}

extension NATGatewayHint {
    /// True for an interface id as AWS writes them: `eni-` and letters, digits or dashes
    /// (`eni-0123456789abcdef0`), what `--nat-eni` accepts.
    public static func isInterfaceID(_ text: String) -> Bool {
        text.hasPrefix("eni-") && text.count > 4 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// Takes in what another name of the same gateway adds.
    mutating func merge(_ other: NATGatewayHint) {
        id = id ?? other.id
        for interfaceID in other.interfaceIDs where !interfaceIDs.contains(interfaceID) { interfaceIDs.append(interfaceID) }
        for address in other.privateIPs where !privateIPs.contains(address) { privateIPs.append(address) }
        for address in other.publicIPs where !publicIPs.contains(address) { publicIPs.append(address) }
        connectivity = connectivity ?? other.connectivity
        state = state ?? other.state
        subnetID = subnetID ?? other.subnetID
        vpcID = vpcID ?? other.vpcID
    }

    /// Reads the output of `aws ec2 describe-nat-gateways` (`{"NatGateways": [...]}`).
    ///
    /// - Throws: `CompanionFileError` naming the file and the entry at fault.
    public static func load(describeNATGateways path: String) throws(CompanionFileError) -> [NATGatewayHint] {
        let json = try CompanionFile.json(at: path, limit: 64 << 20)
        guard let object = json as? [String: Any] else {
            throw .invalid(path: path, location: "top level", problem: "expected the JSON object printed by 'aws ec2 describe-nat-gateways'")
        }
        guard let gateways = object["NatGateways"] as? [Any] else {
            throw .invalid(path: path, location: "NatGateways", problem: "missing: expected the output of 'aws ec2 describe-nat-gateways'")
        }
        guard !gateways.isEmpty else {
            throw .invalid(path: path, location: "NatGateways", problem: "lists no NAT gateways (the output of another region or account?)")
        }
        var hints: [NATGatewayHint] = []
        for (index, item) in gateways.enumerated() {
            let location = "NatGateways[\(index)]"
            guard let gateway = item as? [String: Any] else {
                throw .invalid(path: path, location: location, problem: "expected an object")
            }
            var hint = NATGatewayHint(id: gateway["NatGatewayId"] as? String)
            hint.connectivity = gateway["ConnectivityType"] as? String
            hint.state = gateway["State"] as? String
            hint.subnetID = gateway["SubnetId"] as? String
            hint.vpcID = gateway["VpcId"] as? String
            guard let addresses = gateway["NatGatewayAddresses"] as? [Any] else {
                throw .invalid(path: path, location: "\(location).NatGatewayAddresses", problem: "missing: a NAT gateway is known by its interface and private IP")
            }
            for (addressIndex, entry) in addresses.enumerated() {
                let entryLocation = "\(location).NatGatewayAddresses[\(addressIndex)]"
                guard let address = entry as? [String: Any] else {
                    throw .invalid(path: path, location: entryLocation, problem: "expected an object")
                }
                if let eni = address["NetworkInterfaceId"] {
                    guard let text = eni as? String, !text.isEmpty else {
                        throw .invalid(path: path, location: "\(entryLocation).NetworkInterfaceId", problem: "expected an interface id such as eni-0123…")
                    }
                    if !hint.interfaceIDs.contains(text) { hint.interfaceIDs.append(text) }
                }
                for (key, isPrivate) in [("PrivateIp", true), ("PublicIp", false)] {
                    guard let value = address[key] else { continue }
                    guard let text = value as? String, let ip = IPAddress(text) else {
                        throw .invalid(path: path, location: "\(entryLocation).\(key)", problem: "'\(value)' is not an IP address")
                    }
                    if isPrivate { hint.privateIPs.append(ip) } else { hint.publicIPs.append(ip) }
                }
            }
            guard !hint.interfaceIDs.isEmpty || !hint.privateIPs.isEmpty else {
                throw .invalid(path: path, location: location, problem: "no NetworkInterfaceId or PrivateIp to recognise the gateway by")
            }
            hints.append(hint)
        }
        return hints
    }
}
