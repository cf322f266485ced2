extension EstateReport {
    /// The `--output json` document (schema `flowscan.report/2`; README, "JSON output"): the
    /// estate's sums, the prefixes, one object per scope (heaviest first), then `inputs` (the
    /// file list grows with the bucket, so it comes last). A single-VPC run has one scope.
    /// - Parameter fileList: `false` (`--no-file-list`) keeps in `inputs.files` only the files
    ///   with a problem (skipped, damaged, malformed lines); `inputs.totals` stays whole.
    public func json(fileList: Bool = true) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schema", Self.schema)
            json.field("estate") { writeEstate(&$0) }
            json.field("prefixes") { Report.writePrefixes(prefixes, into: &$0) }
            json.field("scopes") { json in
                json.array(scopes) { json, scope in
                    scope.report.writeScope(into: &json) { json in
                        json.field("account", scope.account)
                        json.field("region", scope.region)
                        json.field("vpc", scope.vpc)
                        json.field("scope_key", scope.scopeKey.rawValue)
                        json.field("flow_logs", strings: scope.flowLogs)
                    }
                }
            }
            var shown = inputs
            if !fileList {
                shown.files = inputs.files.filter { $0.status != .ok || $0.malformed > 0 }
            }
            json.field("inputs") { shown.write(into: &$0) }
        }
        return json.text + "\n"
    }

    /// The JSON document's schema name.
    public static let schema = "flowscan.report/2"

    private func writeEstate(_ json: inout JSONWriter) {
        let totals = estate
        json.object { json in
            json.field("scopes", scopes.count)
            json.field("accounts", Set(scopes.map(\.account)).count)
            json.field("regions", strings: Set(scopes.map(\.region)).sorted())
            json.field("nat") { totals.nat.write(into: &$0) }
            json.field("cost") { json in
                json.object { json in
                    json.field("gateways", totals.gateways)
                    json.field("monthly_gb", totals.monthlyGB, places: 6)
                    json.field("monthly_processing_usd", totals.monthlyProcessingUSD, places: 4)
                    json.field("monthly_hourly_usd", totals.monthlyHourlyUSD, places: 4)
                    json.field("monthly_public_ipv4_usd", totals.monthlyPublicIPv4USD, places: 4)
                    json.field("monthly_total_usd", totals.monthlyTotalUSD, places: 4)
                }
            }
            json.field("savings") { json in
                json.object { json in json.field("total_monthly_usd", totals.savingsMonthlyUSD, places: 4) }
            }
            json.field("exposure") { json in
                json.object { json in
                    json.field("aws_bytes_public_path", totals.awsPublicBytes)
                    json.field("aws_bytes", totals.awsBytes)
                    json.key("public_share")
                    if let share = totals.publicShare { json.number(share, places: 4) } else { json.null() }
                }
            }
            json.field("scope_filters", strings: scopeFilters.map(\.description))
            json.field("outside_scope") { json in
                json.inline { json in
                    json.object { json in
                        json.field("scopes", outsideScopes.scopes)
                        json.field("records", outsideScopes.records)
                    }
                }
            }
            json.key("fail_above")
            if let failAbove { json.number(failAbove, places: 2) } else { json.null() }
            json.field("threshold_exceeded", thresholdExceeded)
            json.field("warnings", strings: warnings.map(\.sentence))
        }
    }
}

extension EstateReport {
    /// A run of one scope whose account and VPC are not known (a report computed alone).
    init(single report: Report) {
        self.init(inputs: report.inputs, prefixes: report.prefixes,
                  scopes: [ScopeReport(account: ScopeUnit.unknownAccount, region: report.region, vpc: nil, flowLogs: [],
                                       scopeKey: .accountRegion, report: report)])
        failAbove = report.failAbove
    }
}

extension Report {
    /// This report alone as the `--output json` document (one scope; `EstateReport.json`).
    public func json(fileList: Bool = true) -> String { EstateReport(single: self).json(fileList: fileList) }

    /// This report alone as the `--output html` page (one scope; `EstateReport.html`).
    public func html() -> String { EstateReport(single: self).html() }
}
