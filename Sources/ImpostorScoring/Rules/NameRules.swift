import ImpostorCore
import ImpostorText

// What else the display name says: another kind, place or organisation, a disowning, hidden characters.

/// "Oakbridge Parish Council" for a town council: another body of that name.
enum OtherKindRule: Rule {
    static let signal = Signal.otherKind
    static let weight = -1.5
    /// The district, borough or county council that covers the place, beside a town or parish council
    /// (or the other way round): a real body of its own, not a copy with one word changed. Its page
    /// talks of council tax and payments as a scam's does, so the bio does not tell them apart.
    static let otherTier = -4.0
    static var variants: [(when: String, weight: Double)] { [("a council of the other tier (district, borough, county)", otherTier)] }
    static let principalKinds: Set<String> = ["district", "borough", "county"]
    static let summary = "the name gives another kind of council than this one"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Parish Council"), .fires("Oakbridge Community Council"), .fires("Oakbridge Borough Council"),
        .quiet("Oakbridge Town Council"), .quiet("Oakbridge Council"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let kind = e.identity.kind
        guard e.namesCouncil, !e.name.kinds.isEmpty, !kind.isEmpty, e.name.kinds.isDisjoint(with: e.identity.ownKinds) else { return nil }
        let watchedIsPrincipal = principalKinds.contains(kind)
        let otherTier = e.name.kinds.allSatisfy { principalKinds.contains($0) != watchedIsPrincipal }
        return Hit(weight: otherTier ? Self.otherTier : weight,
                   detail: "the name says \(e.name.kinds.sorted().joined(separator: "/")) council, not \(e.identity.identity.kind)",
                   matched: e.identity.identity.kind, folded: e.shown)
    }
}

/// "Oakbridge Cricket Club": another organisation named after the place.
enum OrganisationRule: Rule {
    static let signal = Signal.organisation
    static let weight = -3.5
    /// Beside a council name ("Oakbridge Town Council Allotments"): weaker, impostors add such words too.
    static let besideCouncil = -1.5
    /// A word of `other_bodies` in place of the kind, among the (at most three) words between the place and
    /// "Council": "Oakbridge Youth Council", "Oakbridge Parochial Church Council" are bodies of their own.
    static let otherBody = -5.0
    static var variants: [(when: String, weight: Double)] {
        [("beside the council's name", besideCouncil), ("between the place and \"Council\", or last after it: another body", otherBody)]
    }
    static let summary = "the name adds a club's, school's, shop's or group's words to the place"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Cricket Club"), .fires("Oakbridge Town Council Allotment Society"), .fires("Oakbridge Youth Council"),
        .fires("Oakbridge Primary Parent Council"), .fires("Oakbridge Parochial Church Council"),
        .fires("Oakbridge PCC", bio: "The Parochial Church Council of St Mary's, Oakbridge. Rotas and notices."),
        .fires("Clwb Rygbi Oakbridge"), .fires("CPD Oakbridge"), .fires("Cyngor Busnes Oakbridge"), .fires("Oakbridge Council Tenants' Forum"),
        .fires("Oakbridge TC Repairs", handle: "oakbridgetcrepairs", bio: "Laptop and phone repairs. Message for a quote."),
        .quiet("Oakbridge Town Council"), .quiet("Oakbridge News"),
        .quiet("Oakbridge PCC", bio: "Oakbridge Parish Council. Grants for residents: DM us to apply."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let vocab = e.identity.words
        // Up to three words between ("Drumlaggan Primary Parent Council", "St Tewdric Parochial Church Council").
        if e.namesCouncil, let place = e.name.place, e.name.kinds.isEmpty, case let keys = e.texts.name.keys,
            let council = keys[place.words.upperBound...].prefix(4).firstIndex(where: vocab.council.contains),
            keys[place.words.upperBound..<council].contains(where: vocab.otherBodies.contains)
        {
            let body = e.texts.name.words[place.words.upperBound..<council].joined(separator: " ")
            return Hit(weight: otherBody, detail: "the name is of another body: \(body) council", folded: body)
        }
        // "Oakbridge PCC" whose bio spells it out as another body's council ("Parochial Church Council of St Mary's").
        if e.namesCouncil, let body = Self.bodySpelledOut(name: e.texts.name, bio: e.texts.bio, vocab: vocab) {
            return Hit(weight: otherBody, detail: "the bio spells the name's \(body.abbreviation.uppercased()) out as another body: \(body.words)",
                       folded: body.words)
        }
        // "Oakbridge Council Tenants' Forum", "… Town Council Allotment Society": the name ends as a body of
        // its own after the council's words, which say whose tenants or allotments.
        if e.namesCouncil, e.name.offices.isEmpty, let last = e.texts.name.keys.last, vocab.bodiesAfterCouncil.contains(last),
            let council = e.texts.name.keys.lastIndex(where: vocab.council.contains), council < e.texts.name.keys.count - 1
        {
            let body = e.texts.name.words[(council + 1)...].joined(separator: " ")
            return Hit(weight: otherBody, detail: "the name is of another body: \(body)", folded: body)
        }
        // Shown as written ("charity"), not as keyed ("charlty"): a reason a clerk reads must not look mistyped.
        let name = e.texts.name
        let words = e.name.organisationWords.map { key in name.keys.firstIndex(of: key).map { name.words[$0] } ?? key }
            .joined(separator: " ")
        guard !words.isEmpty else { return nil }
        if e.name.councilWordIsAdvice, e.placed {
            return Hit(weight: weight, detail: "the name is advice, not a council: \(words)", folded: words)
        }
        if e.namesCouncil {
            return Hit(weight: besideCouncil, detail: "the name adds organisation words: \(words)", folded: words)
        }
        guard e.placed, so.claim == .place else { return nil }
        // A page taking or paying out money in the council's (or its Mayor's) name is no other body's: a
        // festival's refunds, "Lord Mayor of Aldchester's Charity Appeal" taking bank transfers by DM.
        if PayoutRule.check(e, so: so) != nil { return nil }
        return Hit(weight: weight, detail: "another organisation named after the place (\(words))", folded: words)
    }
}

extension OrganisationRule {
    /// A word of the name (two to five letters) that a run of the bio's words spells out by their initials, the run
    /// ending in a council word and holding a word of `other_bodies`: "PCC", "Parochial Church Council".
    static func bodySpelledOut(name: FoldedText, bio: FoldedText, vocab: Vocabulary) -> (abbreviation: String, words: String)? {
        let (words, keys) = (bio.words, bio.keys)
        // In the name's order, so that the same profile always gives the same reason.
        for abbreviation in name.words where (2...5).contains(abbreviation.utf8.count) && abbreviation.utf8.count <= words.count {
            let letters = Array(abbreviation.utf8)
            for start in 0...(words.count - letters.count) {
                let run = start..<(start + letters.count)
                guard vocab.council.contains(keys[run.upperBound - 1]), keys[run].contains(where: vocab.otherBodies.contains),
                    zip(words[run], letters).allSatisfy({ $0.utf8.first == $1 })
                else { continue }
                return (abbreviation, words[run].joined(separator: " "))
            }
        }
        return nil
    }
}

/// "South Oakbridge Town Council", "Oakbridgeford Town Council": another place's council.
enum DifferentPlaceRule: Rule {
    static let signal = Signal.differentPlace
    static let weight = -5.0
    static let summary = "the name is of another place: a qualifier before it or a longer name around it"
    static let examples: [RuleExample] = [
        .fires("South Oakbridge Town Council"), .fires("Great Oakbridge Parish Council"), .fires("Builth Oakbridge Town Council", handle: "builthoakbridgetc"),
        .quiet("Our Oakbridge Town Council"),
        .quiet("Oakbridge Town Council"), .quiet("URGENT Oakbridge Town Council"), .quiet("Official Oakbridge Town Council"),
        .quiet("South Oakbridge Town Council", bio: "Oakbridge Town Council's page for the south ward"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard e.otherPlace else { return nil }
        return Hit(weight: weight, detail: "the name is of a different place than \(e.identity.identity.place)",
                   folded: e.name.place.map { $0.variant.joined(separator: " ") } ?? e.longerPlace)
    }
}

/// "Oakbridge Town Council Parody", "Not Oakbridge Council".
enum NegatedRule: Rule {
    static let signal = Signal.negated
    static let weight = -7.0
    static let summary = "the name says it is not the council: parody, fan, not, watch"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council Parody"), .fires("Not Oakbridge Town Council"), .fires("Oakbridge Council Watch"),
        .fires("Scrutinising Oakbridge Town Council"),
        .quiet("Oakbridge Town Council"), .quiet("Parody Account"),
        .quiet("Oakbridge Town Council (Official, not fake)"), .quiet("Oakbridge Town Council - Not a scam"),
        .fires("Oakbridge Town Council Parody", bio: "Satire. We would never ask for your card details."),
        .quiet("Oakbridge Town Council Parody", bio: "DM us your card details to receive your £150 council tax rebate."),
        .quiet("Oakbridge Town Council Parody", bio: "Send £10 by PayPal for the Christmas lights: paypal.me/oakbridgelights"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A parody, fan or critic asks no one for card details or gift cards, nor to be paid by PayPal or bank transfer.
        guard e.name.negated, e.name.place != nil, !e.asksForMoney else { return nil }
        return Hit(weight: weight, detail: "the name says it is not the council (parody, fan, not)", folded: e.shown)
    }
}

/// "Cllr Jo Bloggs, Oakbridge Town Council": a councillor's own account.
enum CouncillorRule: Rule {
    static let signal = Signal.councillor
    static let weight = -3.0
    static let summary = "a councillor's own account (Cllr …), not one of the council's offices"
    static let examples: [RuleExample] = [
        .fires("Cllr Jo Bloggs, Oakbridge Town Council"), .fires("Councillor Sam Reed Oakbridge"),
        .quiet("Oakbridge Town Council"), .quiet("Cllr Priya Sharma, Mayor of Oakbridge"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // Asking friends for money, it is a clone of a councillor's account, not their own (PersonScamRule).
        guard e.name.councillorTitle, e.name.person == nil, e.name.offices.isEmpty, !e.bio.personScam else { return nil }
        return Hit(weight: weight, detail: "a councillor's own account, not one of the council's offices", folded: e.shown)
    }
}

/// "Oakbrige Town Council" whose bio says "Oakbrige" again: a place of its own, not a typo.
enum RepeatedVariantRule: Rule {
    static let signal = Signal.otherPlace
    static let weight = -6.0
    static let summary = "the bio repeats the name's spelling of the place: a place of its own, not a typo"
    static let examples: [RuleExample] = [
        .fires("Oakbrige Town Council", bio: "Serving the people of Oakbrige since 1894"),
        .quiet("Oakbrige Town Council", bio: "Serving the people of the town"),
        .quiet("Oakbridge Town Council", bio: "Serving the people of Oakbridge"),
        .quiet("Oakbrige Town Counsil", bio: "Business rates relief for Oakbrige traders: apply now"),
        // One letter from a long name in the council's own county, asking for money, is the council's name
        // misspelt: no second "Oakbrige" lies in Kent beside Oakbridge selling raffle tickets by a link. Short
        // ones may be neighbours (Aston and Acton are both in Cheshire); a long one elsewhere, or one that asks
        // nothing, may be a real place of its own.
        .quiet("Oakbrige Town Council", bio: "Oakbrige Town Council, Kent. Christmas raffle: pay £10 by the link"),
        .fires("Oakbrige Town Council", bio: "Oakbrige Town Council, Kent. Serving the parish of Oakbrige near Ashford."),
        .fires("Oakbrige Town Council", bio: "Oakbrige Town Council, Dorset. Christmas raffle: pay £10 by the link"),
    ]

    /// Letters from which a one-letter change makes no other place's name in the council's own county
    /// ("Treforgen" for "Treforgan", Ceredigion).
    static let longWord = 8

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let place = e.name.place, place.distance > 0, !place.initials, !e.otherPlace else { return nil }
        if place.distance == 1 {
            let longest = e.identity.placeKeys.map(\.count).max() ?? 0
            let ownArea = e.texts.bioAreas.contains { !BioReading.isElsewhere($0, identity: e.identity) }
            if longest >= longWord && ownArea && e.bio.scam { return nil }
        }
        // Another place's council spells its own name right: a misspelt council word is the impostor's.
        let vocab = e.identity.words, keys = e.texts.name.keys
        guard !keys.indices.contains(where: { !place.words.contains($0) && vocab.isMisspeltCouncilWord(keys[$0]) }) else { return nil }
        // Not inside the council's own place, spelled right: "Millbeck" in "Serving Great Millbeck".
        let variant = place.variant, bio = e.texts.bio.keys, own = [e.identity.placeKeys, e.identity.writtenPlaceKeys]
        guard bio.count >= variant.count, (0...(bio.count - variant.count)).contains(where: { at in
            let span = at..<(at + variant.count)
            return bio[span].elementsEqual(variant) && !own.contains { Self.inside(span, $0, of: bio) }
        }) else { return nil }
        let spelled = variant.joined(separator: " ")
        return Hit(weight: weight,
                   detail: "the bio repeats \"\(spelled)\": a place of its own, not a typo of \(e.identity.identity.place)",
                   folded: spelled)
    }

    /// Whether `span` of `keys` lies within an occurrence of `words`.
    static func inside(_ span: Range<Int>, _ words: [String], of keys: [String]) -> Bool {
        let first = max(0, span.upperBound - words.count), last = min(span.lowerBound, keys.count - words.count)
        guard !words.isEmpty, first <= last else { return false }
        return (first...last).contains { keys[$0..<($0 + words.count)].elementsEqual(words) }
    }
}

/// Letters of another script, hidden characters, styled letters or a tick in a name that claims the
/// council: there to pass a filter or a glance.
enum DisguiseRule: Rule {
    static let signal = Signal.disguise
    static let weight = 1.0
    static let styled = 0.5
    static let tick = 0.7
    static let cap = 2.0
    /// The name of one of the council's people spelled with another script's letters or hidden
    /// characters: with the name itself, enough to make a case.
    static let disguisedPerson = 3.0
    static var variants: [(when: String, weight: Double)] {
        [("each styled letter, diacritic or digit", styled), ("a tick", tick), ("at most, together", cap),
         ("the name of one of the council's people, hidden", disguisedPerson)]
    }
    static let summary = "a name claiming the council or one of its people hides its characters"
    static let examples: [RuleExample] = [
        .fires("Оakbridge Town Council"), .fires("Oakbridge Town Council ✅"), .fires("Oak\u{200B}bridge Town Council"),
        .fires("Рriya Sharma"), .fires("Oak\u{FE0F}\u{200D}bridge Town Council"),
        .quiet("Oakbridge Town Council"), .quiet("Оakbridge Cricket Club"), .quiet("Priya Sharma 🌸"),
        // A family and the flag of Wales are joined and tagged emoji, not hidden characters.
        .quiet("Priya Sharma 👨\u{200D}👩\u{200D}👧"), .quiet("Priya Sharma \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let name = e.texts.name
        if so.nameWeight >= NameRule.withTypo {
            // The council's own accents are its spelling ("Aberglân"), and a Welsh council's circumflexes are letters.
            let findings = name.findings.filter { $0.kind != .diacritic || !e.identity.ownLetters.contains($0.character.lowercased()) }
            var total = 0.0
            var kinds: [String] = []
            for (kind, w) in [(Finding.Kind.invisible, weight), (.bidiControl, weight), (.lookalike, weight),
                              (.diacritic, styled), (.styled, styled), (.leet, styled), (.tick, tick)]
            where findings.contains(where: { $0.kind == kind }) {
                total += w
                kinds.append(kind.rawValue)
            }
            guard total > 0 else { return nil }
            return Hit(weight: Swift.min(total, cap), detail: "the name hides its characters: \(kinds.joined(separator: ", "))",
                       folded: shown(findings))
        }
        // A namesake writes their own name plainly; letters of another script, digits or hidden
        // characters inside the name of the council's Mayor or Clerk are there to pass a filter or a
        // glance. An emoji or a flag beside a plainly written name is not.
        guard so.claim == .personName, let person = e.name.person, !e.name.personByOneName else { return nil }
        let hiding = name.findings.filter { [.lookalike, .invisible, .bidiControl, .leet].contains($0.kind) }
        guard !hiding.isEmpty, !person.nameKeys.allSatisfy(name.original.lowercased().contains) else { return nil }
        return Hit(weight: disguisedPerson,
                   detail: "the name of \(person.person.role) \(person.person.name) is written with look-alike or hidden characters",
                   matched: person.person.name, folded: shown(hiding))
    }

    /// The accented letters of the council's own names, lower case, and Welsh's circumflexes and diaereses where the
    /// council writes Welsh (an acute there is still a disguise).
    static func ownLetters(_ identity: Identity) -> Set<String> {
        let names = ([identity.name, identity.place] + identity.aliases).joined(separator: " ").lowercased()
        var own = Set(names.filter { !$0.isASCII }.map(String.init))
        if identity.languages.contains("cy") { own.formUnion(["â", "ê", "î", "ô", "û", "ŵ", "ŷ", "ä", "ë", "ï", "ö", "ü", "ẅ", "ÿ"]) }
        return own
    }

    /// The first few characters found, as the reasons show them: "а U+0430 Cyrl".
    static func shown(_ findings: [Finding]) -> String {
        findings.prefix(6).map { "\($0.character) \($0.codePoint) \($0.script)".trimmingSpaces() }.joined(separator: "; ")
    }
}
