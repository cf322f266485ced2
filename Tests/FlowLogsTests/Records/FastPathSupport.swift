import Foundation
@testable import FlowLogs

/// Helpers for the fast-path tests.
enum FastPathSupport {
    /// Calls `body` with `bytes` placed so that they end exactly where readable memory ends: the
    /// next page is made unreadable, so a read past the line's last byte crashes the test.
    static func atPageEnd<Result>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let page = Int(getpagesize())
        let pages = (bytes.count + page - 1) / page + 1
        guard let region = mmap(nil, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              region != UnsafeMutableRawPointer(bitPattern: -1) else { fatalError("mmap failed") }
        defer { munmap(region, pages * page) }
        let guardPage = region + (pages - 1) * page
        precondition(mprotect(guardPage, page, PROT_NONE) == 0)
        let start = guardPage - bytes.count
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { start.copyMemory(from: from, byteCount: bytes.count) }
        }
        return body(UnsafeRawBufferPointer(start: start, count: bytes.count))
    }

    /// Everything a parser shows after a line: the outcome; for a record, every value and the
    /// text of every column (after other outcomes `record` is not defined); for a malformed line,
    /// the reason.
    static func describe(_ parser: RecordParser, _ outcome: RecordParser.Outcome) -> String {
        var text = "\(outcome)"
        switch outcome {
        case .record, .noData, .skipData:
            let record = parser.record
            let values: [Any?] = [record.version, record.srcaddr, record.dstaddr, record.pktSrcaddr, record.pktDstaddr,
                                  record.srcport, record.dstport, record.protocolNumber, record.packets, record.bytes,
                                  record.start, record.end, record.action, record.logStatus, record.flowDirection,
                                  record.trafficPath, record.tcpFlags, record.records]
            text += " [" + values.map { $0.map { "\($0)" } ?? "nil" }.joined(separator: " ") + "]"
            let columns = (0..<parser.fieldCount).map { column in
                parser.text(column: column).map { String(decoding: $0, as: UTF8.self) } ?? "-"
            }
            text += " " + columns.joined(separator: "|")
        case .malformed:
            text += " " + parser.malformedReason().description
        case .header:
            text += " " + parser.format.names.joined(separator: " ")
        case .blank, .transitGateway:
            break
        }
        return text
    }
}
