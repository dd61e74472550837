/// The body of `GET /api/v1/uploads/{id}`: the upload and the jobs submitted on it.
struct UploadDetail: Encodable {
    /// The upload.
    let upload: Upload
    /// The reports of the jobs that read it, oldest first.
    let jobs: [JobJSON]
}
