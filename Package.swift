// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reval",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reval", targets: ["reval"]),
        .library(name: "RevalCore", targets: ["RevalCore"]),
        .library(name: "RevalFormats", targets: ["RevalFormats"]),
        .library(name: "RevalTopics", targets: ["RevalTopics"]),
        .library(name: "RevalCLI", targets: ["RevalCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(
            name: "RevalCLI",
            dependencies: [
                "RevalCore", "RevalFormats", "RevalTopics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "reval", dependencies: ["RevalCLI"]),
        .testTarget(name: "RevalCoreTests", dependencies: ["RevalCore"]),
        .testTarget(name: "RevalFormatsTests", dependencies: ["RevalFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "RevalTopicsTests", dependencies: ["RevalTopics", "RevalCore", "RevalFormats"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RevalCLITests",
            dependencies: ["RevalCLI", "RevalCore", "RevalFormats", "RevalTopics"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
