import FaultInjection
import HistogramEqualization
import LogBytes
import MapReduce
import Streaming
import TeraSort
import WordCount

/// The built-in jobs, which `mrsubmit` runs and the installed job binary `mrtask` holds on every
/// tracker: the list the two executables hand the framework.
public enum BuiltinJobs {
    /// Every built-in job, in the order `mrsubmit jobs` lists them.
    public static let all: [any Job.Type] = [
        WordCountJob.self, LogBytesJob.self, HistogramEqualizationJob.self, StreamingJob.self, TeraGenJob.self,
        TeraSortJob.self, TeraValidateJob.self, FaultTrapJob.self,
        FaultSleepJob.self,
        FaultExitJob.self, FaultEnvironmentJob.self, FaultMemoryJob.self,
    ]
}
