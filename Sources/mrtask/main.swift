import BuiltinJobs
import Cluster
import Foundation

exit(TaskRunnerMain.run(arguments: CommandLine.arguments, jobs: BuiltinJobs.all))
