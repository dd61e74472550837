import Foundation
import MapReduce
import WordCount

/// Word count whose map tasks also count each `NAME=VALUE` of the environment they run in, as the
/// word `env:NAME=VALUE`: shows what a task can see of its tracker (and of `-D mapreduce.task.env`).
public struct FaultEnvironmentJob: Job {
    public static let name = "fault-env"
    public static let summary = "Word count that also counts its tasks' environment variables as words (fault injection)"
    public static let isHidden = true
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "words", showsTotal: true)

    public init(parameters: JobParameters) throws {}

    public var phases: [Phase] { FaultPhases.wordCount(mapper: EnvironmentMapper.self) }

    struct EnvironmentMapper: Mapper {
        var inner = WordCountMapper()

        init() {}

        mutating func setup(_ context: MapContext<ByteSlice, Int>) throws {
            try inner.setup(context)
            for (name, value) in ProcessInfo.processInfo.environment {
                try Array("env:\(name)=\(value)".utf8).withUnsafeBytes { try context.emit(ByteSlice($0), 1) }
            }
        }

        mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int>) throws {
            try inner.map(line, context: context)
        }
    }
}
