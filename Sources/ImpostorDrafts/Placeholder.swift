/// A name a template may use, what kind of value it holds, and what it means (for the written-out files).
public struct Placeholder: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Text, used as `{{name}}` (and as `{{#name}}…{{/name}}` to show a part only when it is set).
        case text
        /// Yes or no, used only as `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
        case flag
        /// Rows, used as `{{#name}}…{{/name}}`: the part repeats once per row.
        case list
    }

    public var name: String
    public var kind: Kind
    /// The list whose rows hold this name, when it is a row's field (`account_url` of `official_accounts`).
    public var list: String?
    public var help: String

    /// A text placeholder.
    public init(_ name: String, _ help: String) {
        self.init(name, .text, help)
    }

    public init(_ name: String, _ kind: Kind, _ help: String) {
        self.name = name
        self.kind = kind
        self.list = nil
        self.help = help
    }

    /// A text field of the rows of `list`.
    public init(_ name: String, in list: String, _ help: String) {
        self.init(name, .text, help)
        self.list = list
    }
}

/// The placeholders one group of templates knows.
public struct PlaceholderSchema: Sendable {
    public var placeholders: [Placeholder]
    private let byName: [String: Placeholder]

    public init(_ placeholders: [Placeholder]) {
        self.placeholders = placeholders
        byName = Dictionary(placeholders.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func placeholder(_ name: String) -> Placeholder? { byName[name] }

    /// The known name closest to `name`, for "did you mean" hints.
    func suggestion(for name: String) -> String? {
        let scored = placeholders.map { ($0.name, Self.distance($0.name, name)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, name.count / 3) else { return nil }
        return best
    }

    /// Levenshtein distance: small names, small cost.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
