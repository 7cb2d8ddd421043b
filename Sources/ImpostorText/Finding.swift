/// A character that is not what it looks like, found while folding: evidence for the clerk.
public struct Finding: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Zero-width and other default-ignorable characters.
        case invisible
        /// Right-to-left overrides, isolates and marks that reorder what is shown.
        case bidiControl = "bidi_control"
        /// A letter of another script that looks Latin (Cyrillic "о", Greek "ο", Cherokee "Ꭺ").
        case lookalike
        /// A decorated form of a Latin letter: mathematical, fullwidth, circled, small capital, superscript.
        case styled
        /// A diacritic or combining mark added to a Latin letter.
        case diacritic
        /// A digit or symbol used as a letter ("c0uncil", "Chi$lehurst").
        case leet
        /// A tick emoji that imitates a platform's verified badge.
        case tick
    }

    public var kind: Kind
    /// The character as written.
    public var character: String
    /// Its Unicode code point, "U+0430".
    public var codePoint: String
    /// The ISO 15924 script code ("Cyrl", "Grek", "Zyyy" for common), when known.
    public var script: String
    /// What it imitates, in folded form ("a"), or "" for invisibles.
    public var imitates: String

    public init(kind: Kind, scalar: Unicode.Scalar, script: String, imitates: String) {
        self.kind = kind
        self.character = String(scalar)
        let hex = String(scalar.value, radix: 16, uppercase: true)
        self.codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        self.script = script
        self.imitates = imitates
    }
}
