import Foundation
import MapReduce
import Testing

/// Job, task and attempt ids print in Hadoop's shape and parse back.
struct IdentifierTests {
    let job = JobID(cluster: "20261127055030", sequence: 7)

    @Test func idsPrintInHadoopsShape() {
        let map = TaskID(job: job, kind: .map, index: 3)
        let reduce = TaskID(job: job, phase: 1, kind: .reduce, index: 1)
        #expect(job.description == "job_20261127055030_0007")
        #expect(map.description == "task_20261127055030_0007_m_000003")
        #expect(reduce.description == "task_20261127055030_0007_p2_r_000001")
        #expect(AttemptID(task: map, number: 2).description == "attempt_20261127055030_0007_m_000003_2")
        #expect(reduce.partFileName == "part-r-00001")
    }

    @Test func idsParseBack() {
        let map = TaskID(job: job, kind: .map, index: 3)
        let reduce = TaskID(job: job, phase: 1, kind: .reduce, index: 12)
        #expect(JobID(job.description) == job)
        #expect(TaskID(map.description) == map)
        #expect(TaskID(reduce.description) == reduce)
        let attempt = AttemptID(task: reduce, number: 3)
        #expect(AttemptID(attempt.description) == attempt)
    }

    @Test func clusterStampsAreUTCTimesAsDigits() {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMddHHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for seconds in [0.0, 951_782_400.5, 1_796_083_199.999, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(JobID.clusterStamp(at: date) == formatter.string(from: date))
        }
        #expect(JobID.clusterStamp(at: Date(timeIntervalSince1970: 1_796_083_199)) == "20261130235959")
    }

    @Test func malformedIdsDoNotParse() {
        #expect(JobID("job_x_1") == nil)
        #expect(JobID("task_1_1") == nil)
        #expect(TaskID("task_1_0001_q_000001") == nil)
        #expect(TaskID("task_1_0001_p1_m_000001") == nil)
        #expect(AttemptID("attempt_1_0001_m_000001") == nil)
    }
}
