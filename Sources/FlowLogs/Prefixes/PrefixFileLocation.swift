import Foundation

/// Where flowscan finds ip-ranges.json, for every command that needs it. The first that applies wins:
///
/// 1. `--prefixes FILE`
/// 2. `$FLOWSCAN_PREFIXES`
/// 3. `$XDG_CACHE_HOME/flowscan/ip-ranges.json`, or `~/.cache/flowscan/ip-ranges.json` when
///    `XDG_CACHE_HOME` is unset, empty or relative (the XDG rule): where `flowscan prefixes update`
///    writes by default.
///
/// A file named by 1 or 2 must exist: flowscan never falls back silently from a file the user chose.
public enum PrefixFileLocation {
    /// The environment variable that names the file.
    public static let environmentVariable = "FLOWSCAN_PREFIXES"
    /// How `resolve` describes where the path came from, in the order they are tried.
    public static let optionOrigin = "--prefixes", environmentOrigin = "$FLOWSCAN_PREFIXES",
                      defaultOrigin = "default location"

    /// Chooses the ip-ranges.json file to read.
    /// - Parameters:
    ///   - explicit: the value of `--prefixes`, or `nil` when it was not given.
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    /// - Returns: the path, and where it came from (`optionOrigin`, `environmentOrigin` or `defaultOrigin`).
    /// - Throws: `PrefixFileError.missing` when the named file does not exist; `notFound`, which says
    ///   to run `flowscan prefixes update`, when nothing was named and the default file does not exist.
    public static func resolve(explicit: String?, environment: [String: String])
        throws(PrefixFileError) -> (path: String, origin: String) {
        if let explicit {
            guard exists(explicit) else { throw .missing(path: explicit, origin: optionOrigin) }
            return (explicit, optionOrigin)
        }
        if let named = environment[environmentVariable], !named.isEmpty {
            guard exists(named) else { throw .missing(path: named, origin: environmentOrigin) }
            return (named, environmentOrigin)
        }
        let path = defaultCachePath(environment: environment)
        guard exists(path) else { throw .notFound(defaultPath: path) }
        return (path, defaultOrigin)
    }

    /// The default file: `$XDG_CACHE_HOME/flowscan/ip-ranges.json`, else `$HOME/.cache/flowscan/ip-ranges.json`.
    /// - Parameter environment: the process environment.
    /// - Returns: the path, whether or not the file exists.
    public static func defaultCachePath(environment: [String: String]) -> String {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.homeDirectoryForCurrentUser.path
            cache = (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.cache"
        }
        return (cache.hasSuffix("/") ? String(cache.dropLast()) : cache) + "/flowscan/ip-ranges.json"
    }

    private static func exists(_ path: String) -> Bool {
        !path.isEmpty && FileManager.default.fileExists(atPath: path)
    }
}
