import ImpostorCore
import ImpostorText

/// The evidence that one profile impersonates one identity, added up as a clerk would weigh it.
struct Judgement {
    var logOdds = Weights.prior
    var identity: String
    var target: Target = .council
    var reasons: [Reason] = []
    /// Something ties the profile to this identity at all (its place, a person, its logo).
    var anchored = false

    init(_ texts: FoldedProfile, identity p: ProtectedIdentity, logo: LogoMatch?, counties: [[String]]) {
        identity = p.identity.id
        let name = NameReading(texts.name, identity: p, wordAligned: true)
        let handle = [NameReading(texts.handle, identity: p, wordAligned: false),
                      NameReading(texts.handleTrimmed, identity: p, wordAligned: false)]
            .max { Self.handleStrength($0) < Self.handleStrength($1) }!
        let bio = BioReading(texts.bio, identity: p, counties: counties)
        let council = p.identity.name
        let shown = texts.name.readable

        // The display name: what the account calls itself. Only its strongest reading counts.
        // A qualifier before the place ("NEW Epping", "South Ferriby") makes another place unless the
        // bio or the handle names this council after all.
        // "Woolland Parish Council" for Wool: a longer place's name, which a handle spelled the same way shares.
        let longer = name.place == nil && name.councilWord ? name.longerPlace : nil
        let handleIsLonger = longer.map { texts.handle.compact.contains($0) || texts.handleTrimmed.compact.contains($0) } ?? false
        let otherPlace = (name.differentPlace || longer != nil) && !bio.namesCouncil
            && !(handle.namesCouncil && !handle.differentPlace && !handleIsLonger)
        let placed = name.place != nil && !otherPlace
        var readings: [(signal: String, weight: Double, target: Target, matched: String, detail: String)] = []
        if placed && !name.offices.isEmpty {
            let offices = name.offices.sorted().joined(separator: ", ")
            readings.append(("office", Weights.officeOfCouncil, .person, offices, "the name claims an office of \(council): \(offices)"))
        }
        if let person = name.person {
            if placed || name.councilWord || !name.offices.isEmpty {
                readings.append(("person", Weights.personOfCouncil, .person, person.person.name,
                                 "the name joins \(person.person.role) \(person.person.name) to the council or its place"))
            } else {
                readings.append(("person_name", Weights.personNameOnly, .person, person.person.name,
                                 "the name is that of \(person.person.role) \(person.person.name)"))
            }
        }
        let namesCouncil = placed && (name.councilWord || name.abbreviation)
        if namesCouncil {
            var w = name.place!.distance == 0 ? Weights.councilName : Weights.councilNameWithTypo
            if name.nameFormDistance == 0 && name.otherWords.isEmpty && name.organisationWords.isEmpty && name.offices.isEmpty
                && name.person == nil
            {
                w = Weights.exactName
            }
            let typo = name.place!.distance > 0 ? " with \(name.place!.distance) typo(s) in the place" : ""
            readings.append(("name", w, .council, council, "the name reads as \(council)\(typo)"))
        } else if placed {
            readings.append(("place", Weights.placeOnly, .council, p.identity.place, "the name mentions \(p.identity.place)"))
        }
        let strongest = readings.max { $0.weight < $1.weight }
        let nameWeight = strongest?.weight ?? 0
        if let r = strongest {
            target = r.target
            add(r.signal, r.weight, matched: r.matched, folded: shown, r.detail)
        }
        if namesCouncil {
            if !name.kinds.isEmpty, !p.kind.isEmpty, !name.kinds.contains(p.kind) {
                add("other_kind", Weights.otherKind, matched: p.identity.kind, folded: shown,
                    "the name says \(name.kinds.sorted().joined(separator: "/")) council, not \(p.identity.kind)")
            }
            if !name.organisationWords.isEmpty {
                add("organisation", Weights.organisationBesideCouncil, folded: name.organisationWords.joined(separator: " "),
                    "the name adds organisation words: \(name.organisationWords.joined(separator: " "))")
            }
        } else if placed && !name.organisationWords.isEmpty && strongest?.signal == "place" {
            add("organisation", Weights.organisation, folded: name.organisationWords.joined(separator: " "),
                "another organisation named after the place (\(name.organisationWords.joined(separator: " ")))")
        }
        if otherPlace {
            add("different_place", Weights.differentPlace, folded: name.place.map { $0.variant.joined(separator: " ") } ?? longer,
                "the name is of a different place than \(p.identity.place)")
        }
        if name.negated && name.place != nil {
            add("negated", Weights.negated, folded: shown, "the name says it is not the council (parody, fan, not)")
        }
        if name.councillorTitle && name.person == nil && name.offices.isEmpty {
            add("councillor", Weights.councillorOwn, folded: shown, "a councillor's own account, not one of the council's offices")
        }
        if let place = name.place, place.distance > 0, !otherPlace {
            let variant = place.variant
            let bioRepeats = texts.bio.keys.count >= variant.count
                && (0...(texts.bio.keys.count - variant.count)).contains { Array(texts.bio.keys[$0..<($0 + variant.count)]) == variant }
            if bioRepeats {
                add("other_place", Weights.repeatedVariant, folded: variant.joined(separator: " "),
                    "the bio repeats \"\(variant.joined(separator: " "))\": a place of its own, not a typo of \(p.identity.place)")
            }
        }

        // The handle: often copied even when the name is generic.
        if handleIsLonger || handle.negated || handle.councillorTitle {
            // The handle spells the other place too, disowns the council ("wooltcwatch") or is a
            // councillor's own ("cllrsmithwooltc"): no evidence of speaking as the council.
        } else if handle.namesCouncil || (handle.place != nil && !handle.offices.isEmpty) {
            let w = nameWeight >= Weights.councilNameWithTypo ? Weights.handleNamesCouncil : Weights.handleAlone
            add("handle", w, matched: council, folded: texts.handle.compact, "the handle reads as \(council)")
        } else if handle.place != nil {
            add("handle_place", Weights.handlePlace, matched: p.identity.place, folded: texts.handle.compact,
                "the handle mentions \(p.identity.place)")
        }

        // The bio: does it speak as the council, or only about it?
        if bio.disclaimer {
            add("disclaimer", Weights.bioDisclaimer, "the bio says it is not affiliated with the council, or is parody")
        }
        if bio.personal { add("personal", Weights.bioPersonal, "the bio says it is a personal account (\"views my own\")") }
        if let area = bio.otherArea {
            add("other_area", Weights.bioOtherArea, matched: p.identity.area, folded: area,
                "the bio places it in \(area), not \(p.identity.area): a namesake elsewhere")
        }
        // An office of the council claimed in the bio ("Mayor of Wool"), unless the name already claims it.
        // When the council has a holder of that office and the account does not name them, someone
        // else is claiming their office.
        var bioOffice = false
        if let office = bio.office, bio.otherArea == nil, !bio.disclaimer, !bio.personal, !bio.thirdPerson,
            !(placed && name.offices.contains(office))
        {
            bioOffice = true
            var w = Weights.bioOffice
            var detail = "the bio claims the office of \(office) of \(council)"
            if let holder = p.people.first(where: { $0.office == office }), name.person?.office != office,
                handle.person?.office != office
            {
                w += Weights.bioOfficeOfAnother
                detail += ", held by \(holder.person.name)"
            }
            if nameWeight < w { target = .person }
            add("bio_office", w, matched: office, detail)
        }
        // A bio that places the account in another county speaks for the council there, not this one.
        if bio.claim && bio.otherArea == nil && !bioOffice {
            add("bio_claim", Weights.bioClaim, matched: council, "the bio speaks as \(council)")
        }
        // A web address spelled as the council's that is not one of its domains: a site of the fraudster's.
        var lookalikeSite = false
        if !bio.disclaimer, !bio.thirdPerson,
            let host = WebAddresses.lookalike(texts.bioAddresses, of: p)
        {
            lookalikeSite = true
            add("bio_domain", Weights.bioLookalikeDomain, matched: p.identity.domains.first ?? council, folded: host,
                "the bio gives \(host), an address spelled as \(council)'s that is not one of its domains")
        }
        let strongElsewhere = nameWeight >= Weights.councilNameWithTypo || handle.namesCouncil || lookalikeSite
        if bio.scam && (bio.claim || bioOffice || strongElsewhere) {
            add("bio_scam", Weights.bioScam, "the bio asks for money, messages or a move to this account")
        }
        // Mail in a leader's name from outside the council asking for a favour or gift cards.
        if texts.isMail, bio.mailScam, nameWeight > 0 || handle.place != nil || handle.person != nil {
            add("mail_scam", Weights.mailScam, "the e-mail opens like the gift-card scam sent in councils' names")
            if nameWeight < Weights.personOfCouncil, name.person != nil || !name.offices.isEmpty { target = .person }
        }
        if !bio.kindsNamed.isEmpty, !p.kind.isEmpty, !bio.kindsNamed.contains(p.kind), !name.kinds.isEmpty,
            name.kinds == bio.kindsNamed
        {
            add("other_kind_bio", Weights.bioOtherKind, matched: p.identity.kind,
                "name and bio agree on a \(bio.kindsNamed.sorted().joined(separator: "/")) council: another body of that name")
        }

        // The picture.
        if let logo, logo.distance <= Weights.logoDistance {
            add("logo", Weights.logoStrong, matched: logo.logo, folded: "\(logo.distance) bits",
                "the avatar is the council's logo \(logo.logo) (\(logo.variant), PDQ distance \(logo.distance))")
        }

        // Disguises only matter on a name that already claims the council or its people.
        if nameWeight >= Weights.councilNameWithTypo {
            var disguise = 0.0
            var kinds: [String] = []
            for (kind, w) in [(Finding.Kind.invisible, Weights.disguise), (.bidiControl, Weights.disguise),
                              (.lookalike, Weights.disguise), (.diacritic, Weights.styled), (.styled, Weights.styled),
                              (.leet, Weights.styled), (.tick, Weights.tick)]
            where texts.name.has(kind) {
                disguise += w
                kinds.append(kind.rawValue)
            }
            if disguise > 0 {
                let w = Swift.min(disguise, Weights.disguiseCap)
                add("disguise", w, folded: Self.shown(texts.name.findings),
                    "the name hides its characters: \(kinds.joined(separator: ", "))")
            }
        } else if strongest?.signal == "person_name", let person = name.person,
            case let hiding = texts.name.findings.filter({ [.lookalike, .invisible, .bidiControl, .leet].contains($0.kind) }),
            !hiding.isEmpty, !person.nameKeys.allSatisfy(texts.name.original.lowercased().contains)
        {
            // A namesake writes their own name plainly; letters of another script, digits or hidden
            // characters inside the name of the council's Mayor or Clerk are there to pass a filter or a
            // glance. An emoji or a flag beside a plainly written name is not.
            add("disguise", Weights.disguisedPerson, matched: person.person.name, folded: Self.shown(hiding),
                "the name of \(person.person.role) \(person.person.name) is written with look-alike or hidden characters")
        }
        anchored = name.place != nil || name.person != nil || handle.place != nil || bio.namesCouncil || bioOffice || lookalikeSite
            || (logo.map { $0.distance <= Weights.logoDistance } ?? false)
    }

    private mutating func add(_ signal: String, _ weight: Double, matched: String? = nil, folded: String? = nil, _ detail: String) {
        logOdds += weight
        reasons.append(Reason(signal: signal, identity: identity, matched: matched, folded: folded, weight: weight, detail: detail))
    }

    /// The first few characters found, as the reasons show them: "а U+0430 Cyrl".
    private static func shown(_ findings: [Finding]) -> String {
        findings.prefix(6).map { "\($0.character) \($0.codePoint) \($0.script)".trimmingSpaces() }.joined(separator: "; ")
    }

    private static func handleStrength(_ r: NameReading) -> Int {
        (r.namesCouncil ? 4 : 0) + (r.place != nil ? 2 : 0) - (r.place?.distance ?? 0)
    }
}
