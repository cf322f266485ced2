import Testing
@testable import FlowLogs

struct RecordParserTests {
    private func parse(_ line: String, format: FlowLogFormat = .assumedDefault) -> (RecordParser.Outcome, RecordParser) {
        let parser = RecordParser(format: format)
        var line = line
        let outcome = line.withUTF8 { parser.parse(UnsafeRawBufferPointer($0)) }
        return (outcome, parser)
    }

    private func text(_ parser: RecordParser, _ field: FlowField) -> String? {
        parser.text(field).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func parsesADefaultRecord() {
        let (outcome, parser) = parse(Fixtures.v2Records[0])
        #expect(outcome == .record)
        let record = parser.record
        #expect(record.version == 2)
        #expect(record.srcaddr == IPAddress("172.31.16.139"))
        #expect(record.dstaddr == IPAddress("172.31.16.21"))
        #expect(record.srcport == 20641)
        #expect(record.dstport == 22)
        #expect(record.protocolNumber == 6)
        #expect(record.packets == 20)
        #expect(record.bytes == 4249)
        #expect(record.start == 1_418_530_010)
        #expect(record.end == 1_418_530_070)
        #expect(record.action == .accept)
        #expect(record.logStatus == .ok)
        #expect(text(parser, .interfaceID) == "eni-1235b8ca123456789")
        #expect(text(parser, .accountID) == "123456789010")
        #expect(text(parser, .vpcID) == nil)
    }

    @Test func dashesAreAbsentValues() {
        let (outcome, parser) = parse(Fixtures.v2Records[2])
        #expect(outcome == .noData)
        #expect(parser.record.srcaddr == nil)
        #expect(parser.record.bytes == nil)
        #expect(parser.record.start == 1_431_280_876)
        let (skip, _) = parse(Fixtures.v2Records[3])
        #expect(skip == .skipData)
        let (unknownAccount, other) = parse("2 unknown eni-0608192d5c498fbcd - - - - - - - 1538696170 1538696308 - NODATA")
        #expect(unknownAccount == .noData)
        #expect(text(other, .accountID) == "unknown")
    }

    @Test func everyFieldMayBeADash() {
        let (outcome, parser) = parse(Array(repeating: "-", count: 14).joined(separator: " "))
        #expect(outcome == .record)
        #expect(parser.record.isOK)
        #expect(parser.record.bytes == nil)
    }

    @Test func runsOfSpacesAndTabsSeparateOneField() {
        let (outcome, parser) = parse("2  123456789010\teni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1 2 ACCEPT OK  ")
        #expect(outcome == .record)
        #expect(parser.record.bytes == 40)
    }

    @Test func ipv6Addresses() {
        let (outcome, parser) = parse("2 1 eni-1 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK")
        #expect(outcome == .record)
        #expect(parser.record.srcaddr?.isIPv4 == false)
        #expect(parser.record.srcaddr?.description == "2001:db8:1234:a100:8d6e:3477:df66:f105")
    }

    @Test(arguments: [
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 18446744073709551616 1 2 ACCEPT OK", "bytes"),   // UInt64.max + 1
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 -5 1 2 ACCEPT OK", "bytes"),
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1e9 1 2 ACCEPT OK", "bytes"),
        ("2 1 eni-1 10.0.0.256 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK", "srcaddr"),
        ("2 1 eni-1 10.0.0.1 fe80::1%eth0 1 2 6 1 5 1 2 ACCEPT OK", "dstaddr"),
        ("2 1 eni-1 10.0.0.1 10.0.0.2 65536 2 6 1 5 1 2 ACCEPT OK", "srcport"),
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 256 1 5 1 2 ACCEPT OK", "protocol"),
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 MAYBE OK", "action"),
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT FINE", "log-status"),
        ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 99999999999999999999999 2 ACCEPT OK", "start"),
    ])
    func invalidValuesMakeTheLineMalformed(line: String, field: String) {
        let (outcome, parser) = parse(line)
        #expect(outcome == .malformed)
        guard case let .invalidValue(name, _, _) = parser.malformedReason() else {
            Issue.record("expected an invalid value, got \(parser.malformedReason())")
            return
        }
        #expect(name == field)
    }

    @Test func largestValuesStillFit() {
        let (outcome, parser) = parse("2 1 eni-1 255.255.255.255 ::ffff:0.0.0.0 65535 0 255 18446744073709551615 18446744073709551615 0 18446744073709551615 REJECT OK")
        #expect(outcome == .record)
        #expect(parser.record.bytes == .max)
        #expect(parser.record.srcport == 65535)
    }

    @Test func controlCharactersAndTooFewFields() {
        let (control, parser) = parse("2 1 eni-1\u{1b}[31m 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK")
        #expect(control == .malformed)
        #expect(parser.malformedReason() == .controlCharacter(byte: 0x1b))
        let (short, shortParser) = parse("2 1 eni-1")
        #expect(short == .malformed)
        #expect(shortParser.malformedReason() == .tooFewFields(found: 3, expected: 14, assumed: true))
    }

    @Test func extraValuesAreToleratedOnlyWithAHeader() {
        let extra = "2 348372346321 eni-00184058652e5a320 52.119.169.95 172.31.20.31 443 48316 6 19 7119 1573642242 1573642284 ACCEPT OK extra-data-should-not-break"
        #expect(parse(extra).0 == .malformed)
        let (withHeader, parser) = parse(extra, format: FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue)))
        #expect(withHeader == .record)
        #expect(parser.record.bytes == 7119)
    }

    @Test(arguments: [
        "2021-03-25T12:00:05.000Z 2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK",
        "1616673605000,\"2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK\"",
        "1616673605,2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK",
        "{\"message\":\"2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK\"}",
    ])
    func cloudWatchWrappersAreRemoved(line: String) {
        let (outcome, parser) = parse(line)
        #expect(outcome == .record)
        #expect(parser.record.bytes == 5)
    }

    @Test func headerDetection() {
        #expect(parse(Fixtures.v2Header).0 == .header)
        #expect(parse("timestamp,message").0 == .header)
        #expect(parse("bogus line").0 == .malformed)
        #expect(parse("").0 == .blank)
        #expect(parse("   ").0 == .blank)
        // Ids look like names but hold digits; a lone unknown word is not a header.
        #expect(parse("eni-1 vpc-2", format: FlowLogFormat(names: ["interface-id", "vpc-id"])).0 == .record)
    }

    @Test func transitGatewayRecordsWithoutHeader() {
        let line = "3 - 748335378900 tgw-0a12bc34de56f7890 tgw-attach-0123abcd - - vpc-0abc1234 vpc-0def5678 - - eni-0ee5f66aa7bcc89d0 eni-0dd4ee5f66aa7bcc8 - - - 216.160.83.56 89.160.20.128 36721 8080 17 13 6842 1755592553 1755592580 OK - - - - - - - ingress - -"
        #expect(parse(line).0 == .transitGateway)
    }
}
