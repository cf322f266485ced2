import Foundation
import Testing
@testable import FlowLogs

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(input: String, hex: String) {
        #expect(Self.hex(SHA256.digest(Array(input.utf8))) == hex)
    }

    @Test func aMillionAs() {
        let digest = SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(Self.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// RFC 4648 section 10.
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64Vectors(input: String, expected: String) {
        #expect(SHA256.base64(Array(input.utf8)) == expected)
    }

    @Test func base64AgreesWithFoundation() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(SHA256.base64(bytes) == Data(bytes).base64EncodedString(), "length \(length)")
        }
    }

    /// Every padding case (lengths around the 56-byte and 64-byte block edges) against coreutils.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"),
                   "/usr/bin/sha256sum is absent: the comparison with coreutils is skipped"))
    func agreesWithSha256sum() throws {
        let folder = TemporaryDirectory()
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 65_537] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ length) }
            let path = folder.write("input-\(length)", bytes)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text.split(separator: " ").first.map(String.init) == Self.hex(SHA256.digest(bytes)), "length \(length)")
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
