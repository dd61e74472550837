/// The engine's sorted, merged reduce input, read one key group at a time.
///
/// Returned bytes are borrowed and valid until the next call on the source.
public protocol KeyGroupSource: AnyObject {
    /// Moves to the next distinct key and returns its encoded bytes, or nil after the last key.
    ///
    /// Values of the current key that were not read are skipped.
    func nextKey() throws -> UnsafeRawBufferPointer?

    /// Returns the next encoded value of the current key, or nil when the key has no more values.
    func nextValue() throws -> UnsafeRawBufferPointer?
}
