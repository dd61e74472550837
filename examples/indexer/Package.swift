// swift-tools-version:6.2
import PackageDescription

// A job author's own package: two jobs written against `MapReduce`, and one executable, built
// with `MapReduceTool`, that runs them on an embedded cluster or ships itself to a running one.
// Outside this repository, depend on swift-mapreduce by URL and version instead of by path:
//     .package(url: "https://github.com/OWNER/swift-mapreduce.git", from: "1.0.0")
let package = Package(
    name: "indexer",
    dependencies: [
        .package(name: "swift-mapreduce", path: "../..")
    ],
    targets: [
        .target(
            name: "IndexerJobs",
            dependencies: [.product(name: "MapReduce", package: "swift-mapreduce")]
        ),
        .executableTarget(
            name: "indexer",
            dependencies: [
                "IndexerJobs",
                .product(name: "MapReduce", package: "swift-mapreduce"),
                .product(name: "MapReduceTool", package: "swift-mapreduce"),
            ]
        ),
    ]
)
