import Foundation
import Testing

@testable import Cluster

/// Task processes start with a scrubbed environment: none of the tracker's secrets, only what a
/// task needs, the variables their job declares, and what the framework adds.
struct TaskEnvironmentTests {
    let tracker = [
        "PATH": "/usr/bin", "HOME": "/home/mapred", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": "/scratch",
        "MR_SECRET": "s3cret", "MR_SECRET_FILE": "/etc/mr/secret", "MAPREDUCE_CLUSTER_SECRET": "s3cret",
        "MR_JOBTRACKER": "jt:9410",
        "AWS_SECRET_ACCESS_KEY": "key", "SWIFT_BACKTRACE": "enable=yes",
    ]

    @Test func tasksGetNoneOfTheTrackersSecretsButWhatTheyNeed() throws {
        let environment = try TaskEnvironment(declaration: nil).variables(
            inheriting: tracker,
            trackerPID: 4242,
            memoryLimit: nil
        )
        #expect(
            environment == [
                "PATH": "/usr/bin", "HOME": "/home/mapred", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "TMPDIR": "/scratch",
                "SWIFT_BACKTRACE": "enable=no", "GLIBC_TUNABLES": "glibc.malloc.hugetlb=1", "MR_TRACKER_PID": "4242",
            ]
        )
        let tuned = try TaskEnvironment(declaration: nil).variables(
            inheriting: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=2"],
            trackerPID: 1,
            memoryLimit: 1 << 30
        )
        #expect(tuned["GLIBC_TUNABLES"] == "glibc.malloc.arena_max=2")
        #expect(tuned["MR_TASK_MEMORY_BYTES"] == "1073741824")
    }

    @Test func jobsDeclareVariablesButNotTheFrameworksOwn() throws {
        let declared = try TaskEnvironment(declaration: "GREETING=hello world,EMPTY=,EQUALS=a=b,PATH=/opt/bin")
        let environment = declared.variables(inheriting: tracker, trackerPID: 7, memoryLimit: nil)
        #expect(
            environment["GREETING"] == "hello world" && environment["EMPTY"] == "" && environment["EQUALS"] == "a=b"
        )
        #expect(environment["PATH"] == "/opt/bin")
        #expect(environment["MR_SECRET"] == nil && environment["MR_TRACKER_PID"] == "7")
        let refusals = [
            ("MR_TRACKER_PID=1", "-D mapreduce.task.env: MR_TRACKER_PID: names starting with MR_ are the framework's"),
            (
                "MR_TASK_MEMORY_BYTES=0",
                "-D mapreduce.task.env: MR_TASK_MEMORY_BYTES: names starting with MR_ are the framework's"
            ),
            ("NOVALUE", "-D mapreduce.task.env: NOVALUE: expected NAME=VALUE"),
            ("1ST=x", "-D mapreduce.task.env: 1ST: not a variable name (letters, digits and _)"),
            ("A-B=x", "-D mapreduce.task.env: A-B: not a variable name (letters, digits and _)"),
        ]
        for (declaration, message) in refusals {
            let error = #expect(throws: ClusterError.self) { try TaskEnvironment(declaration: declaration) }
            #expect(error?.message == message)
        }
    }

    @Test func aFailureForLackOfMemoryIsRecognized() {
        #expect(TaskMemoryLimit.ranOut(["Fatal error: failed to allocate 1073741856 bytes of memory with alignment 8"]))
        #expect(TaskMemoryLimit.ranOut(["in.txt: cannot map: cannot allocate memory"]))
        #expect(!TaskMemoryLimit.ranOut(["fault injection: trapped"]))
    }
}
