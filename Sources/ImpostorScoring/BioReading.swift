import ImpostorText

/// What a bio says about one identity: whether it speaks as the council or only mentions it.
struct BioReading: Sendable {
    /// The bio names this council (its place followed by council words, or its full name or an alias).
    var namesCouncil = false
    /// The bio speaks as the council: its name as the subject, "official", "from", not a passing mention.
    var claim = false
    var mentionsPlace = false
    var disclaimer = false
    var personal = false
    var scam = false
    /// Words of the gift-card e-mail scam ("are you free", "gift cards", "reimburse").
    var mailScam = false
    /// A friend asked for money, as a cloned profile of one of the council's people asks.
    var personScam = false
    /// The bio speaks of the council as "their", "them", "not here": someone else writes it.
    var thirdPerson = false
    /// The bio warns of a copy of the council ("fake 'Oakbridge Town Council' pages"): a scam alert.
    var warns = false
    /// The account asks residents to act ("DM us", "claim your"), as a scam does and an alert does not.
    var asks = false
    /// An office of this council the bio claims for the account ("Mayor of Wool", "Clerk to Wool Parish Council").
    var office: String?
    /// An office of this council the bio says the account's owner held before ("served as Mayor of
    /// Wool 2019-20", "Former Clerk to Wool Parish Council").
    var pastOffice: String?
    /// A county other than the council's own, named beside the place: a namesake elsewhere.
    var otherArea: String?
    /// Kinds of council the bio gives this place ("parish" for a namesake of a town council).
    var kindsNamed: Set<String> = []
    /// Every claim the bio makes says the page is the council's, not the council itself: "run by …", "a
    /// committee of …", "… City Council's libraries".
    var claimsBelonging = false
    /// What the bio's opening words call the account, when that is a body of its own ("club" in
    /// "Tabletop wargaming club").
    var describedAs: String?

    /// How many of a bio's first words may say what the account is: its opening phrase.
    static let openingWords = 6

    /// `phrases` are the bio's phrases read with impostor's own vocabulary: used when the council adds
    /// no words of its own, else read again with its words.
    /// `areas` are the counties and other areas the bio names, found once per profile.
    init(_ bio: FoldedText, identity: ProtectedIdentity, areas: [Counties.Area], phrases: BioPhrases? = nil) {
        let keys = bio.keys
        guard !keys.isEmpty else { return }
        let vocab = identity.words
        let said = identity.hasOwnWords ? BioPhrases(keys, vocabulary: vocab) : phrases ?? BioPhrases(keys, vocabulary: vocab)
        (disclaimer, personal, scam, thirdPerson, mailScam) = (said.disclaimer, said.personal, said.scam, said.thirdPerson, said.mailScam)
        personScam = said.personScam
        asks = said.asks
        describedAs = keys.prefix(Self.openingWords).firstIndex(where: vocab.selfDescriptions.contains).map { bio.words[$0] }
        callsItselfOfficial = keys.contains(where: vocab.officialWords.contains)

        let place = identity.placeCompact
        let tolerance = place.count >= 9 ? 1 : 0
        let n = identity.placeKeys.count
        // Words whose lengths cannot add up to the place's are passed over without joining them.
        let placeScalars = identity.placePattern.scalars[...]
        let placeLength = placeScalars.count
        let bounds = bio.keyBounds, scalars = bio.scalars
        var i = 0
        while i < keys.count {
            var matchedEnd: Int? = nil
            for width in Swift.max(1, n - 1)...(n + 1) where i + width <= keys.count {
                guard abs(bounds[i + width] - bounds[i] - placeLength) <= tolerance else { continue }
                // The words run together, read in place in the bio's scalars.
                let joined = scalars[bounds[i]..<bounds[i + width]]
                if tolerance == 0 ? joined.elementsEqual(placeScalars)
                    : EditDistance.damerau(joined, placeScalars, limit: tolerance) <= tolerance
                {
                    matchedEnd = i + width
                    break
                }
            }
            guard let end = matchedEnd else {
                i += 1
                continue
            }
            if Self.qualified(keys, at: i, identity: identity) {
                i = end
                continue
            }
            mentionsPlace = true
            // "Our twin town is Oakbridge, Ontario": the place the council is twinned with, not where it is.
            if otherArea == nil, !keys[max(0, i - 3)..<i].contains(where: vocab.abroadLinks.contains) {
                otherArea = Self.abroad(after: end, keys: keys, vocab: vocab, sentenceEnd: bio.sentenceEnd(after: end - 1))
                    ?? Self.areaWithin(after: end, keys: keys, identity: identity)
            }
            if let found = Self.office(of: i..<end, keys: keys, vocab: vocab, own: identity.ownKinds,
                                       sentenceEnd: bio.sentenceEnd(after: end - 1))
                ?? Self.officeAfter(i..<end, keys: keys, vocab: vocab, own: identity.ownKinds)
            {
                if found.now, office == nil { office = found.office }
                if found.past, pastOffice == nil { pastOffice = found.office }
            }
            read(occurrence: i..<end, keys: keys, vocab: vocab, own: identity.ownKinds, roles: identity.roleWords)
            i = end
        }
        // The council's full name where no occurrence of the place was read in it: written in a warning
        // ("fake 'Oakbridge Town Council' page") or pointing to the real page, it is held back as those are.
        for form in identity.nameForms {
            for span in Self.nameOccurrences(form, in: bio, vocab: vocab)
            where !placesRead.contains(where: span.overlaps) && !Self.qualified(keys, at: span.lowerBound, identity: identity) {
                namesCouncil = true
                if disclaimer || thirdPerson { continue }
                if vocab.warnsOfCopy(keys, before: span.lowerBound, after: span.upperBound) {
                    (warns, warnedClaim) = (true, true)
                } else if vocab.realPage.contains(where: { Vocabulary.phrase($0, endsAt: span.lowerBound, in: keys) }) {
                    pointerClaim = true
                } else if !Self.mentions(keys, start: span.lowerBound, end: span.upperBound, vocab: vocab) {
                    claim = true
                    noteClaim(belonging: Self.belongs(keys, start: span.lowerBound, end: span.upperBound, vocab: vocab))
                }
            }
        }
        // What a warning points to as the real page, and a council of another kind beside one of this
        // council's own kind ("… Town Council and … Borough Council"), are no claims; else they are.
        // A bio that asks residents to act ("DM us", "claim your") while it warns of fakes is the fake.
        let heldBack = (pointerClaim && (!warns || asks)) || (otherKindClaim && !ownKindNamed) || (warnedClaim && asks)
        claim = claim || heldBack
        claimsBelonging = belongingClaim && !beingClaim && !heldBack && !callsItselfOfficial
        // A newsroom names the council it reports on: no claim, though its addresses are read as any bio's.
        // Not one that offers money or asks for bank details: no newsroom does.
        if said.newsroom, !keys.contains(where: vocab.personOffers.contains),
            !vocab.payoutDetails.contains(where: { Evidence.holds($0, in: keys) })
        {
            claim = false
        }
        // Another county named anywhere, where the bio does not name the council's own as well ("…, Dorset. Kent news too").
        if mentionsPlace, !areas.contains(where: { !Self.isElsewhere($0, identity: identity) }),
            let area = areas.first(where: { !$0.onlyAfterPlace && Self.isElsewhere($0, identity: identity) })
        {
            otherArea = area.shown
        }
    }

    /// "The town council is refunding …", "Mae'r cyngor cymuned yn cynnig ad-daliad": the council of its own
    /// kind, without a place, as the subject of an offer of money. Which place's council it is, only the page's
    /// name can say. Not "Not the town council", nor "the town council supports us. Refunds: …".
    static func speaksForOwnKind(_ keys: [String], identity: ProtectedIdentity) -> Bool {
        let vocab = identity.words, own = identity.ownKinds
        // The offer straight after the name ("refunds"), or within four words after a verb particle ("is
        // offering a full refund", "yn cynnig ad-daliad").
        func offers(after end: Int) -> Bool {
            guard end < keys.count else { return false }
            if vocab.personOffers.contains(keys[end]) { return true }
            guard vocab.verbParticles.contains(keys[end]) else { return false }
            return keys[(end + 1)..<Swift.min(keys.count, end + 5)].contains(where: vocab.personOffers.contains)
        }
        return keys.indices.dropLast().contains { i in
            // English: "the" before the kind, the council word after it.
            if i > 0, vocab.councilArticles.contains(keys[i - 1]), vocab.isKind(keys[i], in: own), vocab.council.contains(keys[i + 1]) {
                return !(i > 1 && vocab.negators.contains(keys[i - 2])) && offers(after: i + 2)
                    && !mentions(keys, start: i - 1, end: i + 2, vocab: vocab)
            }
            // Or as the bio's heading, the offer within its next five words: "Town council news: council tax refund …".
            if i == 0, vocab.isKind(keys[0], in: own), vocab.council.contains(keys[1]) {
                return keys[2..<Swift.min(keys.count, 7)].contains(where: vocab.personOffers.contains) && !mentions(keys, start: 0, end: 2, vocab: vocab)
            }
            // Welsh: the council word, the kind, then a verb ("yn cynnig"): no place follows.
            if vocab.council.contains(keys[i]), vocab.isKind(keys[i + 1], in: own), offers(after: i + 2) {
                return !mentions(keys, start: i, end: i + 2, vocab: vocab)
            }
            return false
        }
    }

    /// Whether `area` is not the council's: neither its area, in it, holding it, nor its place's name.
    static func isElsewhere(_ area: Counties.Area, identity: ProtectedIdentity) -> Bool {
        !identity.ownAreas.isEmpty && !identity.ownAreas.contains(where: area.within) && !area.form.allSatisfy(identity.placeKeys.contains)
    }

    /// An area within a county other than the council's, right after the place or council words that
    /// follow it: "Eye Parish Council, Peterborough", "Llanfair ym Mhowys".
    static func areaWithin(after end: Int, keys: [String], identity: ProtectedIdentity) -> String? {
        let vocab = identity.words
        return vocab.areas.area(at: areaStart(after: end, keys: keys, vocab: vocab), in: keys)
            .flatMap { isElsewhere($0, identity: identity) ? $0.shown : nil }
    }

    /// Where an area named after the place would start: past council words and links ("in", "ym").
    static func areaStart(after end: Int, keys: [String], vocab: Vocabulary) -> Int {
        var j = end
        while j < keys.count, vocab.isCouncilWord(keys[j]) || vocab.areaLinks.contains(keys[j]) { j += 1 }
        return j
    }

    /// A state or country abroad right after the place, or after council words that follow it:
    /// "Monmouth, Illinois", "Ludlow Town Council, Vermont".
    static func abroad(after end: Int, keys: [String], vocab: Vocabulary, sentenceEnd: Int? = nil) -> String? {
        let j = areaStart(after: end, keys: keys, vocab: vocab)
        // A town abroad may stand between, as an address abroad is written ("… Council, Cape Breton, Nova Scotia"):
        // up to three words of the same sentence, none that ties the council to a place it is not in ("twinned with
        // Monmouth, Illinois", "born in Kenya").
        for skip in 0...3 where j + skip < keys.count && (skip == 0 || j + skip < sentenceEnd ?? keys.count) {
            if skip > 0, vocab.abroadLinks.contains(keys[j + skip - 1]) { return nil }
            if let found = vocab.abroad.first(where: { keys[(j + skip)...].starts(with: $0.keys) }) { return found.text }
        }
        return nil
    }

    /// Where `form` (compact) occurs in the bio other than as the start of a councillor word, as the keys
    /// it spans: "St Ives Town Councillor" holds "stivestowncouncil" but names a councillor;
    /// "…TownCouncil2024" is the council.
    static func nameOccurrences(_ form: String, in bio: FoldedText, vocab: Vocabulary) -> [Range<Int>] {
        let letters = Array(form.unicodeScalars)
        guard !letters.isEmpty, bio.compact.holds(form) else { return [] }
        let text = bio.scalars, bounds = bio.keyBounds
        var found: [Range<Int>] = []
        for at in 0...(text.count - letters.count) where text[at..<(at + letters.count)].elementsEqual(letters) {
            let end = at + letters.count
            // The key the occurrence ends inside, if it does not end at a key's end.
            if let k = bounds.indices.dropLast().first(where: { bounds[$0] < end && end < bounds[$0 + 1] }),
                vocab.councillor.contains(bio.keys[k]) || vocab.titles.contains(bio.keys[k])
            {
                continue
            }
            let first = bounds.lastIndex { $0 <= at } ?? 0
            let last = bounds.firstIndex { $0 >= end } ?? bio.keys.count
            found.append(first..<max(first + 1, last))
        }
        return found
    }

    /// Whether a qualifier that is not the place's own stands before `start`: "Little Gable Parish Council" in
    /// the bio is another place's council, as in the name. "The new … page" announces one ("new" is an affix).
    static func qualified(_ keys: [String], at start: Int, identity: ProtectedIdentity) -> Bool {
        guard start > 0 else { return false }
        let vocab = identity.words, word = keys[start - 1]
        return vocab.placeQualifiers.contains(word) && !vocab.affixes.contains(word) && !identity.placeKeys.contains(word)
    }

    /// Whether the words around the council's name at `start..<end` speak of it rather than as it: "meetings
    /// of …", "Report potholes to …" (but "Welcome to …" speaks as it), "Funded by …", "with support from …".
    static func mentions(_ keys: [String], start: Int, end: Int, vocab: Vocabulary) -> Bool {
        let before = start > 0 ? keys[start - 1] : nil
        let twoBefore = start > 1 ? keys[start - 2] : nil
        let after = wordAfter(end, keys: keys, vocab: vocab)
        let toSomeoneElse = before.map(vocab.addressedTo.contains) == true && twoBefore.map(vocab.welcome.contains) != true
        let supported = before.map(vocab.by.contains) == true && twoBefore.map { vocab.supportedBy.contains($0) } == true
        return before.map { vocab.mentionCues.contains($0) || vocab.mentionBefore.contains($0) } == true
            || after.map { vocab.mentionCues.contains($0) } == true || toSomeoneElse || supported
    }

    /// Occurrences held back until the whole bio is read: see the end of `init`.
    private var pointerClaim = false, otherKindClaim = false, ownKindNamed = false, warnedClaim = false
    /// Claims that the page is the council's (`belongs`), and claims to be it.
    private var belongingClaim = false, beingClaim = false
    /// The bio calls itself official ("Official page …"): the council itself, whatever else it says.
    private var callsItselfOfficial = false
    /// Where the place was read as the council's name, as keys: a name form there is read already.
    private var placesRead: [Range<Int>] = []

    /// Reads one occurrence of the place: council words after it make it the council's name;
    /// the words around it tell a claim ("Official page of …", "… – official updates") from a mention.
    /// `own` are the council's own kinds ("parish", "village"): "… and Oakbridge Borough Council" names another council.
    private mutating func read(occurrence: Range<Int>, keys: [String], vocab: Vocabulary, own: Set<String>, roles: Set<String>) {
        var j = occurrence.upperBound
        var kinds: Set<String> = []
        var council = false
        while j < keys.count && j < occurrence.upperBound + 3 {
            let k = keys[j]
            if let kind = vocab.kindOf[k] {
                kinds.insert(kind)
            } else if let kind = vocab.abbreviations[k] {
                kinds.insert(kind)
                council = true
            } else if vocab.council.contains(k) {
                council = true
                j += 1
                break
            } else {
                break
            }
            j += 1
        }
        // Welsh puts the council words first: "Cyngor Tref Aberteifi". What comes before them frames it.
        var start = occurrence.lowerBound
        if !council {
            var b = start - 1
            // "Cyngor Tref ym Mhorthmadog": the council in its place.
            if b >= 1, vocab.councilPlaceLinks.contains(keys[b]) { b -= 1 }
            let last = b
            var before: Set<String> = []
            while b >= 0, b >= last - 2, let kind = vocab.kindOf[keys[b]] {
                before.insert(kind)
                b -= 1
            }
            if b >= 0, vocab.council.contains(keys[b]) {
                council = true
                kinds = before
                start = b
            }
        }
        guard council else { return }
        namesCouncil = true
        placesRead.append(occurrence)
        kindsNamed.formUnion(kinds)
        let mentioned = Self.mentions(keys, start: start, end: j, vocab: vocab)
        let warned = vocab.warnsOfCopy(keys, before: start, after: j)
        warns = warns || warned
        if !kinds.isDisjoint(with: own) { ownKindNamed = true }
        guard !mentioned && !disclaimer && !thirdPerson else { return }
        // "Treasurer of Kilbrannock Community Council": one of its people's roles, said of the account's owner,
        // in a bio that asks for nothing and calls itself nothing official.
        if start >= 2, vocab.partLinks.contains(keys[start - 1]), roles.contains(keys[start - 2]), !asks, !scam, !personScam,
            !callsItselfOfficial
        {
            return
        }
        if warned {
            warnedClaim = true
            return
        }
        if !own.isEmpty && !kinds.isEmpty && kinds.isDisjoint(with: own) {
            otherKindClaim = true
        } else if vocab.realPage.contains(where: { Vocabulary.phrase($0, endsAt: start, in: keys) }) {
            pointerClaim = true
        } else {
            claim = true
            noteClaim(belonging: Self.belongs(keys, start: start, end: j, vocab: vocab))
        }
    }

    private mutating func noteClaim(belonging: Bool) {
        if belonging { belongingClaim = true } else { beingClaim = true }
    }

    /// Whether the council's name at `start..<end` is said to own the page rather than be it: "run by …",
    /// "a committee of …", "Llyfrgelloedd Cyngor …", "… City Council's 14 libraries".
    static func belongs(_ keys: [String], start: Int, end: Int, vocab: Vocabulary) -> Bool {
        if vocab.belongingBefore.contains(where: { Vocabulary.phrase($0, endsAt: start, in: keys) }) { return true }
        if start >= 1, vocab.councilParts.contains(keys[start - 1]) { return true }
        if start >= 2, vocab.partLinks.contains(keys[start - 1]), vocab.councilParts.contains(keys[start - 2]) { return true }
        // After the council's name as a possessive ("… Council's 14 libraries"), past a number.
        guard end > start, keys[end - 1].hasSuffix("s") else { return false }
        let next = keys[end...].first { !$0.allSatisfy(\.isNumber) }
        return next.map(vocab.councilParts.contains) == true
    }

    /// The word at `j`, or the one after it when `j` holds a verb particle: Welsh says "… yn rhybuddio"
    /// (is warning), and the cue is the verb.
    static func wordAfter(_ j: Int, keys: [String], vocab: Vocabulary) -> String? {
        guard j < keys.count else { return nil }
        return vocab.verbParticles.contains(keys[j]) && j + 1 < keys.count ? keys[j + 1] : keys[j]
    }

    /// The office claimed by the place written first: "Oakbridge Mayor", "Oakbridge's Mayor", "Oakbridge Town
    /// Clerk". Only an office written that way beside its place (`offices_before_place`) or after the council's
    /// own kind: "Oakbridge Leader" is a newspaper. Not "Oakbridge Mayor's Charity Ball", an occasion, nor
    /// "former Oakbridge Mayor".
    static func officeAfter(_ place: Range<Int>, keys: [String], vocab: Vocabulary, own: Set<String>) -> (office: String, now: Bool, past: Bool)? {
        var j = place.upperBound
        let withKind = j < keys.count && vocab.isKind(keys[j], in: own)
        if withKind { j += 1 }
        guard j < keys.count, let office = vocab.roles[keys[j]], !vocab.consort.contains(keys[j]),
            withKind || vocab.officesBeforePlace.contains(keys[j]),
            j + 1 == keys.count || !vocab.officeOccasions.contains(keys[j + 1]),
            !keys[max(0, place.lowerBound - 2)..<place.lowerBound].contains(where: vocab.notTheHolder.contains)
        else { return nil }
        let ended = Term.ended(keysFrom: j + 1, in: keys)
        return (office, !ended, ended)
    }

    /// Whether the office word at `i` follows the council's own kind ("Town Clerk" of a town council).
    static func officeWithKind(at i: Int, keys: [String], vocab: Vocabulary, own: Set<String>) -> Bool {
        i >= 1 && vocab.roles[keys[i]] != nil && vocab.isKind(keys[i - 1], in: own)
    }

    /// The office claimed by "<office> of|to|for [the] <place>": "Mayor of Wool", "Town Clerk to Wool
    /// Parish Council", "Proper Officer of …". Not when another word makes it someone else's office
    /// ("Deputy Mayor of", "a letter to the Mayor of", "former Mayor of", "wife of the Mayor of"), nor
    /// an office of a club or charity named after the place ("Chair of Wool Cricket Club"). A Chair,
    /// Clerk or Leader is of the council only when the council follows or nothing does, or when the bio opens
    /// on it written with its kind ("Town Clerk, Wool"); a Mayor is.
    /// `now` says it is claimed as held now; `past` that it was held before: a word of `former_office` stands
    /// before it ("served as"), or years of a term that has ended follow. Nil when neither.
    static func office(of place: Range<Int>, keys: [String], vocab: Vocabulary, own: Set<String>, sentenceEnd: Int? = nil)
        -> (office: String, now: Bool, past: Bool)?
    {
        // "Town Clerk, Wool", "I'm the Parish Clerk for Wool": only a council has such an office, whatever follows
        // the place, when the bio opens on it; further on it is more often said of someone else.
        func writtenWithKind(_ i: Int) -> Bool { i >= 0 && i < openingWords && officeWithKind(at: i, keys: keys, vocab: vocab, own: own) }
        var b = place.lowerBound - 1
        if b >= 0, vocab.the.contains(keys[b]) { b -= 1 }
        // Council words before the place ("… Cyngor Tref Aberteifi") name the council already.
        var councilBefore = false
        if b >= 1, vocab.officeLinks.contains(keys[b]) {
            b -= 1
        } else {
            // Welsh joins an office to its place with no word between ("Maer Aberteifi", "Clerc Cyngor
            // Tref Aberteifi"), as a Mayor's bio may in English ("Mayor, Market Drayton", the comma
            // folded away). Only offices listed as written that way may, or one written with its kind
            // of council ("Town Clerk, Market Drayton").
            while b >= 1, vocab.council.contains(keys[b]) || vocab.kindOf[keys[b]] != nil {
                councilBefore = councilBefore || vocab.council.contains(keys[b])
                b -= 1
            }
            guard b >= 0, vocab.officesBeforePlace.contains(keys[b]) || writtenWithKind(b) else { return nil }
        }
        let withKind = writtenWithKind(b)
        let office: String
        if let role = vocab.roles[keys[b]], !vocab.consort.contains(keys[b]) {
            office = role
        } else if vocab.officer.contains(keys[b]), b >= 1, vocab.proper.contains(keys[b - 1]) {
            office = "clerk"  // the Proper Officer of a council is its Clerk
            b -= 1
        } else {
            return nil
        }
        // Skip what may stand before the office itself: "the", "Town", "Lord", then look for a word
        // that makes the office someone else's.
        var c = b - 1
        while c >= 0, vocab.the.contains(keys[c]) || vocab.lord.contains(keys[c]) || vocab.kindOf[keys[c]] != nil {
            c -= 1
        }
        // "Mayor of Battle 2018–2020": years of a term that has ended, past any council words.
        let ended = Term.ended(keysFrom: areaStart(after: place.upperBound, keys: keys, vocab: vocab), in: keys)
        let before = keys[max(0, c - 1)..<max(0, c + 1)]
        let now = !ended && !before.contains(where: vocab.notTheHolder.contains)
        let past = ended || before.contains(where: vocab.formerOffice.contains)
        guard now || past else { return nil }
        // An organisation's word after the place makes it that body's office ("Chair of Wool Cricket Club"), but
        // not one written with the council's own kind, nor one in the next sentence ("Mayor of Wool. Friends, …").
        let following = keys[place.upperBound..<max(place.upperBound, min(keys.count, place.upperBound + 3, sentenceEnd ?? keys.count))]
        if !withKind, following.contains(where: { vocab.organisations.contains($0) }) { return nil }
        if office != "mayor", !councilBefore, !withKind, let next = following.first, !next.allSatisfy(\.isNumber),
            !vocab.council.contains(next), vocab.kindOf[next] == nil, vocab.abbreviations[next] == nil
        {
            return nil
        }
        return (office, now, past)
    }
}
