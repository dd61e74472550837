import Foundation
import Testing

@testable import Cluster

/// The job-file store's room-making rule, without files.
struct JobFileQuotaTests {
    let quota = JobFileQuota(maximumFileSize: 100, quota: 250)
    let now = Date(timeIntervalSince1970: 1_000_000)

    func entry(_ name: String, size: Int64, age: TimeInterval, referenced: Bool = false) -> JobFileQuota.Entry {
        JobFileQuota.Entry(sha256: name, size: size, lastUsed: now.addingTimeInterval(-age), isReferenced: referenced)
    }

    @Test func aFileThatFitsEvictsNothing() throws {
        #expect(try quota.evictions(toStore: 100, beside: [entry("a", size: 100, age: 5)]).isEmpty)
    }

    @Test func theLeastRecentlyUsedUnreferencedFilesGoFirst() throws {
        let entries = [
            entry("old", size: 80, age: 300), entry("older-but-used", size: 80, age: 900, referenced: true),
            entry("new", size: 80, age: 10),
        ]
        #expect(try quota.evictions(toStore: 60, beside: entries) == ["old"])
        #expect(try quota.evictions(toStore: 100, beside: entries) == ["old", "new"])
    }

    @Test func aFileLargerThanTheLimitIsRefused() {
        #expect(throws: JobFileQuota.Refusal.fileTooLarge(limit: 100)) { try quota.evictions(toStore: 101, beside: []) }
    }

    @Test func aStoreFullOfReferencedFilesRefusesANewOne() {
        let entries = [
            entry("a", size: 100, age: 1, referenced: true), entry("b", size: 100, age: 1, referenced: true),
        ]
        #expect(throws: JobFileQuota.Refusal.storeFull(quota: 250, referencedBytes: 200)) {
            try quota.evictions(toStore: 60, beside: entries)
        }
    }

    @Test func unreferencedFilesExpireAfterTheRetention() {
        let entries = [
            entry("stale", size: 1, age: 7200), entry("fresh", size: 1, age: 60),
            entry("used", size: 1, age: 7200, referenced: true),
        ]
        #expect(JobFileQuota.expired(entries, retention: 3600, now: now) == ["stale"])
    }
}
