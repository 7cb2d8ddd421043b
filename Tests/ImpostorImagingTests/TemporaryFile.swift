#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch files for tests, written with POSIX calls (the imaging module does not use Foundation).
enum TemporaryFile {
    static func make(_ name: String) -> String {
        "/tmp/impostor-imaging-tests-\(getpid())-\(name)"
    }

    struct WriteError: Error {}

    static func write(_ bytes: [UInt8], to path: String) throws {
        guard let file = fopen(path, "wb") else { throw WriteError() }
        defer { fclose(file) }
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw WriteError() }
    }
}
