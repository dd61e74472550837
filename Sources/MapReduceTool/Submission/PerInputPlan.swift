import Foundation
import MapReduce

/// The inputs of a ``FilePerInputJob`` and where each one's output goes, checked before the job runs.
///
/// Files named on the command line are taken as they are; files found in directories are
/// skipped when they are earlier outputs of the job or the job does not read them. Each output
/// goes beside its input (or to `-o FILE` when there is one input) and must not exist unless
/// `--force` is given.
struct PerInputPlan {
    /// One input and its output file.
    struct Entry {
        let input: String
        let target: String
    }

    /// The inputs to process, in order.
    let entries: [Entry]
    /// Files found in directories and left out, with the reason.
    let skipped: [(path: String, reason: String)]

    /// Plans the outputs of `job` for the command-line `inputs`.
    ///
    /// - Throws: ``InputError`` for a missing or unreadable input, a directory without usable
    ///   files, `-o` with several inputs, or an output that exists without `force`.
    init(job: any FilePerInputJob.Type, inputs: [String], output: String?, force: Bool) throws {
        let naming = job.outputNaming
        var files: [String] = []
        var skipped: [(path: String, reason: String)] = []
        for argument in inputs {
            var isDirectory: ObjCBool = false
            let listed = try InputPaths.expand([argument]).map(\.path)
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                files.append(contentsOf: listed)
                continue
            }
            var kept = 0
            for path in listed {
                if naming.isOutput(path) {
                    skipped.append((path, "an earlier output of \(job.name)"))
                } else if let reason = job.skipReason(forDirectoryEntry: path) {
                    skipped.append((path, reason))
                } else {
                    files.append(path)
                    kept += 1
                }
            }
            if kept == 0 { throw InputError(path: argument, problem: "directory has no files that \(job.name) reads") }
        }
        if let output, files.count != 1 {
            throw InputError(path: output, problem: "-o names one output file, but there are \(files.count) inputs")
        }
        var entries: [Entry] = []
        var targets = Set<String>()
        for input in files {
            let target = output ?? naming.outputPath(forInput: input)
            guard targets.insert(URL(fileURLWithPath: target).standardizedFileURL.path).inserted else {
                throw InputError(path: target, problem: "two inputs would write this output")
            }
            if URL(fileURLWithPath: target).standardizedFileURL == URL(fileURLWithPath: input).standardizedFileURL {
                throw InputError(path: target, problem: "the output would replace its input")
            }
            if FileManager.default.fileExists(atPath: target), !force {
                throw InputError(path: target, problem: "output already exists (use --force to replace it)")
            }
            entries.append(Entry(input: input, target: target))
        }
        self.entries = entries
        self.skipped = skipped
    }

    /// A hidden directory for the job's committed output, beside the first output so that moving
    /// the files out of it is a rename on the same file system.
    func stagingDirectory(job: JobID) -> String {
        let first = URL(fileURLWithPath: entries[0].target)
        return first.deletingLastPathComponent().appendingPathComponent(".\(first.lastPathComponent).\(job).out").path
    }

    /// Moves each input's staged output from the committed `directory` to its place.
    func publish(from directory: String) throws {
        for entry in entries {
            let staged = directory + "/" + PerInputOutputNaming.stagedName(forInput: entry.input)
            guard rename(staged, entry.target) != 0 else { continue }
            guard errno == EXDEV else {
                throw SystemError(path: entry.target, action: "cannot move the output into place")
            }
            let target = URL(fileURLWithPath: entry.target)
            let temporary = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
            do {
                try FileManager.default.copyItem(atPath: staged, toPath: temporary)
                guard rename(temporary, entry.target) == 0 else {
                    throw SystemError(path: entry.target, action: "cannot move the output into place")
                }
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw error
            }
        }
    }
}
