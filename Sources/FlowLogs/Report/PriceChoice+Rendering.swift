/// `flowscan prices show`: the prices a report would use, region by region, and where each came from.
extension PriceChoice {
    /// The regions `prices show` lists without `--region`: every region in the table.
    public var tableRegions: [String] { table.regions.keys.sorted() }

    /// The text output: the table's origin and date, then per region each price and its source,
    /// the `price source` line and the fallback warning when there is one.
    public func text(regions: [String]) -> String {
        var text = "price table: \(tableText) (\(NumberText.count(table.regions.count, "region")))\n"
        let width = Pricing.keys.map(\.count).max() ?? 0
        for region in regions {
            let source = prices(for: region).source
            text += "\n\(region)\n"
            for line in lines(for: region) {
                let price = NumberText.price(line.usd)
                text += "  " + line.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + price.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + line.source + "\n"
            }
            text += "  price source: \(source.text)\n"
            if let warning = Self.warning(source) { text += "  warning: \(warning.sentence)\n" }
        }
        return text
    }

    /// The `--output json` document (schema `flowscan.prices/1`; README, "flowscan prices show").
    public func json(regions: [String]) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schema", "flowscan.prices/1")
            json.field("table") { json in
                json.object { json in
                    json.field("origin", prices(for: PriceTable.fallbackRegion).source.tableOriginKey)
                    if case .imported(let path) = table.origin { json.field("path", path) } else { json.field("path", nil as String?) }
                    json.field("date", table.date)
                    json.field("regions", strings: tableRegions)
                }
            }
            json.field("regions") { json in
                json.array(regions) { json, region in
                    let (pricing, source) = prices(for: region)
                    json.object { json in
                        json.field("region", region)
                        json.field("prices") { json in
                            json.object { json in for (key, value) in pricing.fields { json.field(key, value, places: 4) } }
                        }
                        json.field("sources") { json in
                            json.object { json in for line in lines(for: region) { json.field(line.key, line.source) } }
                        }
                        json.field("prices_source") { Report.writePriceSource(source, into: &$0) }
                        json.field("warnings", strings: Self.warning(source).map { [$0.sentence] } ?? [])
                    }
                }
            }
        }
        return json.text + "\n"
    }

    private var tableText: String {
        switch table.origin {
        case .bundled: return "bundled, \(table.date)"
        case .imported(let path): return "imported \(path), \(table.date)"
        }
    }

    private static func warning(_ source: PriceSource) -> ReportWarning? {
        source.warnedFellBack.isEmpty ? nil : .pricesFellBack(region: source.region, keys: source.warnedFellBack,
                                                        regionMissing: source.regionMissing, tableDate: source.tableDate)
    }
}
