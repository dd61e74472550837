import MapReduce

/// Writes equalized images in their inputs' formats, one file per input, plus a report, and
/// when asked the images' previews and histograms as artifacts (``ResultArtifact``).
public struct EqualizedImageOutputFormat: OutputFormat {
    /// The name prefix of the report files, which `mrsubmit` prints.
    public static let reportPrefix = "report-"

    /// Whether the writers attach each image's previews and histograms.
    public let writesArtifacts: Bool

    /// Creates the format.
    public init(writesArtifacts: Bool = false) {
        self.writesArtifacts = writesArtifacts
    }

    public func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<String, EqualizedBand> {
        EqualizedImageWriter(task: task, directory: directory, writesArtifacts: writesArtifacts)
    }
}
