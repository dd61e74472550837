import Foundation
import TestSupport
import Testing

/// `mrsubmit histeq --cluster` uploads the images and writes each equalized image where the
/// embedded cluster would, with the same bytes, when the trackers read the uploads in place
/// (`--shared-input`, as in the Compose cluster).
struct ClusterHisteqTests {
    @Test func imagesEqualizedOnAClusterOfProcessesEqualTheEmbeddedClustersAndLandWhereAsked() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 0)
        for _ in 0..<2 { try cluster.addTracker(["--shared-input", cluster.directory.file("jt/staging")]) }
        let registered = Daemon.wait(seconds: 15) {
            cluster.daemons[0].log.components(separatedBy: "tracker registered").count - 1 >= 2
        }
        #expect(registered)
        let work = try TemporaryDirectory("cluster-histeq")
        let source = SharedData.images + "/extra/chandelier_canon_2048x1536_exif_orient6.jpg"
        try FileManager.default.copyItem(atPath: source, toPath: work.file("photo.jpg"))
        let remote = try cluster.mrsubmit(["histeq", "photo.jpg", "--quiet"], in: work.path)
        #expect(remote.status == 0, "\(remote.standardError)")
        let named = try cluster.mrsubmit(["histeq", "photo.jpg", "--quiet", "-o", "named.jpg"], in: work.path)
        #expect(named.status == 0, "\(named.standardError)")
        let embedded = try ProcessOutput.run(
            ClusterProcessTests.binaries + "/mrsubmit",
            ["histeq", "photo.jpg", "--quiet", "-o", "embedded.jpg"],
            in: work.path
        )
        #expect(embedded.status == 0, "\(embedded.standardError)")
        let reference = try Data(contentsOf: URL(fileURLWithPath: work.file("embedded.jpg")))
        #expect(!reference.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: work.file("photo_equalized.jpg"))) == reference)
        #expect(try Data(contentsOf: URL(fileURLWithPath: work.file("named.jpg"))) == reference)
    }
}
