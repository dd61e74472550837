import Foundation
import MapReduce
import TestSupport
import Testing

/// The artifact naming convention: names, kinds and extensions in and out of file names, order
/// and titles, and the parameter that asks for them.
struct ResultArtifactTests {
    @Test func fileNamesRoundTripAndOthersAreNotArtifacts() throws {
        let artifact = try ResultArtifact(name: "1-photo.v2.tif before", kind: .image, fileExtension: "png")
        #expect(artifact.fileName == "_artifact.1-photo.v2.tif before.image.png")
        #expect(ResultArtifact(fileName: artifact.fileName) == artifact)
        #expect(artifact.title == "photo.v2.tif before")
        #expect(try ResultArtifact(name: "counts", kind: .histogram).fileName == "_artifact.counts.histogram.json")
        for name in [
            "_SUCCESS", "part-r-00000", "_artifact.x.image.gif", "_artifact.x.movie.mp4", "_artifact..text.txt",
            "_artifact.text.txt", "artifact.x.text.txt",
        ] {
            #expect(ResultArtifact(fileName: name) == nil, "\(name)")
        }
        for name in ["", "a/b", "a\\b", "tab\there", String(repeating: "n", count: 151)] {
            #expect(throws: JobParameterError.self, "\(name)") { try ResultArtifact(name: name, kind: .text) }
        }
        #expect(throws: JobParameterError.self) {
            try ResultArtifact(name: "x", kind: .histogram, fileExtension: "txt")
        }
    }

    @Test func numberedNamesSortByNumberAndShowWithoutIt() throws {
        let names = ["10-z", "2-b", "a", "1-c", "2-a"]
        let sorted = try names.map { try ResultArtifact(name: $0, kind: .text) }.sorted { $0.isOrderedBefore($1) }
        #expect(sorted.map(\.name) == ["1-c", "2-a", "2-b", "10-z", "a"])
        #expect(sorted.map(\.title) == ["c", "a", "b", "z", "a"])
        #expect(try ResultArtifact(name: "12-", kind: .text).title == "12-")
    }

    @Test func artifactsAreAskedForByAParameterAndWrittenAsFiles() throws {
        #expect(try !ResultArtifact.areRequested(by: JobParameters()))
        #expect(try ResultArtifact.areRequested(by: JobParameters(["mapreduce.artifacts": "true"])))
        let directory = try TemporaryDirectory("artifacts")
        let histogram = try ResultArtifact(name: "h", kind: .histogram)
        try histogram.write(ResultArtifact.histogramContent([3, 0, 7]), in: directory.path)
        #expect(try String(contentsOfFile: directory.file(histogram.fileName), encoding: .utf8) == "[3,0,7]")
        let table = try ResultArtifact.tableContent([["word", "count"], ["a\"b", "1"]])
        #expect(try JSONDecoder().decode([[String]].self, from: Data(table)) == [["word", "count"], ["a\"b", "1"]])
    }
}
