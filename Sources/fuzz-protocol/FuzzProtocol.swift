import Foundation
import FuzzTargets

#if FUZZING
/// libFuzzer's entry point: one input to `ProtocolFuzzTarget`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ProtocolFuzzTarget.run(FuzzDriver.input(data, size))
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`: runs libFuzzer's driver.
@_cdecl("fuzz_protocol_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, entry: fuzzOneInput)
}
#else
/// Replays saved inputs through `ProtocolFuzzTarget` (see `scripts/fuzz` for the fuzzing build).
@main struct FuzzProtocol {
    static func main() {
        exit(
            FuzzReplay.main(
                "fuzz-protocol",
                arguments: Array(CommandLine.arguments.dropFirst()),
                target: ProtocolFuzzTarget.run
            )
        )
    }
}
#endif
