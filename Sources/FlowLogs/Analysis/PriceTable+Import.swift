import Foundation

extension PriceTable {
    /// Where `flowscan prices import` keeps the table: `$XDG_CACHE_HOME/flowscan/prices.json`
    /// (`~/.cache/flowscan/prices.json`).
    public static func defaultCachePath(environment: [String: String]) -> String {
        let prefixes = PrefixFileLocation.defaultCachePath(environment: environment)
        return String(prefixes.dropLast("ip-ranges.json".count)) + "prices.json"
    }

    /// Reads AWS Price List bulk offer files (AmazonEC2 for NAT gateways, AmazonVPC for interface
    /// endpoints and public IPv4), streaming each, and returns the table of every region they price.
    /// Every file is read to its end and checked before anything is returned.
    /// - Throws: `PriceImportError` naming the file and where it is wrong.
    public static func importing(offers paths: [String]) throws(PriceImportError) -> PriceTable {
        var regions: [String: [String: Figure]] = [:]
        var firstFile: [String: String] = [:]
        var dates: [String] = []
        for path in paths {
            let scanner = try scan(path)
            let date = String(scanner.scalars["publicationDate", default: ""].prefix(10))
            dates.append(date)
            let offer = scanner.scalars["offerCode", default: ""] + " " + scanner.scalars["version", default: ""]
            let name = URL(fileURLWithPath: path).lastPathComponent
            for found in scanner.found.sorted(by: { ($0.region, $0.key, $0.sku) < ($1.region, $1.key, $1.sku) }) {
                let slot = found.region + " " + found.key
                if let existing = regions[found.region]?[found.key], existing.usd != found.usd {
                    throw .conflicting(region: found.region, key: found.key, first: firstFile[slot] ?? "", second: "\(name) (SKU \(found.sku))")
                }
                firstFile[slot] = firstFile[slot] ?? "\(name) (SKU \(found.sku))"
                regions[found.region, default: [:]][found.key] = Figure(
                    found.usd, "AWS Price List \(offer.trimmingCharacters(in: .whitespaces)), \(found.region) (\(found.usageType), SKU \(found.sku); published \(date)); imported from \(name)")
            }
        }
        guard !regions.isEmpty else { throw .nothingFound(paths: paths) }
        // The oldest offer dates the table: every figure is at least that recent.
        return PriceTable(origin: .imported(path: ""), date: dates.min() ?? "", regions: regions)
    }

    /// Streams one offer file through `PriceOfferScanner` with read(2) into a reused buffer.
    static func scan(_ path: String) throws(PriceImportError) -> PriceOfferScanner {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: PrefixFileIO.reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory") }
        var scanner = PriceOfferScanner(path: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: PrefixFileIO.reason(errno))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { scanner.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            if let error = scanner.error { throw error }
        }
        scanner.finish()
        if let error = scanner.error { throw error }
        return scanner
    }

    /// The table as `prices import` writes it (schema `flowscan.price-table/1`).
    public func fileBytes() -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.field("schema", "flowscan.price-table/1")
            json.field("date", date)
            json.field("regions") { json in
                json.object { json in
                    for region in regions.keys.sorted() {
                        json.field(region) { json in
                            json.object { json in
                                for key in Pricing.keys {
                                    guard let figure = regions[region]?[key] else { continue }
                                    json.field(key) { json in
                                        json.inline { json in
                                            json.object { json in
                                                json.field("usd", figure.usd, places: 10)
                                                json.field("source", figure.source)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Array((json.text + "\n").utf8)
    }

    /// Writes the table to `path` all or nothing (a temporary file renamed over it).
    public func write(to path: String) throws(PriceImportError) {
        do {
            try PrefixFileIO.writeAtomically(fileBytes(), to: path)
        } catch {
            if case .cannotWrite(_, let reason) = error { throw .cannotWrite(path: path, reason: reason) }
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Reads a table `prices import` wrote; its figures replace the bundled ones region by region
    /// and key by key (what the offers did not price stays bundled, with its source).
    /// - Throws: `PriceImportError` naming the file and the entry at fault.
    public static func load(importedAt path: String, over base: PriceTable = .bundled) throws(PriceImportError) -> PriceTable {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalid(path: path, location: "top level", problem: "not a JSON object (run 'flowscan prices import' again, or delete it)")
        }
        guard object["schema"] as? String == "flowscan.price-table/1" else {
            throw .invalid(path: path, location: "schema", problem: "expected flowscan.price-table/1")
        }
        guard let date = object["date"] as? String, let regions = object["regions"] as? [String: Any] else {
            throw .invalid(path: path, location: "date, regions", problem: "missing")
        }
        var table = base
        table.origin = .imported(path: path)
        table.date = date
        for (region, value) in regions {
            guard PricingFile.isRegionCode(region), let figures = value as? [String: Any] else {
                throw .invalid(path: path, location: region, problem: "expected a region code and an object of prices")
            }
            for (key, raw) in figures {
                guard Pricing.keys.contains(key), let entry = raw as? [String: Any], let usd = (entry["usd"] as? NSNumber)?.doubleValue,
                      usd.isFinite, usd >= 0, usd < 1_000_000, let source = entry["source"] as? String else {
                    throw .invalid(path: path, location: "\(region).\(key)", problem: "expected {\"usd\": price, \"source\": text}")
                }
                table.regions[region, default: [:]][key] = Figure(usd, source)
            }
        }
        return table
    }
}
