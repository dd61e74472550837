import Foundation
import FuzzTargets

#if FUZZING
/// libFuzzer's entry point: one input to `ProtocolFuzzTarget`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ProtocolFuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The executable's entry point under the name SwiftPM links as `main`: runs libFuzzer's driver.
@_cdecl("fuzz_protocol_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
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
