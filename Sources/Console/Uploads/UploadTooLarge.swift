/// An upload that went past the console's size limit; answered with 413.
struct UploadTooLarge: Error, CustomStringConvertible {
    /// The limit in bytes.
    let limit: Int64

    var description: String { "the upload is larger than the limit of \(limit) bytes" }
}
