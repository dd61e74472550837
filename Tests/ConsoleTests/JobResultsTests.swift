import Cluster
import Foundation
import MapReduce
import TestSupport
import Testing

@testable import Console

/// What the job page shows of any job's output: files to download and artifacts by name, read
/// within limits and escaped.
struct JobResultsTests {
    func report(_ directory: String, state: JobRunState = .succeeded) -> JobReport {
        JobReport(
            job: JobID(cluster: "20260101000000", sequence: 7),
            name: "any",
            state: state,
            phase: 0,
            phaseCount: 1,
            phaseName: "p",
            mapsDone: 1,
            mapsTotal: 1,
            reducesDone: 1,
            reducesTotal: 1,
            counters: Counters(),
            failure: "",
            outputPath: directory,
            submittedAt: 0,
            elapsedSeconds: 1,
            failedAttempts: 0
        )
    }

    @Test func filesAndArtifactsAreListedInOrderAndShownEscaped() throws {
        let directory = try TemporaryDirectory("job-results")
        let files = [
            "_SUCCESS": "", "part-r-00000": "a\t1\n", "0123456789abcdef-photo.tif": "II*\0",
            "_artifact.2-photo.tif after.image.jpg": "\u{FF}", "_artifact.1-photo.tif before.histogram.json": "[1,2,3]",
            "_artifact.1-photo.tif before.image.jpg": "\u{FF}",
            "_artifact.10-words.table.json": "[[\"word\",\"n\"],[\"<b>\",2]]",
            "_artifact.3-notes.text.txt": "<script>x</script>", "_artifact.4-bad.histogram.json": "{\"no\":1}",
            "_artifact.5-odd.kind.exe": "x", ".hidden": "",
        ]
        for (name, content) in files { _ = try directory.write(name, content) }
        let results = JobResults(report(directory.path))
        #expect(results.files == ["0123456789abcdef-photo.tif", "part-r-00000"])
        #expect(
            results.artifacts.map(\.name) == [
                "1-photo.tif before", "1-photo.tif before", "2-photo.tif after", "3-notes", "4-bad", "10-words",
            ]
        )
        #expect(results.artifacts.prefix(2).map(\.kind) == [.image, .histogram])
        #expect(JobResults.downloadName(of: "0123456789abcdef-photo.tif") == "photo.tif")
        #expect(JobResults.downloadName(of: "part-r-00000") == "part-r-00000")
        #expect(throws: (any Error).self) { try results.path(of: "../_SUCCESS") }
        #expect(throws: (any Error).self) { try results.artifact("_artifact.5-odd.kind.exe") }
        #expect(JobResults(report(directory.path, state: .running)).artifacts.isEmpty)

        let contents = results.artifacts.map { ArtifactContent($0, in: results.directory) }
        let html = ResultsView(job: JobID(cluster: "20260101000000", sequence: 7), results: results, contents: contents)
            .render()
        #expect(html.components(separatedBy: "<figure class=\"artifact\">").count - 1 == 5, "one figure per name")
        #expect(html.contains("<figcaption>photo.tif before</figcaption><img class=\"artifact-image\""))
        #expect(html.contains("<svg class=\"histogram\"") && html.contains("Histogram: photo.tif before"))
        #expect(html.contains("<th>word</th>") && html.contains("<td>&lt;b&gt;</td><td>2</td>"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script>"))
        #expect(html.contains("not a JSON array of counts"))
        #expect(html.contains("download>photo.tif</a>"))
    }

    @Test func aLargeArtifactIsNotRead() throws {
        let directory = try TemporaryDirectory("job-results-large")
        _ = try directory.write("_artifact.big.text.txt", String(repeating: "x", count: ArtifactContent.byteLimit + 1))
        guard case .unreadable = ArtifactContent(try ResultArtifact(name: "big", kind: .text), in: directory.path)
        else {
            Issue.record("a text over the limit was read")
            return
        }
    }
}
