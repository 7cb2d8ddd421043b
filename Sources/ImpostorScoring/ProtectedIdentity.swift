import ImpostorCore
import ImpostorText

/// An identity with its names folded once, ready to compare with many profiles. A class: each
/// account compared with it reads it, and a struct of this size would be copied every time.
final class ProtectedIdentity: Sendable {
    /// A class: every profile's tie test reads the people of each council near it, and a struct this
    /// size is copied field by field on each read.
    final class ProtectedPerson: Sendable {
        let person: Person
        /// "mayor", "chair", "clerk", "leader", or "" for other roles.
        let office: String
        /// Name keys without titles ("cameron", "foster").
        let nameKeys: [String]
        /// The first and last names alone, for a name of three words or more: "Iwan Pritchard" is how
        /// people write Cllr Iwan Tomos Pritchard. Not the parts of a hyphenated surname.
        let shortKeys: [String]?
        /// The first name (one word, past any initials), its nicknames, and the surname: "Edward Lyle" and
        /// "Ted Lyle" are how people write J. Edward Lyle, "Ros Greaves" Rosalind Greaves.
        let cutKeys: (first: String, nicknames: Set<String>, last: [String])?
        /// Each name key as a pattern, with the typos it may carry.
        let patterns: [(pattern: SearchPattern, limit: Int)]
        /// The name keys run together, as a handle writes them ("priyasharma").
        let compact: String
        /// `shortKeys` run together.
        let shortCompact: String?
        /// The first name past any initials and the surname, three letters or more each: with the office, how
        /// "Mayor Priya" and "Mayor Sharma" name them.
        let shortNames: [String]
        /// The watchlist calls them a councillor ("Cllr …" in the name or the role): "Cllr Priya" names them.
        let councillor: Bool

        init(person: Person, office: String, nameKeys: [String], shortKeys: [String]? = nil,
             cutKeys: (first: String, nicknames: Set<String>, last: [String])? = nil, councillor: Bool = false) {
            (self.person, self.office, self.nameKeys, self.shortKeys) = (person, office, nameKeys, shortKeys)
            self.councillor = councillor
            self.cutKeys = cutKeys
            patterns = nameKeys.map { (SearchPattern($0), $0.count >= 5 ? 1 : 0) }
            compact = nameKeys.joined()
            shortCompact = shortKeys?.joined()
            let first = cutKeys?.first ?? nameKeys.first, last = nameKeys.count >= 2 ? nameKeys.last : nil
            shortNames = [first, last].compactMap { $0 }.filter { $0.utf8.count >= 3 }
        }

        /// Whether `text` names the person: every key of the whole name within its typos, the short name
        /// as it is (in neighbouring words or run together in a handle), or the first name past its initials,
        /// or a nickname of it, right before the surname, as words.
        func named(in text: FoldedText) -> Bool {
            if patterns.allSatisfy({ ProtectedIdentity.occurs($0.pattern, in: text, limit: $0.limit) }) { return true }
            if let short = shortKeys, let shortCompact, Evidence.holds(short, in: text.keys) || text.compact.holds(shortCompact) { return true }
            guard let cut = cutKeys else { return false }
            let keys = text.keys
            return keys.indices.dropFirst().contains { i in
                keys[i...].starts(with: cut.last) && (keys[i - 1] == cut.first || cut.nicknames.contains(keys[i - 1]))
            }
        }
    }

    let identity: Identity
    /// The words it is read by: impostor's vocabulary with the council's own words added.
    let words: Vocabulary
    /// The council adds words of its own, so what depends on words is read again for it.
    let hasOwnWords: Bool
    let placeKeys: [String]
    /// The place as the watchlist writes it, whichever of its forms this reading is ("Gt Millbeck").
    let writtenPlaceKeys: [String]
    let placeCompact: String
    /// The place as a pattern, for approximate search in names and handles.
    let placePattern: SearchPattern
    /// How many typos the place may carry in a name or handle.
    let placeTolerance: Int
    /// The place's initials as one key ("hr" for Hebden Royd), for a place of two words or more.
    let placeInitials: String?
    /// Read through another name of the place that an alias gives: only that name is indexed for it.
    let isAliasPlace: Bool
    /// For one place of a joint council read alone ("Ewhurst" of Ewhurst and Ellens Green), the other
    /// place's keys: alone, it counts only beside the council's own kind or with the other named.
    let jointRest: [String]?
    /// Whether the council's own kind beside that one place says the rest. Not for a parish's or community's
    /// first part ("Sutton" of Sutton-on-the-Forest): another Sutton Parish Council is as likely.
    let restByKind: Bool
    /// The council's kind as one word ("town", "parish"), or "" when unknown.
    let kind: String
    /// That kind and the other styles it may take ("parish", "village"): none when the kind is unknown.
    /// Kept, not worked out per reading: every rule on kinds asks.
    let ownKinds: Set<String>
    /// Compact keys of the full name and every alias.
    let nameForms: [String]
    /// The initials of each of those names of three words or more that holds a council word ("wtc" for
    /// Whitchurch Town Council, "ctp" for Cyngor Tref Porthaethwy), when they spell no word impostor knows.
    let nameInitials: Set<String>
    /// Each of `nameForms` as a pattern, with the typos it may carry.
    let nameFormPatterns: [(pattern: SearchPattern, limit: Int)]
    /// The words of the full name and every alias ("royal" in "Caernarfon Royal Town Council"): never
    /// another place's qualifier or name after the place.
    let nameWords: Set<String>
    let areaKeys: [String]
    /// The council's area and the counties it lies in ("Peterborough", then "Cambridgeshire"), as keys:
    /// none when the watchlist gives no area.
    let ownAreas: [[String]]
    let people: [ProtectedPerson]
    /// Compact keys of the council's domains, without the public suffix ("chorleytowncouncil").
    let domainKeys: [String]
    /// The council's own hosts: its domains, its website's and its contact address's ("x.gov.uk").
    let officialHosts: [String]
    /// What an address spelled as the council's holds: its domain keys and its full name, compact,
    /// 8 letters or more (short aliases such as "wooltc" are too often someone else's).
    let siteNames: [String]
    /// The words of its people's roles that are no office or council word ("treasurer", "secretary"):
    /// "Treasurer of …" in a bio is what one of them is, not the council speaking.
    let roleWords: Set<String>
    /// Those of `siteNames` that are a place alone, with no council word at either end: a city's "york.gov.uk",
    /// Stratford-on-Avon's "stratford.gov.uk", a Welsh name's "caerwenlli.cymru".
    let placeSites: Set<String>
    /// The handles of its listed accounts that their owners chose (no e-mail address or phone number), as
    /// received in lower case and as compact keys: a copy of one a keystroke off reads the same.
    let officialHandles: [(handle: String, compact: String, padless: String)]
    /// Its listed e-mail addresses (the contact's and `[[official]]` ones), lower case.
    let listedMail: [String]
    /// The accented letters its own names write (`DisguiseRule.ownLetters`): its spelling, no disguise.
    let ownLetters: Set<String>

    init(_ identity: Identity, folder: Folder, vocabulary: Vocabulary, lists: WordLists) {
        self.identity = identity
        let own = ProtectedIdentity.ownWords(identity, vocabulary: vocabulary, folder: folder)
        hasOwnWords = !own.isEmpty
        let words = vocabulary.adding(own, to: lists, folder: folder)
        self.words = words
        let place = identity.place.isEmpty ? identity.name : identity.place
        placeKeys = folder.fold(place).keys
        writtenPlaceKeys = placeKeys
        placeCompact = placeKeys.joined()
        placePattern = SearchPattern(placeCompact)
        placeTolerance = ProtectedIdentity.placeTolerance(placeCompact.count)
        placeInitials = ProtectedIdentity.initials(placeKeys)
        isAliasPlace = false
        jointRest = nil
        restByKind = true
        let kindWords = folder.fold(identity.kind).keys
        let kind = words.kinds.sorted { $0.key < $1.key }.first { _, forms in kindWords.contains { forms.contains($0) } }?.key ?? ""
        self.kind = kind
        ownKinds = kind.isEmpty ? [] : words.styles[kind, default: []].union([kind])
        nameForms = ([identity.name] + identity.aliases).map { folder.fold($0).compact }.filter { !$0.isEmpty }
        nameFormPatterns = nameForms.map { (SearchPattern($0), ProtectedIdentity.placeTolerance($0.count)) }
        nameWords = Set(([identity.name] + identity.aliases).flatMap { folder.fold($0).keys })
        nameInitials = Set(([identity.name] + identity.aliases).compactMap { name in
            // From the words, not the keys: "city" is keyed "dty" ("ci" looks like "d").
            let folded = folder.fold(name)
            guard folded.keys.count >= 3, folded.keys.contains(where: words.isCouncilWord),
                let initials = ProtectedIdentity.initials(folded.words), !words.isCouncilWord(initials),
                !words.knownWords.contains(initials)
            else { return nil }
            return initials
        })
        let areaKeys = folder.fold(identity.area).keys
        self.areaKeys = areaKeys
        ownAreas = areaKeys.isEmpty ? [] : [areaKeys] + words.areas.named(in: areaKeys).map(\.county)
        people = identity.people.map { person in
            // Word by word, so that the first and last names are known: a hyphenated surname is one.
            var written = person.name.split(whereSeparator: \.isWhitespace)
            // "County Cllr Dorothy Lord": the council her seat is on goes before the title, and is no name of hers.
            if written.count >= 3, let kind = folder.fold(String(written[0])).keys.first, words.kindOf[kind] != nil,
                let title = folder.fold(String(written[1])).keys.first, words.titles.contains(title)
            {
                written.removeFirst()
            }
            let names = written.map { folder.fold(String($0)).keys.filter { !words.titles.contains($0) } }.filter { !$0.isEmpty }
            // Names of three letters or more only: two short ones turn up inside too many other names.
            let short = names.count >= 3 ? names[0] + names[names.count - 1] : nil
            let keys = names.flatMap { $0 }
            let roleKeys = folder.fold(person.role).keys
            // A deputy holds no office of their own here: "Deputy Mayor" is not the Mayor, nor "Deputy Town
            // Clerk" the Clerk.
            let office = roleKeys.indices.lazy.compactMap { i in
                roleKeys[..<i].contains(where: words.notTheHolder.contains) ? nil : words.roles[roleKeys[i]]
            }.first ?? ""
            // A first name of one word and the surname (hyphenated or not), past leading initials: "J. Edward
            // Lyle" goes by Edward, or Ted; Geoffrey Hartley-Booth by Geoff.
            let known = Array(names.drop { $0.count == 1 && $0[0].unicodeScalars.count == 1 })
            let cut = known.count >= 2 && known[0].count == 1
                ? (first: known[0][0], nicknames: words.nicknames[known[0][0]] ?? [], last: known[known.count - 1]) : nil
            return ProtectedPerson(person: person, office: office, nameKeys: keys,
                                   shortKeys: short?.allSatisfy({ $0.unicodeScalars.count >= 3 }) == true ? short : nil,
                                   cutKeys: cut, councillor: (folder.fold(person.name).keys + roleKeys).contains(where: words.councillor.contains))
        }
        roleWords = Set(identity.people.flatMap { folder.fold($0.role).keys }).filter {
            $0.count >= 4 && !words.isCouncilWord($0) && !words.titles.contains($0) && !words.consort.contains($0)
        }
        domainKeys = identity.domains.map { ProtectedIdentity.domainKey($0, folder: folder) }.filter { !$0.isEmpty }
        let site = identity.website.flatMap { WebAddresses.read($0).addresses.first }
        let mail = identity.contact?.email.flatMap { $0.split(separator: "@").last.map(String.init) }
        officialHosts = (identity.domains.map { $0.lowercased() } + [site, mail].compactMap { $0 }).map { host in
            host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        let siteKeys = [site].compactMap { $0 }.map { ProtectedIdentity.domainKey($0, folder: folder) }
        siteNames = Array(Set(domainKeys + siteKeys + [folder.fold(identity.name).compact])).filter { $0.count >= 8 }.sorted()
        officialHandles = identity.officials.filter { !$0.platform.isDirectMessage }.map { ref in
            let bare = FoldedProfile.bareHandle(ref.handle, platform: ref.platform), own = bare.lowercased()
            return (own, folder.fold(bare).compact, String(CopiedHandleRule.unpadded(own)))
        }.filter { $0.compact.count >= 5 }
        listedMail = ([identity.contact?.email] + identity.officials.filter { $0.platform == .email }.map(\.handle))
            .compactMap { $0.map { Identity.asciiLowercased($0.trimmingSpaces()) } }
        ownLetters = DisguiseRule.ownLetters(identity)
        // The place itself, or its first part ("stratford"), even where a council word ends it ("peterborough");
        // else a name that holds no council word at either end (a Welsh name's "caerwenlli").
        let compactPlace = placeCompact
        placeSites = Set(siteNames.filter { name in
            name == compactPlace || compactPlace.hasPrefix(name)
                || (!name.contains(compactPlace) && !WebAddresses.hasCouncilWordAtEdge(name, vocab: words))
        })
    }

    /// The identity as read through each other name of its place that its aliases give ("Cyngor Tref
    /// Aberteifi" gives Aberteifi for Cardigan), with those names' soft-mutated forms ("o Gaerdydd"):
    /// an account that uses only the council's Welsh name is compared with the council all the same.
    func aliasPlaces(folder: Folder, otherPlaces: Set<String>) -> [ProtectedIdentity] {
        var seen: Set<String> = [placeCompact]
        var out: [ProtectedIdentity] = []
        // The place written with its other word forms ("Saint" for "St"), and without a title it was
        // granted ("Wootton Bassett").
        let untitled = placeKeys.count >= 2 && words.placeHonorifics.contains(placeKeys[0]) ? [Array(placeKeys.dropFirst())] : []
        for keys in words.otherWordForms(placeKeys) + untitled {
            let compact = keys.joined()
            guard !otherPlaces.contains(compact), seen.insert(compact).inserted else { continue }
            out.append(ProtectedIdentity(self, placeKeys: keys))
        }
        // The name too: a council that gives its Welsh name as its name ("Cyngor Tref Porthmadog") is
        // written mutated as often ("ym Mhorthmadog").
        for alias in [identity.name] + identity.aliases {
            let folded = folder.fold(alias)
            // Council words come off the ends only ("Cyngor Tref …", "… Town Council"): words inside
            // a place's name stay ("New Milton", "Tref-y-clawdd").
            var pairs = Array(zip(folded.words, folded.keys))
            var afterCouncilWord = false
            while let first = pairs.first,
                words.isCouncilWord(first.1) || (afterCouncilWord && words.kindsAfterCouncil.contains(first.1))
            {
                afterCouncilWord = words.council.contains(first.1)
                pairs.removeFirst()
            }
            while let last = pairs.last, words.isCouncilWord(last.1) { pairs.removeLast() }
            guard !pairs.isEmpty else { continue }
            let place = pairs.map(\.0).joined(separator: " ")
            // Without its article, as it is as often written: "Yr Wyddgrug" is "Wyddgrug" too.
            let bare = pairs.count > 1 && words.placeArticles.contains(pairs[0].1) ? [pairs.dropFirst().map(\.0).joined(separator: " ")] : []
            // A Welsh name spelled as the English one ("Cyngor Tref Llandeilo") still gives its mutated
            // forms ("o Landeilo"); `seen` keeps the name itself from being added twice.
            // Mutated forms only of a name in a language that mutates ("Cyngor …"): "Filton" is no form of "Milton".
            let forms = [place] + bare + (folded.keys.contains(where: words.mutationMarkers.contains) ? words.mutated(place) : [])
            for form in forms {
                let keys = folder.fold(form).keys
                let compact = keys.joined()
                guard compact.count >= 4, !otherPlaces.contains(compact), seen.insert(compact).inserted else { continue }
                out.append(ProtectedIdentity(self, placeKeys: keys))
            }
        }
        // The other word forms of a place an alias gives: "Great Hensbury Parish Council" is "Gt Hensbury" too.
        for keys in out.map(\.placeKeys) {
            for form in words.otherWordForms(keys) {
                let compact = form.joined()
                guard compact.count >= 4, !otherPlaces.contains(compact), seen.insert(compact).inserted else { continue }
                out.append(ProtectedIdentity(self, placeKeys: form))
            }
        }
        // A place with a tail goes by its first part, alone only where the profile says the rest, as one place of
        // a joint council does: "Melbury Town Council" is Melbury-de-la-Fosse's, a "Melbury Bakery" no copy of it.
        // A parish's or community's first part needs the tail said: many parishes are called Sutton.
        let parishLike = ["parish", "community"].contains(kind)
        for keys in [placeKeys] + out.map(\.placeKeys) {
            guard let at = keys.firstIndex(where: words.placeTails.contains), at > 0 else { continue }
            let first = Array(keys[..<at]), compact = first.joined()
            guard compact.count >= 4, !otherPlaces.contains(compact), seen.insert(compact).inserted else { continue }
            out.append(ProtectedIdentity(self, placeKeys: first, jointRest: Array(keys[at...]), restByKind: !parishLike))
        }
        for keys in [placeKeys] + out.map(\.placeKeys) {
            guard let (first, conjunction, second) = jointParts(keys) else { continue }
            // Joined by any of the conjunctions ("Bisley and Lypiatt" for Bisley-with-Lypiatt), either way round.
            let joined = ([conjunction] + words.placeConjunctions.sorted()).flatMap { c in [first + [c] + second, second + [c] + first] }
            let forms: [(keys: [String], rest: [String]?)] = [(first + second, nil)] + joined.map { ($0, nil) } + [
                (second + first, nil), (first, second), (second, first),
            ]
            // "Aughton" of Aston-cum-Aughton is a parish of its own too, as "Ewhurst" of Ewhurst and Ellens Green is not.
            let byKind = !(parishLike && conjunction == "cum")
            for (keys, rest) in forms {
                let compact = keys.joined()
                guard compact.count >= 4, !otherPlaces.contains(compact), seen.insert(compact).inserted else { continue }
                out.append(ProtectedIdentity(self, placeKeys: keys, jointRest: rest, restByKind: rest == nil || byKind))
            }
        }
        return out
    }

    /// A council of two places joined ("Fishguard and Goodwick") goes by both without the joining word
    /// ("Fishguard & Goodwick"), the other way round, and by each alone ("Goodwick Town Council"). Alone
    /// only where the profile says the rest (`givesWholePlace`): "Newport City Council" is no copy of
    /// Newport and Carisbrooke's.
    func jointParts(_ keys: [String]) -> (first: [String], conjunction: String, second: [String])? {
        guard let at = keys.firstIndex(where: words.placeConjunctions.contains), at > 0, at < keys.count - 1 else { return nil }
        return (Array(keys[..<at]), keys[at], Array(keys[(at + 1)...]))
    }

    /// Whether a profile read through one place of a joint council says the rest: the council's own kind
    /// in its name or handle ("Ewhurst Parish Council", "EwhurstPC"), or the other place in its bio.
    func givesWholePlace(_ texts: FoldedProfile) -> Bool {
        guard let rest = jointRest else { return true }
        let ownKind = (texts.nameClasses + texts.handleClasses).contains { word in
            switch word {
            case .kind(let k), .abbreviation(kind: let k): ownKinds.contains(k)
            default: false
            }
        }
        return ownKind && restByKind || texts.bio.compact.holds(rest.joined()) || texts.handle.compact.holds(rest.joined())
    }

    /// The words its file adds; the words of `council_after_kind` when its kind holds one ("Meeting" and
    /// "Mtg" name a Parish Meeting as "Council" names a parish council); the initials of its kind ("CC");
    /// and the office of `own_offices` one of its people holds ("Sheriff" of a city): a council word, or an
    /// office, for it alone.
    static func ownWords(_ identity: Identity, vocabulary: Vocabulary, folder: Folder) -> [String: [String]] {
        var own = identity.words
        let kind = folder.fold(identity.kind)
        // The list is one word and its short forms: a Parish Meeting is a "Parish Mtg" too.
        if kind.keys.contains(where: vocabulary.councilAfterKind.contains) {
            own["council", default: []] += vocabulary.councilAfterKind.sorted()
        }
        // The initials of its own kind, in either language's order, are its abbreviation where the lists give
        // them to another kind: "CC" is a community council's ("Cyngor Cymuned") as much as a city council's.
        // Only then: a council with words of its own reads with a vocabulary of its own.
        if kind.keys.count == 2, let name = kind.keys.lazy.compactMap({ vocabulary.kindOf[$0] }).first,
            kind.keys.contains(where: vocabulary.council.contains)
        {
            let initials = String(kind.keys.compactMap(\.first))
            if let other = vocabulary.abbreviations[initials], other != name {
                own["abbreviations_" + name, default: []].append(initials)
            }
        }
        for person in identity.people {
            let role = folder.fold(person.role)
            guard role.keys.count == 1, vocabulary.ownOffices.contains(role.keys[0]) else { continue }
            own["offices_" + role.words[0], default: []].append(role.words[0])
        }
        return own
    }

    /// `base` read through another name of its place.
    private init(_ base: ProtectedIdentity, placeKeys keys: [String], jointRest: [String]? = nil, restByKind: Bool = true) {
        (identity, words, kind, ownKinds, hasOwnWords) = (base.identity, base.words, base.kind, base.ownKinds, base.hasOwnWords)
        (nameForms, nameFormPatterns, nameInitials) = (base.nameForms, base.nameFormPatterns, base.nameInitials)
        nameWords = base.nameWords
        (areaKeys, ownAreas, people, domainKeys, officialHosts, siteNames) = (base.areaKeys, base.ownAreas, base.people, base.domainKeys, base.officialHosts, base.siteNames)
        (placeSites, officialHandles, listedMail, ownLetters) = (base.placeSites, base.officialHandles, base.listedMail, base.ownLetters)
        roleWords = base.roleWords
        placeKeys = keys
        writtenPlaceKeys = base.writtenPlaceKeys
        placeCompact = keys.joined()
        placePattern = SearchPattern(placeCompact)
        placeTolerance = ProtectedIdentity.placeTolerance(placeCompact.count)
        placeInitials = ProtectedIdentity.initials(keys)
        isAliasPlace = true
        self.jointRest = jointRest
        self.restByKind = restByKind
    }

    static func initials(_ placeKeys: [String]) -> String? {
        placeKeys.count >= 2 ? Folder.key(String(placeKeys.compactMap(\.first))).key : nil
    }

    /// The distinctive part of a domain or handle: public suffixes and platform hosts removed.
    static func domainKey(_ domain: String, folder: Folder) -> String {
        var d = domain.lowercased()
        for prefix in ["https://", "http://", "www."] where d.hasPrefix(prefix) { d.removeFirst(prefix.count) }
        if let slash = d.firstIndex(of: "/") { d = String(d[..<slash]) }
        if let suffix = WebAddresses.hostSuffixes.first(where: d.hasSuffix) {
            d.removeLast(suffix.count)
        } else if let stop = d.lastIndex(of: "."), d[d.index(after: stop)...].allSatisfy(\.isLetter) {
            // An ending no list holds ("wexcestergov.co", "council-refund.click") says no more of the owner.
            d = String(d[..<stop])
        }
        return folder.fold(d).compact
    }

    /// How many typos a place name of this length may carry and still be read as that place.
    static func placeTolerance(_ length: Int) -> Int {
        switch length {
        case ..<5: 0
        case ..<8: 1
        default: 2
        }
    }
}
