/// How a ``JobTool`` gets its code onto a cluster's trackers.
public enum JobToolShipping: Sendable {
    /// The tool uploads its own executable into the JobTracker's job-file store, by hash, and
    /// trackers run attempts with that copy: a job author's tool.
    case shipsItself
    /// Every tracker has the same jobs in its installed job binary (`mrtask`), which runs them: the
    /// built-in jobs behind `mrsubmit`.
    case installedOnTrackers
}
