import ImpostorCore
import ImpostorText

/// One of the council's own accounts, listed under `[[official]]`, whose name and bio now say what a
/// hijacker posts: "Bitcoin Giveaway", "send 0.01 BTC to verify your wallet". It is no impostor, but the
/// clerk must get it back and warn residents, so it is a case all the same.
enum HijackCheck {
    static let signal = Signal.hijacked
    /// Enough on its own: the account is the council's, and two of these words are no council's post.
    static let weight = 8.0
    /// Words of the `hijack` list (told apart by `stem`: "nft" and "nfts" are one) and phrases of
    /// `hijack_phrases` the name and bio must hold between them: one alone may be a council's warning
    /// about crypto scams, or a competition of its own.
    static let wordsNeeded = 2

    /// What tells two words apart: the first four letters once a plural's "s" is off.
    static func stem(_ key: String) -> Substring {
        (key.count > 3 && key.hasSuffix("s") ? key.dropLast() : Substring(key)).prefix(4)
    }

    /// The reason, when `name` and `bio` hold enough of `vocabulary`'s hijack words, or a coin's ticker.
    /// A web address the bio gives on a shop's or prize page's ending, at none of `hosts`, counts as one word.
    static func check(name: FoldedText, bio: FoldedText, addresses: [String], hosts: [String], vocabulary: Vocabulary,
                      identity: String) -> Reason? {
        if warns(bio, vocabulary: vocabulary) { return nil }
        var found: [String] = [], stems: Set<Substring> = []
        for (key, word) in zip(name.keys + bio.keys, name.words + bio.words)
        where vocabulary.hijackWords.contains(key) && stems.insert(stem(key)).inserted {
            found.append(word)
        }
        // An amount of a coin with a fraction ("0.1 BTC", folded to "0 1 btc") in a sentence that offers or asks
        // ("claim your free 0.1 BTC") is what a giveaway promises: one more word, beside the coin. Not a whole
        // one ("what is 1 bitcoin worth?"), nor one a recovered page names ("ignore the 0.5 BTC posts").
        let keys = bio.keys
        if let at = keys.indices.dropFirst(2).first(where: { at in
            vocabulary.coins.contains(keys[at]) && isNumber(keys[at - 1]) && isNumber(keys[at - 2])
                // From the sentence of the whole part: folding reads the point in "0.1" as a sentence's end.
                && keys[bio.sentence(holding: at - 2).lowerBound..<bio.sentence(holding: at).upperBound].contains(where: vocabulary.coinAsks.contains)
        }) {
            found.append(bio.words[at - 2] + "." + bio.words[at - 1] + " " + bio.words[at])
        }
        // One shop counts once, however often the bio gives it ("shop.shop, orders@shop.shop").
        if let shop = addresses.first(where: { address in
            let ending = (address.split(separator: "@").last ?? "").split(separator: ".").last.map(String.init) ?? ""
            return vocabulary.hijackEndings.contains(ending) && !WebAddresses.isOfficial(address, hosts: hosts)
        }) {
            found.append(shop)
        }
        for phrase in vocabulary.hijackPhrases
        where Evidence.holds(phrase.keys, in: name.keys) || Evidence.holds(phrase.keys, in: bio.keys) {
            found.append(phrase.text)
        }
        // A cashtag ("$BTC", "$BORTH") names a coin to buy: no council writes one, even in a warning; nor
        // does a council announce that its page is "under new management".
        let tickers = cashtags(name.original) + cashtags(bio.original)
        let announced = vocabulary.hijackAnnouncements
            .filter { Evidence.holds($0.keys, in: name.keys) || Evidence.holds($0.keys, in: bio.keys) }.map(\.text)
        found += tickers + announced
        guard found.count >= wordsNeeded || !tickers.isEmpty || !announced.isEmpty else { return nil }
        let words = found.joined(separator: ", ")
        return Reason(signal: signal, identity: identity, matched: words, weight: weight,
                      detail: "one of the council's own accounts posts what a hijacker posts (\(words)): taken over?")
    }

    /// The reason, when the account offers money (a refund, a grant, a prize) and asks for card or bank details by
    /// message: "Council tax refund – DM us your card details". The council's own warnings say it never does.
    static func asksForDetails(bio: FoldedText, addresses: [String], hosts: [String], vocabulary: Vocabulary, identity: String) -> Reason? {
        let away = addresses.contains { !WebAddresses.isOfficial($0, hosts: hosts) }
        guard let offer = offerForDetails(bio, away: away, vocabulary: vocabulary) else { return nil }
        return Reason(signal: signal, identity: identity, matched: offer, weight: weight,
                      detail: "one of the council's own accounts asks for card or bank details by message, with money on offer "
                          + "(\"\(offer)\"), which the council never does: taken over?")
    }

    /// The money on offer, as written, where `bio` asks for card or bank details by message ("reply with your name
    /// and sort code", "DM us your card number"), or at an address away from the council's own hosts (`away`:
    /// "enter your bank details: bit.ly/…"); not at a form on its own site, nor in a warning.
    static func offerForDetails(_ bio: FoldedText, away: Bool, vocabulary: Vocabulary) -> String? {
        let keys = bio.keys
        // The ask up to six words before the details.
        let asked = vocabulary.payoutDetails.contains { phrase in
            keys.indices.contains { at in
                keys[at...].starts(with: phrase) && keys[max(0, at - 6)..<at].contains { vocabulary.messageAsks.contains($0) || (away && vocabulary.detailAsks.contains($0)) }
            }
        }
        guard !warns(bio, vocabulary: vocabulary), asked,
            let offer = keys.firstIndex(where: vocabulary.offersMoney)
        else { return nil }
        return bio.words[offer]
    }

    /// The reason, when the account's bio sends people to an address at one of the council's own hosts with
    /// its full stops moved or a letter changed ("claim here 👉 caerwenlli-gov.uk/claim" for caerwenlli.gov.uk),
    /// or to one spelled as the council's with more added ("apply at elmsford-tc-grants.com"): a council links its
    /// own site. Not a clerk's webmail, nor a partner's site that only holds the place; nor where the bio warns of
    /// that address. `addresses` hold each address's domain key, as `WebAddresses.lookalike` reads them.
    static func lookalikeAddress(bio: FoldedText, addresses: [(address: String, key: String)], council: ProtectedIdentity?,
                                 vocabulary: Vocabulary, hosts: [String], identity: String) -> Reason? {
        // One with more added only beside money on offer ("grant", "claim"): the council links the Mayor's charity and
        // its own Microsoft tenant too.
        let offers = bio.keys.contains(where: vocabulary.offersMoney)
        guard !warns(bio, vocabulary: vocabulary),
            let address = addresses.first(where: { WebAddresses.nearOfficialHost($0.address, hosts: hosts) })?.address
                ?? (offers ? council.flatMap({ WebAddresses.lookalike(addresses, of: $0) }) : nil)
        else { return nil }
        return Reason(signal: signal, identity: identity, matched: address, weight: weight,
                      detail: "one of the council's own accounts sends people to \(address), an address spelled as the council's that is not one of its own: taken over?")
    }

    /// A council's warning quotes the scam it warns of: "Beware fake 'Meta Support' messages", "we will never
    /// ask you to send crypto". A hijacker's "Don't miss out!" is no warning.
    static func warns(_ bio: FoldedText, vocabulary: Vocabulary) -> Bool {
        // By words: "Comment 'done'" is no "clone", though their keys are one.
        bio.words.contains(where: vocabulary.warningWords.contains) || vocabulary.cautions(bio.keys) || vocabulary.refusesAnAct(bio.keys)
    }

    /// The reason, when the account now shows a name that gives neither the council's place (by any of its
    /// `readings`), a council word, the council's initials ("LCC"), nor one of its people or offices:
    /// "MicroStrategy US LIVE", "Page Support Centre". A takeover renames the account; a council names its own.
    static func renamed(_ name: FoldedText, readings: [ProtectedIdentity], identity: String) -> Reason? {
        guard !name.keys.isEmpty, !readings.isEmpty else { return nil }
        let namesCouncil = readings.contains { r in
            let read = NameReading(name, identity: r, wordAligned: true)
            return read.place != nil || read.councilWord || read.abbreviation || read.person != nil || !read.offices.isEmpty
                || name.words.contains(where: r.nameInitials.contains)
        }
        guard !namesCouncil else { return nil }
        let shown = name.readable
        return Reason(signal: signal, identity: identity, matched: shown, weight: weight,
                      detail: "one of the council's own accounts now goes by \"\(shown)\", which names neither the council nor its place: taken over?")
    }

    /// "$" and two to six capital letters standing alone, as a coin's ticker is written: not a price ("$5").
    static func cashtags(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var tags: [String] = []
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "$") {
            if i > 0, isLetterOrDigit(bytes[i - 1]) { continue }  // "US$", "a$b"
            var end = i + 1
            while end < bytes.count, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end]) { end += 1 }
            guard (2...6).contains(end - i - 1), end == bytes.count || !isLetterOrDigit(bytes[end]) else { continue }
            tags.append(String(decoding: bytes[i..<end], as: UTF8.self))
        }
        return tags
    }

    private static func isNumber(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isLetterOrDigit(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
}
