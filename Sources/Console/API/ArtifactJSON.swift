import Cluster
import MapReduce

/// An artifact of a job in the API: what it is and where to fetch it.
struct ArtifactJSON: Encodable {
    /// Its name, e.g. `1-photo.tif before`.
    let name: String
    /// The name as shown, without a leading `<digits>-`.
    let title: String
    /// `image`, `histogram`, `table` or `text`.
    let kind: String
    /// Its file in the job's output directory.
    let file: String
    /// Where `GET` fetches it.
    let url: String

    /// The API form of `artifact` of `job`.
    init(_ artifact: ResultArtifact, of job: JobID) {
        name = artifact.name
        title = artifact.title
        kind = artifact.kind.rawValue
        file = artifact.fileName
        url = "/api/v1/jobs/\(job)/artifacts/\(HTML.urlComponent(artifact.fileName))"
    }
}
