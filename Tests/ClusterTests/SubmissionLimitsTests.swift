import Foundation
import Logging
import MapReduce
import MapReduceEngine
import TestSupport
import Testing
import Wire

@testable import Cluster

/// Every submission is bounded on the JobTracker, whoever wrote the request: a client that asks
/// for ten million reducers, one-byte splits or a one-byte buffer is refused with one line.
struct SubmissionLimitsTests {
    func request(
        reducers: Int? = 2,
        splitSize: Int64 = 1 << 20,
        buffer: Int = 1 << 20,
        plan: JobPlan? = nil
    ) -> SubmitJobRequest {
        SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: ["/in"],
            outputPath: "",
            reducers: reducers,
            splitSize: splitSize,
            mapBufferSize: buffer,
            replacesOutput: false,
            plan: plan
        )
    }

    func plan(maps: Int, reduces: Int) -> JobPlan {
        JobPlan(phases: [
            PhasePlan(
                name: "count",
                mapTasks: (0..<maps).map { [InputSplit(path: "/in", start: Int64($0), length: 1)] },
                reduceCount: reduces,
                writesBroadcast: false
            )
        ])
    }

    @Test func settingsOutOfRangeAreRefused() {
        let limits = SubmissionLimits(maximumReducers: 100, maximumTasks: 1000)
        #expect(throws: Never.self) { try limits.check(request()) }
        #expect(throws: InputError.self) { try limits.check(request(reducers: 10_000_000)) }
        #expect(throws: InputError.self) { try limits.check(request(reducers: -1)) }
        #expect(throws: Never.self) { try limits.check(request(reducers: 0)) }
        #expect(throws: Never.self) { try limits.check(request(reducers: nil)) }
        #expect(throws: Never.self) { try limits.check(request(plan: plan(maps: 3, reduces: 0))) }
        #expect(throws: InputError.self) { try limits.check(request(splitSize: 1)) }
        #expect(throws: InputError.self) { try limits.check(request(buffer: 1)) }
        #expect(throws: InputError.self) { try limits.check(request(plan: plan(maps: 990, reduces: 20))) }
        #expect(throws: InputError.self) { try limits.check(request(plan: plan(maps: 1, reduces: 101))) }
    }

    @Test func theJobTrackerRefusesTenMillionReducersWithoutAllocatingThem() async throws {
        let directory = try TemporaryDirectory("limits")
        let tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: "127.0.0.1",
                dataDirectory: directory.file("jobtracker"),
                secret: ClusterSecret.random(),
                allowedPaths: [directory.path]
            ),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let input = try directory.write("in/words.txt", Array("a b a\n".utf8))
        var huge = request(reducers: 10_000_000)
        huge.inputs = [input]
        do {
            _ = try await tracker.submit(huge)
            Issue.record("a submission with ten million reducers was accepted")
        } catch let error as InputError {
            #expect(error.problem.contains("out of range"), "\(error)")
        }
        #expect(await tracker.reports().isEmpty)
    }

    @Test func theJobTrackerRefusesAJobWeightOfZero() async throws {
        let directory = try TemporaryDirectory("limits")
        let tracker = try JobTrackerFixture.jobTracker(in: directory)
        var weightless = try JobTrackerFixture.wordCount(in: directory)
        weightless.parameters = JobParameters([JobWeight.parameter: "0"])
        do {
            _ = try await tracker.submit(weightless)
            Issue.record("a job of weight 0 was accepted")
        } catch let error as InputError {
            #expect("\(error)".contains("mapreduce.job.weight"), "\(error)")
        }
        #expect(await tracker.reports().isEmpty)
    }
}
