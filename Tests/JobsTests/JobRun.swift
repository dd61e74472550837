import MapReduce
import MapReduceEngine
import TestSupport

/// Runs a job of the catalog in-process on a temporary output directory.
func runJob(
    _ job: any Job,
    inputs: [String],
    in directory: TemporaryDirectory,
    reducers: Int = 3,
    splitSize: Int64 = 512 << 10,
    parameters: JobParameters = JobParameters()
) throws -> (output: String, result: JobResult) {
    let output = directory.file("out-\(reducers)-\(splitSize)")
    let configuration = JobConfiguration(
        inputs: inputs,
        outputPath: output,
        parameters: parameters,
        reducers: reducers,
        splitSize: splitSize,
        slots: 2
    )
    let result = try LocalJobRunner(configuration: configuration).run(job, id: JobID(cluster: "1", sequence: 1))
    return (output, result)
}
