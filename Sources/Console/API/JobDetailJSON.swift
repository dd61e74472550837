import Cluster

/// The body of `GET /api/v1/jobs/{job}`: a ``JobDetail`` with its report in API form.
struct JobDetailJSON: Encodable {
    let report: JobJSON
    let phaseNames: [String]
    let phases: [PhaseStatus]
    let inputs: [String]
    let parameters: [String: String]
    /// When restarted JobTrackers resumed the job, seconds since 1970.
    let resumptions: [Double]

    /// The API form of `detail`.
    init(_ detail: JobDetail) {
        report = JobJSON(detail.report)
        phaseNames = detail.phaseNames
        phases = detail.phases
        inputs = detail.inputs
        parameters = detail.parameters
        resumptions = detail.resumptions
    }
}
