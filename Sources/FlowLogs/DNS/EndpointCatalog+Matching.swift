extension EndpointCatalog {
    /// The endpoint service that would carry traffic to `name`.
    /// - Parameter name: a DNS name, any case, with or without its trailing dot.
    public static func service(for name: String) -> EndpointService {
        var lowered = name.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        let labels = lowered.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for (rule, tokens) in compiled {
            guard let match = match(tokens, labels) else { continue }
            var service = rule.service
            var fips = false
            if let label = match.service {
                var base = label
                if base.hasSuffix("-fips") { base.removeLast(5); fips = true }
                guard let mapped = serviceLabels[base] else { continue }
                service = mapped
            }
            if labels.contains(where: { $0.hasSuffix("-fips") }) { fips = true }
            let region = rule.region ?? match.region
            return EndpointService(kind: rule.kind, service: service, region: region, fips: fips, note: rule.note,
                                   source: rule.source.rawValue)
        }
        return EndpointService(kind: .notAWS, source: "flowscan: not under an AWS domain (amazonaws.com, api.aws, on.aws)")
    }

    /// One label of a pattern.
    enum Token: Equatable {
        case literal(String)
        /// `*`: one or more labels (first token only).
        case any
        /// A label with one placeholder between a literal prefix and suffix.
        case placeholder(prefix: String, kind: Placeholder, suffix: String)
    }

    enum Placeholder: String {
        case region, n, service
    }

    /// The rules with their patterns split once.
    static let compiled: [(Rule, [Token])] = rules.map { rule in
        (rule, rule.pattern.split(separator: ".").map { label -> Token in
            if label == "*" { return .any }
            guard let open = label.firstIndex(of: "{"), let close = label.firstIndex(of: "}"),
                  let kind = Placeholder(rawValue: String(label[label.index(after: open)..<close])) else {
                return .literal(String(label))
            }
            return .placeholder(prefix: String(label[..<open]), kind: kind, suffix: String(label[label.index(after: close)...]))
        })
    }

    /// What a matching name filled the placeholders with.
    struct Match {
        var region: String?
        var service: String?
    }

    /// Matches `labels` against `tokens` from the right; `nil` when they do not match.
    static func match(_ tokens: [Token], _ labels: [String]) -> Match? {
        var fixed = tokens
        let wildcard = fixed.first == .any
        if wildcard { fixed.removeFirst() }
        guard wildcard ? labels.count > fixed.count : labels.count == fixed.count else { return nil }
        let offset = labels.count - fixed.count
        if wildcard, labels[..<offset].contains(where: \.isEmpty) { return nil }
        var result = Match()
        for (index, token) in fixed.enumerated() {
            let label = labels[offset + index]
            switch token {
            case .any:
                return nil
            case let .literal(text):
                guard label == text else { return nil }
            case let .placeholder(prefix, kind, suffix):
                guard label.count > prefix.count + suffix.count, label.hasPrefix(prefix), label.hasSuffix(suffix) else { return nil }
                let middle = String(label.dropFirst(prefix.count).dropLast(suffix.count))
                switch kind {
                case .region:
                    guard isRegion(middle), result.region == nil || result.region == middle else { return nil }
                    result.region = middle
                case .n:
                    guard middle.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
                case .service:
                    guard middle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
                    result.service = middle
                }
            }
        }
        return result
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-iso-east-1`, `ap-southeast-7`…:
    /// two letters, one or two dash-separated words, and a number.
    static func isRegion(_ label: String) -> Bool {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard (3...4).contains(parts.count), parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }),
              let last = parts.last, !last.isEmpty, last.count <= 2, last.allSatisfy(\.isASCIIDigitCharacter) else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
