import Foundation
import MapReduce
import TestSupport
import Testing

@testable import Cluster

/// A tracker's check of a job binary before its first attempt: what cannot run is said in one
/// line, with whether another node might run it.
struct JobBinaryCheckTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("binary-check")
    }

    func check(_ name: String, _ bytes: [UInt8]) async throws -> BinaryDescription {
        let path = try directory.write(name, bytes)
        chmod(path, 0o755)
        return try await JobBinaryCheck(
            path: path,
            name: name,
            tracker: "tracker-1",
            environment: ProcessInfo.processInfo.environment,
            timeout: .seconds(5)
        ).describe()
    }

    func problem(_ name: String, _ bytes: [UInt8]) async -> BinaryProblem? {
        do {
            _ = try await check(name, bytes)
            return nil
        } catch {
            return error as? BinaryProblem
        }
    }

    /// A script that prints `text` and exits with `status`.
    func script(printing text: String, status: Int = 0) -> [UInt8] {
        Array("#!/bin/sh\ncat <<'EOF'\n\(text)\nEOF\nexit \(status)\n".utf8)
    }

    @Test func aJobBinaryDescribesItsJobs() async throws {
        let description = BinaryDescription(
            jobs: [
                JobDescriptor(name: "indexer", summary: "s", options: [], isHidden: false, writesFilePerInput: false)
            ])
        let json = String(decoding: try JSONEncoder().encode(description), as: UTF8.self)
        #expect(try await check("tool", script(printing: json)) == description)
    }

    @Test func anExecutableForAnotherArchitectureDependsOnTheNode() async throws {
        let found = await problem("arm64-tool", TinyELF.aarch64)
        #expect(found?.dependsOnNode == true)
        #expect(found?.message.contains("job binary arm64-tool on tracker tracker-1") == true)
        #expect(found?.message.contains("exec format error") == true, "\(String(describing: found))")
    }

    @Test func aMissingLibraryOrCommandDependsOnTheNode() async throws {
        let found = await problem(
            "needs-lib",
            Array(
                "#!/bin/sh\necho 'tool: error while loading shared libraries: libswiftCore.so: cannot open shared object file' >&2\nexit 127\n"
                    .utf8
            )
        )
        #expect(found?.dependsOnNode == true)
        #expect(found?.message.contains("libswiftCore.so") == true)
        let exits127 = await problem("exits-127", Array("#!/bin/sh\nexit 127\n".utf8))
        #expect(exits127?.dependsOnNode == true)
        #expect(exits127?.message.contains("status 127") == true)
    }

    @Test func aProgramThatIsNoJobBinaryFailsTheJobEverywhere() async throws {
        let found = await problem("not-a-tool", script(printing: "hello"))
        #expect(found?.dependsOnNode == false)
        #expect(found?.message.contains("not a job binary") == true, "\(String(describing: found))")
    }

    @Test func anUnsupportedProtocolVersionIsRefused() async throws {
        let found = await problem("future-tool", script(printing: #"{"protocolVersion": 99, "jobs": []}"#))
        #expect(found?.dependsOnNode == false)
        #expect(found?.message.contains("protocol version 99") == true, "\(String(describing: found))")
    }

    @Test func aBinaryThatHangsIsStoppedAtTheTimeout() async throws {
        let path = try directory.write("hangs", Array("#!/bin/sh\nexec sleep 30\n".utf8))
        chmod(path, 0o755)
        let started = ContinuousClock.now
        await #expect(throws: BinaryProblem.self) {
            try await JobBinaryCheck(
                path: path,
                name: "hangs",
                tracker: "tracker-1",
                environment: ProcessInfo.processInfo.environment,
                timeout: .milliseconds(300)
            ).describe()
        }
        #expect(ContinuousClock.now - started < .seconds(20), "stopped well before the binary's 30 s sleep ends")
    }

    /// A binary that prints its description and exits at once is read whole every time: the
    /// output is not lost to a race between the process's exit and the read of its pipe.
    @Test func aDescriptionIsNeverLostToAQuickExit() async throws {
        let description = BinaryDescription(jobs: [])
        let json = String(decoding: try JSONEncoder().encode(description), as: UTF8.self)
        let path = try directory.write("quick", Array("#!/bin/sh\nprintf '%s' '\(json)'\n".utf8))
        chmod(path, 0o755)
        for _ in 0..<10 {
            try await withThrowingTaskGroup(of: BinaryDescription.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await JobBinaryCheck(
                            path: path,
                            name: "quick",
                            tracker: "tracker-1",
                            environment: ProcessInfo.processInfo.environment
                        ).describe()
                    }
                }
                for try await found in group { #expect(found == description) }
            }
        }
    }

    /// An output longer than a pipe holds does not block the binary.
    @Test func aLongOutputIsReadWhole() async throws {
        let found = await problem(
            "chatty",
            Array("#!/bin/sh\nhead -c 300000 /dev/zero | tr '\\0' x\necho 'done' >&2\nexit 3\n".utf8)
        )
        #expect(found?.message.contains("status 3") == true, "\(String(describing: found))")
        #expect(found?.message.hasSuffix(": done") == true, "\(String(describing: found))")
    }
}
