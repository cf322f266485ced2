/// The ip-ranges.json the report used.
public struct PrefixFileInfo: Sendable {
    public var path: String
    public var origin: String
    public var syncToken: String
    public var createDate: String
    /// Days between createDate and the run, when createDate parses.
    public var ageDays: Double?

    public init(path: String, origin: String, syncToken: String, createDate: String, ageDays: Double?) {
        self.path = path
        self.origin = origin
        self.syncToken = syncToken
        self.createDate = createDate
        self.ageDays = ageDays
    }
}
