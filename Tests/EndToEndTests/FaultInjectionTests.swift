import Foundation
import TestSupport
import Testing

/// Faults in job code cost attempts, not trackers: each attempt runs in its own process.
struct FaultInjectionTests {
    func mrsubmit(_ arguments: [String], in directory: String) throws -> ProcessOutput {
        try ProcessOutput.run(MRSubmitTests.executable, arguments, in: directory, timeout: 120)
    }

    @Test func aTrappingMapperFailsTheJobAfterFourAttemptsWithItsError() throws {
        let directory = try TemporaryDirectory("fault-trap")
        let run = try mrsubmit(
            ["fault-trap", SharedData.books + "/pg11.txt", "-D", "fault.pattern=Cheshire"],
            in: directory.path
        )
        #expect(run.status != 0)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.first?.contains("failed 4 times") == true, "\(run.standardError)")
        #expect(lines.dropFirst().first == "last lines of the failed attempt's standard error:", "\(run.standardError)")
        #expect(lines.dropFirst(2).contains { $0.contains("Fatal error: fault injection") }, "the stderr tail follows")
        #expect(run.standardError.contains("crashed: signal"), "\(run.standardError)")
        #expect(run.standardError.contains("fault injection: attempt_"), "the job's own message reaches the user")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no output is left behind")
    }

    @Test func attemptsThatExitAtRandomAreRunAgainAndTheOutputIsUnchanged() throws {
        let directory = try TemporaryDirectory("fault-exit")
        let input = SharedData.books + "/pg46.txt"
        let exits = try mrsubmit(
            ["fault-exit", input, "-o", "always", "-D", "fault.exit-probability=1"],
            in: directory.path
        )
        #expect(exits.status != 0 && exits.standardError.contains("exited with status 3"), "\(exits.standardError)")
        #expect(exits.standardError.contains("fault injection: attempt_"), "\(exits.standardError)")
        let faulty = try mrsubmit(
            [
                "fault-exit", input, "-o", "faulty", "--split-size", "16k", "-D", "fault.exit-probability=0.3", "-D",
                "fault.seed=11",
            ],
            in: directory.path
        )
        #expect(faulty.status == 0, "\(faulty.standardError)")
        #expect(faulty.text.contains("Failed attempts (run again):"), "\(faulty.text)")
        #expect(try Oracles.sortedOutput(directory.file("faulty")) == Oracles.coreutilsWordCount([input]))
    }

    @Test func hiddenJobsAreListedOnlyWhenAsked() throws {
        let directory = try TemporaryDirectory("fault-list")
        let plain = try mrsubmit(["jobs"], in: directory.path)
        let all = try mrsubmit(["jobs", "--all"], in: directory.path)
        #expect(!plain.text.contains("fault-trap"))
        #expect(all.text.contains("fault-trap") && all.text.contains("fault-sleep") && all.text.contains("fault-exit"))
    }
}
