import Foundation
import TestSupport
import Testing

/// Issue #16: the daemons link no job code, so no image codec either; only job binaries (here
/// `mrtask`, the built-in one) decode images.
struct DaemonLinkageTests {
    static let codecs = ["libturbojpeg", "libtiff", "libjpeg"]

    /// The shared libraries `ldd` resolves for a built executable.
    func libraries(of tool: String) throws -> String {
        let output = try ProcessOutput.run("/usr/bin/ldd", [ConsoleCluster.binaries + "/" + tool])
        #expect(output.status == 0, "ldd \(tool): \(output.standardError)")
        #expect(output.text.contains("libc.so"), "ldd listed no C library for \(tool):\n\(output.text)")
        return output.text
    }

    @Test func theDaemonsLinkNoImageCodec() throws {
        for daemon in ["jobtracker", "tasktracker"] {
            let libraries = try libraries(of: daemon)
            for codec in Self.codecs {
                #expect(!libraries.contains(codec), "\(daemon) links \(codec):\n\(libraries)")
            }
        }
        let jobBinary = try libraries(of: "mrtask")
        #expect(
            jobBinary.contains("libturbojpeg") && jobBinary.contains("libtiff"),
            "the check sees codecs where they are"
        )
    }
}
