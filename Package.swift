// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reval",
    products: [
        .executable(name: "reval", targets: ["reval"]),
        .library(name: "RevalCore", targets: ["RevalCore"]),
        .library(name: "RevalFormats", targets: ["RevalFormats"]),
        .library(name: "RevalTopics", targets: ["RevalTopics"]),
        .library(name: "RevalEval", targets: ["RevalEval"]),
        .library(name: "RevalSplits", targets: ["RevalSplits"]),
        .library(name: "RevalExperiment", targets: ["RevalExperiment"]),
        .library(name: "RevalReport", targets: ["RevalReport"]),
        .library(name: "RevalStats", targets: ["RevalStats"]),
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
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "RevalCore"),
        .target(name: "RevalFormats", dependencies: ["RevalCore", "CZlib", "CZstd"]),
        .target(name: "RevalTopics", dependencies: ["RevalCore", "RevalFormats", "CLibXML2"]),
        .target(name: "RevalEval", dependencies: ["RevalCore", "RevalFormats"]),
        .target(name: "RevalYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "RevalPlot"),
        .target(name: "RevalCost", dependencies: ["RevalCore", "RevalFormats", "RevalYAML", "RevalPlot"]),
        .target(name: "RevalSplits", dependencies: ["RevalCore", "RevalFormats", "RevalEval"]),
        .target(
            name: "RevalExperiment",
            dependencies: ["RevalCore", "RevalFormats", "RevalEval", "RevalStats", "RevalSplits", "RevalCost", "RevalYAML"]
        ),
        .target(name: "RevalReport", dependencies: ["RevalCore", "RevalFormats", "RevalEval", "RevalStats", "RevalExperiment", "RevalSplits", "RevalCost", "RevalPlot"]),
        .target(name: "RevalStats", dependencies: ["RevalCore"]),
        .target(name: "RevalFusion", dependencies: ["RevalCore"]),
        .target(
            name: "RevalCLI",
            dependencies: [
                "RevalCore", "RevalFormats", "RevalTopics", "RevalEval", "RevalStats", "RevalCost", "RevalYAML", "RevalSplits",
                "RevalExperiment", "RevalReport", "RevalFusion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "reval", dependencies: ["RevalCLI"]),
        // Helpers several test targets share (not part of any product).
        .target(name: "RevalTestSupport", path: "Tests/RevalTestSupport"),
        .testTarget(name: "RevalCoreTests", dependencies: ["RevalCore"]),
        .testTarget(name: "RevalYAMLTests", dependencies: ["RevalYAML"]),
        .testTarget(name: "RevalPlotTests", dependencies: ["RevalPlot"]),
        .testTarget(name: "RevalCostTests", dependencies: ["RevalCost", "RevalFormats", "RevalYAML"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalStatsTests", dependencies: ["RevalStats"]),
        .testTarget(name: "RevalFusionTests", dependencies: ["RevalFusion", "RevalCore", "RevalCLI", "RevalTestSupport"]),
        .testTarget(name: "RevalFormatsTests", dependencies: ["RevalFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalTopicsTests", dependencies: ["RevalTopics", "RevalCore", "RevalFormats", "CLibXML2"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalEvalTests", dependencies: ["RevalEval", "RevalCore", "RevalFormats", "RevalTestSupport"]),
        .testTarget(name: "RevalSplitsTests", dependencies: ["RevalSplits", "RevalEval", "RevalCore", "RevalFormats", "RevalTestSupport"]),
        .testTarget(
            name: "RevalExperimentTests",
            dependencies: ["RevalExperiment", "RevalEval", "RevalCore", "RevalFormats"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RevalReportTests",
            dependencies: ["RevalReport", "RevalExperiment", "RevalEval", "RevalCore", "RevalFormats"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RevalCLITests",
            dependencies: ["RevalCLI", "RevalCore", "RevalFormats", "RevalTopics", "RevalStats", "RevalTestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
