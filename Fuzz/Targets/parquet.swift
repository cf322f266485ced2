// The libFuzzer entry point of the `parquet` target; the body, shared with FuzzCorpusTests, is
// `ParquetFuzzing` in Tests/FlowLogsTests/Fuzz/Bodies/. Built by Fuzz/run-fuzzers.sh,
// which compiles the sources and bodies into the FlowLogsFuzz library this file links with.

@testable import FlowLogsFuzz

/// The in-memory file each input is written into.
private let scratch = FuzzScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ParquetFuzzing.run(UnsafeRawBufferPointer(start: data, count: size), scratch: scratch)
    return 0
}
