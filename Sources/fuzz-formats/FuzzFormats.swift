import Foundation
import FuzzTargets

#if FUZZING
/// libFuzzer's entry point: one input to `FileFormatFuzzTarget`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FileFormatFuzzTarget.run(FuzzDriver.input(data, size))
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`: runs libFuzzer's driver.
@_cdecl("fuzz_formats_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, entry: fuzzOneInput)
}
#else
/// Replays saved inputs through `FileFormatFuzzTarget` (see `scripts/fuzz` for the fuzzing build).
@main struct FuzzFormats {
    static func main() {
        exit(
            FuzzReplay.main(
                "fuzz-formats",
                arguments: Array(CommandLine.arguments.dropFirst()),
                target: FileFormatFuzzTarget.run
            )
        )
    }
}
#endif
