extension Folder {
    /// `fold` for text that is all ASCII and within the limit, byte by byte: most handles and bios
    /// are, and they hold none of the tricks the general path looks up. Nil for any other text.
    /// It gives exactly what `foldAnyText` gives; a property test holds it to that.
    func asciiFold(_ text: String) -> FoldedText? {
        let count = text.utf8.count
        guard count <= limit else { return nil }
        // One unit per byte that is not an apostrophe: a letter (lower case), a symbol or a space.
        var units: [ASCIIUnit] = []
        units.reserveCapacity(count)
        var previousWasLower = false
        // Welsh "mae'r", "i'r": the article "'r" folds away (see `ArticleR`).
        var articleR = ArticleR()
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if articleR.pending, let at = articleR.articleToDrop(endsWord: !Self.isAlphanumeric(byte)) {
                units[at] = ASCIIUnit(byte: UInt8(ascii: " "), kind: .space, wordStart: false)
            }
            switch byte {
            case 0x41...0x5A:  // A-Z: a capital after a lower-case letter may start a new word
                units.append(ASCIIUnit(byte: byte + 32, kind: .letter, wordStart: previousWasLower))
                previousWasLower = false
            case 0x61...0x7A, 0x30...0x39:
                units.append(ASCIIUnit(byte: byte, kind: .letter, wordStart: false))
                previousWasLower = byte >= 0x61
            case UInt8(ascii: "'"):
                articleR.apostrophe(afterLetter: units.last?.kind == .letter)
                continue  // "What's" is one word
            case UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "|"):
                // The case before it is kept: a capital after it starts a word ("Oakbridge|Town").
                units.append(ASCIIUnit(byte: byte, kind: .symbol, wordStart: false))
            default:
                units.append(ASCIIUnit(byte: byte, kind: .space, wordStart: false))
                previousWasLower = false
            }
            articleR.added(isR: byte | 0x20 == UInt8(ascii: "r"), at: units.count - 1)
        }
        if let at = articleR.articleToDrop(endsWord: true) {
            units[at] = ASCIIUnit(byte: UInt8(ascii: " "), kind: .space, wordStart: false)
        }

        var words: [String] = []
        var current: [UInt8] = []
        var pendingSymbols: [UInt8] = []
        var sentenceStarts: [Int] = [], pendingBreak = false
        func flush() {
            if !current.isEmpty {
                if pendingBreak && !words.isEmpty { sentenceStarts.append(words.count) }
                pendingBreak = false
                words.append(String(decoding: current, as: UTF8.self))
            }
            current.removeAll(keepingCapacity: true)
        }
        for (i, unit) in units.enumerated() {
            let letterBefore = i > 0 && units[i - 1].kind == .letter
            let next = i + 1 < units.count ? units[i + 1] : nil
            switch unit.kind {
            case .letter:
                // The next is a lower-case letter of the same word: the capital begins "TownCouncil". After a
                // symbol read as a letter, it goes on with the word ("Upd@Il").
                if unit.wordStart && current.count >= 2 && letterBefore, let next, next.kind == .letter, !next.wordStart, next.byte >= 0x61 {
                    flush()
                }
                current.append(unit.byte)
            case .symbol:
                // A symbol is a letter when a letter stands right beside it ("Chi$lehurst", "Par!sh"); "!"
                // only before one, since after a word it ends a sentence ("ask me how!").
                // Between a lower-case letter and a capital it parts two words ("Oakbridge|Town|Council"), as
                // `Folder.startsWord` says.
                let mention = readsMentions && unit.byte == UInt8(ascii: "@") && !letterBefore
                let partsWords = i + 2 < units.count && next?.kind == .letter && next?.wordStart == true
                    && next?.byte != UInt8(ascii: "i") && units[i + 2].kind == .letter
                if !partsWords, (letterBefore && unit.byte != UInt8(ascii: "!")) || (next?.kind == .letter && !mention) {
                    current.append(Self.asciiLeet[Int(unit.byte)])
                    pendingSymbols.append(unit.byte)
                } else {
                    flush()
                    if unit.byte == UInt8(ascii: "!") { pendingBreak = true }
                }
            case .space:
                flush()
                if Self.endsSentence(unit.byte) { pendingBreak = true }
            }
        }
        flush()
        return Self.keyed(words: words, original: text, findings: pendingSymbols.map { Self.leetFinding(Unicode.Scalar($0)) },
                          truncated: false, sentenceStarts: sentenceStarts)
    }

    /// `key` for a word that is all ASCII, on its bytes, rewritten in place in scratch space.
    static func asciiKey(_ word: String) -> (key: String, leet: [Unicode.Scalar]) {
        let count = word.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(1, count)) { bytes in
            _ = bytes.initialize(from: word.utf8)
            var leet: [Unicode.Scalar] = []
            let isDigit = { (b: UInt8) in (0x30...0x39).contains(b) }
            let all = bytes[..<count]
            if all.contains(where: isDigit), all.contains(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
                for i in 0..<count where isDigit(bytes[i]) {
                    leet.append(Unicode.Scalar(bytes[i]))
                    bytes[i] = asciiLeet[Int(bytes[i])]
                }
            }
            let (i, l, r, n, v, c) = (UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "r"), UInt8(ascii: "n"), UInt8(ascii: "v"), UInt8(ascii: "c"))
            for j in 0..<count where bytes[j] == i { bytes[j] = l }
            // Pairs merge into one letter: what is written never runs ahead of what is read.
            var written = 0, k = 0
            while k < count {
                let b = bytes[k], next = k + 1 < count ? bytes[k + 1] : 0
                switch (b, next) {
                case (r, n), (n, n): bytes[written] = UInt8(ascii: "m")
                case (v, v): bytes[written] = UInt8(ascii: "w")
                case (c, l): bytes[written] = UInt8(ascii: "d")
                default:
                    bytes[written] = b
                    written += 1
                    k += 1
                    continue
                }
                written += 1
                k += 2
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<written]), as: UTF8.self), leet)
        }
    }

    struct ASCIIUnit {
        enum Kind { case letter, symbol, space }
        var byte: UInt8
        var kind: Kind
        var wordStart: Bool
    }

    /// The letter each ASCII digit or symbol reads as, by byte (0 where none).
    static let asciiLeet: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for (scalar, letter) in LookalikeTable.leet where scalar.isASCII {
            table[Int(scalar.value)] = UInt8(letter.asciiValue!)
        }
        return table
    }()

    static func leetFinding(_ s: Unicode.Scalar) -> Finding {
        Finding(kind: .leet, scalar: s, script: "Zyyy", imitates: String(LookalikeTable.leet[s]!))
    }
}
