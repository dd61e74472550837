import Testing

@testable import DaemonHTTP

/// An HTTP connection must deliver a request's head, its body and the next request in time, and
/// the daemon serves only as many connections as its descriptors allow.
struct ConnectionDeadlinesTests {
    let limits = HTTPConnectionLimits(
        headerTimeout: .seconds(10),
        bodyTimeout: .seconds(300),
        idleTimeout: .seconds(60),
        maxConnections: 256
    )
    let start = ContinuousClock.now

    func at(_ seconds: Int) -> ContinuousClock.Instant { start + .seconds(seconds) }

    @Test func aHalfSentHeadRunsOutAfterTheHeaderTimeoutFromItsFirstByte() {
        var deadlines = ConnectionDeadlines(limits: limits, openedAt: at(0))
        #expect(deadlines.deadline == at(60), "a silent connection is idle")
        deadlines.bytesArrived(at: at(5))
        #expect(deadlines.deadline == at(15))
        deadlines.bytesArrived(at: at(14))
        #expect(deadlines.deadline == at(15), "more bytes of the same head do not extend it")
        #expect(deadlines.expired(at: at(14)) == nil)
        #expect(deadlines.expired(at: at(15)) == "header timeout")
    }

    @Test func aBodyMustArriveWholeAndNothingRunsOutWhileTheDaemonAnswers() {
        var deadlines = ConnectionDeadlines(limits: limits, openedAt: at(0))
        deadlines.bytesArrived(at: at(1))
        deadlines.headArrived(at: at(2))
        #expect(deadlines.deadline == at(302))
        #expect(deadlines.expired(at: at(302)) == "body timeout")
        deadlines.requestEnded()
        #expect(deadlines.deadline == nil, "a slow handler is not cut off")
        deadlines.responseEnded(at: at(400))
        #expect(deadlines.deadline == at(460))
        #expect(deadlines.expired(at: at(460)) == "idle timeout")
    }

    @Test func aPipelinedRequestKeepsTheConnectionBusyUntilItsResponse() {
        var deadlines = ConnectionDeadlines(limits: limits, openedAt: at(0))
        deadlines.bytesArrived(at: at(0))
        deadlines.headArrived(at: at(0))
        deadlines.requestEnded()
        deadlines.bytesArrived(at: at(1))
        deadlines.headArrived(at: at(1))
        deadlines.requestEnded()
        deadlines.responseEnded(at: at(2))
        #expect(deadlines.deadline == nil, "the second request is still being answered")
        deadlines.responseEnded(at: at(3))
        #expect(deadlines.deadline == at(63))
    }

    @Test func theConnectionCapStaysBelowAQuarterOfTheDescriptorLimit() {
        #expect(limits.connectionCap(descriptorLimit: 1_048_576) == 256)
        #expect(limits.connectionCap(descriptorLimit: 256) == 64)
        #expect(limits.connectionCap(descriptorLimit: 2) == 1)
        #expect(
            HTTPConnectionLimits(headerTimeout: .zero, bodyTimeout: .zero, idleTimeout: .zero, maxConnections: 0)
                .maxConnections == 1
        )
    }
}
