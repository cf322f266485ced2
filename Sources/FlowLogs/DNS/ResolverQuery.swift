/// One Route 53 Resolver query log record, as the line parser leaves it: text values are slices
/// of the line (or of the parser's scratch buffer when they held JSON escapes), valid only until
/// the next line is parsed.
///
///     {"version":"1.100000","account_id":"626345947581","region":"us-east-1","vpc_id":"vpc-01e31a7c",
///      "query_timestamp":"2021-12-11T22:46:26Z","query_name":"s3-r-w.dualstack.us-east-1.amazonaws.com.",
///      "query_type":"A","query_class":"IN","rcode":"NOERROR",
///      "answers":[{"Rdata":"67.43.156.12","Type":"A","Class":"IN"}],
///      "srcaddr":"172.31.86.159","srcport":"43312","transport":"UDP","srcids":{"instance":"i-0…"}}
///
/// Fields follow the AWS Route 53 Developer Guide, "Values that appear in Resolver query logs":
/// `srcids` holds `instance` and `resolver_endpoint` (version 1.000000 wrote `resolver-endpoint`:
/// both are read); the DNS Firewall fields (`firewall_rule_action`, `firewall_rule_group_id`,
/// `firewall_domain_list_id`) appear only when a rule matched.
struct ResolverQuery {
    /// The kind of one answer record.
    enum RecordType: Equatable {
        case a
        case aaaa
        case cname
        /// PTR, MX, TXT, HTTPS… (not used to name addresses).
        case other
    }

    /// One element of `answers`.
    struct Answer {
        var rdata: UnsafeRawBufferPointer
        var type: RecordType
    }

    var version = UnsafeRawBufferPointer(start: nil, count: 0)
    var accountID = UnsafeRawBufferPointer(start: nil, count: 0)
    var region = UnsafeRawBufferPointer(start: nil, count: 0)
    var vpcID = UnsafeRawBufferPointer(start: nil, count: 0)
    var timestampText = UnsafeRawBufferPointer(start: nil, count: 0)
    /// `query_timestamp` in Unix seconds (fractions dropped).
    var timestamp: UInt64 = 0
    var queryName = UnsafeRawBufferPointer(start: nil, count: 0)
    var queryType = UnsafeRawBufferPointer(start: nil, count: 0)
    var rcode = UnsafeRawBufferPointer(start: nil, count: 0)
    var srcaddrText = UnsafeRawBufferPointer(start: nil, count: 0)
    /// `srcaddr` parsed; `nil` when it is absent.
    var srcaddr: IPAddress?
    var instance = UnsafeRawBufferPointer(start: nil, count: 0)
    var resolverEndpoint = UnsafeRawBufferPointer(start: nil, count: 0)
    /// `firewall_rule_action` (`ALERT`, `BLOCK`), empty when no DNS Firewall rule matched.
    var firewallAction = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The answers kept (at most `ResolverLineParser.answerCapacity`).
    var answers: [Answer] = []
    /// Answers beyond the capacity, counted and not kept.
    var answersLeftOut = 0
    /// Which required fields the line had (bits of `ResolverLineParser.Field`).
    var present: UInt32 = 0

    /// Empties the record for the next line, keeping the answers' storage.
    mutating func reset() {
        self = ResolverQuery(answers: answers)
        answers.removeAll(keepingCapacity: true)
    }

    private init(answers: [Answer]) {
        self.answers = answers
    }

    init() {
        answers.reserveCapacity(ResolverLineParser.answerCapacity)
    }

    /// True when the resolver answered NOERROR (the only answers that name addresses).
    var isNoError: Bool { rcode.elementsEqual("NOERROR".utf8) }

    /// True when a DNS Firewall rule blocked the query: its answers are the rule's, not the service's.
    var isBlockedByFirewall: Bool { firewallAction.elementsEqual("BLOCK".utf8) }
}

extension ResolverQuery.RecordType {
    /// The type of an answer's `Type` text.
    static func of(_ text: UnsafeRawBufferPointer) -> ResolverQuery.RecordType {
        switch text.count {
        case 1 where text[0] == UInt8(ascii: "A"): return .a
        case 4 where text.elementsEqual("AAAA".utf8): return .aaaa
        case 5 where text.elementsEqual("CNAME".utf8): return .cname
        default: return .other
        }
    }
}
