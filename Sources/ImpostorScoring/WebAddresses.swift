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
        while let first = t.first, !(first.isLetter || first.isNumber) { t = t.dropFirst() }
        while let last = t.last, !(last.isLetter || last.isNumber) { t = t.dropLast() }
        let host = t.split(separator: "@").last ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
              let top = labels.last, top.allSatisfy(\.isLetter), top.count == 2 || topLevel.contains(String(top)),
              !t.contains(":")
        else { return nil }
        return String(t)
    }

    /// Whether `rest` is nothing, or council words run together ("towncouncil", "gov", "tc").
    static func isCouncilWords(_ rest: String, vocab: Vocabulary) -> Bool {
        let scalars = Array(rest.unicodeScalars)
        // reached[i]: the first i scalars are council words, one after another.
        var reached = [true] + Array(repeating: false, count: scalars.count)
        for end in scalars.indices.map({ $0 + 1 }) {
            reached[end] = (0..<end).contains { start in
                guard reached[start] else { return false }
                let word = String(String.UnicodeScalarView(scalars[start..<end]))
                return vocab.isCouncilWord(word) || vocab.domainCouncilWords.contains(word)
            }
        }
        return reached[scalars.count]
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
            let limit = key.count >= 12 ? 1 : 0
            if p.siteNames.contains(where: { EditDistance.damerau(key, $0, limit: limit) <= limit }) { return address }
        }
        return nil
    }

    /// The first address that spells one of the council's names without being at one of its hosts, and
    /// neither disowns it ("…watch") nor names another place before it ("northchorley…"). `key` is the
    /// address as `ProtectedIdentity.domainKey` reads it.
    static func lookalike(_ addresses: [(address: String, key: String)], of p: ProtectedIdentity) -> String? {
        for (address, key) in addresses where !isOfficial(address, hosts: p.officialHosts) {
            for name in p.siteNames {
                guard let hit = EditDistance.bestSubstring(name, in: key, limit: name.count >= 12 ? 1 : 0) else { continue }
                let scalars = Array(key.unicodeScalars)
                let before = String(String.UnicodeScalarView(scalars[..<hit.range.lowerBound]))
                let rest = before + String(String.UnicodeScalarView(scalars[hit.range.upperBound...]))
                if p.words.negators.contains(where: { $0.count >= 4 && rest.holds($0) }) { continue }
                if p.words.placeQualifiers.contains(where: { $0.count >= 3 && before.hasSuffix($0) && !p.placeKeys.contains($0) }) {
                    continue
                }
                // A domain that is the place alone ("wexcester.gov.uk") is spelled by every local business that
                // names it ("wexcesterlive.co.uk"): only the place with the council's words is its spelling
                // ("wexcester-gov.uk", "wexcestercitycouncil.com"), or the place alone elsewhere.
                if p.placeSites.contains(name), !Self.isCouncilWords(rest, vocab: p.words) { continue }
                return address
            }
        }
        return nil
    }
}
