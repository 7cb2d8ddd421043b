import ArgumentParser
import Foundation

/// Reads an input file or standard input as UTF-8 text, with an error a person can act on.
enum Input {
    /// A file descriptor to read `path` from (standard input for nil or "-"), or the same errors as `read`.
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

    static func read(_ path: String?) throws -> String {
        let data: Data
        if path == nil || path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Console.error("impostor: \(path): no such file")
                throw ExitCode(2)
            }
            guard !isDirectory.boolValue, let contents = FileManager.default.contents(atPath: path) else {
                Console.error("impostor: \(path): cannot read it (a folder, or no permission)")
                throw ExitCode(2)
            }
            data = contents
        } else {
            data = Data()
        }
        // Invalid UTF-8 is repaired rather than refused: one bad byte must not lose the whole listing.
        return String(decoding: data, as: UTF8.self)
    }
}
