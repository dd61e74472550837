import CTIFF

/// An open libtiff `TIFF*` whose errors and warnings go to Swift, not stderr.
///
/// libtiff 4.5 lets each handle carry its own error and warning handlers
/// (`TIFFOpenOptionsSetErrorHandlerExtR`). Both handlers format the message
/// with `vsnprintf` and append it to this handle's ``Diagnostics``, then
/// return 1 so libtiff does not also call its global stderr handler.
/// The handle closes the file in `deinit`, so no error path leaks it.
final class TIFFHandle {
    /// Collected libtiff messages for one handle; the C handlers append to it.
    final class Diagnostics {
        /// Error messages in the order libtiff reported them.
        var errors: [String] = []
        /// Warning messages in the order libtiff reported them.
        var warnings: [String] = []
        /// Called once for every warning, in addition to collecting it.
        let log: (@Sendable (String) -> Void)?

        init(log: (@Sendable (String) -> Void)?) {
            self.log = log
        }

        /// Turns libtiff's (module, format, va_list) triple into one line.
        static func format(
            _ module: UnsafePointer<CChar>?,
            _ format: UnsafePointer<CChar>?,
            _ args: CVaListPointer?
        ) -> String {
            var buffer = [CChar](repeating: 0, count: 1024)
            if let format, let args {
                _ = buffer.withUnsafeMutableBufferPointer { ctiff_format($0.baseAddress, $0.count, format, args) }
            }
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard let module, module.pointee != 0 else { return text }
            return "\(String(cString: module)): \(text)"
        }
    }

    /// The libtiff handle, valid until `deinit`.
    let tif: OpaquePointer
    /// The path as the caller gave it, used in error messages.
    let path: String
    private let diagnostics: Diagnostics

    /// Opens `path` with libtiff `mode` ("r", "wl", "wb", "w8l", ...).
    ///
    /// Throws ``ImageCodecError`` (``ImageCodecError/Kind/corrupt`` for
    /// reading, ``ImageCodecError/Kind/writeFailed`` for writing) with
    /// libtiff's own explanation when the open fails.
    convenience init(path: String, mode: String, log: (@Sendable (String) -> Void)?) throws {
        try self.init(name: path, mode: mode, log: log) { options in TIFFOpenExt(path, mode, options) }
    }

    /// Opens the file open as `descriptor` with libtiff `mode`; libtiff closes it with the handle.
    /// `name` stands for the file in error messages.
    convenience init(descriptor: Int32, name: String, mode: String, log: (@Sendable (String) -> Void)?) throws {
        try self.init(name: name, mode: mode, log: log) { options in TIFFFdOpenExt(descriptor, name, mode, options) }
    }

    private init(
        name path: String,
        mode: String,
        log: (@Sendable (String) -> Void)?,
        open: (OpaquePointer?) -> OpaquePointer?
    ) throws {
        let diagnostics = Diagnostics(log: log)
        guard let options = TIFFOpenOptionsAlloc() else {
            throw ImageCodecError(.unreadable, path: path, "libtiff could not allocate open options")
        }
        defer { TIFFOpenOptionsFree(options) }
        let context = Unmanaged.passUnretained(diagnostics).toOpaque()
        TIFFOpenOptionsSetErrorHandlerExtR(
            options,
            { _, userData, module, format, args in
                guard let userData else { return 0 }
                let sink = Unmanaged<Diagnostics>.fromOpaque(userData).takeUnretainedValue()
                sink.errors.append(Diagnostics.format(module, format, args))
                return 1
            },
            context
        )
        TIFFOpenOptionsSetWarningHandlerExtR(
            options,
            { _, userData, module, format, args in
                guard let userData else { return 0 }
                let sink = Unmanaged<Diagnostics>.fromOpaque(userData).takeUnretainedValue()
                let message = Diagnostics.format(module, format, args)
                sink.warnings.append(message)
                sink.log?(message)
                return 1
            },
            context
        )
        guard let tif = open(options) else {
            let reason = diagnostics.errors.last ?? "libtiff could not open the file"
            let kind: ImageCodecError.Kind = mode.hasPrefix("r") ? .corrupt : .writeFailed
            throw ImageCodecError(kind, path: path, mode.hasPrefix("r") ? "corrupt TIFF (\(reason))" : reason)
        }
        self.tif = tif
        self.path = path
        self.diagnostics = diagnostics
    }

    deinit {
        TIFFClose(tif)
    }

    /// The warnings libtiff has reported for this handle so far.
    var warnings: [String] { diagnostics.warnings }

    /// Builds an error for a failed libtiff call, appending the most recent
    /// libtiff error message (if any) and clearing the collected errors.
    func failure(_ kind: ImageCodecError.Kind, _ what: String) -> ImageCodecError {
        defer { diagnostics.errors.removeAll() }
        guard let reason = diagnostics.errors.last else {
            return ImageCodecError(kind, path: path, what)
        }
        return ImageCodecError(kind, path: path, "\(what) (\(reason))")
    }
}
