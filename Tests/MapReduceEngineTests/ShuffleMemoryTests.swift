import MapReduceEngine
import Testing

/// A reduce's shuffle memory keeps small segments within its limit and makes fetches wait for
/// room rather than exceed it.
struct ShuffleMemoryTests {
    @Test func refusesSegmentsAboveTheSegmentLimitAndEverythingWithNoMemory() async {
        let memory = ShuffleMemory(limit: 1000)
        #expect(memory.segmentLimit == 250)
        #expect(memory.mergeThreshold + memory.segmentLimit <= memory.limit)
        #expect(await memory.reserve(251) == false)
        #expect(await memory.reserve(250))
        #expect(memory.used == 250)
        #expect(await ShuffleMemory(limit: 0).reserve(0) == false)
    }

    @Test func aReservationWaitsUntilEnoughIsReleased() async {
        let memory = ShuffleMemory(limit: 1000)
        for _ in 0..<4 { #expect(await memory.reserve(250)) }
        let waiting = Task { await memory.reserve(200) }
        try? await Task.sleep(for: .milliseconds(50))
        #expect(memory.used == 1000, "the fifth reservation waits")
        memory.release(100)
        try? await Task.sleep(for: .milliseconds(50))
        #expect(memory.used == 900, "100 bytes are not enough")
        memory.release(250)
        #expect(await waiting.value)
        #expect(memory.used == 850)
        #expect(memory.highWater == 1000)
    }

    @Test func aCancelledWaitGivesUp() async {
        let memory = ShuffleMemory(limit: 100)
        for _ in 0..<4 { #expect(await memory.reserve(25)) }
        let waiting = Task { await memory.reserve(25) }
        try? await Task.sleep(for: .milliseconds(20))
        waiting.cancel()
        #expect(await waiting.value == false)
        memory.release(25)
        #expect(memory.used == 75)
    }

    @Test func aSegmentInMemoryFreesItsReservation() async throws {
        let memory = ShuffleMemory(limit: 400)
        #expect(await memory.reserve(100))
        var segment: MemorySegment? = MemorySegment(length: 100, reservedIn: memory)
        try [UInt8](repeating: 1, count: 60).withUnsafeBytes { try segment?.append($0) }
        #expect(segment?.isComplete == false)
        #expect(throws: MapOutputFileError.self) {
            try [UInt8](repeating: 1, count: 41).withUnsafeBytes { try segment?.append($0) }
        }
        segment = nil
        #expect(memory.used == 0)
    }
}
