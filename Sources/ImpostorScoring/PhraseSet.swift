/// Phrases of one word or several ("not affiliated", "views my own"), each filed under what it says,
/// found by their first word: one dictionary look-up per word of the text finds every kind at once.
struct PhraseSet: Sendable {
    typealias Meaning = BioPhrases.Meaning
    private var byFirst: [String: [(words: [String], meaning: Meaning)]] = [:]

    init(_ phrases: [(words: [String], meaning: Meaning)]) {
        for p in phrases where !p.words.isEmpty { byFirst[p.words[0], default: []].append(p) }
    }

    /// The meanings of the phrases `keys` holds as consecutive words, as bits: bit n for raw value n.
    func found(in keys: [String]) -> Int {
        guard !byFirst.isEmpty else { return 0 }
        var found = 0
        for i in keys.indices {
            guard let candidates = byFirst[keys[i]] else { continue }
            for p in candidates where p.words.count <= keys.count - i {
                var k = 1
                while k < p.words.count && keys[i + k] == p.words[k] { k += 1 }
                if k == p.words.count { found |= 1 << p.meaning.rawValue }
            }
        }
        return found
    }
}

/// What a bio's phrases say whichever council it is read against: worked out once per profile.
struct BioPhrases: Sendable {
    /// What a phrase of a bio may say: the word lists they come from.
    enum Meaning: Int, Sendable {
        case disclaimer, personal, scam, thirdPerson, mailScam, personScam, ask, newsroom
    }

    var disclaimer = false
    var personal = false
    var scam = false
    var thirdPerson = false
    /// A newsroom's words ("send us your stories"): it reports on the council.
    var newsroom = false
    var mailScam = false
    /// A friend asked for money, as a cloned profile asks ("send what you can", "stuck abroad").
    var personScam = false
    /// The account itself asks residents to act: "DM us", "claim your", "via the link".
    var asks = false

    init(_ keys: [String], vocabulary v: Vocabulary) {
        guard !keys.isEmpty else { return }
        let found = v.bioPhrases.found(in: keys)
        func said(_ m: Meaning) -> Bool { found & 1 << m.rawValue != 0 }
        // A disclaimer beside an ask no parody or critic makes ("card details") is cover, not a disclaimer.
        (disclaimer, personal, scam) = (said(.disclaimer) && !v.grabsMoney(keys), said(.personal), said(.scam))
        (thirdPerson, mailScam, personScam) = (said(.thirdPerson), said(.mailScam), said(.personScam))
        asks = said(.ask)
        newsroom = said(.newsroom)
    }
}
