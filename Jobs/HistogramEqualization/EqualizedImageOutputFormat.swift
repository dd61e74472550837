import MapReduce

/// Writes equalized images in their inputs' formats, one file per input, plus a report.
public struct EqualizedImageOutputFormat: OutputFormat {
    /// The name prefix of the report files, which `mrsubmit` prints.
    public static let reportPrefix = "report-"

    /// Creates the format.
    public init() {}

    public func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<String, EqualizedBand> {
        EqualizedImageWriter(task: task, directory: directory)
    }
}
