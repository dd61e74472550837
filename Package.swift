// swift-tools-version:6.2
import PackageDescription

/// Release builds specialise the generic engine for each job's concrete types across module borders.
/// Since tools version 6.2, SwiftPM accepts these flags in a package that another one depends on
/// by version, so a job author's package gets the same specialisation (docs/design.md).
let optimized: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))
]

/// `mrtask` starts once per task attempt. Linked with the Swift runtime and Foundation statically
/// (release builds on Linux), it starts without the dynamic linker's symbol lookups across the
/// runtime's and Foundation's shared libraries (docs/performance.md). `swift build
/// --static-swift-stdlib` does this for a whole build; for one product, Foundation's static
/// libraries must be named, as a group, since they refer to one another.
let staticSwiftRuntime: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-stdlib", "-Xlinker", "--start-group"]
            + [
                "Foundation", "FoundationEssentials", "FoundationInternationalization", "_FoundationICU",
                "_FoundationCShims", "_FoundationCollections", "CoreFoundation", "swiftSynchronization",
                "swiftDispatch", "dispatch", "BlocksRuntime",
            ].flatMap { ["-Xlinker", "-l\($0)"] } + ["-Xlinker", "--end-group"],
        .when(platforms: [.linux], configuration: .release)
    )
]

let package = Package(
    name: "swift-mapreduce",
    products: [
        .library(name: "MapReduce", targets: ["MapReduce"]),
        .library(name: "MapReduceTool", targets: ["MapReduceTool"]),
        .executable(name: "mrsubmit", targets: ["mrsubmit"]),
        .executable(name: "mrtask", targets: ["mrtask"]),
        .executable(name: "jobtracker", targets: ["jobtracker"]),
        .executable(name: "tasktracker", targets: ["tasktracker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // `swift package generate-documentation --target MapReduce` (and MapReduceTool) builds the DocC catalogs.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
    ],
    targets: [
        .target(name: "MapReduce", swiftSettings: optimized),
        .target(name: "MapReduceEngine", dependencies: ["MapReduce"], swiftSettings: optimized),
        .target(name: "WordCount", dependencies: ["MapReduce"], path: "Jobs/WordCount", swiftSettings: optimized),
        .target(name: "LogBytes", dependencies: ["MapReduce"], path: "Jobs/LogBytes", swiftSettings: optimized),
        .target(name: "TeraSort", dependencies: ["MapReduce"], path: "Jobs/TeraSort", swiftSettings: optimized),
        .target(
            name: "HistogramEqualization",
            dependencies: ["MapReduce", "ImageCodecs"],
            path: "Jobs/HistogramEqualization",
            swiftSettings: optimized
        ),
        .target(
            name: "Streaming",
            dependencies: ["MapReduce", "CProcessControl"],
            path: "Jobs/Streaming",
            swiftSettings: optimized
        ),
        .target(
            name: "FaultInjection",
            dependencies: ["MapReduce", "WordCount"],
            path: "Jobs/FaultInjection",
            swiftSettings: optimized
        ),
        .target(
            name: "BuiltinJobs",
            dependencies: [
                "MapReduce", "WordCount", "LogBytes", "HistogramEqualization", "FaultInjection", "Streaming",
                "TeraSort",
            ],
            swiftSettings: optimized
        ),
        .target(
            name: "Wire",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Cluster",
            dependencies: [
                "MapReduce", "MapReduceEngine", "Wire",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: optimized
        ),
        .target(
            name: "Console",
            dependencies: [
                "Cluster", "Wire", "MapReduce",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DaemonHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MapReduceTool",
            dependencies: [
                "MapReduce", "MapReduceEngine", "Cluster", "Console", "DaemonHTTP", "Wire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: optimized
        ),
        .executableTarget(
            name: "mrsubmit",
            dependencies: ["MapReduceTool", "BuiltinJobs", "mrtask"],
            swiftSettings: optimized
        ),
        .executableTarget(
            name: "mrtask",
            dependencies: ["Cluster", "BuiltinJobs"],
            swiftSettings: optimized,
            linkerSettings: staticSwiftRuntime
        ),
        .executableTarget(
            name: "mrsim",
            dependencies: [
                "Cluster", "Wire", "MapReduce", "MapReduceEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimized
        ),
        .executableTarget(
            name: "jobtracker",
            dependencies: [
                "Cluster", "Console", "Wire", "DaemonHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: optimized
        ),
        .executableTarget(
            name: "tasktracker",
            dependencies: [
                "Cluster", "Wire", "DaemonHTTP", "CProcessControl",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: optimized
        ),
        .systemLibrary(
            name: "CTurboJPEG",
            path: "Sources/CTurboJPEG",
            pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]
        ),
        .systemLibrary(
            name: "CTIFF",
            path: "Sources/CTIFF",
            pkgConfig: "libtiff-4",
            providers: [.apt(["libtiff-dev"])]
        ),
        .systemLibrary(
            name: "CLibJPEG",
            path: "Sources/CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"])]
        ),
        .target(
            name: "CJPEGStream",
            dependencies: ["CLibJPEG"],
            path: "Sources/CJPEGStream",
            linkerSettings: [.linkedLibrary("pthread")]
        ),
        .target(name: "CProcessControl", path: "Sources/CProcessControl"),
        .target(name: "ImageCodecs", dependencies: ["CTurboJPEG", "CTIFF", "CJPEGStream"], swiftSettings: optimized),
        .target(
            name: "FuzzTargets",
            dependencies: [
                "Cluster", "Wire", "MapReduce", "MapReduceEngine", "ImageCodecs", "LogBytes",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "fuzz-protocol", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "fuzz-formats", dependencies: ["FuzzTargets"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ImageCodecsTests", dependencies: ["ImageCodecs", "CTIFF", "CTurboJPEG"]),
        .testTarget(name: "MapReduceTests", dependencies: ["MapReduce", "TestSupport"]),
        .testTarget(
            name: "MapReduceEngineTests",
            dependencies: ["MapReduce", "MapReduceEngine", "WordCount", "TestSupport"]
        ),
        .testTarget(
            name: "JobsTests",
            dependencies: [
                "MapReduce", "MapReduceEngine", "WordCount", "LogBytes", "Streaming", "TeraSort", "TestSupport",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "mrsubmit", "jobtracker", "tasktracker", "mrtask", "mrsim", "TestSupport", "Cluster", "MapReduce",
                "MapReduceEngine", "Wire",
            ]
        ),
        .testTarget(
            name: "WireTests",
            dependencies: [
                "Wire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ClusterTests",
            dependencies: [
                "Cluster", "Wire", "MapReduce", "MapReduceEngine", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "Console", "Cluster", "Wire", "DaemonHTTP", "MapReduce", "mrsubmit", "jobtracker", "tasktracker",
                "mrtask",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzTargets", "TestSupport"]),
        .testTarget(
            name: "HistogramEqualizationTests",
            dependencies: [
                "HistogramEqualization", "ImageCodecs", "MapReduce", "MapReduceEngine", "mrsubmit", "TestSupport",
            ]
        ),
    ]
)
