/// The `services` list of each record, made once per distinct set of names: thousands of blocks
/// share a few dozen sets, so they share their arrays too.
struct ServiceLists {
    let names: [String]
    let ranks: NameRanks
    /// The list of a block listed under one service, by its id.
    private var single: [[String]?]
    /// The lists of blocks listed under two or three services, by their ids (21 bits each).
    private var few: [UInt64: [String]] = [:]
    private var many: [[UInt32]: [String]] = [:]
    /// The distinct service ids of the block at hand, in name order (reused).
    private var distinct: [UInt32] = []

    init(names: [String], ranks: NameRanks) {
        self.names = names
        self.ranks = ranks
        single = Array(repeating: nil, count: names.count)
    }

    /// The distinct service names of some entries, sorted by name.
    /// - Parameters:
    ///   - indices: the entries of one block (indices into `entries`).
    ///   - entries: the entries of its family.
    mutating func list(_ indices: ArraySlice<Int32>, _ entries: [PrefixFileEntry]) -> [String] {
        distinct.removeAll(keepingCapacity: true)
        for index in indices {
            // Insertion into a list of one to a few names, in alphabetical rank.
            let service = entries[Int(index)].service, rank = ranks.alphabetical[Int(service)]
            var position = distinct.count
            while position > 0, ranks.alphabetical[Int(distinct[position - 1])] > rank { position -= 1 }
            if position > 0, distinct[position - 1] == service { continue }
            distinct.insert(service, at: position)
        }
        if distinct.count == 1 {
            if let known = single[Int(distinct[0])] { return known }
            let list = [names[Int(distinct[0])]]
            single[Int(distinct[0])] = list
            return list
        }
        if distinct.count <= 3 {
            let key = distinct.reduce(UInt64(0)) { $0 << 21 | UInt64($1 + 1) }
            if let known = few[key] { return known }
            let list = distinct.map { names[Int($0)] }
            few[key] = list
            return list
        }
        if let known = many[distinct] { return known }
        let list = distinct.map { names[Int($0)] }
        many[distinct] = list
        return list
    }
}
