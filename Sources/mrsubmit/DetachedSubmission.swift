import Cluster
import Foundation
import MapReduce
import MapReduceEngine

/// `--detach`: submits a job to a named cluster and returns its id without waiting.
///
/// Inputs and output are paths on the cluster: a detached job's files are not transferred.
struct DetachedSubmission {
    let job: any Job.Type
    let configuration: JobConfiguration
    let options: SubmitOptions

    func submit() throws -> String {
        let client = try options.cluster.client(for: "--detach")
        let request = SubmitJobRequest(
            job: job.name, parameters: configuration.parameters, inputs: configuration.inputs,
            outputPath: configuration.outputPath, reducers: configuration.reducers, splitSize: configuration.splitSize,
            mapBufferSize: configuration.mapBufferSize, replacesOutput: configuration.replacesOutput)
        let id = try BlockingAsync.run {
            try await client.withConnection { try await client.submit(request, on: $0) }
        }
        return "\(id)"
    }
}
