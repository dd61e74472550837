import Foundation
import Testing

@testable import Cluster

/// Task processes inherit the tracker's environment, quiet Swift's backtracer and ask glibc for
/// huge pages, unless the operator tuned glibc already; they learn the tracker's process id.
struct ChildTaskEnvironmentTests {
    @Test func tasksAskForHugePagesUnlessTheOperatorTunedGlibc() {
        let plain = ChildTask.environment(["PATH": "/usr/bin", "SWIFT_BACKTRACE": "enable=yes"])
        #expect(plain["PATH"] == "/usr/bin")
        #expect(plain["SWIFT_BACKTRACE"] == "enable=no")
        #expect(plain["GLIBC_TUNABLES"] == "glibc.malloc.hugetlb=1")
        #expect(plain["MR_TRACKER_PID"] == String(getpid()), "the runner watches the tracker, through any wrapper")
        let tuned = ChildTask.environment(["GLIBC_TUNABLES": "glibc.malloc.arena_max=2"])
        #expect(tuned["GLIBC_TUNABLES"] == "glibc.malloc.arena_max=2")
    }
}
