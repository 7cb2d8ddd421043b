#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files that a path in a watchlist or a listing names. Only regular files are read: a FIFO,
/// a device or a folder is refused at once instead of blocking the scan or reading without end.
public enum RegularFile {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        /// The file is over the size limit (and otherwise readable).
        public var isTooLarge = false
        public init(_ description: String, tooLarge: Bool = false) {
            self.description = description
            isTooLarge = tooLarge
        }
    }

    /// The whole file, refused before reading when it is not a regular file or is over `maxBytes`; with
    /// `ownerOnly` (a secret's file), also when users other than its owner may read it.
    public static func read(_ path: String, maxBytes: Int, ownerOnly: Bool = false) throws(Problem) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Problem("cannot open \(path): \(errnoText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Problem("cannot read \(path): \(errnoText())") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw Problem("\(path) is not a regular file") }
        // Checked on the file opened, not by name: it cannot be swapped between the check and the read.
        guard !ownerOnly || st.st_mode & 0o077 == 0 else {
            throw Problem("\(path) can be read by other users; make it yours alone (chmod 600 \(path))")
        }
        let size = Int(st.st_size)
        guard size <= maxBytes else { throw Problem("\(path) has \(size) bytes, over the limit of \(maxBytes)", tooLarge: true) }
        var bytes = [UInt8](repeating: 0, count: size)
        var got = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while got < size {
                let n = Glibc.read(fd, buffer.baseAddress! + got, size - got)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n == 0 }
                got += n
            }
            return true
        }
        guard ok else { throw Problem("cannot read \(path): \(errnoText())") }
        return Array(bytes[0..<got])
    }

    /// Whether `path` is a folder, following symbolic links.
    public static func isFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a regular file, following symbolic links.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// `name` resolved inside `folder`: no `..` step, no symbolic link leading out, and a regular
    /// file. A relative name is read from `folder`; an absolute one only when it lies inside one of
    /// `alsoInside` (the avatar cache that `fetch` writes). The one way a path written in a listing
    /// becomes a file impostor opens.
    public static func resolve(_ name: String, inside folder: String, alsoInside extra: [String] = []) throws(Problem)
        -> String
    {
        let absolute = name.hasPrefix("/")
        guard !absolute || !extra.isEmpty else {
            throw Problem("\(name) is an absolute path; a listing's pictures must be beside it, named relative to its folder")
        }
        guard !name.split(separator: "/").contains("..") else {
            throw Problem("\(name) leads out of the listing's folder with \"..\"")
        }
        // Folders that do not exist hold nothing; a relative name needs its own folder to exist.
        let root = realPath(folder)
        guard absolute || root != nil else { throw Problem("cannot resolve the folder \(folder): \(errnoText())") }
        let roots = ([root] + extra.map(realPath)).compactMap { $0 }
        guard let full = realPath(absolute ? name : root! + "/" + name) else {
            throw Problem("\(name): \(errnoText())")
        }
        // Compared byte for byte: two differently composed names are two folders on Linux.
        guard roots.contains(where: { full.utf8.starts(with: ($0 == "/" ? "/" : $0 + "/").utf8) }) else {
            throw Problem(absolute ? "\(name) is outside the listing's folder and the avatar cache"
                                   : "\(name) is a link that leads out of the listing's folder")
        }
        guard exists(full) else { throw Problem("\(name) is not a regular file") }
        return full
    }

    /// The absolute path with every symbolic link and `.`/`..` resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute against the working directory, without resolving links.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalised(path) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return normalised(cwd + "/" + path)
    }

    /// Removes `.` steps, doubled and trailing slashes; `..` is kept, as links may stand before it.
    static func normalised(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        return "/" + parts.joined(separator: "/")
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
