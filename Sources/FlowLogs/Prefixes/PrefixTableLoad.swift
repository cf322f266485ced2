import Dispatch
import Synchronization

/// An ip-ranges.json file loading on another thread, so that loading it overlaps the work that
/// does not need it (reading the options and price table, finding the inputs, reading Resolver
/// logs): on two cores the load then costs little or no wall time of its own.
///
///     let load = PrefixTableLoad(contentsOf: "ip-ranges.json")   // returns at once
///     …                                                          // other work
///     let table = try load.table()                               // waits for the end of the load
public final class PrefixTableLoad: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<PrefixTable, PrefixFileError>?>(nil)

    /// Starts `PrefixTable.load(contentsOf:)` on a Dispatch queue.
    /// - Parameter path: the file to read.
    public init(contentsOf path: String) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let loaded: Result<PrefixTable, PrefixFileError>
            do throws(PrefixFileError) {
                loaded = .success(try PrefixTable.load(contentsOf: path))
            } catch {
                loaded = .failure(error)
            }
            result.withLock { $0 = loaded }
            finished.signal()
        }
    }

    /// The table, once loaded; waits for the load to end. Any number of calls, from any thread,
    /// give the same answer.
    /// - Throws: the `PrefixFileError` of `PrefixTable.load(contentsOf:)`, unchanged.
    public func table() throws(PrefixFileError) -> PrefixTable {
        finished.wait()
        finished.signal()  // for the next caller
        return try result.withLock { $0 }!.get()
    }
}
