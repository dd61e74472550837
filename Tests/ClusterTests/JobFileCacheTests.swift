import Crypto
import Foundation
import MapReduce
import Synchronization
import TestSupport
import Testing

@testable import Cluster

/// A tracker's cache of shipped job files, filled through a fake fetch: hashes are checked, a bad
/// copy is fetched again, and the size cap holds.
struct JobFileCacheTests {
    let job = JobID(cluster: "20260101000000", sequence: 1)

    func reference(_ bytes: [UInt8], name: String = "tool") -> JobFileReference {
        JobFileReference(
            sha256: FileDigest.hex(SHA256.hash(data: bytes)),
            name: name,
            size: Int64(bytes.count),
            isExecutable: true
        )
    }

    /// How many times a fake fetch ran.
    final class Calls: Sendable {
        private let count = Mutex(0)

        /// The count before this call, counting it.
        func next() -> Int {
            count.withLock { count in
                defer { count += 1 }
                return count
            }
        }

        var value: Int { count.withLock { $0 } }
    }

    /// A fetch that writes `copies` in turn (the last one again once they run out) and counts calls.
    func fetch(_ copies: [[UInt8]], calls: Calls) -> JobFileCache.Fetch {
        { @Sendable _, path in
            try Data(copies[min(calls.next(), copies.count - 1)]).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func aFileIsFetchedOnceCheckedAndKeptExecutable() async throws {
        let directory = try TemporaryDirectory("job-file-cache")
        let cache = try JobFileCache(directory: directory.path, capacity: 1 << 20)
        let bytes = Array("#!/bin/sh\necho hi\n".utf8)
        let calls = Calls()
        let first = try await cache.path(of: reference(bytes), for: job, fetch: fetch([bytes], calls: calls))
        let second = try await cache.path(of: reference(bytes), for: job, fetch: fetch([bytes], calls: calls))
        #expect(first == second)
        #expect(calls.value == 1)
        #expect(FileManager.default.isExecutableFile(atPath: first))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(bytes))
    }

    @Test func aCorruptedCopyIsRefusedAndFetchedAgain() async throws {
        let directory = try TemporaryDirectory("job-file-cache")
        let cache = try JobFileCache(directory: directory.path, capacity: 1 << 20)
        let bytes = Array(repeating: UInt8(7), count: 1000)
        var corrupted = bytes
        corrupted[500] = 8
        let calls = Calls()
        let path = try await cache.path(of: reference(bytes), for: job, fetch: fetch([corrupted, bytes], calls: calls))
        #expect(calls.value == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }

    @Test func aCopyThatStaysCorruptedFailsClearlyAndLeavesNothing() async throws {
        let directory = try TemporaryDirectory("job-file-cache")
        let cache = try JobFileCache(directory: directory.path, capacity: 1 << 20)
        let bytes = Array(repeating: UInt8(7), count: 1000)
        let calls = Calls()
        do {
            _ = try await cache.path(
                of: reference(bytes),
                for: job,
                fetch: fetch([Array(bytes.dropLast())], calls: calls)
            )
            Issue.record("a copy with the wrong hash was accepted")
        } catch let error as InputError {
            #expect(error.problem.contains("refused"), "\(error)")
        }
        #expect(calls.value == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func theCapEvictsUnusedFilesAndRefusesWhatCannotFit() async throws {
        let directory = try TemporaryDirectory("job-file-cache")
        let cache = try JobFileCache(directory: directory.path, capacity: 2500)
        let other = JobID(cluster: "20260101000000", sequence: 2)
        let calls = Calls()
        let files = (0..<3).map { Array(repeating: UInt8($0), count: 1000) }
        _ = try await cache.path(of: reference(files[0], name: "a"), for: job, fetch: fetch([files[0]], calls: calls))
        _ = try await cache.path(of: reference(files[1], name: "b"), for: other, fetch: fetch([files[1]], calls: calls))
        do {
            _ = try await cache.path(
                of: reference(files[2], name: "c"),
                for: job,
                fetch: fetch([files[2]], calls: calls)
            )
            Issue.record("a file beyond the cap was stored while every other file was in use")
        } catch let error as InputError {
            #expect(error.problem.contains("cannot hold"), "\(error)")
        }
        await cache.release(other)
        _ = try await cache.path(of: reference(files[2], name: "c"), for: job, fetch: fetch([files[2]], calls: calls))
        #expect(await cache.size <= 2500)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(names == [reference(files[0]).sha256, reference(files[2]).sha256])
    }
}
