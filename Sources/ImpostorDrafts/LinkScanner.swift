/// Finds the links and mentions that platforms count specially, in a text split into characters.
///
/// Drafts hold only the council's own links (suspect links are defanged first), so this reads the
/// plain forms: "https://…", a bare domain such as "reportfraud.police.uk", "@user@server".
struct LinkScanner {
    enum Kind: Equatable {
        /// A link with "http://" or "https://": every platform that shortens links counts it fixed.
        case schemeURL
        /// A domain without a scheme: X links it when its ending is a real top-level domain.
        case bareDomain
        /// A Mastodon mention: `kept` characters of it count ("@user" of "@user@server").
        case mention(kept: Int)
    }

    struct Match: Equatable {
        var range: Range<Int>
        var kind: Kind
    }

    let chars: [Character]

    init(_ text: String) { chars = Array(text) }

    /// Links with a scheme and, when `bareDomains`, domains without one; earliest first, not overlapping.
    func links(bareDomains: Bool) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < chars.count {
            if startsWord(at: i), let end = schemeURLEnd(from: i) {
                found.append(Match(range: i..<end, kind: .schemeURL))
                i = end
            } else if bareDomains, startsWord(at: i), let end = bareDomainEnd(from: i) {
                found.append(Match(range: i..<end, kind: .bareDomain))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// Links with a scheme and Mastodon mentions, as Mastodon's length count finds them.
    func mastodonEntities() -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < chars.count {
            if startsWord(at: i), let end = schemeURLEnd(from: i) {
                found.append(Match(range: i..<end, kind: .schemeURL))
                i = end
            } else if let (end, kept) = mentionEnd(from: i) {
                found.append(Match(range: i..<end, kind: .mention(kept: kept)))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// Nothing that joins onto a link stands before `i`: a letter, digit, "@", "$", "#" or "/" would.
    private func startsWord(at i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = chars[i - 1]
        return !(p.isLetter || p.isNumber || "@$#/_.-\u{FF20}".contains(p))
    }

    private func schemeURLEnd(from i: Int) -> Int? {
        var j = i
        for scheme in ["https://", "http://"] {
            let pattern = Array(scheme)
            if i + pattern.count <= chars.count,
                zip(chars[i..<(i + pattern.count)], pattern).allSatisfy({ $0.lowercased() == String($1) })
            {
                j = i + pattern.count
                break
            }
        }
        guard j > i, j < chars.count, isURLCharacter(chars[j]) else { return nil }
        while j < chars.count, isURLCharacter(chars[j]) { j += 1 }
        return trimTrailingPunctuation(from: i, to: j)
    }

    private func bareDomainEnd(from i: Int) -> Int? {
        var j = i
        while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "." {
            j += 1
        }
        while j > i, chars[j - 1] == "." || chars[j - 1] == "-" { j -= 1 }
        let labels = String(chars[i..<j]).split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let last = labels.last, last.count >= 2,
            last.allSatisfy(\.isLetter)
        else { return nil }
        if j < chars.count, chars[j] == "/" {
            while j < chars.count, isURLCharacter(chars[j]) { j += 1 }
            j = trimTrailingPunctuation(from: i, to: j)
        }
        return j
    }

    /// "@user" or "@user@server" where Mastodon starts a mention: the end and how much of it counts.
    private func mentionEnd(from i: Int) -> (Int, Int)? {
        guard chars[i] == "@" else { return nil }
        if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber || "_=/".contains(chars[i - 1]) { return nil }
        func userCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        var j = i + 1
        while j < chars.count, userCharacter(chars[j]) || ((chars[j] == "." || chars[j] == "-") && j + 1 < chars.count
            && userCharacter(chars[j + 1]))
        {
            j += 1
        }
        guard j > i + 1 else { return nil }
        let kept = j - i
        if j + 1 < chars.count, chars[j] == "@", chars[j + 1].isLetter || chars[j + 1].isNumber {
            var k = j + 1
            while k < chars.count, chars[k].isLetter || chars[k].isNumber || chars[k] == "-" || chars[k] == "_"
                || (chars[k] == "." && k + 1 < chars.count && (chars[k + 1].isLetter || chars[k + 1].isNumber))
            {
                k += 1
            }
            return (k, kept)
        }
        return (j, kept)
    }

    private func isURLCharacter(_ c: Character) -> Bool {
        guard c.isASCII, !c.isWhitespace else { return false }
        return !"<>\"`{}|\\^".contains(c)
    }

    /// A sentence's closing punctuation is not part of the link before it; a ")" is, when the link opened one.
    private func trimTrailingPunctuation(from start: Int, to end: Int) -> Int {
        var j = end
        while j > start {
            let c = chars[j - 1]
            if ".,;:!?'\"".contains(c) {
                j -= 1
            } else if c == ")" && !chars[start..<(j - 1)].contains("(") {
                j -= 1
            } else {
                break
            }
        }
        return j
    }
}
