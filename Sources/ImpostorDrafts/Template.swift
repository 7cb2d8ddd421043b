/// A parsed template in impostor's small template language.
///
///     {{name}}                        the placeholder's text
///     {{#name}} … {{/name}}           shown when name is set (yes, non-empty text, rows); once per row for a list
///     {{^name}} … {{/name}}           shown when name is not set
///     {{#optional 1}} … {{/optional}} left out when the draft is too long: level 1 goes first, then 2, …
///     {{! a comment }}                never shown
///
/// A section or comment tag alone on its line takes the whole line with it. A placeholder with no
/// value stays in the text as `{{name}}`, so the clerk (and the lint) sees what is missing.
public struct Template: Sendable {
    /// The template's name: "warning-x", "notice", …
    public let name: String
    /// Where it came from: a file path, or "default:<name>" for the built-in text.
    public let file: String
    public let source: String
    let nodes: [Node]
    /// The optional levels the template uses, ascending.
    public let optionalLevels: [Int]

    indirect enum Node: Sendable {
        case text(String)
        case value(String)
        case section(String, inverted: Bool, [Node])
        case optional(Int, [Node])
    }

    /// Parses `source`, checking every name against `schema`. Throws at the first problem, with its line.
    public init(name: String, file: String, source: String, schema: PlaceholderSchema) throws(TemplateError) {
        self.name = name
        self.file = file
        self.source = source
        var parser = TemplateParser(file: file, schema: schema)
        nodes = try parser.parse(source)
        optionalLevels = parser.optionalLevels.sorted()
    }

    /// The text with `values` filled in, leaving out optional parts of level `dropping` and below.
    public func render(_ values: [String: TemplateValue], dropping level: Int = 0) -> String {
        var out = ""
        Self.render(nodes, scopes: [values], dropping: level, into: &out)
        return Self.tidy(out)
    }

    private static func render(_ nodes: [Node], scopes: [[String: TemplateValue]], dropping level: Int, into out: inout String) {
        func lookup(_ name: String) -> TemplateValue? {
            for scope in scopes.reversed() { if let v = scope[name] { return v } }
            return nil
        }
        for node in nodes {
            switch node {
            case .text(let s):
                out += s
            case .value(let name):
                if case .text(let s) = lookup(name) { out += s } else { out += "{{\(name)}}" }
            case .section(let name, let inverted, let body):
                let value = lookup(name)
                if inverted {
                    if !(value?.isSet ?? false) { render(body, scopes: scopes, dropping: level, into: &out) }
                } else if case .list(let rows) = value {
                    for row in rows { render(body, scopes: scopes + [row], dropping: level, into: &out) }
                } else if value?.isSet ?? false {
                    render(body, scopes: scopes, dropping: level, into: &out)
                }
            case .optional(let n, let body):
                if n > level { render(body, scopes: scopes, dropping: level, into: &out) }
            }
        }
    }

    /// Spaces and blank lines left behind by parts that were left out: one space between words, no
    /// space before a full stop or comma, at most one blank line, nothing trailing.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = raw.prefix { $0 == " " }
            var body = ""
            var lastSpace = false
            for ch in raw.dropFirst(indent.count) {
                if ch == " " {
                    lastSpace = true
                    continue
                }
                if lastSpace && !((ch == "." || ch == ",") && !body.isEmpty) { body.append(" ") }
                lastSpace = false
                body.append(ch)
            }
            lines.append(body.isEmpty ? "" : String(indent) + body)
        }
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }
}
