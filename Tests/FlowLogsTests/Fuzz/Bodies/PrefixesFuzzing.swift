#if !FUZZING
@testable import FlowLogs
#endif
import Foundation

/// The `prefixes` fuzz target: the input as an ip-ranges.json file, loaded by
/// `PrefixTable(jsonData:source:)`.
///
/// When it loads, addresses at and around the edges of its blocks, a few fixed ones and two taken
/// from the input are looked up both ways (`lookup` and the hot path's `serviceRegionIndex`) and
/// checked against a plain longest-prefix search over the blocks; `prefixes lookup` and
/// `prefixes info` render without terminal control characters and their JSON parses. When it does
/// not load, the error message must be safe to print.
enum PrefixesFuzzing {
    static let source = "fuzz-ip-ranges.json"

    /// Addresses every table is asked about: the ends of both families, private, AWS-like and mapped.
    static let fixedAddresses = ["0.0.0.0", "255.255.255.255", "10.0.0.1", "52.216.8.1", "3.5.0.1", "::", "::1",
                                 "2600:1f18::5", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::1", "::ffff:0:1"]
        .map { IPAddress($0)! }

    /// A fixed "now" for the age of the file, so runs repeat.
    static let now = Date(timeIntervalSince1970: 1_764_000_000)

    /// Runs the target on one input.
    static func run(_ input: UnsafeRawBufferPointer) {
        let table: PrefixTable
        do {
            table = try PrefixTable(jsonData: Array(input), source: source)
        } catch {
            FuzzChecks.terminalSafe(error.description, "the ip-ranges.json error")
            return
        }
        fuzzRequire(table.serviceRegions.first == .notAWS, "serviceRegions[0] is \(table.serviceRegions.first as Any)")
        var addresses = fixedAddresses
        for record in table.records.prefix(32) { addresses += edges(of: record.prefix) }
        addresses += inputAddresses(input)
        for address in addresses { checkLookup(address, in: table) }
        checkRendering(table, addresses: addresses)
    }

    /// Both ends of a block and the addresses just outside it, in its family.
    static func edges(of prefix: IPPrefix) -> [IPAddress] {
        var result = [prefix.first, prefix.last]
        if let v4 = prefix.first.ipv4, let lastV4 = prefix.last.ipv4 {
            if v4 > 0 { result.append(IPAddress(ipv4: v4 - 1)) }
            if lastV4 < .max { result.append(IPAddress(ipv4: lastV4 + 1)) }
        } else {
            if prefix.first.value > 0 { result.append(IPAddress(value: prefix.first.value - 1)) }
            if prefix.last.value < .max { result.append(IPAddress(value: prefix.last.value + 1)) }
        }
        return result
    }

    /// An IPv4 and an IPv6 address made of the input's last bytes.
    static func inputAddresses(_ input: UnsafeRawBufferPointer) -> [IPAddress] {
        let v6 = input.suffix(16).reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        let v4 = input.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return [IPAddress(value: v6), IPAddress(ipv4: v4)]
    }

    /// `lookup`, `serviceRegionIndex` and a plain search over the blocks agree.
    static func checkLookup(_ address: IPAddress, in table: PrefixTable) {
        let index = table.serviceRegionIndex(of: address)
        let match = table.lookup(address)
        fuzzRequire(index >= 0 && index < table.serviceRegions.count, "\(address): index \(index) out of range")
        fuzzRequire((match?.serviceRegionIndex ?? 0) == index,
                    "\(address): lookup says \(match?.serviceRegionIndex ?? 0), serviceRegionIndex says \(index)")
        if let match {
            fuzzRequire(index != 0 && match.serviceRegion == table.serviceRegions[index],
                        "\(address): lookup gives \(match.serviceRegion), the index \(table.serviceRegions[index])")
            fuzzRequire(match.services.contains(match.service), "\(address): \(match.service) not among \(match.services)")
        }
        // The longest block of the address's family that holds it (blocks are distinct).
        let longest = table.records
            .filter { $0.prefix.address.isIPv4 == address.isIPv4 && $0.prefix.contains(address) }
            .max { $0.prefix.length < $1.prefix.length }
        fuzzRequire(longest?.prefix == match?.prefix,
                    "\(address): the longest block holding it is \(longest?.prefix.description ?? "none"), "
                    + "lookup gives \(match?.prefix.description ?? "none")")
    }

    /// `prefixes lookup` and `prefixes info`, as text and JSON.
    static func checkRendering(_ table: PrefixTable, addresses: [IPAddress]) {
        let lookup = PrefixLookup(table: table, addresses: addresses)
        var text = ""
        lookup.renderText(into: &text)
        FuzzChecks.terminalSafe(text, "the prefixes lookup text")
        var json: [UInt8] = []
        lookup.renderJSON(into: &json)
        FuzzChecks.parsesAsJSON(String(decoding: json, as: UTF8.self), "the prefixes lookup JSON")

        let info = PrefixFileSummary(table: table, path: source, origin: "fuzz", now: now)
        text = ""
        info.renderText(into: &text)
        FuzzChecks.terminalSafe(text, "the prefixes info text")
        if let warning = info.warning { FuzzChecks.terminalSafe(warning, "the prefixes info warning") }
        json = []
        info.renderJSON(into: &json)
        FuzzChecks.parsesAsJSON(String(decoding: json, as: UTF8.self), "the prefixes info JSON")
    }
}
