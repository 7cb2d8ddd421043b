/// One problem found in a watchlist file, located so a person can fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    /// 1-based; nil when the problem is the file as a whole.
    public var line: Int?
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `file:line: error: message (hint)`, the form editors and CI logs understand.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let advice = hint.map { " — \($0)" } ?? ""
        return "\(place): \(severity.rawValue): \(message)\(advice)"
    }
}

/// The watchlist could not be used: every error found, not only the first.
public struct WatchlistError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    }
}
