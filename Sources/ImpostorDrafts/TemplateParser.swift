import ImpostorCore

/// Reads template text line by line into nodes, checking names and nesting as it goes.
struct TemplateParser {
    let file: String
    let schema: PlaceholderSchema
    private(set) var optionalLevels: Set<Int> = []

    init(file: String, schema: PlaceholderSchema) {
        self.file = file
        self.schema = schema
    }

    enum Tag: Equatable {
        case value(String)
        case open(String, inverted: Bool)
        case openOptional(Int)
        case close(String)
        case comment

        /// Tags that shape the text rather than put something in it: alone on a line, they take the line.
        var isBlock: Bool {
            if case .value = self { return false }
            return true
        }
    }

    enum Piece: Equatable {
        case text(String)
        case tag(Tag)
    }

    private struct Frame {
        var name: String
        var inverted: Bool
        var level: Int?
        var line: Int
        var nodes: [Template.Node] = []
    }

    mutating func parse(_ source: String) throws(TemplateError) -> [Template.Node] {
        var stack = [Frame(name: "", inverted: false, level: nil, line: 0)]
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let pieces = try tokenise(line, line: lineNumber)
            let tags = pieces.compactMap { if case .tag(let t) = $0 { t } else { nil } }
            let blank = pieces.allSatisfy {
                if case .text(let s) = $0 { s.allSatisfy { $0 == " " || $0 == "\t" } } else { true }
            }
            if tags.count == 1, tags[0].isBlock, blank {
                try apply(tags[0], line: lineNumber, stack: &stack)
                continue
            }
            for piece in pieces {
                switch piece {
                case .text(let s): stack[stack.count - 1].nodes.append(.text(s))
                case .tag(let t): try apply(t, line: lineNumber, stack: &stack)
                }
            }
            if index < lines.count - 1 { stack[stack.count - 1].nodes.append(.text("\n")) }
        }
        if stack.count > 1, let open = stack.last {
            let tag = open.level != nil ? "{{#optional \(open.level!)}}" : "{{\(open.inverted ? "^" : "#")\(open.name)}}"
            throw TemplateError(.unclosedSection, file: file, line: open.line,
                                "\(tag) is never closed: add {{/\(open.name)}} where the part should end")
        }
        return stack[0].nodes
    }

    private mutating func apply(_ tag: Tag, line: Int, stack: inout [Frame]) throws(TemplateError) {
        switch tag {
        case .comment:
            return
        case .value(let name):
            let p = try known(name, line: line, stack: stack)
            guard p.kind == .text else {
                let how = p.kind == .flag ? "a yes/no" : "a list"
                throw TemplateError(.wrongKind, file: file, line: line,
                                    "{{\(name)}} is \(how), not text: use {{#\(name)}}…{{/\(name)}}")
            }
            stack[stack.count - 1].nodes.append(.value(name))
        case .open(let name, let inverted):
            _ = try known(name, line: line, stack: stack)
            stack.append(Frame(name: name, inverted: inverted, level: nil, line: line))
        case .openOptional(let level):
            optionalLevels.insert(level)
            stack.append(Frame(name: "optional", inverted: false, level: level, line: line))
        case .close(let name):
            guard stack.count > 1 else {
                throw TemplateError(.strayClose, file: file, line: line, "{{/\(name)}} closes nothing: no section is open here")
            }
            let open = stack.removeLast()
            guard open.name == name else {
                let opened = open.level.map { "{{#optional \($0)}}" } ?? "{{\(open.inverted ? "^" : "#")\(open.name)}}"
                throw TemplateError(.strayClose, file: file, line: line,
                                    "{{/\(name)}} does not match the open section \(opened) from line \(open.line)")
            }
            let node: Template.Node = open.level.map { .optional($0, open.nodes) }
                ?? .section(open.name, inverted: open.inverted, open.nodes)
            stack[stack.count - 1].nodes.append(node)
        }
    }

    /// The placeholder `name` if it may be used here: known, and a row field only inside its list.
    private func known(_ name: String, line: Int, stack: [Frame]) throws(TemplateError) -> Placeholder {
        guard let p = schema.placeholder(name) else {
            let hint = schema.suggestion(for: name).map { " (did you mean {{\($0)}}?)" } ?? ""
            throw TemplateError(.unknownPlaceholder, file: file, line: line, "unknown placeholder {{\(name)}}\(hint)")
        }
        if let list = p.list, !stack.contains(where: { $0.name == list && !$0.inverted }) {
            throw TemplateError(.unknownPlaceholder, file: file, line: line,
                                "{{\(name)}} belongs to the rows of {{#\(list)}}: use it inside {{#\(list)}}…{{/\(list)}}")
        }
        return p
    }

    /// Splits one line into text and tags.
    func tokenise(_ line: String, line lineNumber: Int) throws(TemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(line)
        while let open = rest.firstRange(of: "{{") {
            let before = rest[..<open.lowerBound]
            if before.contains("}}") {
                throw TemplateError(.badTag, file: file, line: lineNumber, "\"}}\" without \"{{\" before it")
            }
            if !before.isEmpty { pieces.append(.text(String(before))) }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                throw TemplateError(.unclosedTag, file: file, line: lineNumber,
                                    "\"{{\" is not closed by \"}}\" on the same line")
            }
            pieces.append(.tag(try tag(String(afterOpen[..<close.lowerBound]), line: lineNumber)))
            rest = afterOpen[close.upperBound...]
        }
        if rest.contains("}}") {
            throw TemplateError(.badTag, file: file, line: lineNumber, "\"}}\" without \"{{\" before it")
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    private func tag(_ raw: String, line: Int) throws(TemplateError) -> Tag {
        let content = raw.trimmingSpaces()
        guard let sigil = content.first else {
            throw TemplateError(.badTag, file: file, line: line, "empty {{}}: write a placeholder name inside")
        }
        let rest = String(content.dropFirst()).trimmingSpaces()
        switch sigil {
        case "!":
            return .comment
        case "#":
            if rest == "optional" || rest.hasPrefix("optional ") {
                let number = String(rest.dropFirst("optional".count)).trimmingSpaces()
                guard let level = Int(number), (1...9).contains(level) else {
                    throw TemplateError(.badTag, file: file, line: line,
                                        "write {{#optional 1}} to {{#optional 9}}: the number says which optional part is left out first")
                }
                return .openOptional(level)
            }
            return .open(try checkedName(rest, line: line), inverted: false)
        case "^":
            return .open(try checkedName(rest, line: line), inverted: true)
        case "/":
            return .close(rest == "optional" ? rest : try checkedName(rest, line: line))
        default:
            return .value(try checkedName(content, line: line))
        }
    }

    private func checkedName(_ name: String, line: Int) throws(TemplateError) -> String {
        let valid = name.first.map { $0.isASCII && $0.isLowercase } == true
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        guard valid else {
            let wrapped = "{{" + name + "}}"
            throw TemplateError(.badTag, file: file, line: line,
                                "\(wrapped) is not a placeholder name: names are lower case with underscores, like {{council_name}}")
        }
        return name
    }
}
