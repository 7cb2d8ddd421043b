import Foundation
import ImpostorCore

/// Text from a suspect account, made safe to quote in a report or a public warning.
///
/// An impostor controls its name, handle and bio, so what it wrote must not hide characters,
/// reorder the sentence around it, or become a live link, mention or hashtag in the council's post.
/// `quote` applies every step; the steps are separate so tests and the review page can use them.
public enum SuspectText {
    /// At most this many combining marks stay on one character (stacked "Zalgo" marks are noise).
    static let marksPerCharacter = 3

    /// `text` cleaned, cut to `maxGraphemes` (with an ellipsis), defanged and isolated if right-to-left.
    public static func quote(_ text: String, maxGraphemes: Int? = nil) -> String {
        var s = clean(text)
        if let maxGraphemes { s = truncate(s, to: maxGraphemes) }
        return isolate(defang(s))
    }

    /// A handle shown as plain text: no leading "@", cleaned and defanged, and never a mention.
    public static func handle(_ handle: String, maxGraphemes: Int? = nil) -> String {
        var s = clean(handle)
        while s.hasPrefix("@") || s.hasPrefix("\u{FF20}") { s.removeFirst() }
        if let maxGraphemes { s = truncate(s, to: maxGraphemes) }
        return isolate(defang(s))
    }

    /// Removes bidi controls and invisible characters, turns every kind of space and line break into
    /// one plain space, limits stacked marks, and breaks up template braces.
    ///
    /// Emoji keep their joiners, variation selectors and tag characters: they are what make a family,
    /// a skin tone or the flag of Wales one picture.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for ch in text {
            let emoji = isEmoji(ch)
            var kept: [Unicode.Scalar] = []
            var marks = 0
            var spaceLike = false
            for scalar in ch.unicodeScalars {
                let props = scalar.properties
                if isBidiControl(scalar) { continue }
                if props.isWhitespace || props.generalCategory == .control || scalar.value == 0x2800 {
                    spaceLike = true
                    continue
                }
                if emoji && isEmojiComponent(scalar) {
                    kept.append(scalar)
                    continue
                }
                if props.isDefaultIgnorableCodePoint { continue }
                switch props.generalCategory {
                case .format, .privateUse, .unassigned, .surrogate: continue
                case .nonspacingMark, .enclosingMark, .spacingMark:
                    marks += 1
                    if marks > marksPerCharacter { continue }
                default: break
                }
                kept.append(scalar)
            }
            if kept.isEmpty {
                if spaceLike { pendingSpace = true }
                continue
            }
            if (pendingSpace || spaceLike) && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(contentsOf: kept)
        }
        var s = String(out)
        // Template braces: a bio cannot smuggle "{{clerk_email}}" into a rendered draft.
        while s.contains("{{") { s = s.replacingOccurrences(of: "{{", with: "{ {") }
        while s.contains("}}") { s = s.replacingOccurrences(of: "}}", with: "} }") }
        return s
    }

    /// `text` as one cell of a Markdown table: every character Markdown gives a meaning to is escaped, so that a
    /// handle such as "[OakbridgeTC](https://evil.example)" or "<img …>" stays the text it is.
    public static func markdownCell(_ text: String) -> String {
        var out = ""
        for ch in text {
            if let ascii = ch.asciiValue, Self.markdownPunctuation.contains(ascii) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private static let markdownPunctuation = Set("\\`*_{}[]()<>#+!|~".utf8)

    /// The first `count` characters (grapheme clusters) and "…", or `text` itself when it is short enough.
    public static func truncate(_ text: String, to count: Int) -> String {
        guard text.count > count else { return text }
        let kept = String(text.prefix(max(0, count))).trimmingSpaces()
        return kept + "\u{2026}"
    }

    /// Makes links, mentions, hashtags and cashtags inert while keeping them readable:
    /// "https://a.example" → "hxxps://a[.]example", "@someone" → "@ someone", "#grant" → "# grant".
    public static func defang(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWord(_ s: Unicode.Scalar?) -> Bool {
            guard let s else { return false }
            return s.properties.isAlphabetic || s.properties.numericType != nil || s == "_"
        }
        while i < scalars.count {
            let s = scalars[i]
            let previous = i > 0 ? scalars[i - 1] : nil
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            // "http" at a word start followed by "s://" or "://": the scheme that makes a link.
            if (s == "h" || s == "H"), !isWord(previous), let scheme = schemeLength(scalars, at: i) {
                out.append(s)
                out.append(contentsOf: "xx".unicodeScalars)
                out.append(contentsOf: scalars[(i + 3)..<(i + scheme)])
                i += scheme
                continue
            }
            if (s == "." || s == "\u{FF0E}"), isWord(previous), isWord(next) {
                out.append(contentsOf: "[.]".unicodeScalars)
                i += 1
                continue
            }
            if ["@", "\u{FF20}", "#", "\u{FF03}", "$"].contains(s), !isWord(previous), isWord(next) {
                out.append(s)
                out.append(" ")
                i += 1
                continue
            }
            out.append(s)
            i += 1
        }
        return String(out)
    }

    /// Wraps text holding right-to-left letters in first-strong isolate … pop directional isolate, so
    /// an Arabic or Hebrew name cannot reorder the council's sentence around it.
    public static func isolate(_ text: String) -> String {
        text.unicodeScalars.contains(where: isRightToLeft) ? "\u{2068}" + text + "\u{2069}" : text
    }

    /// "http://" or "https://" (any case) starting at `i`: the number of scalars it takes.
    static func schemeLength(_ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        for scheme in ["https://", "http://"] {
            let pattern = Array(scheme.unicodeScalars)
            guard i + pattern.count <= scalars.count else { continue }
            if zip(scalars[i..<(i + pattern.count)], pattern).allSatisfy({ a, b in
                String(a).lowercased() == String(b)
            }) {
                return pattern.count
            }
        }
        return nil
    }

    /// Explicit directional formatting: embeddings, overrides, isolates and marks.
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, and their extensions).
    static func isRightToLeft(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFE, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    /// Whether a character is drawn as an emoji: a pictograph, a flag, a keycap. ASCII digits, "#" and
    /// "*" are emoji only as keycaps.
    static func isEmoji(_ ch: Character) -> Bool {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return false }
        if scalars.contains(where: { $0.value == 0x20E3 }) { return true }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return true }
        return !first.isASCII && first.properties.isEmoji
    }

    /// The scalars an emoji sequence is built from: emoji, skin tones, joiners, selectors, tags, keycaps.
    static func isEmojiComponent(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0xE0020...0xE007F: return true
        default: return s.properties.isEmoji || s.properties.isEmojiModifier
        }
    }
}
