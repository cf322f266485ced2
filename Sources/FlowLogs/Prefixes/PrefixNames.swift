/// The names of an ip-ranges.json file (services, regions, network border groups) as small ids,
/// so that loading counts and compares integers instead of three strings an entry. The file
/// repeats a few hundred names over thousands of entries: each distinct name is decoded once.
///
/// Ids follow `String` equality, as the dictionaries keyed by name did before: two byte spellings
/// of one Unicode name (`é` precomposed or not, an escape or not) share the id of the first.
///
///     var names = PrefixNames()
///     names.knownID(bytes("S3"))             // nil: decode it, then
///     names.add(bytes("S3"), name: "S3")     // 0
///     names.knownID(bytes("S3"))             // 0
///     names.names                            // ["S3"]
struct PrefixNames: Sendable {
    /// Each name once, by id.
    private(set) var names: [String] = []
    /// The byte spellings met so far.
    private var spellings = NameTable(capacity: Int(Int32.max))
    /// The id of each spelling (by its index in `spellings`).
    private var idOfSpelling: [UInt32] = []
    /// The id of each name.
    private var idOfName: [String: UInt32] = [:]

    /// The id of the name spelled by `bytes` when this spelling was met before; `nil` for a new
    /// one, which the caller decodes (checking it once, at its first place in the file) and `add`s.
    /// - Parameter bytes: the name's bytes as the file holds them (between the quotes) or decoded.
    func knownID(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        spellings.find(bytes).map { idOfSpelling[Int($0)] }
    }

    /// Adds a new spelling and the name it decodes to.
    /// - Returns: the name's id: a new one, or that of an equal name spelled otherwise.
    mutating func add(_ bytes: UnsafeRawBufferPointer, name: String) -> UInt32 {
        // The capacity is more names than a 64 MB file can hold, so interning always succeeds.
        let spelling = Int(spellings.intern(exactly: bytes)!)
        precondition(spelling == idOfSpelling.count, "add is for new spellings only")
        let id: UInt32
        if let known = idOfName[name] {
            id = known
        } else {
            id = UInt32(names.count)
            names.append(name)
            idOfName[name] = id
        }
        idOfSpelling.append(id)
        return id
    }
}
