import Foundation

/// Runs a fuzz target on saved inputs: the files named on the command line, or every file in the
/// directories named there, so a crasher can be reproduced without the fuzzing build.
public enum FuzzReplay {
    /// Every regular file at `paths` (files themselves, directories' files), sorted.
    public static func inputs(at paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
            guard isDirectory.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
        }
    }

    /// Runs `target` on every input at the paths in `arguments` and says how many it ran.
    public static func main(_ name: String, arguments: [String], target: ([UInt8]) -> Void) -> Int32 {
        let files = inputs(at: arguments)
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("\(name): no inputs at \(arguments.joined(separator: " "))\n".utf8))
            return 1
        }
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(name): cannot read \(file)\n".utf8))
                return 1
            }
            target(Array(bytes))
        }
        print("\(name): ran \(files.count) inputs")
        return 0
    }
}
