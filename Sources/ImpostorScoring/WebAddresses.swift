import ImpostorText

/// The web and e-mail addresses a bio gives, and whether one is dressed up as the council's own.
///
/// Fraudsters send people to a site of their own under a name built from the council's
/// ("chorleytowncouncil-grants.co.uk", "chorleytowncouncil.gov.uk.claims-portal.com",
/// "https://chorleytowncouncil.gov.uk@pay-portal.com", "chorleytowncouncil@gmail.com"). A clerk knows
/// the council's domains: any other address that spells the council's name is not its.
enum WebAddresses {
    /// Public suffixes and platform hosts that say nothing of who owns a domain or handle, longest
    /// first within each family: "oakbridge-tc.gov.uk" is "oakbridge-tc", "oakbridge.bsky.social" "oakbridge".
    static let hostSuffixes = [".bsky.social", ".gov.uk", ".org.uk", ".co.uk", ".ac.uk", ".uk", ".gov.wales", ".wales",
                               ".llyw.cymru", ".cymru", ".gov.scot", ".scot", ".com", ".org", ".net", ".info", ".social"]

    /// The text with its addresses taken out, and the addresses, lowercased, without scheme, port or
    /// path ("https://www.x.gov.uk/grants" gives "www.x.gov.uk"; "me@x.org" and "a@b.com" in a link
    /// keep their "@"). At most 16 addresses.
    static func read(_ text: String) -> (prose: String, addresses: [String]) {
        // An address has a full stop with a letter, digit or hyphen right after it; most bios have
        // none (a sentence's stop is followed by a space), and then the prose is the text itself.
        Self.mayHoldAddress(text) ? scan(text) : (text, [])
    }

    /// `read` the long way, character by character.
    static func scan(_ text: String) -> (prose: String, addresses: [String]) {
        var prose = ""
        var addresses: [String] = []
        var token = ""
        func flush() {
            if let address = address(token), addresses.count < 16 {
                addresses.append(address)
                // The full stop or slash after an address stays in the prose: it may end a sentence.
                prose += " " + String(token.reversed().prefix { !($0.isLetter || $0.isNumber) }.reversed())
            } else {
                prose += token
            }
            token = ""
        }
        for c in text {
            if c.isLetter || c.isNumber || ".-/:@?#%&=_~+".contains(c) {
                token.append(c)
            } else {
                flush()
                prose.append(c)
            }
        }
        flush()
        return (prose, addresses)
    }

    /// Whether a full stop stands right before anything but ASCII punctuation or space: a byte scan.
    static func mayHoldAddress(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for i in 0..<(bytes.count - 1) where bytes[i] == UInt8(ascii: ".") {
                let next = bytes[i + 1]
                if next >= 0x80 || next == UInt8(ascii: "-") || (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A) {
                    return true
                }
            }
            return false
        }
    }

    /// The top-level domains a token may end in to be read as an address, beside any two-letter
    /// country code: enough to tell "chorleytowncouncil.co.uk" from "Mr.Smith" or "Chorley.Town.Council".
    static let topLevel: Set<String> = [
        "com", "org", "net", "info", "biz", "gov", "edu", "app", "site", "online", "xyz", "top", "club", "shop",
        "store", "live", "page", "link", "website", "world", "news", "today", "help", "support", "services",
        "care", "life", "pro", "scot", "wales", "cymru", "london", "social", "community", "email",
        // Form links and the cheap domains scam pages use: "forms.gle/…", "council-refund.click".
        "gle", "click", "vip", "icu", "events", "tickets", "digital",
    ]

    private static func address(_ token: String) -> String? {
        guard token.contains(".") else { return nil }
        var t = Substring(token.lowercased())
        if t.hasPrefix("mailto:") { t = t.dropFirst(7) }
        if let scheme = t.firstRange(of: "://") { t = t[scheme.upperBound...] }
        if let end = t.firstIndex(where: { "/?#".contains($0) }) { t = t[..<end] }
        if let colon = t.lastIndex(of: ":"), t[t.index(after: colon)...].allSatisfy(\.isNumber) { t = t[..<colon] }
        // Trimmed by one cut at each end: dropping a character at a time is quadratic in a long run of them.
        let kept: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        t = t[(t.firstIndex(where: kept) ?? t.endIndex)...]
        t = t[..<(t.lastIndex(where: kept).map(t.index(after:)) ?? t.startIndex)]
        let host = t.split(separator: "@").last ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
              let top = labels.last, top.allSatisfy(\.isLetter), top.count == 2 || topLevel.contains(String(top)),
              !t.contains(":")
        else { return nil }
        return String(t)
    }

    /// Whether the address is one of the council's hosts written with its full stops moved or swapped for
    /// hyphens, or more after it, or one letter changed: "wexcester-gov.uk", "parking.wexcester-gov.uk",
    /// "wexcester.gov.uk-claims.com" for "wexcester.gov.uk"; or its name with "gov" and another ending
    /// ("wexcester-gov.co.uk"). Read from a label's start, so that "mywexcester.gov.uk" is another name.
    /// Never one of its hosts, or a name under one.
    static func nearOfficialHost(_ address: String, hosts: [String]) -> Bool {
        guard !isOfficial(address, hosts: hosts) else { return false }
        let host = Array((address.split(separator: "@").last.map(String.init) ?? address).utf8)
        func bare(_ bytes: some Sequence<UInt8>) -> [UInt8] { bytes.filter { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") } }
        let starts = [0] + host.indices.filter { host[$0] == UInt8(ascii: ".") }.map { $0 + 1 }
        return hosts.contains { official in
            let officialBytes = Array(official.utf8)
            let own = bare(officialBytes)
            guard own.count >= 6 else { return false }
            // The name before the public suffix ("wexcester" of "wexcester.gov.uk"), with "gov" after it.
            let suffix = hostSuffixes.first(where: official.hasSuffix) ?? ""
            let named = bare(official.utf8.dropLast(suffix.utf8.count)) + Array("gov".utf8)
            return starts.contains { start in
                let tail = bare(host[start...])
                // The same letters with the stops moved; or the host itself with more after it ("….gov.uk-claims.com"),
                // not a cloud service's name for the council ("wexcestergovuk.sharepoint.com").
                let after = start + officialBytes.count
                if tail == own || (after < host.count && host[start...].starts(with: officialBytes)
                    && (host[after] == UInt8(ascii: ".") || host[after] == UInt8(ascii: "-")))
                {
                    return true
                }
                // "gov" then only a public ending ("wexcester-gov.co.uk", "wexcestergov.online"): not the start
                // of a word ("wexcestergovernors.org.uk"), nor a service's name for the council ("….zoom.us").
                if named.count >= 7, tail.starts(with: named) {
                    let ending = String(decoding: tail.dropFirst(named.count), as: UTF8.self)
                    if ending.count == 2 || bareEndings.contains(ending) { return true }
                }
                guard own.count >= 10, abs(tail.count - own.count) <= 1 else { return false }
                let a = tail.map { Unicode.Scalar($0) }[...], b = own.map { Unicode.Scalar($0) }[...]
                return EditDistance.damerau(a, b, limit: 1) <= 1
            }
        }
    }

    /// The public endings with their stops taken out ("couk", "orguk", "com", "online").
    static let bareEndings: Set<String> = Set(hostSuffixes.map { $0.replacing(".", with: "") } + topLevel + topLevel.map { $0 + "uk" })

    /// Whether a site name holds a council word at its start or end ("oakbridgetc", "cyngorllanfeirion"):
    /// else it is a place alone ("wexcester", "stratford" for Stratford-on-Avon).
    static func hasCouncilWordAtEdge(_ name: String, vocab: Vocabulary) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count > 4 else { return false }
        func isWord(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
            let w = String(String.UnicodeScalarView(s))
            return vocab.isCouncilWord(w) || vocab.domainCouncilWords.contains(w)
        }
        return (2...(scalars.count - 3)).contains { n in isWord(scalars[..<n]) || isWord(scalars[(scalars.count - n)...]) }
    }

    /// Whether `rest` is council words run together, at least one of them more than a kind ("towncouncil",
    /// "gov", "tc", "pcn"): "town" or "community" alone is how a club or a larder writes the place. Abbreviations
    /// count only when they are of the council's own kind: "wexcesterpc.co.uk" repairs computers.
    static func isCouncilWords(_ rest: String, vocab: Vocabulary, ownKinds: Set<String>) -> Bool {
        func counts(_ word: String) -> Bool {
            if vocab.kindOf[word] != nil { return true }
            if let kind = vocab.abbreviations[word] { return ownKinds.contains(kind) }
            return vocab.council.contains(word) || vocab.roles[word] != nil || vocab.domainCouncilWords.contains(word)
        }
        let scalars = Array(rest.unicodeScalars)
        // How the first i scalars split into council words: not at all (nil), kinds only (false), or with
        // a word more than a kind (true).
        var reached: [Bool?] = [false] + Array(repeating: nil, count: scalars.count)
        for end in scalars.indices.map({ $0 + 1 }) {
            for start in 0..<end {
                guard let before = reached[start] else { continue }
                let word = String(String.UnicodeScalarView(scalars[start..<end]))
                guard counts(word) else { continue }
                let strong = before || vocab.kindOf[word] == nil
                reached[end] = (reached[end] ?? false) || strong
            }
        }
        return reached[scalars.count] == true
    }

    /// Hosts that only forward to another address, which the reader cannot see before following it.
    static let shorteners: Set<String> = [
        "bit.ly", "tinyurl.com", "t.ly", "ow.ly", "rb.gy", "is.gd", "cutt.ly", "shorturl.at", "tiny.cc", "buff.ly",
        "t.co", "goo.gl", "rebrand.ly", "s.id", "v.gd", "lnkd.in",
    ]

    static func isShortener(_ address: String) -> Bool {
        shorteners.contains(address.hasPrefix("www.") ? String(address.dropFirst(4)) : address)
    }

    /// Whether the address is at one of the council's own hosts (or a name under one).
    static func isOfficial(_ address: String, hosts: [String]) -> Bool {
        let host = address.split(separator: "@").last.map(String.init) ?? address
        return hosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// A domain an e-mail comes from that is, as a whole, the council's domain or name with a letter
    /// changed ("marketdraytn.gov.uk"): a club's domain that holds the place ("marketdraytonrotary.org.uk")
    /// is not, though a bio naming it might be.
    static func lookalikeSender(_ addresses: [(address: String, key: String)], of p: ProtectedIdentity) -> String? {
        for (address, key) in addresses where !isOfficial(address, hosts: p.officialHosts) {
            // The council's own domain with another put after it ("oakbridge-tc.gov.uk.secure-login.com"): its start is
            // all a reader sees.
            if p.officialHosts.contains(where: { address.hasPrefix($0 + ".") || address.contains("." + $0 + ".") }) { return address }
            // The council's domain with its full stops made hyphens or dropped, or another ending added, leaves the
            // ending's words glued on: "oakbridge-tc-gov.uk", "oakbridge-tcgov.uk", "oakbridge-tc.gov.uk.com".
            for form in [key] + gluedEndings.compactMap({ key.count > $0.count + 3 && key.hasSuffix($0) ? String(key.dropLast($0.count)) : nil }) {
                let limit = form.count >= 12 ? 1 : 0
                if p.siteNames.contains(where: { EditDistance.damerau(form, $0, limit: limit) <= limit }) { return address }
            }
        }
        return nil
    }

    /// The words of `hostSuffixes` as a domain key reads them once their full stops are gone; each that ends a key gives a form.
    static let gluedEndings = ["govwales", "govscot", "llywcymru", "govuk", "orguk", "couk", "gov", "org", "co", "uk", "scot",
                               "wales", "cymru"]

    /// The first address that spells one of the council's names without being at one of its hosts, and
    /// neither disowns it ("…watch") nor names another place before it ("northchorley…"). `key` is the
    /// address as `ProtectedIdentity.domainKey` reads it.
    static func lookalike(_ addresses: [(address: String, key: String)], of p: ProtectedIdentity) -> String? {
        if let near = addresses.first(where: { nearOfficialHost($0.address, hosts: p.officialHosts) }) { return near.address }
        for (address, key) in addresses where !isOfficial(address, hosts: p.officialHosts) {
            for name in p.siteNames {
                guard let hit = EditDistance.bestSubstring(name, in: key, limit: name.count >= 12 ? 1 : 0) else { continue }
                let scalars = Array(key.unicodeScalars)
                let before = String(String.UnicodeScalarView(scalars[..<hit.range.lowerBound]))
                let after = String(String.UnicodeScalarView(scalars[hit.range.upperBound...]))
                let rest = before + after
                // A namesake's own: "elmstowpc-shropshire.org.uk" for a parish council in Essex.
                if let area = p.words.areas.area(startingWith: Substring(after)), BioReading.isElsewhere(area, identity: p) { continue }
                if p.words.negators.contains(where: { $0.count >= 4 && rest.holds($0) }) { continue }
                if p.words.placeQualifiers.contains(where: { $0.count >= 3 && before.hasSuffix($0) && !p.placeKeys.contains($0) }) {
                    continue
                }
                // A domain that is the place alone ("wexcester.gov.uk") is spelled by every local business that
                // names it ("wexcesterlive.co.uk", "wexcestertown.net", "wexcester.ac.uk"): only the place with
                // the council's words is its spelling ("wexcestercitycouncil.com", "wexcester-pcn.com").
                if p.placeSites.contains(name), !Self.isCouncilWords(rest, vocab: p.words, ownKinds: p.ownKinds) { continue }
                return address
            }
        }
        return nil
    }
}
