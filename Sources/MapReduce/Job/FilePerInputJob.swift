/// A job whose output is one file per input file, written beside the input, instead of a
/// directory of part files.
///
/// Image and document conversions are such jobs: `mrsubmit histeq photo.tif` writes
/// `photo_equalized.tif`. The last phase's output format writes each result into its attempt
/// directory under ``PerInputOutputNaming/stagedName(forInput:)``; the framework commits those
/// files like any other output, then the job tool renames each to its place beside its input (or to
/// `-o FILE` for a single input), so a failed job leaves no output file behind. Inputs found in
/// directories that are earlier outputs of the job, or that the job does not read, are skipped.
public protocol FilePerInputJob: Job {
    /// How the output file of an input is named.
    static var outputNaming: PerInputOutputNaming { get }

    /// Why a file found inside an input directory is not read (e.g. "this is a PNG image"), or
    /// nil to read it. Files named explicitly on the command line are always read, so that the
    /// job can refuse them with its own error.
    static func skipReason(forDirectoryEntry path: String) -> String?
}

extension FilePerInputJob {
    /// By default, every file found in a directory is read.
    public static func skipReason(forDirectoryEntry path: String) -> String? { nil }
}
