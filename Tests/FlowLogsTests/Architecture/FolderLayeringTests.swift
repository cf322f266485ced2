import Foundation
import Testing

/// The library's folders are layers: a file may use the types of its own folder and of the
/// folders listed before it, never of those after it. Data flows one way (bytes → lines →
/// records → flows → report), and a newcomer finds the room for any line of code.
///
/// The check reads the sources: every top-level type a folder declares is a name that belongs to
/// it; an identifier in a file of another folder that names it is a use of that folder. Comments
/// and string literals are left out, and a folder's own names (nested ones too) shadow others'.
@Suite struct FolderLayeringTests {
    /// The rooms of `Sources/FlowLogs/`, lowest first.
    static let layers = [
        "Support",  // numbers, addresses, time, hash map, the output toolkit (JSON, tables, terminal safety)
        "Input",  // files, folders, gzip, lines, what S3 key paths say
        "Records",  // formats, fields, record parsing
        "Parquet",  // Parquet files (footer, pages, encodings, Snappy) to the rows of flow-log records
        "Scan",  // files to records to sinks, in parallel; per-file summaries
        "Engines",  // the pre-aggregation query for Athena, Spark and DuckDB; writing pre-aggregated rows
        "DNS",  // Route 53 Resolver query logs, the address → name map, names → endpoint services
        "Prefixes",  // ip-ranges.json, longest-prefix lookup
        "Analysis",  // aggregation, the stages of the report, the report model
        "Report",  // text, Markdown and JSON renderers of every model a command prints
        "Synthetic",  // the generator of logs with known answers
    ]

    static var sources: URL { TestPaths.packageRoot.appendingPathComponent("Sources/FlowLogs") }

    @Test func everyFolderIsALayer() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == Self.layers.sorted(), "a new folder needs its place in FolderLayeringTests.layers")
    }

    @Test func usesPointOnlyToLowerLayers() throws {
        let files = try SourceFile.all(under: Self.sources)
        #expect(files.count > 50)
        var owners: [String: Set<String>] = [:]  // top-level name → folders declaring it
        var ownNames: [String: Set<String>] = [:]  // folder → every name it declares, nested too
        for file in files {
            for name in file.topLevelDeclarations { owners[name, default: []].insert(file.folder) }
            ownNames[file.folder, default: []].formUnion(file.allDeclarations)
        }
        var violations: [String] = []
        for file in files {
            let rank = try #require(Self.layers.firstIndex(of: file.folder), "\(file.folder) is not a known layer")
            for name in file.identifiers.subtracting(ownNames[file.folder] ?? []) {
                for owner in owners[name] ?? [] where owner != file.folder {
                    let ownerRank = try #require(Self.layers.firstIndex(of: owner))
                    if ownerRank > rank { violations.append("\(file.folder)/\(file.name) uses \(name) from \(owner)") }
                }
            }
        }
        #expect(violations.sorted() == [], "a lower layer uses a higher one")
    }

    @Test func theCheckSeesAnUpwardUse() {
        let lower = SourceFile(folder: "Support", name: "A.swift", text: "struct Low { var high: High }  // High in a comment\n")
        let higher = SourceFile(folder: "Report", name: "B.swift", text: "struct High { let s = \"Low in a string\" }\n")
        #expect(lower.identifiers.contains("High"))
        #expect(!higher.identifiers.contains("Low"))
        #expect(higher.topLevelDeclarations == ["High"])
    }
}

/// One Swift file, reduced to the names it declares and the identifiers it uses.
struct SourceFile {
    let folder: String
    let name: String
    let topLevelDeclarations: Set<String>
    let allDeclarations: Set<String>
    let identifiers: Set<String>

    init(folder: String, name: String, text: String) {
        self.folder = folder
        self.name = name
        let code = Self.strippingCommentsAndStrings(text)
        var topLevel = Set<String>(), all = Set<String>()
        let keywords: Set<Substring> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            for (index, word) in words.enumerated() where keywords.contains(word) && index + 1 < words.count {
                let declared = String(words[index + 1])
                all.insert(declared)
                if line.first?.isWhitespace == false { topLevel.insert(declared) }
            }
        }
        topLevelDeclarations = topLevel
        allDeclarations = all
        identifiers = Set(code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            .filter { $0.first?.isUppercase == true }.map(String.init))
    }

    /// Every `.swift` file under `root`, with the first folder below `root` as its layer.
    static func all(under root: URL) throws -> [SourceFile] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [SourceFile] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            let parts = relative.split(separator: "/")
            files.append(SourceFile(folder: String(parts[0]), name: parts.dropFirst().joined(separator: "/"), text: text))
        }
        return files
    }

    /// The code with `//` and `/* */` comments and string literals (also multi-line ones)
    /// replaced by spaces; interpolations inside strings are dropped too, which loses nothing
    /// that matters here.
    static func strippingCommentsAndStrings(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        var index = 0
        func at(_ offset: Int) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
        while index < characters.count {
            let character = characters[index]
            if character == "/", at(1) == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "/", at(1) == "*" {
                index += 2
                while index < characters.count, !(characters[index] == "*" && at(1) == "/") { index += 1 }
                index += 2
            } else if character == "\"" {
                let triple = at(1) == "\"" && at(2) == "\""
                index += triple ? 3 : 1
                while index < characters.count {
                    if characters[index] == "\\" { index += 2; continue }
                    if triple, characters[index] == "\"", at(1) == "\"", at(2) == "\"" { index += 3; break }
                    if !triple, characters[index] == "\"" || characters[index] == "\n" { index += 1; break }
                    if characters[index] == "\n" { out.append("\n") }
                    index += 1
                }
                out.append(" ")
            } else {
                out.append(character)
                index += 1
            }
        }
        return out
    }
}
