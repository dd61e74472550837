import Foundation
import JobCatalog

let arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, let job = JobCatalog.job(named: first) {
    exit(SubmitCommand.main(job: job, arguments: Array(arguments.dropFirst())))
}
MRSubmit.main()
