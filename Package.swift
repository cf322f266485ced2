// swift-tools-version:6.0
import PackageDescription

// Settings in one place: Swift 6 language mode, no package dependencies, no unsafe flags.
// zlib comes from the system (Debian: zlib1g-dev) through the CZlib C target.
let package = Package(
    name: "flowscan",
    products: [
        .executable(name: "flowscan", targets: ["flowscan"]),
        .library(name: "FlowLogs", targets: ["FlowLogs"]),
    ],
    targets: [
        // zlib's headers and library from the system (Debian: zlib1g-dev), plus C of our own:
        // CRC-32 by carry-less multiplication (crc32_clmul.c) and the deflate decoder
        // (deflate_decoder.c), both built as one unit from czlib.c (see there why).
        .target(
            name: "CZlib",
            exclude: ["crc32_clmul.c", "deflate_decoder.c"],
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "FlowLogs",
            dependencies: ["CZlib"]
        ),
        .executableTarget(
            name: "flowscan",
            dependencies: ["FlowLogs"]
        ),
        .executableTarget(
            name: "flowscan-bench",
            dependencies: ["FlowLogs", "CZlib"],
            path: "Benchmarks/flowscan-bench"
        ),
        .testTarget(
            name: "FlowLogsTests",
            dependencies: ["FlowLogs", "flowscan"],
            exclude: ["Report/Golden", "Parquet/parquet_oracle.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
