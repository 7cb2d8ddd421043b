import ImpostorCore
import ImpostorText

/// One of the council's own accounts, listed under `[[official]]`, whose name and bio now say what a
/// hijacker posts: "Bitcoin Giveaway", "send 0.01 BTC to verify your wallet". It is no impostor, but the
/// clerk must get it back and warn residents, so it is a case all the same.
enum HijackCheck {
    static let signal = Signal.hijacked
    /// Enough on its own: the account is the council's, and two of these words are no council's post.
    static let weight = 8.0
    /// Words of the `hijack` list the name and bio must hold between them, told apart by `stem` ("nft" and
    /// "nfts" are one): one alone may be a council's warning about crypto scams.
    static let wordsNeeded = 2

    /// What tells two words apart: the first four letters once a plural's "s" is off.
    static func stem(_ key: String) -> Substring {
        (key.count > 3 && key.hasSuffix("s") ? key.dropLast() : Substring(key)).prefix(4)
    }

    /// The reason, when `name` and `bio` hold enough of `vocabulary`'s hijack words.
    static func check(name: FoldedText, bio: FoldedText, vocabulary: Vocabulary, identity: String) -> Reason? {
        var found: [String] = [], stems: Set<Substring> = []
        for (key, word) in zip(name.keys + bio.keys, name.words + bio.words)
        where vocabulary.hijackWords.contains(key) && stems.insert(stem(key)).inserted {
            found.append(word)
        }
        guard found.count >= wordsNeeded else { return nil }
        let words = found.joined(separator: ", ")
        return Reason(signal: signal, identity: identity, matched: words, weight: weight,
                      detail: "one of the council's own accounts posts what a hijacker posts (\(words)): taken over?")
    }
}
