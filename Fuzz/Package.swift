// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, one per reader, kept out of the main package so `swift build` and
// `swift test` never build them. Build and run them with `Fuzz/run.sh SECONDS [TARGET...]`
// (see docs/reliability.md). Adding a reader's target: a folder `Sources/FuzzNAME` with one
// file defining `LLVMFuzzerTestOneInput`, and its name in this list.
let fuzzTargets = [
    "FuzzTrecQrels",
    "FuzzTrecRun",
    "FuzzEvaluation",
    "FuzzGzip",
    "FuzzZstd",
    "FuzzMeasures",
    "FuzzEvalArguments",
    "FuzzBEIRResults",
    "FuzzTopics",
    "FuzzMSMarcoRun",
    "FuzzBEIRQrels",
]

/// Products of the main package a target needs beyond RevalCore, RevalFormats and RevalCLI.
let extraProducts: [String: [String]] = [
    "FuzzTopics": ["RevalTopics"],
]

let package = Package(
    name: "reval-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` because a path dependency's identity is its folder's name (a worktree may
        // not be called "reval").
        .package(name: "reval", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "RevalCore", package: "reval"),
                .product(name: "RevalFormats", package: "reval"),
            ]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "RevalCore", package: "reval"),
                .product(name: "RevalFormats", package: "reval"),
                .product(name: "RevalCLI", package: "reval"),
            ] + extraProducts[name, default: []].map { .product(name: $0, package: "reval") }
        )
    },
    swiftLanguageModes: [.v6]
)
