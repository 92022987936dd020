// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` at the root never builds
// ordo-one/benchmark. Run them with `swift package benchmark` here, or the whole
// comparison with `bash compare.sh`.
let package = Package(
    name: "RevalBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "reval", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "BenchmarkData", path: "Sources/BenchmarkData"),
        .executableTarget(name: "make-run", dependencies: ["BenchmarkData"], path: "Sources/make-run"),
        .executableTarget(
            name: "split-bench",
            dependencies: ["BenchmarkData", .product(name: "RevalSplits", package: "reval")],
            path: "Sources/split-bench"
        ),
        .executableTarget(
            name: "RevalBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RevalCore", package: "reval"),
                .product(name: "RevalFormats", package: "reval"),
                .product(name: "RevalCLI", package: "reval"),
                "BenchmarkData",
            ],
            path: "Benchmarks/RevalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
