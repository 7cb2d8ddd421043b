import Synchronization

/// Folds untrusted text into comparable Latin keys, recording every trick it undoes.
///
/// The steps, per character: default-ignorable and bidi controls removed (their presence is a
/// finding); NFKC_Casefold (fullwidth, mathematical, circled, superscript); the UTS #39 skeleton on
/// the original case and again on the folded form (cross-script look-alikes); combining marks
/// stripped; a table for small capitals and stroked letters. Then per word: digits and symbols used
/// as letters, and merged look-alike classes (i/l/1, rn/m, vv/w, cl/d, nn/m). Work is linear in
/// the input, which is capped.
public final class Folder: Sendable {
    private let icu: ICU
    /// Folding of each non-ASCII scalar seen so far: ICU calls cost about a microsecond each.
    private let cache = Mutex<[UInt32: ScalarFold]>([:])

    /// The longest input folded, in Unicode scalars; the rest is dropped and `truncated` set.
    public let limit: Int
    /// Whether an "@" that starts a word marks a mention ("thanks to @crypto_mentor") rather than an "a":
    /// so in prose, where accounts are named that way; a name's "@shwell" is the letter.
    public let readsMentions: Bool

    public init(limit: Int = 1024, readsMentions: Bool = false) throws(TextError) {
        icu = try ICU()
        self.limit = limit
        self.readsMentions = readsMentions
    }

    /// The ICU version the folder runs on, e.g. "72.1": skeletons differ between versions.
    public static var icuVersion: String { ICU.version }

    struct ScalarFold: Sendable {
        var text: String
        var kind: Finding.Kind?
        var script: String
    }

    /// `text` as a screen shows it, when a directional override, embedding or isolate makes that
    /// differ from the order it is stored in: a name written backwards behind U+202E reads right only on
    /// screen. Nil otherwise, plain right-to-left writing included (it is read as it is).
    public func displayOrder(_ text: String) -> String? {
        // Each of those controls starts with the byte E2 in UTF-8: most names have none.
        guard text.utf8.contains(0xE2) else { return nil }
        // What changes nothing on screen is dropped, so that no padding pushes the name out of what is
        // read: other invisible characters, openers deeper than the deepest embedding (125 levels),
        // closers with nothing open, and an opener closed straight away. As in `fold`, only scalars that
        // show count against the limit.
        var kept: [Unicode.Scalar] = []
        var depth = 0, visible = 0
        for scalar in text.unicodeScalars {
            if Self.opensDirection(scalar) {
                guard depth < Self.deepestEmbedding else { continue }
                depth += 1
            } else if Self.closesDirection(scalar) {
                guard depth > 0 else { continue }
                depth -= 1
                if let last = kept.last, Self.opensDirection(last) {
                    kept.removeLast()
                    continue
                }
            } else if !Self.isBidiControl(scalar) && scalar.properties.isDefaultIgnorableCodePoint {
                continue
            } else {
                visible += 1
            }
            kept.append(scalar)
            if visible >= limit { break }
        }
        guard kept.contains(where: { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) else {
            return nil
        }
        let shown = icu.displayOrder(String(String.UnicodeScalarView(kept)))
        let stripped = String(String.UnicodeScalarView(kept.filter { !Self.isBidiControl($0) }))
        return shown == stripped ? nil : shown
    }

    /// UAX #9's max_depth: embeddings, overrides and isolates nested deeper are ignored.
    static let deepestEmbedding = 125

    /// Folds `text`, keeping at most `limit` scalars that show. Hidden ones, and a space after a space,
    /// do not count against the limit: a name behind thousands of invisible characters or spaces is
    /// still read (the work stays linear in the text, whose size the reader of a listing caps).
    public func fold(_ text: String) -> FoldedText {
        asciiFold(text) ?? foldAnyText(text)
    }

    /// `fold` for any text, character by character: what `asciiFold` must agree with.
    func foldAnyText(_ text: String) -> FoldedText {
        var findings: [Finding] = []
        var units: [Unit] = []
        var shown = 0, scanned = 0
        var truncated = false
        // A break after a break, or before any word, adds nothing: it is neither kept nor counted.
        func breakAddsNothing() -> Bool {
            guard let last = units.last else { return true }
            if case .space = last { return true }
            return false
        }
        var previousWasLower = false
        units.reserveCapacity(min(text.utf8.count, limit))
        // Many hidden characters make many findings of one kind: a few of each say what was done.
        var noted: [Finding.Kind: Int] = [:]
        func note(_ f: Finding) {
            noted[f.kind, default: 0] += 1
            if noted[f.kind]! <= 64 { findings.append(f) }
        }
        var articleR = ArticleR()
        // Unit positions a sentence mark came just before: where the next word opens a sentence.
        var sentenceMarks = Set<Int>()
        // Whether an emoji came just before (through its variation selectors and skin tones), and whether a black flag
        // opened a tag sequence: only there do a joiner and tags make one picture.
        var emojiBefore = false, flagOpen = false
        for scalar in text.unicodeScalars {
            defer { (emojiBefore, flagOpen) = Self.emojiState(after: scalar, emojiBefore: emojiBefore, flagOpen: flagOpen) }
            scanned += 1
            if shown >= limit {
                truncated = true
                break
            }
            // Invisible characters and marks of direction add nothing: the "'r" still waits on what follows them.
            if articleR.pending, !Self.foldsAway(scalar), let at = articleR.articleToDrop(endsWord: !Self.continuesWord(scalar)) {
                units[at] = .space
            }
            defer { if !Self.isApostrophe(scalar) { articleR.added(isR: scalar == "r" || scalar == "R", at: units.count - 1) } }
            // ASCII holds no control, invisible, tick or mark that the steps below look for: its
            // letters, digits and symbols go straight in, without a look-up of Unicode properties.
            if scalar.isASCII {
                shown += 1
                let v = scalar.value
                if (0x41...0x5A).contains(v) {  // A-Z: a capital after a lower-case letter may start a new word
                    units.append(.letter(Character(Unicode.Scalar(v + 32)!), wordStart: previousWasLower))
                    previousWasLower = false
                } else if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    units.append(.letter(Character(scalar), wordStart: false))
                    previousWasLower = (0x61...0x7A).contains(v)
                } else if scalar == "'" {
                    articleR.apostrophe(afterLetter: Self.endsWithLetter(units))
                    continue  // "What's" is one word
                } else if LookalikeTable.letterSymbols.contains(scalar) {
                    // The case before it is kept: a capital after it starts a word ("Oakbridge|Town").
                    units.append(.symbol(scalar))
                } else {
                    previousWasLower = false
                    if breakAddsNothing() {
                        shown -= 1
                    } else {
                        units.append(.space)
                    }
                    if Self.endsSentence(UInt8(v)) { sentenceMarks.insert(units.count) }
                }
                continue
            }
            let props = scalar.properties
            if Self.isBidiControl(scalar) {
                note(Finding(kind: .bidiControl, scalar: scalar, script: "", imitates: ""))
                continue
            }
            if props.isDefaultIgnorableCodePoint || Self.isBlank(scalar) {
                // Variation selectors only style the emoji before them, and joiners and tags make emoji one picture
                // (a family, the flag of Wales): not a trick in themselves.
                if !(0xFE00...0xFE0F).contains(scalar.value), !Self.joinsEmoji(scalar, emojiBefore: emojiBefore, flagOpen: flagOpen) {
                    note(Finding(kind: .invisible, scalar: scalar, script: "", imitates: ""))
                }
                continue
            }
            if LookalikeTable.ticks.contains(scalar.value) {
                note(Finding(kind: .tick, scalar: scalar, script: "", imitates: ""))
                shown += 1
                units.append(.space)
                previousWasLower = false
                continue
            }
            switch props.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                if let last = units.last, case .letter = last {
                    note(Finding(kind: .diacritic, scalar: scalar, script: "", imitates: ""))
                }
                continue
            default: break
            }
            if props.isWhitespace {
                if !breakAddsNothing() {
                    shown += 1
                    units.append(.space)
                }
                previousWasLower = false
                continue
            }
            shown += 1
            if Self.isApostrophe(scalar) {  // curly apostrophes
                articleR.apostrophe(afterLetter: Self.endsWithLetter(units))
                continue
            }
            if LookalikeTable.letterSymbols.contains(scalar) {
                units.append(.symbol(scalar))
                continue
            }
            let folded = foldScalar(scalar)
            if let kind = folded.kind {
                findings.append(Finding(kind: kind, scalar: scalar, script: folded.script, imitates: folded.text))
            }
            if folded.text.isEmpty {
                units.append(.space)
            } else {
                for ch in folded.text { units.append(.letter(ch, wordStart: false)) }
            }
            previousWasLower = false
        }
        if let at = articleR.articleToDrop(endsWord: true) { units[at] = .space }
        return assemble(units: units, original: truncated ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(scanned - 1))) : text,
                        findings: findings, truncated: truncated, sentenceMarks: sentenceMarks)
    }

    enum Unit {
        case letter(Character, wordStart: Bool)
        case symbol(Unicode.Scalar)
        case space
    }

    /// Splits the units into words, reads symbols beside letters as letters, and keys each word.
    private func assemble(units: [Unit], original: String, findings: [Finding], truncated: Bool, sentenceMarks: Set<Int>) -> FoldedText {
        var words: [String] = []
        var current = ""
        var pendingSymbols: [Unicode.Scalar] = []
        var sentenceStarts: [Int] = [], pendingBreak = false

        func flush() {
            if !current.isEmpty {
                if pendingBreak && !words.isEmpty { sentenceStarts.append(words.count) }
                pendingBreak = false
                words.append(current)
            }
            current = ""
        }
        for (i, unit) in units.enumerated() {
            if sentenceMarks.contains(i) { pendingBreak = true }
            switch unit {
            case .letter(let ch, let wordStart):
                // After a symbol read as a letter, a capital goes on with the word ("Upd@Il").
                if wordStart && current.count >= 2 && Self.isLetter(units[i - 1]) && Self.nextIsLower(units, after: i) { flush() }
                current.append(ch)
            case .symbol(let s):
                // A symbol is a letter when a letter stands right beside it ("Chi$lehurst", "Par!sh"); "!"
                // only before one, since after a word it ends a sentence ("ask me how!"). Between a lower-case
                // letter and a capital it parts two words ("Oakbridge|Town|Council").
                let before = i > 0 && s != "!" ? Self.isLetter(units[i - 1]) : false
                let mention = readsMentions && s == "@" && !(i > 0 && Self.isLetter(units[i - 1]))
                let after = i + 1 < units.count && !mention ? Self.isLetter(units[i + 1]) : false
                if (before || after), !Self.startsWord(units, at: i + 1), let ch = LookalikeTable.leet[s] {
                    current.append(ch)
                    pendingSymbols.append(s)
                } else {
                    flush()
                    if s == "!" { pendingBreak = true }
                }
            case .space:
                flush()
            }
        }
        flush()
        return Self.keyed(words: words, original: original, findings: findings + pendingSymbols.map(Self.leetFinding),
                          truncated: truncated, sentenceStarts: sentenceStarts)
    }

    /// The folded text of `words`: each keyed, with the digits a key read as letters added to `findings`.
    static func keyed(words: [String], original: String, findings: [Finding], truncated: Bool, sentenceStarts: [Int] = []) -> FoldedText {
        var findings = findings
        var keys: [String] = []
        keys.reserveCapacity(words.count)
        for word in words {
            let (key, leet) = Self.key(word)
            for s in leet { findings.append(Self.leetFinding(s)) }
            keys.append(key)
        }
        return FoldedText(original: original, readable: words.joined(separator: " "), words: words, keys: keys,
                          findings: findings, truncated: truncated, sentenceStarts: sentenceStarts)
    }

    /// A full stop, "?", ";" or a line break: what ends a sentence among the characters folded to a space ("!" is
    /// read as a letter beside one, and ends a sentence otherwise).
    static func endsSentence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";") || byte == 0x0A || byte == 0x0D
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}"
    }

    static func endsWithLetter(_ units: [Unit]) -> Bool {
        units.last.map(isLetter) ?? false
    }

    /// Whether a character goes on with the word before it: a letter, digit or mark.
    static func continuesWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isAlphanumeric(UInt8(scalar.value)) }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || [.nonspacingMark, .enclosingMark, .spacingMark].contains(p.generalCategory)
    }

    /// Whether a character folds away without a trace in the words: invisible, or a mark of direction.
    static func foldsAway(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.properties.isDefaultIgnorableCodePoint || isBidiControl(scalar))
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Whether unit `i` is a capital after a lower-case letter that starts a word of two letters or more
    /// ("Town", "TC"). Not an "I", which is written for "l" ("Counc!I", "Upd@Il").
    private static func startsWord(_ units: [Unit], at i: Int) -> Bool {
        guard i + 1 < units.count, case .letter(let ch, let start) = units[i] else { return false }
        return start && ch != "i" && isLetter(units[i + 1])
    }

    private static func isLetter(_ unit: Unit) -> Bool {
        if case .letter = unit { return true }
        return false
    }

    private static func nextIsLower(_ units: [Unit], after i: Int) -> Bool {
        guard i + 1 < units.count, case .letter(let ch, let start) = units[i + 1] else { return false }
        return !start && ch.isLetter
    }

    /// The comparison key of one folded word, and the digits it read as letters.
    ///
    /// Digits count as letters only in words that also hold letters: "2026" stays a number.
    public static func key(_ word: String) -> (key: String, leet: [Unicode.Scalar]) {
        word.utf8.allSatisfy({ $0 < 0x80 }) ? asciiKey(word) : anyKey(word)
    }

    /// `key` for any word, scalar by scalar: what `asciiKey` must agree with.
    static func anyKey(_ word: String) -> (key: String, leet: [Unicode.Scalar]) {
        var scalars = Array(word.unicodeScalars)
        var leet: [Unicode.Scalar] = []
        // Digits first: most words have none, and then no letter needs its Unicode properties read.
        let hasDigit = scalars.contains { ("0"..."9").contains($0) }
        let hasLetter = hasDigit && scalars.contains { $0.properties.isAlphabetic }
        if hasLetter && hasDigit {
            for (i, s) in scalars.enumerated() where ("0"..."9").contains(s) {
                leet.append(s)
                scalars[i] = LookalikeTable.leet[s]!.unicodeScalars.first!
            }
        }
        // i and l (and 1, !, | already read as l) are one class: merge them before the pairs below.
        for (j, s) in scalars.enumerated() where s == "i" { scalars[j] = "l" }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch (s, next) {
            case ("r", "n"?), ("n", "n"?):
                out.append("m")
                i += 2
            case ("v", "v"?):
                out.append("w")
                i += 2
            case ("c", "l"?):
                out.append("d")
                i += 2
            default:
                out.append(s)
                i += 1
            }
        }
        return (String(out), leet)
    }

    /// Folds one non-ASCII scalar to Latin, once, through ICU.
    private func foldScalar(_ scalar: Unicode.Scalar) -> ScalarFold {
        if let hit = cache.withLock({ $0[scalar.value] }) { return hit }
        let result = computeFold(scalar)
        cache.withLock { $0[scalar.value] = result }
        return result
    }

    private func computeFold(_ scalar: Unicode.Scalar) -> ScalarFold {
        let script = icu.script(of: scalar)
        let single = String(scalar)
        let isLatin = script == "Latn"
        // Compatibility forms (fullwidth, mathematical, circled, superscript, ligatures).
        let nfkc = icu.nfkcCasefold(single)
        if let ascii = Self.asciiLetters(nfkc) {
            return ScalarFold(text: ascii, kind: nfkc == single.lowercased() ? nil : .styled, script: script)
        }
        // Cross-script look-alikes: the skeleton on the original case, then on the folded form.
        for candidate in [single, nfkc] {
            let skeleton = icu.skeleton(candidate).lowercased()
            if let ascii = Self.asciiLetters(Self.stripMarks(skeleton)) {
                let kind: Finding.Kind = isLatin ? (Self.stripMarks(skeleton) == skeleton ? .styled : .diacritic) : .lookalike
                return ScalarFold(text: ascii, kind: kind, script: script)
            }
        }
        // Parenthesised and full-stopped letters ("⒝" is "(b)", "🄐" is "(A)").
        if let ascii = Self.asciiLetters(nfkc.filter { $0 != "(" && $0 != ")" && $0 != "." }), nfkc.count <= 3 {
            return ScalarFold(text: ascii, kind: .styled, script: script)
        }
        // Enclosed letters with no compatibility form: negative circled "🅑" and negative squared "🅱".
        for start: UInt32 in [0x1F150, 0x1F170] where (start..<start + 26).contains(scalar.value) {
            let letter = Unicode.Scalar(UInt32(("a" as Unicode.Scalar).value) + scalar.value - start)!
            return ScalarFold(text: String(letter), kind: .styled, script: script)
        }
        if let mapped = LookalikeTable.letters[scalar] ?? LookalikeTable.letters[nfkc.unicodeScalars.first ?? scalar] {
            return ScalarFold(text: mapped, kind: isLatin ? .styled : .lookalike, script: script)
        }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            return ScalarFold(text: nfkc, kind: nil, script: script)  // a letter of another script, kept as is
        }
        return ScalarFold(text: "", kind: nil, script: script)  // punctuation, emoji: a word break
    }

    private static func asciiLetters(_ s: String) -> String? {
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { return nil }
        return s.lowercased()
    }

    private static func stripMarks(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Embeddings, overrides and isolates (LRE, RLE, LRO, RLO, LRI, RLI, FSI).
    static func opensDirection(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) && s.value != 0x202C || (0x2066...0x2068).contains(s.value)
    }

    /// PDF and PDI.
    static func closesDirection(_ s: Unicode.Scalar) -> Bool { s.value == 0x202C || s.value == 0x2069 }

    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Whether `s` is a zero-width joiner after an emoji ("👨‍👩‍👧"), or a tag character of a flag the black flag opened
    /// (Wales, Scotland, England): one picture. After a letter, the same characters hide a word.
    static func joinsEmoji(_ s: Unicode.Scalar, emojiBefore: Bool, flagOpen: Bool) -> Bool {
        s.value == 0x200D ? emojiBefore : (0xE0020...0xE007F).contains(s.value) && flagOpen
    }

    /// `joinsEmoji`'s state once `s` is read.
    static func emojiState(after s: Unicode.Scalar, emojiBefore: Bool, flagOpen: Bool) -> (Bool, Bool) {
        switch s.value {
        case 0x1F3F4: return (true, true)
        case 0xE0020...0xE007E: return (emojiBefore, flagOpen)
        case 0xE007F: return (emojiBefore, false)
        case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0x200D: return (emojiBefore, false)
        default: return (s.value > 0x2000 && s.properties.isEmoji, false)
        }
    }

    /// Characters that render as nothing but are not default-ignorable (Braille blank, Hangul fillers).
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x034F, 0x180E: true
        default: false
        }
    }
}
