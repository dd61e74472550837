import Foundation
import MapReduce

/// Reads a phase's broadcast output files into the ``Broadcast`` for the next phase.
public enum BroadcastLoader {
    /// Concatenates the part files in `directory` in name order, refusing more than `limit` bytes.
    public static func load(directory: String, limit: Int, phase: String) throws -> Broadcast {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("part-") }
            .sorted()
        var encoded: [UInt8] = []
        for name in names {
            let file = try FileReadHandle(path: directory + "/" + name)
            guard encoded.count + Int(file.size) <= limit else {
                throw InputError(
                    path: phase,
                    problem: "broadcast output exceeds the \(limit >> 20) MiB limit; broadcasts are for small results"
                )
            }
            encoded.append(contentsOf: try file.readExactly(Int(file.size), at: 0))
        }
        return Broadcast(encoded: encoded)
    }
}
