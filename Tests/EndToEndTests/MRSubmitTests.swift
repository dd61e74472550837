import Foundation
import TestSupport
import Testing

/// `mrsubmit` as users run it: a separate process, its exit code, its one-line errors.
struct MRSubmitTests {
    /// The `mrsubmit` built beside the test bundle.
    static let executable: String = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return directory.appendingPathComponent("mrsubmit").path
    }()

    func mrsubmit(_ arguments: [String], in directory: String) throws -> ProcessOutput {
        try ProcessOutput.run(Self.executable, arguments, in: directory)
    }

    @Test func wordcountRunsWithDefaultOutputAndSummary() throws {
        let directory = try TemporaryDirectory("e2e-wc")
        let run = try mrsubmit(["wordcount", SharedData.books + "/pg11.txt"], in: directory.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.text.contains("Top 10 words:"))
        #expect(run.text.contains("REDUCE_INPUT_GROUPS"))
        #expect(FileManager.default.fileExists(atPath: directory.file("wordcount-out/_SUCCESS")))
        let again = try mrsubmit(["wordcount", SharedData.books + "/pg11.txt"], in: directory.path)
        #expect(again.status != 0)
        #expect(again.standardError.contains("wordcount-out: output already exists"))
        let forced = try mrsubmit(
            ["wordcount", SharedData.books + "/pg11.txt", "--force", "--reducers", "5"],
            in: directory.path
        )
        #expect(forced.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.file("wordcount-out/part-r-00004")))
    }

    @Test func forceNeverReplacesAnInput() throws {
        let directory = try TemporaryDirectory("e2e-force")
        let book = try Data(contentsOf: URL(fileURLWithPath: SharedData.books + "/pg11.txt"))
        try directory.write("in/book.txt", Array(book))
        for output in ["in", "in/book.txt", "."] {
            let run = try mrsubmit(["wordcount", "in", "-o", output, "--force"], in: directory.path)
            #expect(run.status != 0, "-o \(output) --force must be refused")
            #expect(run.standardError.contains("nothing was deleted"), "\(run.standardError)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("in/book.txt"))) == book)
        }
    }

    @Test func anOutputInsideItsInputIsNotCountedAgain() throws {
        let directory = try TemporaryDirectory("e2e-inside")
        try directory.write(
            "in/book.txt",
            Array(try Data(contentsOf: URL(fileURLWithPath: SharedData.books + "/pg11.txt")))
        )
        let first = try mrsubmit(["wordcount", "in", "-o", "in/counts"], in: directory.path)
        let second = try mrsubmit(["wordcount", "in", "-o", "in/counts", "--force"], in: directory.path)
        #expect(first.status == 0 && second.status == 0, "\(first.standardError)\(second.standardError)")
        let records = { (text: String) in text.split(separator: "\n").first { $0.contains("MAP_INPUT_RECORDS") } }
        #expect(records(first.text) != nil && records(first.text) == records(second.text))
    }

    @Test func separateProcessesAgreeOnPartitions() throws {
        let directory = try TemporaryDirectory("e2e-partitions")
        let input = SharedData.books + "/pg46.txt"
        let first = try mrsubmit(
            ["wordcount", input, "-o", "one", "--slots", "1", "--split-size", "20k"],
            in: directory.path
        )
        let second = try mrsubmit(["wordcount", input, "-o", "two", "--slots", "2"], in: directory.path)
        #expect(first.status == 0 && second.status == 0)
        for part in ["part-r-00000", "part-r-00001"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: directory.file("one/" + part)))
            let two = try Data(contentsOf: URL(fileURLWithPath: directory.file("two/" + part)))
            #expect(one == two, "\(part) differs between processes")
            #expect(!one.isEmpty)
        }
    }

    @Test func logbytesPrintsTotalAndTopHosts() throws {
        let directory = try TemporaryDirectory("e2e-logbytes")
        let run = try mrsubmit(["logbytes", SharedData.accessLog], in: directory.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.text.contains("Top 10 hosts:"))
        #expect(run.text.contains("Total: 2747282505 over 1753 hosts"))
        #expect(run.text.contains("MALFORMED_LINES"))
    }

    @Test func badInputsGiveOneClearLineAndFail() throws {
        let directory = try TemporaryDirectory("e2e-bad")
        try directory.write("empty.txt", "")
        try directory.write("nofiles/.hidden", "x")
        let cases: [([String], String)] = [
            (["wordcount", "missing.txt"], "missing.txt: no such file or directory"),
            (["wordcount", "empty.txt"], "empty.txt: input is empty"),
            (["wordcount", "nofiles"], "nofiles: directory has no input files"),
            (["wordcount"], "no input paths given"),
            (["logbytes", "missing.log"], "missing.log: no such file or directory"),
            (["wordcount", "empty.txt", "--reducers=-1"], "--reducers must be 0 (map-only) or more"),
            (["wordcount", "empty.txt", "-D", "novalue"], "-D novalue: expected name=value"),
            (["wordcount", "empty.txt", "--split-size", "lots"], "--split-size lots: expected a positive size"),
        ]
        for (arguments, message) in cases {
            let run = try mrsubmit(arguments, in: directory.path)
            #expect(run.status != 0, "\(arguments)")
            let lines = run.standardError.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(message), "\(arguments): \(run.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.file("\(arguments[0])-out")))
        }
    }

    @Test func jobsAreListedWithHelp() throws {
        let directory = try TemporaryDirectory("e2e-jobs")
        let jobs = try mrsubmit(["jobs"], in: directory.path)
        #expect(jobs.status == 0)
        #expect(jobs.text.contains("wordcount") && jobs.text.contains("logbytes"))
        let help = try mrsubmit(["wordcount", "--help"], in: directory.path)
        #expect(help.status == 0)
        #expect(help.text.contains("--normalize") && help.text.contains("--reducers"))
    }
}
