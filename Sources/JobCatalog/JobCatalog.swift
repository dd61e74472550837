import FaultInjection
import HistogramEqualization
import LogBytes
import MapReduce
import WordCount

/// The jobs this build of swift-mapreduce can run, by name; the CLI and task runners share it.
public enum JobCatalog {
    /// Every job, in the order `mrsubmit jobs` lists them.
    public static let all: [any Job.Type] = [
        WordCountJob.self, LogBytesJob.self, HistogramEqualizationJob.self, FaultTrapJob.self, FaultSleepJob.self,
        FaultExitJob.self,
    ]

    /// The job called `name`, or nil.
    public static func job(named name: String) -> (any Job.Type)? {
        all.first { $0.name == name }
    }
}
