import Cluster

/// The body of `GET /api/v1/uploads/{id}`: the upload, its last job and the two histograms.
struct UploadDetail: Encodable {
    /// The upload.
    let upload: Upload
    /// Its last job's report, if one was submitted.
    let job: JobJSON?
    /// Whether the equalized result can be downloaded.
    let resultReady: Bool
    /// The original's 256-bin luma histogram (images only).
    let histogramBefore: [Int]?
    /// The result's histogram, once there is one.
    let histogramAfter: [Int]?
}
