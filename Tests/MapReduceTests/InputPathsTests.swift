import MapReduce
import TestSupport
import Testing

/// Input paths expand to readable files, skipping hidden and underscore names, with clear errors.
struct InputPathsTests {
    @Test func directoriesExpandRecursivelyInOrder() throws {
        let directory = try TemporaryDirectory("paths")
        try directory.write("b.txt", "b")
        try directory.write("a/z.txt", "z")
        try directory.write("a/.hidden", "h")
        try directory.write("_SUCCESS", "")
        try directory.write("_logs/x", "x")
        try directory.write("c/empty.txt", "")
        let files = try InputPaths.expand([directory.path])
        #expect(
            files.map { String($0.path.dropFirst(directory.path.count + 1)) } == ["a/z.txt", "b.txt", "c/empty.txt"]
        )
    }

    @Test func badInputsNameThePath() throws {
        let directory = try TemporaryDirectory("bad-paths")
        try directory.write("empty.txt", "")
        try directory.write("only/.hidden", "x")
        #expect(throws: InputError(path: directory.file("missing"), problem: "no such file or directory")) {
            try InputPaths.expand([directory.file("missing")])
        }
        #expect(throws: InputError(path: directory.file("empty.txt"), problem: "input is empty")) {
            try InputPaths.expand([directory.file("empty.txt")])
        }
        #expect(throws: InputError(path: directory.file("only"), problem: "directory has no input files")) {
            try InputPaths.expand([directory.file("only")])
        }
    }
}
