import Wire

/// The message types of the cluster protocol, by the connection they travel on.
///
/// Client → JobTracker `0x01xx`, TaskTracker → JobTracker `0x02xx`, TaskTracker → TaskTracker
/// (shuffle) `0x03xx`. A request's response frame carries the same type (or an error frame).
public enum ClusterMessages {
    public static let submitJob = MessageType(0x0100)
    public static let jobStatus = MessageType(0x0101)
    public static let listJobs = MessageType(0x0102)
    public static let killJob = MessageType(0x0103)
    public static let uploadInput = MessageType(0x0104)
    public static let listOutput = MessageType(0x0105)
    public static let downloadOutput = MessageType(0x0106)
    public static let attemptList = MessageType(0x0107)
    public static let attemptLog = MessageType(0x0108)
    public static let clusterInfo = MessageType(0x0109)
    public static let jobFileStatus = MessageType(0x010A)
    public static let uploadJobFile = MessageType(0x010B)

    public static let registerTracker = MessageType(0x0200)
    public static let heartbeat = MessageType(0x0201)
    public static let mapCompletions = MessageType(0x0202)
    public static let fetchInput = MessageType(0x0203)
    public static let commitOutput = MessageType(0x0204)
    public static let deregisterTracker = MessageType(0x0205)
    public static let fetchJobFile = MessageType(0x0206)

    public static let fetchMapOutput = MessageType(0x0300)
    public static let fetchAttemptLog = MessageType(0x0301)

    /// The requests a JobTracker accepts: clients run and inspect jobs, trackers do the work.
    public static let jobTrackerCatalog: MessageCatalog = {
        var catalog = MessageCatalog()
        catalog.register(
            [
                SubmitJobRequest.self, JobStatusRequest.self, ListJobsRequest.self, KillJobRequest.self,
                UploadInputRequest.self, ListOutputRequest.self, DownloadOutputRequest.self, AttemptListRequest.self,
                AttemptLogRequest.self, ClusterInfoRequest.self, JobFileStatusRequest.self, UploadJobFileRequest.self,
            ],
            from: [.client]
        )
        catalog.register(
            [
                RegisterTrackerRequest.self, HeartbeatRequest.self, MapCompletionsRequest.self, FetchInputRequest.self,
                CommitOutputRequest.self, DeregisterTrackerRequest.self, FetchJobFileRequest.self,
            ],
            from: [.tracker]
        )
        return catalog
    }()

    /// The requests a TaskTracker's shuffle server accepts: map outputs for reduces on other
    /// trackers, and attempt logs for the JobTracker, which connects as a shuffle peer to relay them.
    public static let shuffleCatalog: MessageCatalog = {
        var catalog = MessageCatalog()
        catalog.register([FetchMapOutputRequest.self, FetchAttemptLogRequest.self], from: [.shuffle])
        return catalog
    }()
}
