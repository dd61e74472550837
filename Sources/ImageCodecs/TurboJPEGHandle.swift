import CTurboJPEG

/// An owned TurboJPEG compressor or decompressor handle with error mapping.
///
/// TurboJPEG reports two severities after a call returns -1: fatal errors
/// (no usable output) and warnings (output produced, data damaged). A
/// "Premature end of JPEG file" warning means the file was cut short; this
/// wrapper turns it into ``ImageCodecError/Kind/truncated`` because a
/// histogram of a half-gray image is wrong. A call made with
/// ``stopOnWarningFlag`` stops at the first warning, which is then an error
/// (``ImageCodecError/Kind/corrupt``); after other calls warnings are
/// collected and the output is kept.
final class TurboJPEGHandle {
    /// TurboJPEG pixel format for 8-bit gray (`TJPF_GRAY`).
    static let pixelFormatGray: Int32 = 6
    /// TurboJPEG pixel format for interleaved 8-bit RGB (`TJPF_RGB`).
    static let pixelFormatRGB: Int32 = 0
    /// TurboJPEG flag for progressive output (`TJFLAG_PROGRESSIVE`).
    static let progressiveFlag: Int32 = 16384
    /// TurboJPEG flag that makes a warning end the call (`TJFLAG_STOPONWARNING`).
    static let stopOnWarningFlag: Int32 = 8192

    /// The pixel format for a raster with `channels` (1 gray, else RGB).
    static func pixelFormat(channels: Int) -> Int32 {
        channels == 1 ? pixelFormatGray : pixelFormatRGB
    }

    /// The TurboJPEG handle, valid until `deinit`.
    let handle: tjhandle
    /// Non-fatal libjpeg warnings collected so far.
    private(set) var warnings: [String] = []

    /// Creates a compressor (`compress: true`) or decompressor handle.
    init(compress: Bool) throws {
        guard let handle = compress ? tjInitCompress() : tjInitDecompress() else {
            let reason = String(cString: tjGetErrorStr2(nil))
            throw ImageCodecError(
                .unreadable,
                path: "TurboJPEG",
                "cannot create a TurboJPEG \(compress ? "compressor" : "decompressor") (\(reason))"
            )
        }
        self.handle = handle
    }

    deinit {
        tjDestroy(handle)
    }

    /// Accepts status 0; for -1 throws or records the warning as described
    /// in the type documentation. `failure` is the kind used for fatal errors,
    /// and for warnings when the call was made with ``stopOnWarningFlag``.
    func check(
        _ status: Int32,
        path: String,
        failure: ImageCodecError.Kind,
        action: String,
        stoppedOnWarning: Bool = false
    ) throws {
        guard status != 0 else { return }
        let message = String(cString: tjGetErrorStr2(handle))
        if message.lowercased().contains("premature end of jpeg file") {
            throw ImageCodecError(
                .truncated,
                path: path,
                "truncated JPEG: the file ends before the image data does (\(message))"
            )
        }
        if !stoppedOnWarning, tjGetErrorCode(handle) == Int32(bitPattern: TJERR_WARNING.rawValue) {
            warnings.append(message)
            return
        }
        let prefix = failure == .corrupt ? "corrupt JPEG: " : ""
        throw ImageCodecError(failure, path: path, "\(prefix)\(action) failed (\(message))")
    }
}
