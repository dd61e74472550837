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
        let malformed = [
            "", "job_", "job__1", "job_1_", "job_1_2_", "job_1_+2", "job_1_-2", "job_١٢_1", " job_1_1", "job_1_1 ",
            "job_1_99999999999999999999", "JOB_1_1",
        ]
        for text in malformed { #expect(JobID(text) == nil, "\(text)") }
        let tasks = [
            "task_1_0001_m_00001", "task_1_0001_m_0000001", "task_1_0001_m_+00001", "task_1_0001_mm_000001",
            "task_1_0001_p_m_000001", "task_1_0001_p2_000001", "task_1_0001_m_000001_", "task_1_0001_x2_m_000001",
        ]
        for text in tasks { #expect(TaskID(text) == nil, "\(text)") }
        let attempts = [
            "attempt_1_0001_m_000001_", "attempt_1_0001_m_000001_x", "attempt_1_0001_m_000001_1_1",
            "task_1_0001_m_000001_1", "attempt_1_0001_m_000001_-1",
        ]
        for text in attempts { #expect(AttemptID(text) == nil, "\(text)") }
    }

    @Test(arguments: [TaskID.Kind.map, .reduce, .setup])
    func everyKindPhaseAndNumberParsesBack(kind: TaskID.Kind) {
        let jobs = [job, JobID(cluster: "1", sequence: 0), JobID(cluster: "20261127055030", sequence: 123_456)]
        for job in jobs {
            #expect(JobID(job.description) == job)
            for phase in [0, 1, 9, 41] {
                for index in [0, 7, 99_999, 999_999] {
                    let task = TaskID(job: job, phase: phase, kind: kind, index: index)
                    #expect(TaskID(task.description) == task)
                    for number in [0, 3, 1_000] {
                        let attempt = AttemptID(task: task, number: number)
                        #expect(AttemptID(attempt.description) == attempt)
                    }
                }
            }
        }
    }
}
