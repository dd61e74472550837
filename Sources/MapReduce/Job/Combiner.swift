/// A merge function for a key's values that the engine applies on the map side before the shuffle.
///
/// Unlike Hadoop's reducer-shaped combiner, a combiner here folds two values into one, as Spark's
/// `reduceByKey` does. That lets the map output buffer aggregate in a hash table as pairs are
/// emitted, so a word seen a million times in a split costs one buffer entry, not a million. The
/// function must be associative and commutative; the engine may apply it any number of times,
/// including not at all, and in any grouping.
public protocol Combiner: SendableMetatype {
    /// The value type combined.
    associatedtype Value: ShuffleValue

    /// Folds `next` into `accumulated`.
    static func combine(_ accumulated: inout Value, with next: Value)
}

/// Combines numbers by adding them.
public enum SumCombiner<Value: ShuffleValue & AdditiveArithmetic>: Combiner {
    /// Adds `next` to `accumulated`.
    @inlinable public static func combine(_ accumulated: inout Value, with next: Value) {
        accumulated += next
    }
}

/// Combines equally long arrays of numbers element by element, as histograms are added.
public enum ElementwiseSumCombiner<Element: ShuffleValue & AdditiveArithmetic>: Combiner {
    /// Adds `next` to `accumulated` element by element; traps when their lengths differ.
    @inlinable public static func combine(_ accumulated: inout [Element], with next: [Element]) {
        precondition(accumulated.count == next.count, "ElementwiseSumCombiner needs arrays of one length")
        for index in accumulated.indices { accumulated[index] += next[index] }
    }
}
