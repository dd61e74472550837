import ImageCodecs
import MapReduce

/// The record writer of ``EqualizedImageOutputFormat``: writes each image whose bands it
/// receives, and a report of every image's spread before and after.
///
/// Images are written into the attempt directory under
/// ``PerInputOutputNaming/stagedName(forInput:)``; the framework commits them and `mrsubmit`
/// moves each beside its input. The report goes to `report-part-r-NNNNN`. The writer never opens
/// an input: what it needs comes with each image's band 0 (``BandPixels/image``). With
/// `writesArtifacts`, each image's previews and histograms go beside it (``ImageArtifacts``).
public final class EqualizedImageWriter: RecordWriter {
    private let directory: String
    private let reportPath: String
    private let writesArtifacts: Bool
    private var current: ImageAssembly?
    private var currentTable: EqualizationTable?
    private var currentArtifacts: ImageArtifacts?
    private var images = 0
    private var report = ""

    /// Creates a writer for the reduce task `task` in `directory`.
    public init(task: TaskID, directory: String, writesArtifacts: Bool = false) {
        self.directory = directory
        reportPath = directory + "/" + EqualizedImageOutputFormat.reportPrefix + task.partFileName
        self.writesArtifacts = writesArtifacts
    }

    public func write(_ path: String, _ band: EqualizedBand) throws {
        if current?.path != path {
            try finishImage()
            guard let image = band.pixels.image else {
                throw ImageCodecError(
                    .invalidArgument, path: path,
                    "band \(band.pixels.index) (row \(band.pixels.firstRow)) arrived where band 0 (row 0) was expected")
            }
            let output = directory + "/" + PerInputOutputNaming.stagedName(forInput: path)
            current = try ImageAssembly(path: path, image: image, outputPath: output)
            currentTable = band.table
            currentArtifacts = writesArtifacts ? ImageArtifacts(path: path, index: images) : nil
            images += 1
        }
        try current?.append(band.pixels)
        currentArtifacts?.append(band.pixels.preview)
    }

    public func close() throws {
        try finishImage()
        try FileBytes.write(Array(report.utf8), to: reportPath)
    }

    /// Writes the image being assembled and its report lines.
    private func finishImage() throws {
        guard let assembly = current, let table = currentTable else { return }
        current = nil
        try assembly.finish()
        try currentArtifacts?.write(histograms: table.histograms, in: directory)
        let bands = assembly.bandCount
        report += "\(assembly.path): \(assembly.image.info.summary); mode \(assembly.image.mode.rawValue), \(bands) band\(bands == 1 ? "" : "s")\n"
        report += "  before: \(table.before)\n"
        report += "  after:  \(table.after)\n"
    }
}
