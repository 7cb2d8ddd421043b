#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One scan at a time: an exclusive `flock` on a file beside the database. The kernel drops the lock
/// when the process dies, even by kill -9, so a crash never leaves a stale lock behind.
public final class ScanLock: Sendable {
    public struct Busy: Error, Sendable, CustomStringConvertible {
        public var holder: String
        public var description: String {
            "another scan is already running (\(holder)); wait for it to finish, or use --wait"
        }
    }

    let fd: Int32
    public let path: String

    /// Takes the lock; with `wait`, blocks until the running scan ends, otherwise throws `Busy` at once.
    public init(path: String, wait: Bool) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, wait else {
                let holder = Self.holder(fd)
                close(fd)
                throw Busy(holder: holder)
            }
            // A blocking wait for the running scan; retried if a signal interrupts it.
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR {
                    close(fd)
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
        }
        self.fd = fd
        // Say who holds it, for the message a second scan prints.
        let note = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Whether a scan may hold the lock at `path` now. Probes with a shared lock, released at once,
    /// so it never makes a scan wait; a lock file this user cannot open counts as held.
    public static func isHeld(path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno != ENOENT }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) != 0 { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    deinit {
        _ = ftruncate(fd, 0)
        close(fd)
    }

    static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 200)
        let n = pread(fd, &buffer, buffer.count, 0)
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return text.isEmpty ? "holder unknown" : text
    }
}
