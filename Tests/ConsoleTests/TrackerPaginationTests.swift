import Console
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Cluster

/// The trackers a page at a time in the console's router: `/api/v1/trackers` and `/trackers`
/// take `offset` and `limit`, give the total, and refuse bad values with one message; the
/// dashboard and `/api/v1/overview` count the trackers instead of listing them.
struct TrackerPaginationTests {
    /// A console whose JobTracker knows `tracker-1` and `extra` more trackers, `node-000` onwards.
    func console(extra: Int) async throws -> RouterConsole {
        let console = try await RouterConsole(jobs: [])
        for index in 0..<extra {
            _ = await console.tracker.register(
                RegisterTrackerRequest(
                    tracker: "node-" + String(format: "%03d", index),
                    host: "127.0.0.2",
                    shufflePort: 2000 + index,
                    slots: 2,
                    probe: FileSystemProbe(path: console.directory.file("probe"), token: "t")
                )
            )
        }
        return console
    }

    /// The ids in a `/api/v1/trackers` reply.
    func ids(_ reply: TestResponse) throws -> [String] {
        try JSONDecoder().decode([TrackerStatus].self, from: Data(reply.body.readableBytesView)).map(\.id)
    }

    @Test func theAPIGivesAPageSortedByIdWithTheTotal() async throws {
        try await console(extra: 150).test { client in
            let first = try await client.execute(uri: "/api/v1/trackers", method: .get)
            #expect(first.status == .ok)
            #expect(first.headers[HTTPFields.Element.Name("X-Total-Count")!] == "151")
            let names = (0..<150).map { "node-" + String(format: "%03d", $0) } + ["tracker-1"]
            #expect(try ids(first) == Array(names.prefix(100)), "the default page holds 100")

            let second = try await client.execute(uri: "/api/v1/trackers?offset=100&limit=100", method: .get)
            #expect(try ids(second) == Array(names.dropFirst(100)))
            let small = try await client.execute(uri: "/api/v1/trackers?offset=149&limit=1", method: .get)
            #expect(try ids(small) == ["node-149"])
            let largest = try await client.execute(uri: "/api/v1/trackers?limit=1000", method: .get)
            #expect(try ids(largest) == names)

            let past = try await client.execute(uri: "/api/v1/trackers?offset=5000", method: .get)
            #expect(past.status == .ok && String(buffer: past.body) == "[]")
            #expect(past.headers[HTTPFields.Element.Name("X-Total-Count")!] == "151")
        }
    }

    @Test func badOffsetsAndLimitsAreRefusedWithOneMessage() async throws {
        try await console(extra: 0).test { client in
            let limit = "limit must be a whole number from 1 to 1000"
            let offset = "offset must be a whole number, 0 or more"
            for (query, message) in [
                ("limit=0", limit), ("limit=1001", limit), ("limit=-5", limit), ("limit=ten", limit), ("limit=", limit),
                ("offset=-1", offset), ("offset=1.5", offset), ("offset=x&limit=10", offset),
            ] {
                let api = try await client.execute(uri: "/api/v1/trackers?" + query, method: .get)
                #expect(api.status == .badRequest, "\(query)")
                let body = try JSONDecoder().decode([String: String].self, from: Data(api.body.readableBytesView))
                #expect(body == ["error": message], "\(query)")
                let page = try await client.execute(uri: "/trackers?" + query, method: .get)
                #expect(page.status == .badRequest, "\(query)")
                #expect(String(buffer: page.body).contains("<p class=\"error\">\(message)</p>"), "\(query)")
            }
        }
    }

    @Test func thePageShowsTheSummaryAndLinksToTheNextAndPreviousPages() async throws {
        try await console(extra: 150).test { client in
            let first = String(buffer: try await client.execute(uri: "/trackers", method: .get).body)
            #expect(first.contains("<div class=\"card\"><b>151</b>Live</div>"))
            #expect(first.contains("<b>0/302</b>Slots used"))
            #expect(first.contains("Trackers 1–100 of 151"))
            #expect(first.contains("<a href=\"/trackers?offset=100&limit=100\" rel=\"next\">Next</a>"))
            #expect(!first.contains("rel=\"prev\""))
            #expect(first.components(separatedBy: "<tr><td>").count - 1 == 100)

            let last = String(buffer: try await client.execute(uri: "/trackers?offset=100", method: .get).body)
            #expect(last.contains("Trackers 101–151 of 151") && last.contains(">tracker-1<"))
            #expect(last.contains("<a href=\"/trackers?offset=0&limit=100\" rel=\"prev\">Previous</a>"))
            #expect(!last.contains("rel=\"next\""))

            let past = String(buffer: try await client.execute(uri: "/trackers?offset=400&limit=50", method: .get).body)
            #expect(past.contains("No trackers from position 401; there are 151."))
            #expect(past.contains("<a href=\"/trackers?offset=101&limit=50\" rel=\"prev\">Previous</a>"))
            #expect(!past.contains("<table"))
        }
    }

    @Test func theDashboardAndOverviewCountTheTrackersInsteadOfListingThem() async throws {
        try await console(extra: 150).test { client in
            let dashboard = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(dashboard.contains("<div class=\"card\"><b>151</b>Trackers live</div>"))
            #expect(!dashboard.contains("node-0"), "no row per tracker")

            let reply = try await client.execute(uri: "/api/v1/overview", method: .get)
            let overview = try #require(
                try JSONSerialization.jsonObject(with: Data(reply.body.readableBytesView)) as? [String: Any]
            )
            let trackers = try #require(overview["trackers"] as? [String: Int])
            #expect(trackers["live"] == 151 && trackers["lost"] == 0 && trackers["slots"] == 302)
            #expect(overview["slots"] as? Int == 302 && overview["slotsUsed"] as? Int == 0)
        }
    }
}
