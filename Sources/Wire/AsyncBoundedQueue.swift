import NIOConcurrencyHelpers
import NIOCore

/// A single-consumer queue whose producer suspends while the queue is full.
///
/// The connection's dispatch loop is the producer: while it waits for room, it stops reading
/// from the channel, so a slow consumer pushes back through NIO's inbound buffer and TCP to the
/// remote sender. A consumer that is no longer interested calls ``discard()``, after which sent
/// elements are dropped and the producer never waits.
final class AsyncBoundedQueue<Element: Sendable>: Sendable {
    private enum Terminal {
        case finished
        case failed(any Error)
    }

    private struct State {
        var buffer = CircularBuffer<Element>()
        var consumer: CheckedContinuation<Element?, any Error>?
        var producer: CheckedContinuation<Void, Never>?
        var terminal: Terminal?
        var discarded = false
    }

    private let capacity: Int
    private let state = NIOLockedValueBox(State())

    /// Creates a queue that holds up to `capacity` elements before its producer waits.
    init(capacity: Int) {
        precondition(capacity > 0, "a queue needs room for at least one element")
        self.capacity = capacity
    }

    /// Enqueues an element, suspending while the queue is full.
    ///
    /// Returns without enqueueing once the queue was finished or discarded.
    func send(_ element: Element) async {
        let mustWait: Bool = {
            let (consumer, wait) = state.withLockedValue { state -> (CheckedContinuation<Element?, any Error>?, Bool) in
                if state.discarded || state.terminal != nil {
                    return (nil, false)
                }
                if let consumer = state.consumer {
                    state.consumer = nil
                    return (consumer, false)
                }
                state.buffer.append(element)
                return (nil, state.buffer.count >= capacity)
            }
            consumer?.resume(returning: element)
            return wait
        }()
        guard mustWait else {
            return
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if state.buffer.count < capacity || state.discarded || state.terminal != nil || Task.isCancelled {
                        return true
                    }
                    state.producer = continuation
                    return false
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                defer { state.producer = nil }
                return state.producer
            }?.resume()
        }
    }

    /// Ends the queue: the consumer receives the buffered elements, then `nil` or `error`.
    func finish(throwing error: (any Error)? = nil) {
        let (consumer, producer) = state.withLockedValue { state in
            if state.terminal == nil {
                state.terminal = error.map(Terminal.failed) ?? .finished
            }
            let waiters = takeWaiters(&state, resumingConsumer: state.buffer.isEmpty)
            if waiters.0 != nil {
                state.terminal = .finished
            }
            return waiters
        }
        producer?.resume()
        guard let consumer else {
            return
        }
        if let error {
            consumer.resume(throwing: error)
        } else {
            consumer.resume(returning: nil)
        }
    }

    /// Drops buffered elements and every later one, releasing a waiting producer.
    func discard() {
        let (consumer, producer) = state.withLockedValue { state in
            state.discarded = true
            state.buffer.removeAll()
            return takeWaiters(&state, resumingConsumer: true)
        }
        producer?.resume()
        consumer?.resume(throwing: CancellationError())
    }

    /// Returns the next element, `nil` once finished, or throws the error the queue ended with.
    ///
    /// Looking for a ready element and registering as the waiting consumer happen under one lock,
    /// so that an element the producer enqueues in between cannot be overtaken by a later one
    /// handed straight to the consumer.
    func next() async throws -> Element? {
        if let immediate = try poll() {
            return immediate
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Element?, any Error>) in
                let (ready, producer) = state.withLockedValue {
                    state -> (Result<Element?, any Error>?, CheckedContinuation<Void, Never>?) in
                    if let ready = takeReady(&state) {
                        return ready
                    }
                    if Task.isCancelled {
                        return (.failure(CancellationError()), nil)
                    }
                    state.consumer = continuation
                    return (nil, nil)
                }
                producer?.resume()
                if let ready {
                    continuation.resume(with: ready)
                }
            }
        } onCancel: {
            state.withLockedValue { state -> CheckedContinuation<Element?, any Error>? in
                defer { state.consumer = nil }
                return state.consumer
            }?.resume(throwing: CancellationError())
        }
    }

    /// Takes an element or the terminal outcome if one is ready; `nil` means the consumer must wait.
    private func poll() throws -> Element?? {
        let (result, producer) = state.withLockedValue { state in
            takeReady(&state) ?? (nil, nil)
        }
        producer?.resume()
        return try result.map { try $0.get() }
    }

    /// Under the lock: the next element or the terminal outcome, with the producer to release
    /// now that there is room; nil when nothing is ready.
    private func takeReady(
        _ state: inout State
    ) -> (Result<Element?, any Error>?, CheckedContinuation<Void, Never>?)? {
        if let element = state.buffer.popFirst() {
            let producer = state.buffer.count < capacity ? state.producer : nil
            if producer != nil {
                state.producer = nil
            }
            return (.success(element), producer)
        }
        if state.discarded {
            return (.failure(CancellationError()), nil)
        }
        switch state.terminal {
        case .none:
            return nil
        case .finished:
            return (.success(nil), nil)
        case .failed(let error):
            state.terminal = .finished
            return (.failure(error), nil)
        }
    }

    private func takeWaiters(
        _ state: inout State,
        resumingConsumer: Bool
    ) -> (CheckedContinuation<Element?, any Error>?, CheckedContinuation<Void, Never>?) {
        let consumer = resumingConsumer ? state.consumer : nil
        if resumingConsumer {
            state.consumer = nil
        }
        let producer = state.producer
        state.producer = nil
        return (consumer, producer)
    }
}
