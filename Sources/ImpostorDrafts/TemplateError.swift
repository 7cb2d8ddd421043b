/// A template that cannot be used, located so a clerk can fix it: `file:line: reason`.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// `{{` without `}}` on the same line.
        case unclosedTag = "unclosed_tag"
        /// `{{#name}}` or `{{^name}}` with no `{{/name}}`.
        case unclosedSection = "unclosed_section"
        /// `{{/name}}` that closes nothing, or closes another section.
        case strayClose = "stray_close"
        /// A name the template group does not know.
        case unknownPlaceholder = "unknown_placeholder"
        /// A yes/no or list name used as text, or a text name used as a list.
        case wrongKind = "wrong_kind"
        /// Anything else between `{{` and `}}` that is not the template language.
        case badTag = "bad_tag"
        /// The template file could not be read or written.
        case io
    }

    public var code: Code
    /// The template's file, or `default:<name>` for the built-in text.
    public var file: String
    /// 1-based; nil for the file as a whole.
    public var line: Int?
    public var reason: String

    public init(_ code: Code, file: String, line: Int?, _ reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(reason)"
    }
}
