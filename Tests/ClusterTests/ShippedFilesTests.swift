import Foundation
import MapReduce
import TestSupport
import Testing

@testable import Cluster

/// Files a job ships with `--file`: collected with their names and executable bits, named in the
/// job's parameters, refused when a name could leave the attempt's directory, and linked in.
struct ShippedFilesTests {
    @Test func filesAndDirectoriesAreCollectedUnderTheirBaseNames() throws {
        let directory = try TemporaryDirectory("shipped-collect")
        let script = try directory.write("mapper.py", "print('hi')\n")
        try directory.write("tools/bin/run.sh", "#!/bin/sh\necho run\n")
        try directory.write("tools/words.txt", "a b\n")
        chmod(directory.file("tools/bin/run.sh"), 0o755)
        let collected = try ShippedFiles.collect([script, directory.file("tools")])
        let names = Dictionary(uniqueKeysWithValues: collected.map { ($0.file.name, $0.file) })
        #expect(Set(names.keys) == ["mapper.py", "tools/bin/run.sh", "tools/words.txt"])
        #expect(names["tools/bin/run.sh"]?.isExecutable == true)
        #expect(names["mapper.py"]?.isExecutable == false)
        #expect(names["mapper.py"]?.size == 12)
    }

    @Test func aMissingPathIsRefusedNamingIt() throws {
        let error = #expect(throws: InputError.self) { try ShippedFiles.collect(["/nonexistent/mapper.py"]) }
        #expect(error?.description == "/nonexistent/mapper.py: no such file or directory to ship (--file)")
    }

    @Test func twoFilesOfOneNameAreRefused() throws {
        let directory = try TemporaryDirectory("shipped-twice")
        let first = try directory.write("a/mapper.py", "1\n")
        let second = try directory.write("b/mapper.py", "2\n")
        #expect(throws: InputError.self) { try ShippedFiles.collect([first, second]) }
    }

    @Test func parametersRoundTripTheReferences() throws {
        let files = [
            JobFileReference(
                sha256: String(repeating: "a", count: 64),
                name: "mapper.py",
                size: 12,
                isExecutable: false
            ),
            JobFileReference(
                sha256: String(repeating: "b", count: 64),
                name: "tools/my tool.sh",
                size: 3,
                isExecutable: true
            ),
        ]
        var parameters = JobParameters()
        ShippedFiles.record(files, in: &parameters)
        #expect(try ShippedFiles.decode(parameters) == files)
        ShippedFiles.record([], in: &parameters)
        #expect(try ShippedFiles.decode(parameters) == files)
        #expect(try ShippedFiles.decode(JobParameters()).isEmpty)
    }

    @Test func namesThatLeaveTheAttemptsDirectoryAreRefused() {
        let hash = String(repeating: "c", count: 64)
        for name in ["../escape", "/etc/passwd", "a/../../b", "a//b", "./a", ""] {
            let parameters = JobParameters([ShippedFiles.parameter: "\(hash) 1 - \(name)"])
            #expect(throws: InputError.self, "\(name)") { try ShippedFiles.decode(parameters) }
        }
        for line in ["\(hash) one - a", "nothex 1 - a", "\(hash) 1 y a", "\(hash) 1 -"] {
            #expect(throws: InputError.self, "\(line)") {
                try ShippedFiles.decode(JobParameters([ShippedFiles.parameter: line]))
            }
        }
    }

    @Test func filesAreLinkedIntoTheDirectoryUnderTheirNames() throws {
        let directory = try TemporaryDirectory("shipped-link")
        let cached = try directory.write("cache/abc", "#!/bin/sh\n")
        let file = JobFileReference(
            sha256: String(repeating: "d", count: 64),
            name: "tools/run.sh",
            size: 10,
            isExecutable: true
        )
        try ShippedFiles.link([(file, cached)], into: directory.file("attempt"))
        #expect(try String(contentsOfFile: directory.file("attempt/tools/run.sh"), encoding: .utf8) == "#!/bin/sh\n")
    }
}
