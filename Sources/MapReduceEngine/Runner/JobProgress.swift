/// How far a running job has got, as `mrsubmit` shows it: `map 63% reduce 20%`.
public struct JobProgress: Sendable, Equatable {
    /// The phase running, counted from 0.
    public var phase: Int
    /// The job's number of phases.
    public var phaseCount: Int
    /// The phase's name.
    public var phaseName: String
    /// Map tasks finished and in all.
    public var mapsDone: Int
    public var mapsTotal: Int
    /// Reduce tasks finished and in all.
    public var reducesDone: Int
    public var reducesTotal: Int

    /// Creates a progress report.
    public init(
        phase: Int,
        phaseCount: Int,
        phaseName: String,
        mapsDone: Int,
        mapsTotal: Int,
        reducesDone: Int,
        reducesTotal: Int
    ) {
        self.phase = phase
        self.phaseCount = phaseCount
        self.phaseName = phaseName
        self.mapsDone = mapsDone
        self.mapsTotal = mapsTotal
        self.reducesDone = reducesDone
        self.reducesTotal = reducesTotal
    }

    /// Map completion in whole percent.
    public var mapPercent: Int { mapsTotal == 0 ? 100 : mapsDone * 100 / mapsTotal }
    /// Reduce completion in whole percent.
    public var reducePercent: Int { reducesTotal == 0 ? 0 : reducesDone * 100 / reducesTotal }

    /// The one-line form, e.g. `map 63% reduce 20%` (`map 63%` in a phase without reduces),
    /// prefixed by the phase in multi-phase jobs.
    public var line: String {
        let prefix = phaseCount > 1 ? "phase \(phase + 1)/\(phaseCount) \(phaseName): " : ""
        return "\(prefix)map \(mapPercent)%" + (reducesTotal == 0 ? "" : " reduce \(reducePercent)%")
    }
}
