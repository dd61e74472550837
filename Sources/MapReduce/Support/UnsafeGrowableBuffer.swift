/// A growable, manually managed array for the map output buffer's hot path.
///
/// It avoids the uniqueness and exclusivity checks that a Swift `Array` stored in a class pays
/// on every access; its owner must call ``deallocate()`` exactly once.
@usableFromInline
struct UnsafeGrowableBuffer<Element> {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    @inlinable init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inlinable subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// Appends an element, doubling the storage when full.
    @inlinable mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Ensures room for `minimum` elements.
    @inlinable mutating func grow(to minimum: Int) {
        guard minimum > capacity else { return }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: max(minimum, capacity * 2))
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(minimum, capacity * 2)
    }

    /// Destroys every element, keeping the storage.
    @inlinable mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// Destroys every element and frees the storage.
    @inlinable mutating func deallocate() {
        removeAll()
        base.deallocate()
    }
}

extension UnsafeGrowableBuffer where Element == UInt8 {
    /// Appends raw bytes.
    ///
    /// Up to sixteen bytes (a word) are copied with two eight-byte stores, which may write up to
    /// seven bytes of junk after them, within the capacity (kept eight bytes ahead of the count),
    /// rather than by a call to `memcpy`.
    @inlinable mutating func append(bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if count + bytes.count + 8 > capacity { grow(to: count + bytes.count + 8) }
        UnsafeMutableRawPointer(base + count).copyShort(from: bytes)
        count += bytes.count
    }

    /// The bytes in `offset..<offset + length`.
    @inlinable func bytes(at offset: Int, length: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + offset, count: length)
    }
}
