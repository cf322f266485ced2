/// Each name's place in the two orders loading needs, so that comparing two names is comparing
/// two integers.
struct NameRanks {
    /// `ServicePrecedence` order: a lower rank wins (an id used as a service).
    let precedence: [Int32]
    /// Alphabetical order (`String`'s `<`).
    let alphabetical: [Int32]

    init(_ names: [String]) {
        func ranks(_ ascending: (Int, Int) -> Bool) -> [Int32] {
            var result = [Int32](repeating: 0, count: names.count)
            for (rank, id) in names.indices.sorted(by: ascending).enumerated() { result[id] = Int32(rank) }
            return result
        }
        precedence = ranks { ServicePrecedence.prefers(names[$0], over: names[$1]) }
        alphabetical = ranks { names[$0] < names[$1] }
    }
}
