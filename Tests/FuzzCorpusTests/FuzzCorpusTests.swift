import Foundation
import FuzzTargets
import TestSupport
import Testing

/// Replays the fuzzers' saved corpora and every crasher they found through the same entry points
/// the fuzzers call: deterministic, no exploration. A parser that traps on a saved input fails the
/// run; a crasher stays in `Fuzz/crashers` once fixed, so it cannot come back.
@Suite struct FuzzCorpusTests {
    static let root = SharedData.repositoryRoot + "/Fuzz"

    @Test(arguments: ["protocol", "formats"])
    func savedInputsParseOrAreRefused(target: String) throws {
        let inputs = FuzzReplay.inputs(at: ["\(Self.root)/corpus/\(target)", "\(Self.root)/crashers/\(target)"])
        #expect(inputs.count >= 50, "the \(target) corpus has only \(inputs.count) inputs; run scripts/fuzz \(target)")
        for input in inputs {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: input)))
            if target == "protocol" { ProtocolFuzzTarget.run(bytes) } else { FileFormatFuzzTarget.run(bytes) }
        }
    }
}
