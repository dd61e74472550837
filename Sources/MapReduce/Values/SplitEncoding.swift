/// A value's encoding as a short head and the large byte buffer that ends it.
///
/// A value that ends with a buffer of a megabyte or more (an image band) offers this through
/// ``ShuffleValue/splitEncoding()``: the map output buffer then keeps the buffer it already holds
/// and writes it after the head, instead of copying it into an encoding first. `head + tail` is
/// exactly what ``ShuffleValue/encode(into:)`` writes, so readers see no difference.
public struct SplitEncoding: Sendable {
    /// The encoding up to the tail.
    public var head: [UInt8]
    /// The rest of the encoding, shared with the value rather than copied.
    public var tail: [UInt8]

    /// Creates a split encoding.
    public init(head: [UInt8], tail: [UInt8]) {
        self.head = head
        self.tail = tail
    }

    /// The length of the whole encoding.
    public var count: Int { head.count + tail.count }
}
