import Foundation
import Testing

@testable import Cluster

/// A probe proves a shared file system only when its file holds its token.
struct FileSystemProbeTests {
    @Test func aWrittenProbeIsVisibleAndAForgedOneIsNot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let probe = try FileSystemProbe.write(in: directory)
        #expect(probe.path == directory + "/" + FileSystemProbe.fileName)
        #expect(probe.token.count == 32)
        #expect(probe.isVisible)

        #expect(!FileSystemProbe(path: probe.path, token: String(probe.token.map { $0 == "0" ? "1" : "0" })).isVisible)
        #expect(!FileSystemProbe(path: directory + "/missing", token: probe.token).isVisible)
        #expect(!FileSystemProbe(path: probe.path, token: "").isVisible)
        #expect(!FileSystemProbe(path: String(probe.path.dropFirst()), token: probe.token).isVisible)

        let again = try FileSystemProbe.write(in: directory)
        #expect(again.token != probe.token)
        #expect(again.isVisible && !probe.isVisible)
    }
}
