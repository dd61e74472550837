import Foundation
import Testing

@testable import Cluster

/// The console's trackers a page at a time: registered trackers by id and then departed ones,
/// pages that together list each tracker once, and the summary of them all on every page.
struct TrackerPageTests {
    let now = Date(timeIntervalSince1970: 1_000_000)

    /// 250 trackers of 2 slots, `t000` to `t249`: `t001` draining, `t002` full, and `t000` silent
    /// past the expiry, so lost.
    func state() -> JobTrackerState {
        var state = JobTrackerState(settings: JobTrackerSettings(trackerExpiry: .seconds(10)))
        for index in (0..<250).reversed() {
            let id = "t" + String(format: "%03d", index)
            state.register(TrackerRecord(id: id, host: "127.0.0.2", shufflePort: 9420, slots: 2, lastHeartbeat: now))
        }
        let later = now.addingTimeInterval(11)
        for index in 1..<250 {
            let id = "t" + String(format: "%03d", index)
            _ = state.heard(
                from: id,
                acceptsTasks: index > 2,
                refusal: index == 2 ? "low on disk" : "",
                at: later
            )
        }
        #expect(state.expireTrackers(at: later) == ["t000"])
        return state
    }

    @Test func pagesListEveryTrackerOnceInTheOrderOfTheFullList() {
        let state = state()
        let all = state.trackerStatuses()
        #expect(all.map(\.id) == (1..<250).map { "t" + String(format: "%03d", $0) } + ["t000"])
        var paged: [TrackerStatus] = []
        for offset in stride(from: 0, to: 250, by: 100) {
            let page = state.trackerPage(offset: offset, limit: 100)
            #expect(page.total == 250 && page.offset == offset)
            paged += page.trackers
        }
        #expect(paged == all)
        #expect(state.trackerPage(offset: 240, limit: 100).trackers.last?.state == .lost)
    }

    @Test func pastTheEndThePageIsEmptyAndTheSummaryCountsEveryTracker() {
        let state = state()
        let past = state.trackerPage(offset: 1_000, limit: 100)
        #expect(past.trackers.isEmpty && past.total == 250 && past.offset == 250)
        #expect(state.trackerPage(offset: 0, limit: 0).trackers.isEmpty)
        let summary = past.summary
        #expect((summary.live, summary.draining, summary.full, summary.blacklisted, summary.lost) == (247, 1, 1, 0, 1))
        #expect(summary.total == 250 && summary.heartbeating == 249)
        #expect((summary.slots, summary.slotsUsed) == (2 * 247, 0), "draining and full trackers take no tasks")
        #expect(state.trackerSummary() == summary)
    }
}
