import MapReduce

/// Adds up the histograms of one image's bands, which share the image's plan.
public enum ImageHistogramCombiner: Combiner {
    public static func combine(_ accumulated: inout ImageHistogram, with next: ImageHistogram) {
        ElementwiseSumCombiner<UInt64>.combine(&accumulated.counts, with: next.counts)
    }
}
