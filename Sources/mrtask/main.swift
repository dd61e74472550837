import Cluster
import Foundation

exit(TaskRunnerMain.run(arguments: CommandLine.arguments))
