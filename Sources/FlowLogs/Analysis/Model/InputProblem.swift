/// An input the reader should know about: not read, broken off, not a flow log, or with
/// malformed lines (the renderers word it, in `Report/ReportWording.swift`).
public struct InputProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not read at all: `reason` says why (missing, unreadable, binary…).
        case skipped
        /// Read until damage: `reason` says where it broke; what came before counts.
        case damaged
        /// Most of its lines are malformed: `reason` is the first malformed line's.
        case notFlowLog
        /// Some malformed lines among records: `reason` is the first one's.
        case malformedLines
    }

    public var path: String
    public var kind: Kind
    public var reason: String
    /// Malformed lines, and every line that is not blank.
    public var malformed: Int
    public var lines: Int

    /// True when the file's figures are missing or wrong as a whole: it makes the result partial.
    public var makesResultPartial: Bool { kind != .malformedLines }
}
