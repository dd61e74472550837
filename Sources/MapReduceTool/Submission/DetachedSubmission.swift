import Cluster
import Foundation
import MapReduce
import MapReduceEngine

/// `--detach`: submits a job to a named cluster and returns its id without waiting.
///
/// Inputs and output are paths on the cluster: a detached job's files are not transferred, and a
/// setup task plans it there.
struct DetachedSubmission {
    let job: any Job.Type
    let configuration: JobConfiguration
    let options: SubmitOptions

    func submit() throws -> String {
        let client = try options.cluster.client(for: "--detach")
        let shipped = try ShippedFiles.collect(options.files)
        var shipping = configuration
        ShippedFiles.record(shipped.map(\.file), in: &shipping.parameters)
        let configuration = shipping
        let (job, tool, quiet) = (job, ToolContext.current, options.quiet)
        let id = try BlockingAsync.run {
            try await client.withConnection { connection in
                let binary = try await BinaryShipment.binary(for: tool, client: client, on: connection, quiet: quiet)
                _ = try await client.store(shipped.map { ($0.file, $0.path) }, on: connection)
                return try await client.submit(
                    JobSession.submission(
                        job,
                        configuration,
                        inputs: configuration.inputs,
                        output: configuration.outputPath,
                        binary: binary
                    ),
                    on: connection
                )
            }
        }
        return "\(id)"
    }
}
