/// Why an image could not be read: a code to match on and a reason a person can act on.
public struct ImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure callers treat differently.
    public enum Code: String, Hashable, Sendable {
        /// The file could not be opened or read.
        case unreadable
        /// The file has zero bytes.
        case empty
        /// The file is bigger than the decoder accepts.
        case fileTooLarge
        /// Not a JPEG, PNG, WebP or GIF (the format is judged from the bytes, not the name).
        case unsupportedFormat
        /// The header declares more pixels than the decoder accepts.
        case tooManyPixels
        /// Truncated or damaged data.
        case corrupt
        /// The machine ran out of memory.
        case outOfMemory
    }

    /// What went wrong, for matching.
    public var code: Code
    /// What went wrong, for people.
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}
