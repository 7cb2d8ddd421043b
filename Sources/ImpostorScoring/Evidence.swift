import ImpostorCore
import ImpostorText

/// One profile read against one identity, once, for every rule: its name, handle and bio readings and
/// the facts several rules share.
struct Evidence {
    let texts: FoldedProfile
    let identity: ProtectedIdentity
    let name: NameReading
    /// The stronger of the handle's readings, with and without trailing digits.
    let handle: NameReading
    let bio: BioReading
    /// The nearest of the avatar's logo matches for this identity.
    let logo: LogoMatch?
    /// "Woolland Parish Council" for Wool: a longer place's name.
    let longerPlace: String?
    /// The handle spells that longer place too.
    let handleIsLonger: Bool
    /// The name is of another place, and neither the bio nor the handle names this council after all.
    let otherPlace: Bool
    /// The name gives this identity's place.
    let placed: Bool
    /// The name gives the place and a council word: it reads as the council.
    let namesCouncil: Bool

    var council: String { identity.identity.name }

    /// The bio claims an office the watchlist names someone else as holding ("the current Mayor of
    /// Oakbridge" from a name that is not the Mayor's): "views my own" does not make that a personal account.
    var claimsAnothersOffice: Bool {
        guard let office = bio.office, identity.people.contains(where: { $0.office == office }) else { return false }
        return name.holder?.office != office && handle.holder?.office != office
    }
    /// The name as the account shows it, folded.
    var shown: String { texts.name.readable }

    init(_ texts: FoldedProfile, identity p: ProtectedIdentity, base: ProtectedIdentity? = nil, logo: LogoMatch?) {
        self.texts = texts
        identity = p
        self.logo = logo
        name = NameReading(texts.name, identity: p, wordAligned: true, classes: texts.nameClasses, whole: texts.nameWhole)
        let handle = NameReading(texts.handle, identity: p, wordAligned: false, classes: texts.handleClasses,
                                 whole: texts.handleWhole)
        // A handle read as the council's name with its place spelt right is bettered without its digits
        // only by an office, and there is none when the handle without them holds no office word at all.
        let strength = Self.handleStrength(handle)
        let unbettered = strength >= Self.strongestHandle
            || (strength == Self.strongestHandle - 1 && texts.handleTrimmedWhole.offices.isEmpty)
        if texts.handleHasPadding && !unbettered {
            let trimmed = NameReading(texts.handleTrimmed, identity: p, wordAligned: false, classes: texts.handleTrimmedClasses,
                                      whole: texts.handleTrimmedWhole)
            self.handle = Self.handleStrength(trimmed) > Self.handleStrength(handle) ? trimmed : handle
        } else {
            self.handle = handle
        }
        // A bio may spell out the place the handle shortens ("GtSheffordPC", "… Great Shefford, West
        // Berkshire"): read by the council's own name when the other finds nothing.
        let read = BioReading(texts.bio, identity: p, areas: texts.bioAreas, phrases: texts.bioPhrases)
        if let base, !read.mentionsPlace, !read.namesCouncil {
            bio = BioReading(texts.bio, identity: base, areas: texts.bioAreas, phrases: texts.bioPhrases)
        } else {
            bio = read
        }
        // A qualifier before the place ("NEW Epping", "South Ferriby") makes another place unless the
        // bio or the handle names this council after all.
        let longer = name.place == nil && name.councilWord ? name.longerPlace : nil
        longerPlace = longer
        // The handle of "Newport Pagnell Town Council" is "newportpagnelltc": of the longer place too.
        // "CCLlanbadarnFynydd" spells the word after "Cyngor Cymuned Llanbadarn": another place's name.
        func spelt(_ word: String?) -> Bool {
            word.map { texts.handle.compact.contains($0) || texts.handleTrimmed.compact.contains($0) } ?? false
        }
        let trailingPlace = spelt(name.trailingWord)
        // "Builth Wells Town Council" is Builth Wells where the handle or the bio writes it so too; the
        // bio's word counts only when the handle does not name the council without it.
        let handleNamesIt = handle.namesCouncil && !handle.differentPlace
        let longerBefore = name.wordBeforePlace.map { word in
            spelt(word + p.placeCompact) || (!handleNamesIt && Self.holds([word] + p.placeKeys, in: texts.bio.keys))
        } ?? false
        handleIsLonger = spelt(longer) || spelt(name.continuation) || trailingPlace
        // An e-mail names the council it is written to ("would Market Hatton TC like to share the cost?"): only one
        // that speaks as it says the sender's other place is the council's after all.
        let bioNamesIt = texts.isMail ? bio.claim : bio.namesCouncil
        otherPlace = longerBefore || ((name.differentPlace || longer != nil || trailingPlace) && !bioNamesIt
            && !(handleNamesIt && !handleIsLonger))
        placed = name.place != nil && !otherPlace
        namesCouncil = placed && (name.councilWord || name.abbreviation || name.isNameForm)
    }

    /// Whether `words` stand one after another in `keys`.
    static func holds(_ words: [String], in keys: [String]) -> Bool {
        guard !words.isEmpty, keys.count >= words.count else { return false }
        return (0...(keys.count - words.count)).contains { keys[$0..<($0 + words.count)].elementsEqual(words) }
    }

    /// A councillor's name or handle ("Cllr Tom Baxter") of no one the watchlist lists, tied to the
    /// council's place by the name, the handle or the bio ("Ware Town Councillor").
    var unlistedCouncillor: Bool {
        (name.councillorTitle || handle.councillorTitle) && name.person == nil && handle.person == nil
            && (placed || handle.place != nil || bio.mentionsPlace)
    }

    /// A county or a country other than the council's that a bio not giving its place names anywhere ("Deputy
    /// Mayor, Township of Edgewater, New Jersey"): where a person of the same name lives.
    var bioAreaElsewhere: Counties.Area? {
        guard !bio.mentionsPlace else { return nil }
        return texts.bioAreas.first { area in
            (!area.onlyAfterPlace || area.county == area.form) && BioReading.isElsewhere(area, identity: identity)
        }
    }

    /// An area other than the council's that the handle gives after the place ("…parishcouncilpeterborough").
    var handleArea: String? {
        handle.areaAfter.flatMap { BioReading.isElsewhere($0, identity: identity) ? $0.shown : nil }
    }

    /// An area other than the council's that the name gives right after the place or the council words
    /// after it: "City of Salisbury, North Carolina", "Eye Parish Council, Peterborough".
    var nameArea: String? {
        guard let place = name.place else { return nil }
        let keys = texts.name.keys, end = place.words.upperBound
        return BioReading.abroad(after: end, keys: keys, vocab: identity.words) ?? BioReading.areaWithin(after: end, keys: keys, identity: identity)
    }

    /// The bio asks to be paid, or asks for gift cards ("the Mayor needs Amazon gift cards, DM me"): what no parody,
    /// critic or verified body asks, whatever it calls itself.
    var asksForMoney: Bool {
        let words = identity.words, keys = texts.bio.keys
        return (bio.asks && words.giftCards.contains { Evidence.holds($0.keys, in: keys) })
            || words.asksForMoney(texts.bio, place: identity.placeKeys)
    }

    /// The logo, when the avatar is near enough to count.
    var logoMatch: LogoMatch? { logo.flatMap { $0.distance <= LogoRule.distance ? $0 : nil } }

    private static let strongestHandle = 7

    /// An office read in one reading but not the other ("hallowbridgemayor2", whose "2" reads as a "z"
    /// beside letters) counts for the reading that finds it.
    private static func handleStrength(_ r: NameReading) -> Int {
        (r.namesCouncil ? 4 : 0) + (r.place != nil ? 2 : 0) + (r.offices.isEmpty ? 0 : 1) - (r.place?.distance ?? 0)
    }
}
