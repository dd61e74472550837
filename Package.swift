// swift-tools-version:6.0
import PackageDescription

/// Release builds specialise the generic engine for each job's concrete types across module borders.
let optimized: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "swift-mapreduce",
    products: [
        .library(name: "MapReduce", targets: ["MapReduce"]),
        .executable(name: "mrsubmit", targets: ["mrsubmit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(name: "MapReduce", swiftSettings: optimized),
        .target(name: "MapReduceEngine", dependencies: ["MapReduce"], swiftSettings: optimized),
        .target(name: "WordCount", dependencies: ["MapReduce"], path: "Jobs/WordCount", swiftSettings: optimized),
        .target(name: "LogBytes", dependencies: ["MapReduce"], path: "Jobs/LogBytes", swiftSettings: optimized),
        .target(
            name: "JobCatalog",
            dependencies: ["MapReduce", "WordCount", "LogBytes"],
            swiftSettings: optimized
        ),
        .executableTarget(
            name: "mrsubmit",
            dependencies: [
                "MapReduce", "MapReduceEngine", "JobCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimized
        ),
        .systemLibrary(
            name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]
        ),
        .systemLibrary(
            name: "CTIFF", path: "Sources/CTIFF", pkgConfig: "libtiff-4", providers: [.apt(["libtiff-dev"])]
        ),
        .target(name: "ImageCodecs", dependencies: ["CTurboJPEG", "CTIFF"], swiftSettings: optimized),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ImageCodecsTests", dependencies: ["ImageCodecs", "CTIFF", "CTurboJPEG"]),
        .testTarget(name: "MapReduceTests", dependencies: ["MapReduce", "TestSupport"]),
        .testTarget(
            name: "MapReduceEngineTests",
            dependencies: ["MapReduce", "MapReduceEngine", "WordCount", "TestSupport"]
        ),
        .testTarget(
            name: "JobsTests",
            dependencies: ["MapReduce", "MapReduceEngine", "WordCount", "LogBytes", "TestSupport"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["mrsubmit", "TestSupport"]),
    ]
)
