import ArgumentParser
import Foundation

/// Opens an input file or standard input, with an error a person can act on.
enum Input {
    /// A file descriptor to read `path` from: standard input for nil or "-".
    static func open(_ path: String?) throws -> Int32 {
        guard let path, path != "-" else { return 0 }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.error("impostor: \(path): no such file")
            throw ExitCode(2)
        }
        let fd = isDirectory.boolValue ? -1 : Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            Console.error("impostor: \(path): cannot read it (a folder, or no permission)")
            throw ExitCode(2)
        }
        return fd
    }
}
