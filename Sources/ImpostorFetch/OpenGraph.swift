import Foundation

/// The OpenGraph and Twitter-card meta tags of a page, read without a full HTML parser.
struct OpenGraph: Sendable, Hashable {
    /// `property` or `name` (lower case) → `content`, first occurrence wins.
    var tags: [String: String] = [:]
    var title: String?

    init(html: String) {
        var rest = Substring(html)
        while let open = rest.range(of: "<") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let lower = tag.lowercased()
            if lower.hasPrefix("meta") {
                let attributes = Self.attributes(String(tag.dropFirst(4)))
                if let key = (attributes["property"] ?? attributes["name"])?.lowercased(), let content = attributes["content"],
                    tags[key] == nil
                {
                    tags[key] = HTML.decodeEntities(content)
                }
            } else if lower.hasPrefix("title"), title == nil, let end = rest.range(of: "</title", options: .caseInsensitive) {
                title = HTML.text(String(rest[..<end.lowerBound]))
            }
        }
    }

    subscript(_ keys: String...) -> String? {
        for key in keys { if let v = tags[key], !v.isEmpty { return v } }
        return nil
    }

    /// `name="value"`, `name='value'` and `name=value` pairs.
    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var chars = Substring(text)
        while true {
            chars = chars.drop { $0.isWhitespace || $0 == "/" }
            let name = chars.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" }
            guard !name.isEmpty else { break }
            chars = chars.dropFirst(name.count).drop { $0.isWhitespace }
            guard chars.first == "=" else {
                result[name.lowercased()] = ""
                continue
            }
            chars = chars.dropFirst().drop { $0.isWhitespace }
            var value: Substring
            if let quote = chars.first, quote == "\"" || quote == "'" {
                chars = chars.dropFirst()
                value = chars.prefix { $0 != quote }
                chars = chars.dropFirst(value.count + 1)
            } else {
                value = chars.prefix { !$0.isWhitespace }
                chars = chars.dropFirst(value.count)
            }
            result[name.lowercased()] = String(value)
        }
        return result
    }
}
