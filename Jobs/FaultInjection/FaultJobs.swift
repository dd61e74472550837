import MapReduce
import WordCount

/// Word count whose mapper traps on a record containing `fault.pattern`: a crash in job code.
public struct FaultTrapJob: Job {
    public static let name = "fault-trap"
    public static let summary = "Word count that traps on records matching -D fault.pattern (fault injection)"
    public static let isHidden = true
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "words", showsTotal: true)

    public init(parameters: JobParameters) throws {
        _ = try FaultSettings(parameters)
    }

    public var phases: [Phase] { FaultPhases.wordCount(mapper: TrapMapper.self) }

    struct TrapMapper: Mapper {
        var inner = WordCountMapper()
        var settings: FaultSettings?

        init() {}

        mutating func setup(_ context: MapContext<ByteSlice, Int>) throws {
            settings = try FaultSettings(context.parameters)
            try inner.setup(context)
        }

        mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int>) throws {
            if settings!.matches(line.bytes) {
                fatalError("fault injection: \(context.info.attempt) trapped on a record at offset \(line.offset)")
            }
            try inner.map(line, context: context)
        }
    }
}

/// Word count whose mapper sleeps on records containing `fault.pattern` in its first attempts: a straggler.
public struct FaultSleepJob: Job {
    public static let name = "fault-sleep"
    public static let summary = "Word count that sleeps on records matching -D fault.pattern (fault injection)"
    public static let isHidden = true
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "words", showsTotal: true)

    public init(parameters: JobParameters) throws {
        _ = try FaultSettings(parameters)
    }

    public var phases: [Phase] { FaultPhases.wordCount(mapper: SleepMapper.self) }

    struct SleepMapper: Mapper {
        var inner = WordCountMapper()
        var settings: FaultSettings?
        var slow = false

        init() {}

        mutating func setup(_ context: MapContext<ByteSlice, Int>) throws {
            settings = try FaultSettings(context.parameters)
            slow = context.info.attempt.number < settings!.slowAttempts
            try inner.setup(context)
        }

        mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int>) throws {
            if slow, settings!.matches(line.bytes) {
                try FaultPhases.sleep(seconds: settings!.sleepSeconds)
            }
            try inner.map(line, context: context)
        }
    }
}

/// Word count whose map attempts exit with status 3 at random, reproducibly from `fault.seed`.
public struct FaultExitJob: Job {
    public static let name = "fault-exit"
    public static let summary = "Word count whose map attempts exit non-zero at random from -D fault.seed (fault injection)"
    public static let isHidden = true
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "words", showsTotal: true)

    public init(parameters: JobParameters) throws {
        _ = try FaultSettings(parameters)
    }

    public var phases: [Phase] { FaultPhases.wordCount(mapper: ExitMapper.self) }

    struct ExitMapper: Mapper {
        var inner = WordCountMapper()

        init() {}

        mutating func setup(_ context: MapContext<ByteSlice, Int>) throws {
            let settings = try FaultSettings(context.parameters)
            let attempt = context.info.attempt
            var state = settings.seed ^ (UInt64(attempt.task.index) << 20) ^ (UInt64(attempt.number) << 40)
            if FaultPhases.uniform(&state) < settings.exitProbability {
                FaultPhases.exitNow(status: 3, message: "fault injection: \(attempt) exits with status 3")
            }
            try inner.setup(context)
        }

        mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int>) throws {
            try inner.map(line, context: context)
        }
    }
}
