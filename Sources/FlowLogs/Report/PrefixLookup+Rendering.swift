extension PrefixLookup {
    /// Writes the answers as an aligned table, one row per address:
    ///
    ///       address        service   region          border group    prefix          services
    ///       52.95.128.179  S3        ap-southeast-2  ap-southeast-2  52.95.128.0/21  AMAZON, S3
    ///       8.8.8.8        internet  -               -               -               -
    ///       10.0.0.1       private   -               -               -               -
    ///
    /// The column is called `service`, as the JSON key; an address outside AWS's ranges shows its
    /// scope there (internet, private, link-local…), where the JSON has `null` and `scope`.
    /// Names from the file pass through `TerminalText.safe` (TextTable does it for every cell).
    /// - Parameter output: the text is appended here.
    public func renderText(into output: inout String) {
        var table = TextTable(columns: [.left("address"), .left("service"), .left("region"),
                                        .left("border group"), .left("prefix"), .left("services")])
        for answer in answers {
            guard let match = answer.match else {
                table.add([answer.address.description, answer.owner, "-", "-", "-", "-"])
                continue
            }
            table.add([answer.address.description, match.service, match.region, match.networkBorderGroup,
                       match.prefix.description, match.services.joined(separator: ", ")])
        }
        output += table.render()
    }

    /// Writes the answers as a JSON array (an array even for one address), keys in this order:
    ///
    ///     [{"address": "52.216.8.1", "aws": true, "service": "S3", "region": "us-east-1",
    ///       "network_border_group": "us-east-1", "prefix": "52.216.0.0/15",
    ///       "services": ["AMAZON", "S3"], "scope": "public"}]
    ///
    /// For an address in no AWS range `aws` is false, `service`, `region`, `network_border_group` and
    /// `prefix` are null and `services` is empty. `scope` is the address space (`AddressScope`
    /// raw values: public, private, unique-local, loopback, link-local, multicast, reserved).
    /// - Parameter output: the JSON text and a final newline are appended here.
    public func renderJSON(into output: inout [UInt8]) {
        var json = JSONWriter()
        json.array(answers) { json, answer in
            json.object { json in
                let match = answer.match
                json.field("address", answer.address.description)
                json.field("aws", match != nil)
                json.field("service", match?.service)
                json.field("region", match?.region)
                json.field("network_border_group", match?.networkBorderGroup)
                json.field("prefix", match?.prefix.description)
                json.field("services", strings: match?.services ?? [])
                json.field("scope", answer.scope.rawValue)
            }
        }
        output += json.bytes
        output.append(ASCII.newline)
    }
}
