// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reval",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reval", targets: ["reval"]),
        .library(name: "RevalCore", targets: ["RevalCore"]),
        .library(name: "RevalFormats", targets: ["RevalFormats"]),
        .library(name: "RevalEval", targets: ["RevalEval"]),
        .library(name: "RevalFusion", targets: ["RevalFusion"]),
        .library(name: "RevalCLI", targets: ["RevalCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
        .target(name: "RevalCore"),
        .target(name: "RevalFormats", dependencies: ["RevalCore", "CZlib", "CZstd"]),
        .target(name: "RevalEval", dependencies: ["RevalCore", "RevalFormats"]),
        .target(name: "RevalFusion", dependencies: ["RevalCore"]),
        .target(
            name: "RevalCLI",
            dependencies: [
                "RevalCore", "RevalFormats", "RevalEval", "RevalFusion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "reval", dependencies: ["RevalCLI"]),
        .testTarget(name: "RevalCoreTests", dependencies: ["RevalCore"]),
        .testTarget(name: "RevalFusionTests", dependencies: ["RevalFusion", "RevalCore", "RevalCLI"]),
        .testTarget(name: "RevalFormatsTests", dependencies: ["RevalFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalEvalTests", dependencies: ["RevalEval", "RevalCore", "RevalFormats"]),
        .testTarget(
            name: "RevalCLITests",
            dependencies: ["RevalCLI", "RevalCore", "RevalFormats"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
