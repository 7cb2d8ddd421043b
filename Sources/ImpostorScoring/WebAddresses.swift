import ImpostorText

/// The web addresses a bio gives, and whether one is dressed up as the council's own.
///
/// Fraudsters send people to a site of their own under a name built from the council's
/// ("chorleytowncouncil-grants.co.uk", "chorleytowncouncil.gov.uk.claims-portal.com"). A clerk
/// knows the council's domains: any other address that spells the council's name is not its.
enum WebAddresses {
    /// Host names in free text, lowercased: "www.x.gov.uk/grants" gives "www.x.gov.uk". At most 8.
    static func hosts(in text: String) -> [String] {
        var out: [String] = []
        let separators: Set<Character> = [" ", "\n", "\t", "(", ")", "<", ">", "\"", "'", ",", ";", "|", "[", "]", "«", "»"]
        for token in text.split(whereSeparator: { separators.contains($0) }) where token.contains(".") {
            var t = Substring(token.lowercased())
            if let scheme = t.firstRange(of: "://") { t = t[scheme.upperBound...] }
            if let end = t.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) { t = t[..<end] }
            if let at = t.lastIndex(of: "@") { t = t[t.index(after: at)...] }  // an e-mail address: its domain
            while let last = t.last, last == "." || last == "-" { t = t.dropLast() }
            let labels = t.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
                  let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter),
                  t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
            else { continue }
            out.append(String(t))
            if out.count == 8 { break }
        }
        return out
    }

    /// Whether `host` is one of `domains` or a name under one.
    static func isOfficial(_ host: String, domains: [String]) -> Bool {
        domains.contains { d in
            let d = d.lowercased()
            return host == d || host.hasSuffix("." + d)
        }
    }

    /// The first host that spells one of `names` (the council's domain keys and full name, compact)
    /// without being one of its domains, and does not disown it ("…watch"). `key` is the host as
    /// `ProtectedIdentity.domainKey` reads it.
    static func lookalike(_ hosts: [(host: String, key: String)], names: [String], domains: [String]) -> String? {
        for (host, key) in hosts where !isOfficial(host, domains: domains) {
            for name in names where name.count >= 8 {
                guard let hit = EditDistance.bestSubstring(name, in: key, limit: name.count >= 12 ? 1 : 0) else { continue }
                let scalars = Array(key.unicodeScalars)
                let rest = String(String.UnicodeScalarView(scalars[..<hit.range.lowerBound] + scalars[hit.range.upperBound...]))
                if Vocabulary.negators.contains(where: { $0.count >= 4 && rest.holds($0) }) { continue }
                return host
            }
        }
        return nil
    }
}
