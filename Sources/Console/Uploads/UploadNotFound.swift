/// A request for an upload id that does not exist (or is not an id); answered with 404.
struct UploadNotFound: Error, CustomStringConvertible {
    /// The id asked for.
    let id: String

    var description: String { "no such upload" }
}
