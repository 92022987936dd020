// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reval",
    products: [
        .executable(name: "reval", targets: ["reval"]),
        .library(name: "RevalCore", targets: ["RevalCore"]),
        .library(name: "RevalFormats", targets: ["RevalFormats"]),
        .library(name: "RevalEval", targets: ["RevalEval"]),
        .library(name: "RevalSplits", targets: ["RevalSplits"]),
        .library(name: "RevalFusion", targets: ["RevalFusion"]),
        .library(name: "RevalCLI", targets: ["RevalCLI"]),
        .library(name: "RevalCost", targets: ["RevalCost"]),
        .library(name: "RevalYAML", targets: ["RevalYAML"]),
        .library(name: "RevalPlot", targets: ["RevalPlot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
        .target(name: "RevalCore"),
        .target(name: "RevalFormats", dependencies: ["RevalCore", "CZlib", "CZstd"]),
        .target(name: "RevalEval", dependencies: ["RevalCore", "RevalFormats"]),
        .target(name: "RevalSplits", dependencies: ["RevalCore", "RevalFormats", "RevalEval"]),
        .target(name: "RevalYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "RevalPlot"),
        .target(name: "RevalCost", dependencies: ["RevalCore", "RevalFormats", "RevalYAML", "RevalPlot"]),
        .target(name: "RevalFusion", dependencies: ["RevalCore"]),
        .target(
            name: "RevalCLI",
            dependencies: [
                "RevalCore", "RevalFormats", "RevalEval", "RevalCost", "RevalYAML", "RevalSplits", "RevalFusion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "reval", dependencies: ["RevalCLI"]),
        .testTarget(name: "RevalCoreTests", dependencies: ["RevalCore"]),
        .testTarget(name: "RevalYAMLTests", dependencies: ["RevalYAML"]),
        .testTarget(name: "RevalPlotTests", dependencies: ["RevalPlot"]),
        .testTarget(name: "RevalCostTests", dependencies: ["RevalCost", "RevalFormats", "RevalYAML"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalFusionTests", dependencies: ["RevalFusion", "RevalCore", "RevalCLI"]),
        .testTarget(name: "RevalFormatsTests", dependencies: ["RevalFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalEvalTests", dependencies: ["RevalEval", "RevalCore", "RevalFormats"]),
        .testTarget(name: "RevalSplitsTests", dependencies: ["RevalSplits", "RevalEval", "RevalCore", "RevalFormats"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RevalCLITests",
            dependencies: ["RevalCLI", "RevalCore", "RevalFormats"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
