/// Just enough HTML reading for bios and profile pages: tags out, common entities decoded.
public enum HTML {
    /// The text of an HTML fragment. Block tags (paragraphs, breaks, list items) part words with a
    /// space; inline tags do not, so `#<span>awoo</span>` reads `#awoo` as Mastodon shows it.
    public static func text(_ html: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        for ch in html {
            if inTag {
                if ch == ">" {
                    inTag = false
                    if breaksWords(tag) { out.append(" ") }
                    tag = ""
                } else if tag.count < 16 {
                    tag.append(ch)
                }
            } else if ch == "<" {
                inTag = true
            } else {
                out.append(ch)
            }
        }
        let collapsed = out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return decodeEntities(collapsed)
    }

    static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "hr", "pre", "section", "article", "header", "footer", "dd", "dt",
    ]

    /// Whether a tag (its text between `<` and `>`) separates the words on either side.
    static func breaksWords(_ tag: String) -> Bool {
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return blockTags.contains(name)
    }

    /// The named entities council and Facebook pages use, Welsh circumflexes among them; any other
    /// name is left as written.
    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "hellip": "\u{2026}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "pound": "\u{A3}", "euro": "\u{20AC}", "copy": "\u{A9}",
        "reg": "\u{AE}", "trade": "\u{2122}", "bull": "\u{2022}", "middot": "\u{B7}", "laquo": "\u{AB}",
        "raquo": "\u{BB}",
        "aacute": "\u{E1}", "eacute": "\u{E9}", "iacute": "\u{ED}", "oacute": "\u{F3}", "uacute": "\u{FA}",
        "Aacute": "\u{C1}", "Eacute": "\u{C9}", "Iacute": "\u{CD}", "Oacute": "\u{D3}", "Uacute": "\u{DA}",
        "acirc": "\u{E2}", "ecirc": "\u{EA}", "icirc": "\u{EE}", "ocirc": "\u{F4}", "ucirc": "\u{FB}",
        "wcirc": "\u{175}", "ycirc": "\u{177}",
        "Acirc": "\u{C2}", "Ecirc": "\u{CA}", "Icirc": "\u{CE}", "Ocirc": "\u{D4}", "Ucirc": "\u{DB}",
        "Wcirc": "\u{174}", "Ycirc": "\u{176}",
    ]

    /// Decodes the named entities of `namedEntities` and numeric ones.
    public static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let named = namedEntities
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let value = named[name] {
                    out += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
                if name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let code = digits.hasPrefix("x") || digits.hasPrefix("X")
                        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    if let code, let scalar = Unicode.Scalar(code) {
                        out.unicodeScalars.append(scalar)
                        rest = after[after.index(after: semi)...]
                        continue
                    }
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
