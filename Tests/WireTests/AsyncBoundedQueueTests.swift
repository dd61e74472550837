import Testing

@testable import Wire

/// The bounded queue behind chunk streams keeps order under a racing producer and consumer.
///
/// Before the fix, a consumer registering itself just after an element was enqueued could be
/// handed a later element first, or wait forever beside a buffered one.
struct AsyncBoundedQueueTests {
    @Test(.timeLimit(.minutes(1))) func aRacingProducerAndConsumerKeepTheOrder() async throws {
        for round in 0..<20 {
            let queue = AsyncBoundedQueue<Int>(capacity: 2)
            let count = 20_000
            let producer = Task.detached {
                for value in 0..<count { await queue.send(value) }
                queue.finish()
            }
            var expected = 0
            while let value = try await queue.next() {
                guard value == expected else {
                    Issue.record("round \(round): got \(value) where \(expected) was due")
                    break
                }
                expected += 1
            }
            await producer.value
            #expect(expected == count)
        }
    }
}
