#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ImpostorCore

/// Writes to the terminal: results to stdout, messages to stderr, each line written whole.
enum Console {
    static func out(_ line: String) { writeAll(STDOUT_FILENO, line + "\n") }

    static func error(_ line: String, newline: Bool = true) { writeAll(STDERR_FILENO, newline ? line + "\n" : line) }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes every byte, retrying short writes and EINTR; gives up quietly on a closed pipe. No
    /// secret impostor has read is ever printed.
    static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(Redaction.apply(text).utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
        bytes.removeAll()
    }
}
