/// Phrases of several words ("not affiliated", "views my own"), found by their first word: one
/// dictionary look-up per word of the text rather than a comparison per phrase.
struct PhraseSet: Sendable {
    private var byFirst: [String: [[String]]] = [:]

    init(_ phrases: [[String]]) {
        for p in phrases where !p.isEmpty { byFirst[p[0], default: []].append(p) }
    }

    /// Whether `keys` holds any of the phrases as consecutive words.
    func found(in keys: [String]) -> Bool {
        guard !byFirst.isEmpty else { return false }
        for i in keys.indices {
            guard let candidates = byFirst[keys[i]] else { continue }
            for p in candidates where p.count <= keys.count - i {
                var k = 1
                while k < p.count && keys[i + k] == p[k] { k += 1 }
                if k == p.count { return true }
            }
        }
        return false
    }
}

/// What a bio's phrases say whichever council it is read against: worked out once per profile.
struct BioPhrases: Sendable {
    var disclaimer = false
    var personal = false
    var scam = false
    var thirdPerson = false
    var mailScam = false

    init(_ keys: [String], vocabulary v: Vocabulary) {
        guard !keys.isEmpty else { return }
        disclaimer = v.disclaimers.found(in: keys)
        personal = v.personal.found(in: keys)
        scam = v.scamPhrases.found(in: keys) || keys.contains { v.scam.contains($0) }
        thirdPerson = v.thirdPerson.found(in: keys)
        mailScam = v.mailScam.found(in: keys)
    }
}
