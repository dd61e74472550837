import Foundation
import MapReduce
import TestSupport
import Testing

/// An output may not be an input or contain one, however either is named; an output inside an
/// input directory is left out of the input.
struct OutputPlacementTests {
    @Test func anOutputThatIsOrContainsAnInputIsRefused() throws {
        let directory = try TemporaryDirectory("placement")
        try directory.write("in/a.txt", "a")
        symlink(directory.file("in"), directory.file("link"))
        for (output, input) in [
            ("in", "in"), ("in/", "in"), ("link", "in"), ("in/../in", "in"), ("in/a.txt", "in/a.txt"),
            (".", "in/a.txt"),
            ("in", "in/a.txt"), ("in/a.txt", "in"),
        ] {
            #expect(throws: InputError.self, "\(output) over \(input)") {
                try OutputPlacement.check(output: directory.file(output), inputs: [directory.file(input)])
            }
        }
    }

    @Test func anOutputBesideOrInsideTheInputIsAllowed() throws {
        let directory = try TemporaryDirectory("placement")
        try directory.write("in/a.txt", "a")
        try OutputPlacement.check(output: directory.file("out"), inputs: [directory.file("in")])
        try OutputPlacement.check(output: directory.file("in/out/deeper"), inputs: [directory.file("in")])
        try OutputPlacement.check(output: directory.file("input-copy"), inputs: [directory.file("in")])
        try directory.write("in/earlier/_SUCCESS", "")
        try OutputPlacement.check(output: directory.file("in/earlier"), inputs: [directory.file("in")])
    }

    @Test func anOutputInsideAnInputDirectoryIsNotReadBack() throws {
        let directory = try TemporaryDirectory("placement")
        try directory.write("in/a.txt", "a")
        try directory.write("in/out/part-r-00000", "a\t1\n")
        let files = try InputPaths.expand([directory.file("in")], excluding: [directory.file("in/../in/out")])
        #expect(files.map(\.path) == [directory.file("in/a.txt")])
    }
}
