import Foundation
import TestSupport
import Testing

/// `mrsubmit histeq --cluster` on trackers that do not share a disk with the JobTracker: each
/// fetches a private copy of an uploaded image, yet the job keys, names and writes the image by
/// its uploaded path, and its reduces never open the image.
struct ClusterFetchedInputHisteqTests {
    @Test func imagesEqualizedByTrackersThatFetchTheirInputsEqualTheEmbeddedClusters() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("cluster-fetched-histeq")
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/extra/chandelier_canon_2048x1536_exif_orient6.jpg",
            toPath: work.file("photo.jpg")
        )
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/low_contrast_x-ray.tiff",
            toPath: work.file("x-ray.tiff")
        )
        let cases = [
            (input: "photo.jpg", output: "photo_equalized.jpg", reference: "embedded.jpg", options: [String]()),
            (
                input: "x-ray.tiff", output: "x-ray_equalized.tiff", reference: "embedded.tiff",
                options: ["--bands", "4"]
            ),
        ]
        for (input, output, reference, options) in cases {
            let remote = try cluster.mrsubmit(["histeq", input, "--quiet"] + options, in: work.path)
            #expect(remote.status == 0, "\(input): \(remote.standardError)\n\(cluster.daemons[0].log.suffix(3000))")
            let embedded = try ProcessOutput.run(
                ClusterProcessTests.binaries + "/mrsubmit",
                ["histeq", input, "--quiet", "-o", reference] + options,
                in: work.path
            )
            #expect(embedded.status == 0, "\(input): \(embedded.standardError)")
            let expected = try Data(contentsOf: URL(fileURLWithPath: work.file(reference)))
            #expect(!expected.isEmpty)
            #expect(
                FileManager.default.contents(atPath: work.file(output)) == expected,
                "\(output) differs from \(reference)"
            )
        }
        let trackersWithWork = cluster.daemons.dropFirst().filter { $0.log.contains("attempt succeeded") }.count
        #expect(trackersWithWork == 2, "both trackers should run tasks on their fetched copies")
    }

    @Test func aDamagedImageIsNamedInTheErrorNotTheTrackersCopy() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("cluster-fetched-histeq-error")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: SharedData.images + "/Unequalized_Hawkes_Bay_NZ.jpg"))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: work.file("broken.jpg")))
        let remote = try cluster.mrsubmit(["histeq", "broken.jpg", "--quiet"], in: work.path)
        #expect(remote.status != 0)
        #expect(remote.standardError.contains("last error: broken.jpg: truncated JPEG"), "\(remote.standardError)")
        #expect(!FileManager.default.fileExists(atPath: work.file("broken_equalized.jpg")))
    }
}
