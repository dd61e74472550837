import CoreMetrics

/// The job-file store's metrics: what it holds, and what clients uploaded into it.
struct JobFileStoreMetrics: Sendable {
    private let files: Gauge
    private let bytes: Gauge
    private let uploads: Counter
    private let uploadedBytes: Counter

    /// Creates `mapreduce_job_files`, `mapreduce_job_file_bytes`, `mapreduce_job_file_uploads_total`
    /// and `mapreduce_job_file_upload_bytes_total` in `factory`.
    init(factory: any MetricsFactory) {
        files = Gauge(label: "mapreduce_job_files", factory: factory)
        bytes = Gauge(label: "mapreduce_job_file_bytes", factory: factory)
        uploads = Counter(label: "mapreduce_job_file_uploads_total", factory: factory)
        uploadedBytes = Counter(label: "mapreduce_job_file_upload_bytes_total", factory: factory)
    }

    /// Counts a stored upload.
    func uploaded(bytes: Int64) {
        uploads.increment()
        uploadedBytes.increment(by: Int(bytes))
    }

    /// Sets what the store holds.
    func holds(files count: Int, bytes total: Int64) {
        files.record(count)
        bytes.record(total)
    }
}
