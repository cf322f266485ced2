// The libFuzzer entry point of the `prefixes` target; the body, shared with FuzzCorpusTests, is
// `PrefixesFuzzing` in Tests/FlowLogsTests/Fuzz/Bodies/. Built by Fuzz/run-fuzzers.sh,
// which compiles the sources and bodies into the FlowLogsFuzz library this file links with.

@testable import FlowLogsFuzz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PrefixesFuzzing.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
