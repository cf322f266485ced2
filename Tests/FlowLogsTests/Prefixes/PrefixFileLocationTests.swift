import Foundation
import Testing
@testable import FlowLogs

struct PrefixFileLocationTests {
    @Test(arguments: [
        (["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"], "/x/cache/flowscan/ip-ranges.json"),
        (["XDG_CACHE_HOME": "/x/cache/", "HOME": "/home/u"], "/x/cache/flowscan/ip-ranges.json"),
        (["XDG_CACHE_HOME": "", "HOME": "/home/u"], "/home/u/.cache/flowscan/ip-ranges.json"),
        (["XDG_CACHE_HOME": "relative/cache", "HOME": "/home/u/"], "/home/u/.cache/flowscan/ip-ranges.json"),
        (["HOME": "/home/u"], "/home/u/.cache/flowscan/ip-ranges.json"),
    ])
    func defaultCachePath(environment: [String: String], expected: String) {
        #expect(PrefixFileLocation.defaultCachePath(environment: environment) == expected)
    }

    @Test func precedence() throws {
        let directory = try PrefixFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let option = directory.appendingPathComponent("option.json").path
        let named = directory.appendingPathComponent("named.json").path
        let cache = directory.appendingPathComponent("cache")
        let cached = cache.appendingPathComponent("flowscan/ip-ranges.json").path
        let environment = ["XDG_CACHE_HOME": cache.path, "FLOWSCAN_PREFIXES": named]

        // Nothing exists yet: each level names its own missing file; the last says how to get one.
        #expect(throws: PrefixFileError.missing(path: option, origin: "--prefixes")) {
            try PrefixFileLocation.resolve(explicit: option, environment: environment)
        }
        #expect(throws: PrefixFileError.missing(path: named, origin: "$FLOWSCAN_PREFIXES")) {
            try PrefixFileLocation.resolve(explicit: nil, environment: environment)
        }
        #expect(throws: PrefixFileError.notFound(defaultPath: cached)) {
            try PrefixFileLocation.resolve(explicit: nil, environment: ["XDG_CACHE_HOME": cache.path, "FLOWSCAN_PREFIXES": ""])
        }
        #expect(PrefixFileError.notFound(defaultPath: cached).description.contains("flowscan prefixes update"))

        for path in [option, named, cached] {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(try PrefixFileLocation.resolve(explicit: option, environment: environment) == (option, "--prefixes"))
        #expect(try PrefixFileLocation.resolve(explicit: nil, environment: environment) == (named, "$FLOWSCAN_PREFIXES"))
        #expect(try PrefixFileLocation.resolve(explicit: nil, environment: ["XDG_CACHE_HOME": cache.path])
                == (cached, "default location"))
    }
}
