#if !FUZZING
@testable import FlowLogs
#endif
import Foundation

/// The `companions` fuzz target: the input as the two small JSON files given next to the logs,
/// `--nat-gateways` (`NATGatewayHint.load(describeNATGateways:)`) and `--pricing`
/// (`Pricing.load(contentsOf:)`).
///
/// Errors must be safe to print on a terminal; what loads must be usable (every gateway
/// recognisable, every price a finite non-negative number) and, put into a report on a fixed NAT
/// log, must render safely with JSON that parses and figures that are finite.
enum CompanionsFuzzing {
    /// Runs the target on one input.
    static func run(_ input: UnsafeRawBufferPointer, scratch: FuzzScratchFile) {
        scratch.write(input)
        var options = AnalysisOptions()
        do {
            options.natHints = try NATGatewayHint.load(describeNATGateways: scratch.path)
            checkHints(options.natHints)
        } catch {
            FuzzChecks.terminalSafe(error.description, "the describe-nat-gateways error")
        }
        do {
            options.pricing = try Pricing.load(contentsOf: scratch.path)
            for (key, value) in options.pricing.fields {
                fuzzRequire(value.isFinite && value >= 0 && value < 1_000_000, "price \(key) loaded as \(value)")
            }
        } catch {
            FuzzChecks.terminalSafe(error.description, "the pricing error")
        }
        checkPriceFiles(scratch.path)
        if !options.natHints.isEmpty || options.pricing != Pricing() { checkReport(options) }
    }

    /// The same bytes as a `--pricing` file keyed by region and as a Price List offer
    /// (`prices import`): what loads holds only region codes, known keys and prices.
    static func checkPriceFiles(_ path: String) {
        func checkPrice(_ key: String, _ value: Double, _ what: String) {
            fuzzRequire(Pricing.keys.contains(key) && value.isFinite && value >= 0 && value < 1_000_000, "\(what) \(key) loaded as \(value)")
        }
        do {
            let file = try PricingFile.load(contentsOf: path)
            for (key, value) in file.flat { checkPrice(key, value, "flat price") }
            for (region, prices) in file.regions {
                fuzzRequire(PricingFile.isRegionCode(region), "pricing file region \(region)")
                for (key, value) in prices { checkPrice(key, value, "\(region) price") }
            }
        } catch {
            FuzzChecks.terminalSafe(error.description, "the pricing file error")
        }
        do {
            let table = try PriceTable.importing(offers: [path])
            for (region, figures) in table.regions {
                fuzzRequire(PricingFile.isRegionCode(region), "offer region \(region)")
                for (key, figure) in figures { checkPrice(key, figure.usd, "offer \(region)") }
            }
        } catch {
            FuzzChecks.terminalSafe(error.description, "the offer error")
        }
    }

    /// Every gateway can be recognised, each interface once.
    static func checkHints(_ hints: [NATGatewayHint]) {
        fuzzRequire(!hints.isEmpty, "describe-nat-gateways loaded with no gateway")
        for hint in hints {
            fuzzRequire(!hint.interfaceIDs.isEmpty || !hint.privateIPs.isEmpty, "gateway \(hint) cannot be recognised")
            fuzzRequire(Set(hint.interfaceIDs).count == hint.interfaceIDs.count, "interfaces repeated in \(hint)")
        }
    }

    /// The fixed NAT log's report with these gateways and prices.
    static func checkReport(_ options: AnalysisOptions) {
        let (aggregator, summary) = FuzzFixtures.natAggregator
        let report: Report
        do {
            report = try TrafficAnalysis.report(from: aggregator, inputs: Inspection(files: [summary]),
                                                prefixFile: FuzzFixtures.prefixFile, options: options)
        } catch {
            fuzzFailure("no report on the fixed NAT log: \(error)")
            return
        }
        // No named gateway vanishes silently: it is in the report (alone or merged with another
        // name of it), or a warning says why not (deleted without records, or detection instead).
        let detectedInstead = report.warnings.map(\.sentence).contains { $0.contains("match no record") }
        for hint in options.natHints where !detectedInstead {
            let shown = report.gateways.contains { gateway in
                (hint.id != nil && gateway.id == hint.id) || !Set(gateway.interfaceIDs).isDisjoint(with: hint.interfaceIDs)
                    || !Set(gateway.privateIPs).isDisjoint(with: hint.privateIPs)
            }
            let names = [hint.id].compactMap { $0 } + hint.interfaceIDs + hint.privateIPs.map(\.description)
            let warned = report.warnings.map(\.sentence).contains { warning in
                warning.hasPrefix("NAT gateway ") && warning.contains(" left out ") && names.contains { warning.contains($0) }
            }
            fuzzRequire(shown || warned, "named gateway \(hint) is neither in the report nor in a warning")
        }
        FuzzChecks.terminalSafe(report.text(), "the text report")
        FuzzChecks.terminalSafe(report.markdown(), "the Markdown report")
        FuzzChecks.parsesAsJSON(report.json(), "the JSON report")
        FuzzChecks.wellFormedHTML(report.html(), "the HTML report")
        RecordsFuzzing.checkFinite(report)
    }
}
