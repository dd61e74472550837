/// A key's values, streamed from the merge as the reducer iterates; it can be iterated once.
///
/// Values are decoded one at a time and never collected into an array by the framework, so a
/// key with a billion values needs no more memory than a key with one. If reading or decoding a
/// value fails, iteration ends early and the framework fails the task with that error after the
/// reducer returns.
public struct ReduceValues<Value: ShuffleValue>: Sequence, IteratorProtocol {
    @usableFromInline let source: any KeyGroupSource
    @usableFromInline let failure: FailureBox

    @usableFromInline init(source: any KeyGroupSource, failure: FailureBox) {
        self.source = source
        self.failure = failure
    }

    /// Reads and decodes the next value.
    @inlinable public mutating func next() -> Value? {
        guard failure.error == nil else { return nil }
        do {
            guard let bytes = try source.nextValue() else { return nil }
            var reader = ByteReader(bytes)
            return try Value(decoding: &reader)
        } catch {
            failure.error = error
            return nil
        }
    }
}

/// Holds the first error met while streaming a key's values.
@usableFromInline final class FailureBox {
    @usableFromInline var error: (any Error)?

    @usableFromInline init() {}
}
