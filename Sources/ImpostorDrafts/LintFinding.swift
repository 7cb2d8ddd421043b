/// One problem `impostor drafts --check` reports.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Longer than the channel or form allows, even at its shortest.
        case overLimit = "over_limit"
        /// Written in capitals: shouting, which the councils' policies ask staff not to do.
        case capitals
        /// Missing something every draft of its kind must hold.
        case missingElement = "missing_element"
        /// A placeholder left in the text: a value the watchlist lacks, or a typing slip.
        case unfilledPlaceholder = "unfilled_placeholder"
        /// Invisible or direction-changing characters outside the isolates drafts add on purpose.
        case hiddenCharacters = "hidden_characters"
        /// A template that does not parse.
        case templateError = "template_error"
        /// A file in the template folder that no draft uses (often a misspelt name).
        case strayTemplate = "stray_template"
    }

    public var code: Code
    /// The draft ("warning x", "notice facebook") or template ("warning-x") concerned.
    public var draft: String
    /// The template file the problem comes from, when known.
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ code: Code, draft: String, file: String? = nil, line: Int? = nil, _ message: String) {
        self.code = code
        self.draft = draft
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        let place = file.map { f in line.map { "\(f):\($0)" } ?? f }.map { "\($0): " } ?? ""
        return "\(place)\(draft): \(message)"
    }
}
