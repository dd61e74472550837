import Foundation
import MapReduce
import WordCount

/// What the fault-injection jobs share: word count's phase around their mapper, and the faults.
enum FaultPhases {
    /// Word count's one phase with `mapper` in place of its mapper, so outputs are comparable.
    static func wordCount<M: Mapper>(mapper: M.Type) -> [Phase] where M.Input == TextLine, M.Key == ByteSlice, M.Value == Int {
        [
            Phase(
                "count", input: TextInputFormat(keepsByteOrderMark: true), mapper: mapper,
                combiner: SumCombiner<Int>.self, reducer: WordCountReducer.self,
                output: TextOutputFormat<ByteSlice, Int>())
        ]
    }

    /// Sleeps, as a slow but working task does.
    static func sleep(seconds: Double) throws {
        Thread.sleep(forTimeInterval: seconds)
    }

    /// A number in [0, 1) from a SplitMix64 step of `state`.
    static func uniform(_ state: inout UInt64) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Double(mixed >> 11) / Double(1 << 53)
    }

    /// Ends the process at once with `status`, as a crashing native library might.
    static func exitNow(status: Int32, message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(status)
    }
}
