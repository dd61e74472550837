import MapReduce

/// The inverted index of the MIT 6.5840 lab: for every word, how many input files contain it and
/// which, as `word<TAB>count file1,file2,…` with the files' base names in byte order.
///
/// A word is a maximal run of letters (as the lab's `unicode.IsLetter` split), kept as it is.
public struct InvertedIndexJob: Job {
    public static let name = "index"
    public static let summary = "Lists, for every word, the input files that contain it"

    public init(parameters: JobParameters) throws {}

    public var phases: [Phase] {
        [
            Phase(
                "index",
                input: TextInputFormat(),
                mapper: IndexMapper.self,
                reducer: IndexReducer.self,
                output: TextOutputFormat<String, String>()
            )
        ]
    }
}
