import Foundation

/// Streams an AWS Price List bulk offer file (`AmazonEC2`, `AmazonVPC`; gigabytes for EC2) and keeps
/// only the figures the report prices: it tracks the JSON structure byte by byte (strings, escapes,
/// nesting) and materialises just the small objects it needs, each product under `products` and each
/// SKU's terms under `terms.OnDemand`, never the whole document.
///
///     {"offerCode": "AmazonEC2", "publicationDate": "2026-09-25T17:45:21Z",
///      "products": {"SKU": {"attributes": {"regionCode": "eu-west-1", "usagetype": "EU-NatGateway-Hours"}}},
///      "terms": {"OnDemand": {"SKU": {"SKU.TERM": {"priceDimensions": {"…": {"beginRange": "0",
///                "pricePerUnit": {"USD": "0.0480000000"}}}}}}}}
///
/// `products` must come before `terms`, as AWS writes them.
struct PriceOfferScanner {
    /// A figure found: region, pricing key, price, and how it was named.
    struct Found: Equatable {
        var region: String
        var key: String
        var usd: Double
        var usageType: String
        var sku: String
    }

    let path: String
    private(set) var offset = 0
    private var depth = 0
    /// The closing byte each open container expects, innermost last.
    private var closers: [UInt8] = []
    private var inString = false
    private var escaped = false
    private var string: [UInt8] = []
    private var lastString: String?
    private var path_: [String] = []
    private var awaitingValue = false
    private var closedTop = false
    /// The object being copied (`capture`), or skipped when `keep` is false, and its start depth.
    private var capturing = false
    private var keep = false
    private var capture: [UInt8] = []
    /// Where the kept object starts in the current chunk (0 when it began in an earlier one).
    private var chunkStart = 0
    private var captureDepth = 0
    private var capturePath: [String] = []

    private(set) var scalars: [String: String] = [:]
    /// Products kept, by SKU: region, pricing key, usage type.
    private var products: [String: (region: String, key: String, usageType: String)] = [:]
    private var seenTerms = false
    private(set) var found: [Found] = []
    private(set) var error: PriceImportError?

    init(path: String) { self.path = path }

    /// The offers read: NAT gateways (AmazonEC2), endpoints and public IPv4 (AmazonVPC),
    /// transfer between AZs (AWSDataTransfer; older AmazonEC2 offers carry it too).
    static let offerCodes: Set<String> = ["AmazonEC2", "AmazonVPC", "AWSDataTransfer"]

    /// The usage types priced, without their region prefix (`EU-`), and their pricing keys.
    static let usageKeys = ["NatGateway-Hours": "nat_gateway_hour", "NatGateway-Bytes": "nat_gateway_gb",
                            "VpcEndpoint-Hours": "interface_endpoint_hour", "VpcEndpoint-Bytes": "interface_endpoint_gb",
                            "PublicIPv4:InUseAddress": "public_ipv4_hour", "DataTransfer-Regional-Bytes": "cross_az_gb"]

    /// The pricing key of a usage type: `EU-NatGateway-Hours` → `nat_gateway_hour`; nil for
    /// the others (`EU-RegionalNatGateway-Hours`, `NatGateway-Prvd-Hours`…).
    static func key(ofUsageType usage: String) -> String? {
        if let key = usageKeys[usage] { return key }
        guard let dash = usage.firstIndex(of: "-") else { return nil }
        let prefix = usage[..<dash]
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else { return nil }
        return usageKeys[String(usage[usage.index(after: dash)...])]
    }

    /// Feeds the next bytes of the file; stops at the first error (`error`).
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        chunkStart = 0
        for index in 0..<bytes.count {
            guard error == nil else { return }
            step(bytes[index], at: index, in: bytes)
            offset += 1
        }
        // A kept object that goes on in the next chunk: copy what this one holds of it, at once.
        if capturing, keep { capture.append(contentsOf: bytes[chunkStart...]) }
    }

    /// Ends the file: it must be one complete object with the offer's code and date.
    mutating func finish() {
        guard error == nil else { return }
        if !closedTop || depth != 0 || inString { return fail(.truncated(path: path, offset: offset)) }
        guard let code = scalars["offerCode"], Self.offerCodes.contains(code) else {
            return fail(.invalid(path: path, location: "offerCode",
                                 problem: "expected AmazonEC2, AmazonVPC or AWSDataTransfer (the offers with NAT gateway, endpoint, public IPv4 and cross-AZ prices)"))
        }
        guard let date = scalars["publicationDate"], date.count >= 10 else {
            return fail(.invalid(path: path, location: "publicationDate", problem: "missing"))
        }
        _ = date
        let priced = Set(found.map(\.sku))
        if let sku = products.keys.sorted().first(where: { !priced.contains($0) }) {
            return fail(.invalid(path: path, location: "terms.OnDemand.\(sku)", problem: "no on-demand USD price for \(products[sku]!.usageType)"))
        }
    }

    private mutating func fail(_ error: PriceImportError) {
        if self.error == nil { self.error = error }
    }

    private mutating func step(_ byte: UInt8, at index: Int, in chunk: UnsafeRawBufferPointer) {
        if capturing {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                return
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): open(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard close(byte) else { return }
                if depth == captureDepth {
                    capturing = false
                    if keep {
                        capture.append(contentsOf: chunk[chunkStart...index])
                        take(capture, at: capturePath)
                    }
                    capture.removeAll(keepingCapacity: true)
                }
            default: break
            }
            return
        }
        if inString {
            if escaped {
                escaped = false
                string.append(byte)
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                string.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                let text = String(decoding: string, as: UTF8.self)
                if awaitingValue {
                    awaitingValue = false
                    if depth == 1, let key = path_.last { scalars[key] = text }
                } else {
                    lastString = text
                }
            } else {
                string.append(byte)
            }
            return
        }
        if closedTop, !Self.isSpace(byte) { return fail(.invalid(path: path, location: "byte \(offset)", problem: "text after the offer's closing brace")) }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            string.removeAll(keepingCapacity: true)
        case UInt8(ascii: ":"):
            guard let key = lastString else { return fail(.invalid(path: path, location: "byte \(offset)", problem: "a colon without a key")) }
            path_ = Array(path_.prefix(max(0, depth - 1))) + [key]
            lastString = nil
            awaitingValue = true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if depth == 0, byte != UInt8(ascii: "{") { return fail(.invalid(path: path, location: "top level", problem: "expected a JSON object")) }
            let wanted = awaitingValue && byte == UInt8(ascii: "{") && isCaptured(path_)
            awaitingValue = false
            if wanted {
                capturing = true
                captureDepth = depth
                capturePath = path_
                keep = wantsKept(path_)
                if keep {
                    capture.removeAll(keepingCapacity: true)
                    chunkStart = index
                }
            }
            open(byte)
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            guard close(byte) else { return }
            path_ = Array(path_.prefix(depth))
            if depth == 0 { closedTop = true }
        case UInt8(ascii: ","):
            lastString = nil
            awaitingValue = false
        default:
            if !Self.isSpace(byte) {
                if depth == 0 { return fail(.invalid(path: path, location: "top level", problem: "expected a JSON object")) }
                awaitingValue = false
            }
        }
    }

    private mutating func open(_ byte: UInt8) {
        closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        depth += 1
    }

    /// Closes the innermost container; false (and the error set) when `byte` does not close it.
    private mutating func close(_ byte: UInt8) -> Bool {
        guard let expected = closers.last, expected == byte else {
            fail(.invalid(path: path, location: "byte \(offset)", problem: "'\(Character(Unicode.Scalar(byte)))' does not close what is open"))
            return false
        }
        closers.removeLast()
        depth -= 1
        return true
    }

    private func isCaptured(_ path: [String]) -> Bool {
        (depth == 2 && path.count == 2 && path[0] == "products")
            || (depth == 3 && path.count == 3 && path[0] == "terms" && path[1] == "OnDemand")
    }

    private mutating func wantsKept(_ path: [String]) -> Bool {
        if path[0] == "products" { return !seenTerms }
        seenTerms = true
        return products[path[2]] != nil
    }

    /// A copied product or terms object.
    private mutating func take(_ bytes: [UInt8], at path: [String]) {
        if path[0] == "products" {
            // Most products are instances and volumes: a cheap look before parsing.
            guard Self.mentionsAPricedUsage(bytes) else { return }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                return fail(.invalid(path: self.path, location: "products.\(path[1])", problem: "not a JSON object"))
            }
            let attributes = object["attributes"] as? [String: Any] ?? [:]
            guard let usage = attributes["usagetype"] as? String, let key = Self.key(ofUsageType: usage) else { return }
            // AWSDataTransfer products name a from- and a to-region instead; between AZs they are one.
            let from = attributes["fromRegionCode"] as? String
            let regionCode = attributes["regionCode"] as? String
                ?? (from != nil && (attributes["toRegionCode"] as? String ?? from) == from ? from : nil)
            // A transfer product that names no single region is not transfer between the AZs of one.
            if regionCode == nil, key == "cross_az_gb" { return }
            guard let region = regionCode, PricingFile.isRegionCode(region) else {
                return fail(.invalid(path: self.path, location: "products.\(path[1]).attributes.regionCode", problem: "missing or not a region code"))
            }
            products[path[1]] = (region, key, usage)
            return
        }
        let sku = path[2]
        guard let product = products[sku] else { return }
        guard let terms = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return fail(.invalid(path: self.path, location: "terms.OnDemand.\(sku)", problem: "not a JSON object"))
        }
        // Prices by the tier's first GB (`beginRange`): one tier for most usage types, three for
        // VpcEndpoint-Bytes (first 1 PB, next 4 PB, over 5 PB a month per region).
        var tiers: [Double: [Double]] = [:]
        for term in terms.values {
            guard let dimensions = (term as? [String: Any])?["priceDimensions"] as? [String: Any] else { continue }
            for case let dimension as [String: Any] in dimensions.values {
                let beginText = dimension["beginRange"] as? String ?? "0"
                guard let begin = Double(beginText), let text = (dimension["pricePerUnit"] as? [String: Any])?["USD"] as? String else { continue }
                guard let usd = Double(text), usd.isFinite, usd >= 0, usd < 1_000_000 else {
                    return fail(.invalid(path: self.path, location: "terms.OnDemand.\(sku)", problem: "'\(text)' is not a price in US dollars"))
                }
                tiers[begin, default: []].append(usd)
            }
        }
        guard tiers[0]?.first != nil else {
            return fail(.invalid(path: self.path, location: "terms.OnDemand.\(sku)", problem: "no first-tier USD price for \(product.usageType)"))
        }
        let tierKeys = Self.tierKeys[product.key] ?? [:]
        for begin in tiers.keys.sorted() {
            let prices = tiers[begin]!
            guard let key = begin == 0 ? product.key : tierKeys[begin] else {
                if tierKeys.isEmpty { continue }  // a volume tier flowscan does not price (none are known)
                let known = tierKeys.keys.sorted().map { NumberText.grouped(UInt64($0)) }.joined(separator: " and ")
                return fail(.invalid(path: self.path, location: "terms.OnDemand.\(sku)",
                                     problem: "\(product.usageType) has a tier from \(beginTextOf(begin)) GB; flowscan prices tiers from 0, \(known) GB"))
            }
            if prices.contains(where: { $0 != prices[0] }) {
                return fail(.invalid(path: self.path, location: "terms.OnDemand.\(sku)", problem: "several prices from \(beginTextOf(begin)) GB for \(product.usageType)"))
            }
            let usage = begin == 0 ? product.usageType : "\(product.usageType) from \(beginTextOf(begin)) GB"
            found.append(Found(region: product.region, key: key, usd: prices[0], usageType: usage, sku: sku))
        }
    }

    private func beginTextOf(_ begin: Double) -> String {
        begin >= 0 && begin < 1e15 && begin == begin.rounded() ? NumberText.grouped(UInt64(begin)) : "\(begin)"
    }

    /// The volume tiers beyond the first, by the GB they start at, and the keys they set.
    static let tierKeys: [String: [Double: String]] = [
        "interface_endpoint_gb": [Pricing.interfaceEndpointTierEndsGB.first: "interface_endpoint_gb_next_4pb",
                                  Pricing.interfaceEndpointTierEndsGB.next: "interface_endpoint_gb_over_5pb"],
    ]

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn
    }

    private static let needles: [[UInt8]] = ["NatGateway-", "VpcEndpoint-", "PublicIPv4:InUseAddress", "DataTransfer-Regional-Bytes"].map { Array($0.utf8) }

    private static func mentionsAPricedUsage(_ bytes: [UInt8]) -> Bool {
        needles.contains { needle in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
                index += 1
            }
            return false
        }
    }
}
