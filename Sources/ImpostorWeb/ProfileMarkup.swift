import ImpostorText

/// Shows a suspect's text as it is, with every trick made visible: look-alike characters marked with
/// the script they come from and the letter they imitate, invisible characters and direction
/// overrides replaced by a visible token (so they cannot reorder the page), all escaped.
struct ProfileMarkup {
    let folder: Folder

    struct Marked {
        var html: String
        /// One line per distinct trick, for the legend under the text.
        var notes: [String]
    }

    /// How much of a name a heading or the queue shows; the case's evidence shows up to `evidenceLimit`.
    static let headingLimit = 200
    static let evidenceLimit = 4000

    func mark(_ text: String, limit: Int = Self.evidenceLimit) -> Marked {
        let folded = folder.fold(text)
        var byCharacter: [String: Finding] = [:]
        for f in folded.findings where byCharacter[f.character] == nil { byCharacter[f.character] = f }
        var html = ""
        var notes: [String] = []
        var noted = Set<String>()
        let scalars = Array(text.unicodeScalars.prefix(limit))
        for (i, scalar) in scalars.enumerated() {
            let ch = String(scalar)
            let category = scalar.properties.generalCategory
            let hidden = category == .format || category == .control || category == .lineSeparator
                || category == .paragraphSeparator || scalar.properties.isDefaultIgnorableCodePoint
            if hidden && scalar != "\n" {
                let code = Self.codePoint(scalar)
                let what = Self.isBidi(scalar) ? "a direction override" : "an invisible character"
                html += "<mark class=\"hidden-char\" title=\"\(code): \(what), shown here and ignored\">[\(code)]</mark>"
                if noted.insert(ch).inserted { notes.append("\(code) is \(what); impostor shows it and ignores it.") }
                continue
            }
            if let f = byCharacter[ch], f.kind != .invisible, f.kind != .bidiControl, Self.worthMarking(f, scalars, i) {
                let title = "\(f.codePoint) \(Self.scriptName(f.script)): looks like \"\(f.imitates)\""
                html += "<mark class=\"lookalike\" title=\"\(HTML.escape(title))\">\(HTML.escape(ch))</mark>"
                if noted.insert(ch).inserted {
                    notes.append("\"\(ch)\" (\(f.codePoint), \(Self.scriptName(f.script)), \(f.kind.rawValue)) imitates \"\(f.imitates)\".")
                }
                continue
            }
            html += scalar == "\n" ? "<br>" : HTML.escape(ch)
        }
        if text.unicodeScalars.count > scalars.count {
            html += " <em>(\(text.unicodeScalars.count - scalars.count) more characters not shown)</em>"
        }
        return Marked(html: html, notes: notes)
    }

    /// Digits and ticks are tricks only inside words ("0akbridge"); a phone number is just a number.
    static func worthMarking(_ f: Finding, _ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard f.kind == .leet || f.kind == .tick else { return true }
        // user@server.social is a Mastodon address, not "a" written as "@".
        if s[i] == "@", s[(i + 1)...].contains("."), !s[(i + 1)...].contains(" ") { return false }
        let before = i > 0 && s[i - 1].properties.isAlphabetic
        let after = i + 1 < s.count && s[i + 1].properties.isAlphabetic
        return before || after
    }

    /// ICU's four-letter script codes in words a clerk reads.
    static func scriptName(_ code: String) -> String {
        switch code {
        case "Zyyy": "a digit or symbol"
        case "Latn": "Latin"
        case "Cyrl": "Cyrillic"
        case "Grek": "Greek"
        case "Armn": "Armenian"
        case "Cher": "Cherokee"
        case "Zinh": "a combining mark"
        default: code
        }
    }

    static func isBidi(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value == 0x200E
            || s.value == 0x200F || s.value == 0x061C
    }

    static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
