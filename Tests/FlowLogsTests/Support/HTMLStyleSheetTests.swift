import Foundation
import Testing
@testable import FlowLogs

/// The chart colours stay apart for readers with each kind of dichromacy, simulated with the
/// matrices of Machado, Oliveira & Fernandes, "A Physiologically-based Model for Simulation of
/// Color Vision Deficiency" (IEEE TVCG 2009), severity 1.0, and compared as CIE L*a*b* distances.
@Suite struct HTMLStyleSheetTests {
    static let vision: [(name: String, matrix: [[Double]])] = [
        ("normal", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
    ]

    /// The smallest ΔE (CIE76) that two series colours may have under any of the simulations;
    /// about 10 reads as clearly different side by side.
    static let minimumDistance = 12.0

    @Test(arguments: [("light", HTMLStyleSheet.lightTones, "#ffffff"), ("dark", HTMLStyleSheet.darkTones, "#0d1117")])
    func seriesColoursStayApart(scheme: String, tones: [String], background: String) {
        #expect(tones.count == SVGChart.tones)
        for (name, matrix) in Self.vision {
            let seen = tones.map { Self.lab(Self.simulate($0, matrix)) }
            let ground = Self.lab(Self.simulate(background, matrix))
            for first in seen.indices {
                #expect(Self.distance(seen[first], ground) > 15, "\(scheme) \(tones[first]) against the background, \(name)")
                for second in seen.indices where second > first {
                    let distance = Self.distance(seen[first], seen[second])
                    #expect(distance > Self.minimumDistance, "\(scheme) \(tones[first]) and \(tones[second]), \(name): ΔE \(distance)")
                }
            }
        }
    }

    /// The colours that carry a meaning in pairs: a saving against a cost, paying against not.
    @Test func meaningfulPairsStayApart() {
        for (name, matrix) in Self.vision {
            for (first, second) in [("#009e73", "#d55e00"), ("#009e73", "#e69f00"), ("#1fb98a", "#f0793a"), ("#1fb98a", "#e69f00")] {
                let distance = Self.distance(Self.lab(Self.simulate(first, matrix)), Self.lab(Self.simulate(second, matrix)))
                #expect(distance > Self.minimumDistance, "\(first) and \(second), \(name)")
            }
        }
        let css = HTMLStyleSheet.report
        #expect(css.contains("--down: #009e73; --up: #d55e00; --pays: #009e73; --below: #e69f00;"))
        #expect(css.contains("--down: #1fb98a; --up: #f0793a; --pays: #1fb98a; --below: #e69f00;"))
    }

    /// The check can fail: the red and green of a common default palette (matplotlib's tab10),
    /// which a deuteranope confuses, are caught.
    @Test func theCheckSeesAConfusablePair() {
        let deuteranopia = Self.vision[2].matrix
        let distance = Self.distance(Self.lab(Self.simulate("#d62728", deuteranopia)), Self.lab(Self.simulate("#2ca02c", deuteranopia)))
        #expect(distance < Self.minimumDistance)
    }

    static func simulate(_ hex: String, _ matrix: [[Double]]) -> [Double] {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let srgb = [value >> 16, value >> 8 & 0xff, value & 0xff].map { Double($0) / 255 }
        let linear = srgb.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return matrix.map { row in min(1, max(0, zip(row, linear).reduce(0) { $0 + $1.0 * $1.1 })) }
    }

    static func lab(_ linear: [Double]) -> [Double] {
        let (r, g, b) = (linear[0], linear[1], linear[2])
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }

    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        sqrt(zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
    }
}
