import ImpostorText

/// What a display name or a handle says about one identity: its place, council words, offices, people.
struct NameReading: Sendable {
    /// The place as found: how many typos, which words it spans, and the words as written.
    struct PlaceMatch: Sendable {
        var distance: Int
        var words: Range<Int>
        var variant: [String]
        /// Read from the place's initials ("HR" for Hebden Royd), not its name.
        var initials = false
    }

    /// What the words outside the place say: for a text in which no place is found, the same for
    /// every council, so read once per profile (`placelessWords`).
    struct Words: Sendable {
        var councilWord = false
        /// Kinds of council named ("town", "parish"), abbreviations included.
        var kinds: Set<String> = []
        var abbreviation = false
        var offices: Set<String> = []
        var councillorTitle = false
        var negated = false
        var organisationWords: [String] = []
        var otherWords: [String] = []

        mutating func add(_ word: WordClass, key: String) {
            switch word {
            case .council: councilWord = true
            case .kind(let kind): kinds.insert(kind)
            case .abbreviation(let kind):
                abbreviation = true
                kinds.insert(kind)
            case .office(let office): offices.insert(office)
            case .councillor: councillorTitle = true
            case .negator: negated = true
            case .organisation: organisationWords.append(key)
            case .other: otherWords.append(key)
            case .ignored: break
            }
        }
    }

    var place: PlaceMatch?
    /// A qualifier turns the place into another one ("South Ferriby", "Great Wilton").
    var differentPlace = false
    var words = Words()
    /// The smallest distance between the text and the full name or an alias, within tolerance.
    var nameFormDistance: Int?
    /// The text is the full name or an alias exactly, and more than the place: an alias in a language
    /// impostor has no words for ("Konsel Cita Truru") still names the council.
    var isNameForm = false
    var person: ProtectedIdentity.ProtectedPerson?
    /// A longer place that starts or ends with this one ("Woolland" for Wool), as its key.
    var longerPlace: String?
    /// The word that continues the place's name into another's ("pagnell" in "Newport Pagnell Town Council").
    var continuation: String?
    /// A word of its own last after the council's words ("Cyngor Tref Porthmadog Cymorth"): another
    /// place's name only when the handle spells it too, since it may as well say what the page is for.
    var trailingWord: String?
    /// A word of its own right before the place and its council words ("Builth Wells Town Council"):
    /// another place's name only when the handle or the bio spells it with the place too, since an
    /// impostor may as well write "Our Wells City Council".
    var wordBeforePlace: String?
    /// The name starts with a council word that an organisation word follows, as "cyngor" means advice
    /// in Welsh: "Cyngor Busnes Llandudno", "Cyngor ar Bopeth". No council of the place at all.
    var councilWordIsAdvice = false
    /// `person` was read from an initial and the surname ("A. Pryor"): their name, but not the holder
    /// speaking of their own office.
    var personByInitial = false
    /// `person` was read from their office and one of their names ("Mayor Priya"): the office's holder,
    /// but not written as the whole name.
    var personByOneName = false
    /// The person the name is, when it names them in full: the one who may speak of their own office.
    var holder: ProtectedIdentity.ProtectedPerson? { personByInitial ? nil : person }
    /// In a handle, an area right after the place and its council words ("eyeparishcouncilpeterborough").
    var areaAfter: Counties.Area?

    var councilWord: Bool { words.councilWord }
    var kinds: Set<String> { words.kinds }
    var abbreviation: Bool { words.abbreviation }
    var offices: Set<String> { words.offices }
    var councillorTitle: Bool { words.councillorTitle }
    var negated: Bool { words.negated }
    var organisationWords: [String] { words.organisationWords }
    var otherWords: [String] { words.otherWords }

    /// "NEW: Epping Town Council", "NEW Epping Town Council", "New Epping Town Council Page": "new" set
    /// apart by punctuation or capitals, or with a word for a page after the council's name, announces a
    /// page; it does not name a New Epping.
    static func announces(_ qualifier: String, in original: String, keys: [String], vocab: Vocabulary) -> Bool {
        guard qualifier == "new" else { return false }
        if let last = keys.lastIndex(where: vocab.isCouncilWord), keys[(last + 1)...].contains(where: vocab.pageWords.contains) { return true }
        let words = original.split(whereSeparator: { $0 == " " })
        guard let index = words.firstIndex(where: { $0.lowercased().hasPrefix("new") }) else { return false }
        let word = words[index]
        let rest = word.dropFirst(3)
        if let mark = rest.first, ":!|-–—•*".contains(mark) { return true }
        if index + 1 < words.count, words[index + 1].allSatisfy({ ":!|-–—•*".contains($0) }) { return true }
        // "NEW" in capitals before a place that is not.
        let next = index + 1 < words.count ? words[index + 1] : ""
        return rest.isEmpty && word == "NEW" && next.contains(where: \.isLowercase)
    }

    /// Reads `text` against `identity`. Display names must match on word boundaries; handles need not.
    /// `shared` are the classes of the text's words in impostor's own vocabulary, when already read.
    /// `whole` is what the whole text's words say, read once per profile: used where no place is taken out,
    /// and only read then.
    init(_ text: FoldedText, identity: ProtectedIdentity, wordAligned: Bool, classes shared: [WordClass]? = nil,
         whole: @autoclosure () -> Words? = nil) {
        let vocab = identity.words
        let keys = text.keys
        let compact = text.compact
        // Where each key starts in the compact text, and where each ends.
        let starts = text.keyBounds.dropLast(), ends = text.keyBounds.dropFirst()
        func wordsCovering(_ r: Range<Int>) -> Range<Int> {
            let first = starts.lastIndex { $0 <= r.lowerBound } ?? 0
            let last = starts.lastIndex { $0 < r.upperBound } ?? first
            return first..<(last + 1)
        }

        let tolerance = identity.placeTolerance
        // What is glued to the place inside its word ("chorleytowncouncil"): read like the other words.
        var gluedBefore = "", gluedAfter = ""
        var placeHit = EditDistance.bestSubstring(identity.placePattern, in: text, limit: tolerance)
        // In a handle a place read with typos must start it, or follow words impostor knows ("official",
        // "the", "mayorof"): other letters before it belong to another place's name, whose tail it
        // shares ("durringtonparishcouncil" is not Longtown's). And it keeps the place's first letter,
        // as a look-alike does: "killington" is another place, not "wellington" with two typos.
        if !wordAligned, let hit = placeHit, hit.distance > 0 {
            let scalars = text.scalars
            let before = text.compactSlice(0..<hit.range.lowerBound)
            if hit.range.lowerBound >= scalars.count
                || !Self.startsThePlace(scalars[hit.range.lowerBound], before: before, place: identity.placeCompact, vocab: vocab)
            {
                // The typo may be at the very start ("prreesall"): the place read from the handle's first letter.
                placeHit = Self.placeAtStart(identity.placeCompact, in: scalars, limit: tolerance)
            }
            // Nor may three letters or more of no word impostor knows follow it: "streatleypc" is
            // Streatley's, not Street mistyped with "ley" glued on ("chislehursrtowncouncil" is a typo).
            if let hit = placeHit, hit.distance > 0,
                Self.continuesTheWord(text.compactSlice(hit.range.upperBound..<scalars.count), vocab: vocab)
            {
                placeHit = nil
            }
        }
        // A place of four letters or fewer inside a handle's word is that word's ("softwarepc" holds
        // Ware): letters before it must be words impostor knows ("officialwaretc").
        if !wordAligned, let hit = placeHit, hit.distance == 0, identity.placeCompact.utf8.count <= 4, hit.range.lowerBound > 0,
            !Self.isKnownWords(text.compactSlice(0..<hit.range.lowerBound), vocab: vocab)
        {
            placeHit = nil
        }
        if let hit = placeHit {
            let words = wordsCovering(hit.range)
            let aligned = starts.contains { abs($0 - hit.range.lowerBound) <= 1 }
                && ends.contains { abs($0 - hit.range.upperBound) <= 1 }
            if !wordAligned || aligned {
                place = PlaceMatch(distance: hit.distance, words: words, variant: Array(keys[words]))
            } else if hit.distance > 0 {
                // The nearest reading cut a word ("blewber|ry"): read from that word's start as whole words.
                place = Self.placeAt(word: words.lowerBound, keys: keys, text: text, identity: identity)
            } else {
                let end = text.keyBounds[words.upperBound]
                switch Self.glue(around: hit.range, in: compact, wordStart: starts[words.lowerBound], wordEnd: end,
                                 leet: text.has(.leet), vocab: vocab) {
                case .longerPlace(let word): longerPlace = word
                // "Thornburyofficial": the place with an affix glued on is still the place.
                case .affix(let before, let after):
                    place = PlaceMatch(distance: 0, words: words, variant: Array(keys[words]))
                    (gluedBefore, gluedAfter) = (before, after)
                case .neither: break
                }
            }
        }
        // A place read with typos across a council, kind, office or abbreviation word is not the place:
        // "Cyngor Sir Fynwy" (Monmouthshire) holds "sir fynwy", two letters from Trefynwy (Monmouth), but
        // "sir" says county council.
        if wordAligned, let found = place, found.distance > 0,
            keys[found.words].contains(where: { !identity.placeKeys.contains($0) && vocab.isCouncilWord($0) })
        {
            place = Self.placeAfterCouncilWords(in: found.words, keys: keys, text: text, identity: identity)
        }
        if wordAligned, let found = place, Self.stopsShort(found, of: identity) { place = nil }
        // "HR Town Council" for Hebden Royd: a place of two words or more by its initials, but only right
        // before a council word, and read as weakly as a place with a typo.
        // Initials that spell a word of their own ("Much Ravening" is "MR") are that word.
        if place == nil, wordAligned, let initials = identity.placeInitials, initials.count >= 2,
            !vocab.affixes.contains(initials), !vocab.titles.contains(initials), !vocab.isCouncilWord(initials),
            let span = Self.initials(initials, in: keys), span.upperBound < keys.count, vocab.isCouncilWord(keys[span.upperBound])
        {
            place = PlaceMatch(distance: 1, words: span, variant: [initials], initials: true)
        }
        // "wojolpc", "mwtc": in a handle, a place of three words or more by its initials, after known
        // words only and followed by the council's abbreviation or a council word.
        if place == nil, !wordAligned, let initials = identity.placeInitials, initials.count >= 3 {
            let scalars = text.scalars, letters = Array(initials.unicodeScalars)
            if let at = EditDistance.firstOccurrence(letters, in: scalars) {
                let before = text.compactSlice(0..<at)
                let after = text.compactSlice((at + letters.count)..<scalars.count)
                let councilAfter = vocab.abbreviations.keys.contains(where: after.hasPrefix)
                    || vocab.council.contains(where: { $0.count >= 4 && after.hasPrefix($0) })
                    || vocab.kindOf.keys.contains(where: { $0.count >= 4 && after.hasPrefix($0) })
                if councilAfter, Self.isKnownWords(before, vocab: vocab) {
                    let range = at..<(at + letters.count)
                    placeHit = (1, range)
                    place = PlaceMatch(distance: 1, words: wordsCovering(range), variant: [initials], initials: true)
                }
            }
        }
        if let place, wordAligned {
            let before = place.words.lowerBound > 0 ? keys[place.words.lowerBound - 1] : nil
            let firstOfPlace = identity.placeKeys.first
            if let before, vocab.placeQualifiers.contains(before), !identity.placeKeys.contains(before), !identity.nameWords.contains(before),
                !Self.announces(before, in: text.original, keys: keys, vocab: vocab)
            {
                differentPlace = true
            }
            if let firstOfPlace, vocab.placeQualifiers.contains(firstOfPlace), let v = place.variant.first,
                v != firstOfPlace, vocab.placeQualifiers.contains(v)
            {
                differentPlace = true
            }
            // The second place of a joint council of two others: "Cyngor Tref Bae Cinmel a Thywyn" is not
            // Tywyn's. Not this council's own other place, nor one of its words.
            let at = place.words.lowerBound
            if at >= 2, vocab.placeConjunctions.contains(keys[at - 1]), case let other = keys[at - 2],
                !vocab.isCouncilWord(other), !identity.placeKeys.contains(other), !identity.nameWords.contains(other),
                !(identity.jointRest ?? []).contains(other), WordClass.classify(other, next: keys[at - 1], vocab: vocab) == .other
            {
                differentPlace = true
            }
            // Welsh qualifies after the name: "Llanbadarn Fach" is not Llanbadarn Fawr.
            if identity.placeKeys.count > 1, let lastOfPlace = identity.placeKeys.last, vocab.placeQualifiers.contains(lastOfPlace),
                let v = place.variant.last, v != lastOfPlace, vocab.placeQualifiers.contains(v)
            {
                differentPlace = true
            }
            if let word = Self.wordBefore(place.words, keys: keys, identity: identity, vocab: vocab) {
                wordBeforePlace = word
            } else if let (word, alone) = Self.continuation(of: place.words, keys: keys, identity: identity, vocab: vocab) {
                if alone {
                    differentPlace = true
                    continuation = word
                } else {
                    trailingWord = word
                }
            }
        }

        for (form, limit) in identity.nameFormPatterns {
            if let hit = EditDistance.bestSubstring(form, in: text, limit: limit),
                nameFormDistance == nil || hit.distance < nameFormDistance!
            {
                nameFormDistance = hit.distance
            }
        }

        isNameForm = wordAligned && keys.count >= 2 && keys != identity.placeKeys && identity.nameForms.contains(compact)

        // With no place found, what is left is the whole text, read the same for every council.
        let whole = place == nil && !identity.hasOwnWords ? whole() : nil
        if let whole {
            words = whole
        } else {
            // The words' classes as read once per profile, unless this council reads by words of its own.
            let classes = identity.hasOwnWords || shared?.count != keys.count ? WordClass.of(keys, vocab: vocab) : shared!
            readWords(text, vocab: vocab, classes: classes, wordAligned: wordAligned, placeHit: placeHit,
                      glued: (gluedBefore, gluedAfter), placeKeys: identity.placeKeys)
        }
        // "WTC Whitchurch", "ctp_porthaethwy": the initials of the council's own name ("Whitchurch Town
        // Council", "Cyngor Tref Porthaethwy") beside its place abbreviate the council.
        if let found = place, !abbreviation, Self.initialsBeside(found, hit: placeHit, in: text, wordAligned: wordAligned, identity: identity) {
            words.abbreviation = true
            if !identity.kind.isEmpty { words.kinds.insert(identity.kind) }
        }

        councilWordIsAdvice = Self.councilWordIsAdvice(keys: keys, compact: compact, wordAligned: wordAligned, identity: identity)
        // Advice is no council word, unless another follows ("Cyngor Busnes Cyngor Tref …" is not advice).
        if councilWordIsAdvice, keys.dropFirst().allSatisfy({ !vocab.council.contains($0) }) { words.councilWord = false }
        let hasInitial = wordAligned && !identity.people.isEmpty && keys.contains { $0.utf8.count == 1 }
        for candidate in identity.people where candidate.nameKeys.count >= 2 {
            let found = candidate.named(in: text)
            if found || (hasInitial && Self.byInitial(candidate, in: keys)) {
                person = candidate
                personByInitial = !found
                break
            }
        }
        // Only when the name has no other name of its own ("Cllr John Smith" is not Cllr John Evans) and does
        // not say it is someone else ("Former Mayor Priya", "Youth Mayor Priya").
        if person == nil, wordAligned, !words.offices.isEmpty || words.councillorTitle, !keys.contains(where: vocab.notTheHolder.contains),
            let holder = identity.people.first(where: { person in
            Self.byOneName(person, offices: words.offices, councillorTitle: words.councillorTitle, in: keys)
                && words.otherWords.allSatisfy(person.shortNames.contains)
        }) {
            person = holder
            personByOneName = true
        }
    }

    /// "Mayor Priya", "Mayor Sharma", "Cllr Priya": the office the person holds, or a councillor's title, with
    /// their first name or surname as a word of its own.
    static func byOneName(_ person: ProtectedIdentity.ProtectedPerson, offices: Set<String>, councillorTitle: Bool, in keys: [String]) -> Bool {
        (offices.contains(person.office) || (councillorTitle && person.councillor)) && person.shortNames.contains(where: keys.contains)
    }

    /// Whether the name starts with a council word that an organisation word other than the place's
    /// follows: "Cyngor Busnes Llandudno", "cyngorbusnesllandudno", but not "Cyngor Bro Garmon".
    static func councilWordIsAdvice(keys: [String], compact: String, wordAligned: Bool, identity: ProtectedIdentity) -> Bool {
        let vocab = identity.words
        func isOrganisation(_ word: String) -> Bool {
            vocab.organisations.contains(word) && !identity.placeKeys.contains(word) && !identity.nameWords.contains(word)
        }
        if wordAligned {
            guard keys.count >= 2, vocab.council.contains(keys[0]) else { return false }
            return isOrganisation(vocab.affixes.contains(keys[1]) && keys.count > 2 ? keys[2] : keys[1])
        }
        guard let council = vocab.longCouncilWords.first(where: { compact.utf8.starts(with: $0.utf8) }) else { return false }
        let rest = compact.dropFirst(council.count)
        return !rest.hasPrefix(identity.placeCompact) && vocab.organisations.contains { $0.count >= 4 && rest.hasPrefix($0) && isOrganisation($0) }
    }

    /// "Cyngor Cymuned Llanbedr" is not Llanbedrog with two letters left off: a word that stops short of
    /// the place by two typos or more is a place of its own. So is the first word of a place of two
    /// ("Llanfair Mathafarn Eithaf" is not Llanfair PG with its "PG" left off).
    static func stopsShort(_ found: PlaceMatch, of identity: ProtectedIdentity) -> Bool {
        let variant = found.variant.joined()
        return found.distance >= 2 && !found.initials && found.words.count <= identity.placeKeys.count
            && variant.count < identity.placeCompact.count && identity.placeCompact.hasPrefix(variant)
    }

    /// The area `text` gives once up to four council words, kinds and abbreviations are taken off its
    /// front, each way they can be ("councilshropshire" is "council" then "shropshire", not "councils").
    static func area(after text: Substring, vocab: Vocabulary, words: Int = 4) -> Counties.Area? {
        guard text.utf8.count >= Counties.shortestCompact else { return nil }
        if let area = vocab.areas.area(startingWith: text) { return area }
        guard words > 0, let first = text.utf8.first else { return nil }
        for word in vocab.councilWordsByFirst[first] ?? [] where text.utf8.starts(with: word.utf8) {
            if let area = area(after: text.dropFirst(word.count), vocab: vocab, words: words - 1) { return area }
        }
        return nil
    }

    /// "Cyngor Tref Orthmadog": the nearest reading of the place began inside "tref". The place read
    /// from the word after the council words instead, within the typos it allows.
    static func placeAfterCouncilWords(in span: Range<Int>, keys: [String], text: FoldedText, identity: ProtectedIdentity) -> PlaceMatch? {
        let vocab = identity.words
        guard let last = span.last(where: { !identity.placeKeys.contains(keys[$0]) && vocab.isCouncilWord(keys[$0]) }) else { return nil }
        return placeAt(word: last + 1, keys: keys, text: text, identity: identity)
    }

    /// The place read from the words starting at `start`, as whole words, within the typos it allows.
    static func placeAt(word start: Int, keys: [String], text: FoldedText, identity: ProtectedIdentity) -> PlaceMatch? {
        let vocab = identity.words
        let n = identity.placeKeys.count, tolerance = identity.placeTolerance
        let place = identity.placePattern.scalars[...]
        var best: PlaceMatch?
        for width in Swift.max(1, n - 1)...(n + 1) where start + width <= keys.count {
            let words = start..<(start + width)
            if keys[words].contains(where: vocab.isCouncilWord) { break }
            let d = EditDistance.damerau(text.scalars[text.keyBounds[start]..<text.keyBounds[start + width]], place, limit: tolerance)
            if d <= tolerance, d < (best?.distance ?? .max) { best = PlaceMatch(distance: d, words: words, variant: Array(keys[words])) }
        }
        return best
    }

    /// "A. Pryor", "A Pryor – Mayor": the first name's initial as a word of its own, right before the
    /// rest of the name spelt as the watchlist spells it ("Sharma Jones"), four letters or more.
    static func byInitial(_ person: ProtectedIdentity.ProtectedPerson, in keys: [String]) -> Bool {
        guard let first = person.nameKeys.first?.first, case let rest = person.nameKeys.dropFirst(),
            rest.reduce(0, { $0 + $1.utf8.count }) >= 4, keys.count > rest.count
        else { return false }
        let initial = String(first)
        return (0..<(keys.count - rest.count)).contains { i in keys[i] == initial && keys[(i + 1)...].starts(with: rest) }
    }

    /// A reading with nothing found yet: where `placelessWords` starts.
    private init() {}

    /// What the words outside the place say, and what is glued to it: council words, kinds, offices,
    /// negators, an abbreviation right after the place. `classes` are those of all the text's words.
    private mutating func readWords(_ text: FoldedText, vocab: Vocabulary, classes: [WordClass], wordAligned: Bool,
                                    placeHit: (distance: Int, range: Range<Int>)?, glued: (before: String, after: String),
                                    placeKeys: [String]) {
        let keys = text.keys
        let (gluedBefore, gluedAfter) = glued
        let residualIndices = keys.indices.filter { place?.words.contains($0) != true }
        for i in residualIndices { words.add(classes[i], key: keys[i]) }
        // Glued words ("bayparishcouncil", handles): look for council words inside what is left.
        var residual = gluedBefore + gluedAfter + residualIndices.map { keys[$0] }.joined()
        // What a handle, or a word glued to the place, holds after the place: "tc" in "kemsingtc2".
        var afterPlace = gluedAfter
        var beforePlace = ""
        if !wordAligned, let hit = placeHit {
            let before = text.compactSlice(0..<hit.range.lowerBound)
            beforePlace = before
            afterPlace = text.compactSlice(hit.range.upperBound..<text.scalars.count)
            residual = before + afterPlace
            // "southferriby" for North Ferriby: the handle swaps the place's qualifier for another.
            if let q = placeKeys.first, vocab.placeQualifiers.contains(q), case let matched = text.compactSlice(hit.range),
                !matched.hasPrefix(q), vocab.placeQualifiers.contains(where: { matched.hasPrefix($0) && $0.count >= 3 })
            {
                differentPlace = true
            }
            if vocab.placeQualifiers.contains(where: { $0.count >= 3 && before.hasSuffix($0) && !placeKeys.contains($0) }) {
                differentPlace = true
            }
            areaAfter = Self.area(after: Substring(afterPlace), vocab: vocab)
        }
        let inside = vocab.inside.scan(residual)
        if !wordAligned || !(gluedBefore + gluedAfter).isEmpty {
            // "wooltcwatch", "cllrjanesmithwool", "woolparishcouncillor": a handle, or a name glued into
            // one word, that disowns the council or is a councillor's own.
            if inside.negator { words.negated = true }
            if inside.councillor { words.councillorTitle = true }
        }
        if !councilWord, Self.holdsCouncilSkeleton(Array(residual.unicodeScalars)) {
            words.councilWord = true
        }
        // Council words of every language the vocabulary holds, glued in ("cyngortrefaberteifi").
        if !councilWord, inside.council { words.councilWord = true }
        words.kinds.formUnion(inside.kinds)
        // Five letters at least: shorter keys ("derc" for Clerc, "maer") turn up inside other words ("eldercare").
        words.offices.formUnion(inside.offices)
        // Those shorter keys count as all a handle holds on one side of the place, a kind word or a link
        // aside: "hallowbridgeclerk", "townclerkhallowbridge", "maeraberteifi".
        if !wordAligned, placeHit != nil {
            for part in [beforePlace, afterPlace] {
                if let office = Self.shortOffice(part, vocab: vocab) { words.offices.insert(office) }
            }
        }
        if wordAligned, let place, !words.offices.isEmpty, gluedBefore.isEmpty, gluedAfter.isEmpty,
            !Self.claimsOffice(around: place.words, keys: keys, classes: classes, vocab: vocab)
        {
            words.offices = []
        }
        if !wordAligned, placeHit != nil, !words.offices.isEmpty,
            !Self.claimsOffice(before: beforePlace, after: afterPlace, vocab: vocab)
        {
            words.offices = []
        }
        if let place {
            // "Kemsing TC", "kemsingtc", "epplngtc2": an abbreviation right after the place.
            let after = place.words.upperBound < keys.count ? keys[place.words.upperBound] : ""
            // A doubled first letter is a slip of the keys, not another word: "stivesttc" is St Ives TC.
            let undoubled = afterPlace.unicodeScalars.count >= 3 && afterPlace.unicodeScalars.first == afterPlace.unicodeScalars.dropFirst().first
                ? String(afterPlace.unicodeScalars.dropFirst()) : afterPlace
            // A word of a name is the abbreviation with at most a slip of one letter, or digits: "TCC" is,
            // "PCYDDS" (a university's initials) is not.
            func abbreviates(_ abbr: String) -> Bool {
                guard after.hasPrefix(abbr) else { return false }
                let rest = after.dropFirst(abbr.count)
                return !wordAligned || rest.count <= 1 || rest.allSatisfy(\.isNumber)
            }
            // "chorleypcso" is the police and "Epping PCN" the surgeries, not "pc" with letters glued on; but
            // "mundesleypcnews" is "pc" and "news". The organisation's word wins when known words or nothing
            // follow it ("aberaeroncctv", not "cc" and "tv"), or when no known word follows the abbreviation.
            func organisation(_ text: String, _ abbr: String) -> Bool {
                vocab.abbreviationLookalikes.contains { word in
                    word.hasPrefix(abbr) && text.hasPrefix(word)
                        && (Self.isKnownWords(String(text.dropFirst(word.count)), vocab: vocab)
                            || !Self.isKnownWords(String(text.dropFirst(abbr.count)), vocab: vocab))
                }
            }
            // "KingsmereTCinfo": the abbreviation's "c" and the next word's "i" fold together as a look-alike of
            // "d" ("tdnfo"). Read back only with letters after it: "TD" alone is no "TC".
            func mergedIntoNext(_ abbr: String) -> Bool {
                !wordAligned && abbr.count == 2 && abbr.hasSuffix("c") && afterPlace.count > 2 && afterPlace.hasPrefix(abbr.dropLast() + "d")
            }
            // "Ellesby PC Repairs": before a trade, the abbreviation is the trade's.
            let beforeTrade = vocab.tradeFollows(place.words.upperBound, in: keys)
            for (abbr, kind) in vocab.abbreviations
            where (abbreviates(abbr) || afterPlace.hasPrefix(abbr) || undoubled.hasPrefix(abbr) || mergedIntoNext(abbr))
                && !organisation(afterPlace, abbr) && !organisation(after, abbr) && !(wordAligned && beforeTrade) {
                words.abbreviation = true
                words.kinds.insert(kind)
            }
        }
    }

    /// The word of its own that follows the place in a name and makes it another place's: before the
    /// council's words ("Newport Pagnell Town Council"), or last after them as Welsh writes it ("Cyngor
    /// Cymuned Llanbadarn Fynydd"), across a joining word ("Llanbadarn y Creuddyn"). Not a county, a
    /// scam word or a misspelt council word ("Newport Shropshire Town Council", "Kemsing Towm Council"),
    /// unless it is a qualifier ("Stenning Parva", however close "parva" comes to "parish"). `alone` is
    /// whether the word makes another place by itself: last after the council's words, only a qualifier
    /// or a word after a joining word does.
    static func continuation(of span: Range<Int>, keys: [String], identity: ProtectedIdentity, vocab: Vocabulary)
        -> (word: String, alone: Bool)?
    {
        var i = span.upperBound
        var joined = false
        while i < keys.count, vocab.placeJoiners.contains(keys[i]) {
            i += 1
            joined = true
        }
        guard i < keys.count else { return nil }
        let word = keys[i], next = i + 1 < keys.count ? keys[i + 1] : nil
        guard word.unicodeScalars.count >= 3, WordClass.classify(word, next: next, vocab: vocab) == .other,
            !vocab.notPlaceWords.contains(word), !identity.areaKeys.contains(word), !identity.placeKeys.contains(word),
            !identity.nameWords.contains(word),
            vocab.placeQualifiers.contains(word) || !vocab.misspellsCouncilWord(word)
        else { return nil }
        if let next { return vocab.isCouncilWord(next) ? (word, true) : nil }
        guard span.lowerBound > 0, vocab.isCouncilWord(keys[span.lowerBound - 1]) else { return nil }
        return (word, joined || vocab.placeQualifiers.contains(word))
    }

    /// The word of its own right before the place and its council words, which may make the name another
    /// place's: "Builth Wells Town Council" for Wells, "Happy Valley Community Council" for Valley. Not a
    /// word impostor knows (an affix such as "Official" or "Urgent", a title, an office), a qualifier (read
    /// on its own), a county, a scam word, a misspelt council word, nor a word of the council's own name
    /// or of its people's.
    static func wordBefore(_ span: Range<Int>, keys: [String], identity: ProtectedIdentity, vocab: Vocabulary) -> String? {
        guard span.lowerBound > 0, span.upperBound < keys.count, vocab.isCouncilWord(keys[span.upperBound]) else { return nil }
        let word = keys[span.lowerBound - 1]
        guard word.unicodeScalars.count >= 3, WordClass.classify(word, next: keys[span.lowerBound], vocab: vocab) == .other,
            !vocab.placeQualifiers.contains(word), !vocab.notPlaceWords.contains(word), !identity.areaKeys.contains(word),
            !identity.placeKeys.contains(word), !identity.nameWords.contains(word),
            !identity.people.contains(where: { $0.nameKeys.contains(word) }),
            !vocab.misspellsCouncilWord(word)
        else { return nil }
        return word
    }

    /// Whether the office words of a display name claim the office at the place: before it ("Mayor of
    /// Wool"), after a council word that follows it ("Wool Town Clerk"), or straight after it ("Wool
    /// Mayor"). Not an office word followed by an occasion or an organisation of the office's ("Wool
    /// Mayor's Parade", "Mayor's Charity Ball, Wool"), nor "Leader" straight after the place, as local
    /// papers are named ("Epping Leader"). True when no single word holds the office.
    static func claimsOffice(around place: Range<Int>, keys: [String], classes: [WordClass], vocab: Vocabulary) -> Bool {
        var officeWords = 0
        for i in keys.indices where !place.contains(i) {
            let offices: [String]
            if case .office(let office) = classes[i] { offices = [office] } else { offices = vocab.inside.scan(keys[i]).offices }
            guard !offices.isEmpty else { continue }
            officeWords += 1
            // "Former Mayor of Wool": no longer the holder. (A Deputy Mayor is the Mayor's stand-in: a claim.)
            if i > 0, vocab.formerOffice.contains(keys[i - 1]) { continue }
            // The place's own words are no occasion: "Mayor of Market Drayton" is not a Mayor's market.
            if let next = keys.indices[(i + 1)...].first(where: { classes[$0] != .ignored }), !place.contains(next),
                vocab.officeOccasions.contains(keys[next]) || classes[next] == .organisation
            {
                continue
            }
            // Welsh puts the occasion first: "Apêl Elusen Maer Llandudno" is the Mayor's charity appeal; and
            // "Youth Mayor" is another office.
            if i > 0, vocab.officeOccasions.contains(keys[i - 1]) { continue }
            // "Mayor of Rye's Charity Ball": the occasion after the place.
            if i < place.lowerBound, let next = keys.indices[place.upperBound...].first(where: { classes[$0] != .ignored }),
                vocab.officeOccasions.contains(keys[next]) || classes[next] == .organisation
            {
                continue
            }
            if i < place.lowerBound { return true }
            let councilBetween = (place.upperBound..<i).contains { n in
                switch classes[n] {
                case .council, .kind, .abbreviation: true
                default: false
                }
            }
            if councilBetween || offices != ["leader"] { return true }
        }
        return officeWords == 0
    }

    /// The office whose key of four letters or fewer ("derk" for Clerk, "maer") is the whole of `part`
    /// once a kind word before it ("town") and a link after it ("of", "to the") are taken off.
    static func shortOffice(_ part: String, vocab: Vocabulary) -> String? {
        // A kind word, a four-letter key and "ofthe" at most.
        guard !part.isEmpty, part.utf8.count <= 20 else { return nil }
        // Compared as bytes: keys are folded alike, so equal text is equal bytes.
        var rest = Substring(part)
        func starts(_ word: String) -> Bool { rest.utf8.count > word.utf8.count && rest.utf8.starts(with: word.utf8) }
        func ends(_ word: String) -> Bool { rest.utf8.count > word.utf8.count && rest.utf8.reversed().starts(with: word.utf8.reversed()) }
        if let kind = vocab.kindOf.keys.filter(starts).max(by: { $0.utf8.count < $1.utf8.count }) {
            rest = Substring(rest.utf8.dropFirst(kind.utf8.count))
        }
        if let the = vocab.the.first(where: ends) { rest = Substring(rest.utf8.dropLast(the.utf8.count)) }
        if let link = vocab.officeLinks.first(where: ends) { rest = Substring(rest.utf8.dropLast(link.utf8.count)) }
        guard rest.count < 5, let office = vocab.roles[String(rest)] else { return nil }
        return office
    }

    /// The same for what a handle holds around its place: an office word before it ("mayorofepping",
    /// "mayorsuewool"), or after it with nothing or council words between ("eppingtownclerk",
    /// "eppingmayor2"). Not one that runs on into an occasion or an organisation ("chorleymayorsparade",
    /// "mayorsballhallowbridge"), nor "leader" straight after the place.
    static func claimsOffice(before: String, after: String, vocab: Vocabulary) -> Bool {
        let (head, tail) = (Array(before.unicodeScalars), Array(after.unicodeScalars))
        func text(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
        func namesSomething(_ rest: String) -> Bool {
            let rest = rest.hasPrefix("s") ? String(rest.dropFirst()) : rest
            return vocab.officeOccasions.contains { rest.hasPrefix($0) } || vocab.organisations.contains { $0.count >= 4 && rest.hasPrefix($0) }
        }
        var found = false
        for (word, office) in vocab.roles {
            let letters = Array(word.unicodeScalars)
            guard !letters.isEmpty else { continue }
            if let at = EditDistance.firstOccurrence(letters, in: head) {
                found = true
                if !namesSomething(text(head[(at + letters.count)...]) + after) { return true }
            }
            if let at = EditDistance.firstOccurrence(letters, in: tail) {
                found = true
                let between = text(tail[..<at])
                guard !namesSomething(text(tail[(at + letters.count)...])) else { continue }
                if between.isEmpty ? office != "leader" : isKnownWords(between, vocab: vocab) || vocab.abbreviations[between] != nil {
                    return true
                }
            }
        }
        return !found
    }

    /// Whether a place read with typos from `first` on, after `before`, starts as the place does: with
    /// its first letter after known words, or with that letter folded into the one before it across the
    /// join of two words ("mayornewport" folds to "mayomewport": the "m" holds the "r" of Mayor).
    static func startsThePlace(_ first: Unicode.Scalar, before: String, place: String, vocab: Vocabulary) -> Bool {
        guard let placeFirst = place.unicodeScalars.first else { return false }
        if first == placeFirst { return isKnownWords(before, vocab: vocab) }
        for (pair, merged) in foldedPairs where merged == first && pair.unicodeScalars.last == placeFirst {
            if isKnownWords(before + String(pair.unicodeScalars.first!), vocab: vocab) { return true }
        }
        return false
    }

    /// Where `initials` stand in `keys`: as one word ("HR") or as one-letter words ("H.R.", "H R").
    static func initials(_ initials: String, in keys: [String]) -> Range<Int>? {
        if let i = keys.firstIndex(of: initials) { return i..<(i + 1) }
        let letters = initials.map(String.init)
        guard keys.count >= letters.count else { return nil }
        for i in 0...(keys.count - letters.count) where keys[i..<(i + letters.count)].elementsEqual(letters) {
            let before = i > 0 ? keys[i - 1].count : 0, after = i + letters.count < keys.count ? keys[i + letters.count].count : 0
            if before != 1 && after != 1 { return i..<(i + letters.count) }
        }
        return nil
    }

    /// Letter pairs the folding merges into one look-alike letter.
    static let foldedPairs: [(String, Unicode.Scalar)] = [("rn", "m"), ("nn", "m"), ("cl", "d"), ("vv", "w")]

    /// The place read from the first letter of `scalars`, within `limit` edits and keeping its first letter.
    static func placeAtStart(_ place: String, in scalars: [Unicode.Scalar], limit: Int) -> (distance: Int, range: Range<Int>)? {
        let length = place.unicodeScalars.count
        guard let first = place.unicodeScalars.first, scalars.first == first else { return nil }
        var best: (distance: Int, range: Range<Int>)?
        for k in max(1, length - limit)...(length + limit) where k <= scalars.count {
            let d = EditDistance.damerau(String(String.UnicodeScalarView(scalars[..<k])), place, limit: limit)
            if d <= limit, best.map({ d < $0.distance }) ?? true { best = (d, 0..<k) }
        }
        return best
    }

    /// Whether `rest` starts with three letters or more before any word impostor knows, an abbreviation
    /// or a digit starts, and those letters are no misspelt council word ("towm" in "towmcouncil").
    static func continuesTheWord(_ rest: String, vocab: Vocabulary) -> Bool {
        let letters = Array(rest.unicodeScalars)
        var start = 0
        search: while start < letters.count {
            if ("0"..."9").contains(letters[start]) { break }
            for end in stride(from: start + 2, through: min(letters.count, start + 16), by: 1) {
                let piece = String(String.UnicodeScalarView(letters[start..<end]))
                if vocab.knownWords.contains(piece) || vocab.abbreviations[piece] != nil { break search }
            }
            start += 1
        }
        guard start >= 3 else { return false }
        return !vocab.misspellsCouncilWord(String(String.UnicodeScalarView(letters[..<start])))
    }

    /// Whether `text` is empty, or only words of the vocabulary and digits run together ("theofficial",
    /// "mayorof", "cllr"): what may stand before a place in a handle.
    static func isKnownWords(_ text: String, vocab: Vocabulary) -> Bool {
        let letters = Array(text.unicodeScalars)
        guard letters.count <= 64 else { return false }
        // reachable[i]: the first i scalars split into known words.
        var reachable = [Bool](repeating: false, count: letters.count + 1)
        reachable[0] = true
        for end in 1...max(1, letters.count) where end <= letters.count {
            for start in 0..<end where reachable[start] {
                let piece = String(String.UnicodeScalarView(letters[start..<end]))
                if piece.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" }) || vocab.knownWords.contains(piece) {
                    reachable[end] = true
                    break
                }
            }
        }
        return reachable[letters.count]
    }

    enum Glue { case longerPlace(String), affix(before: String, after: String), neither }

    /// What a word holding the place adds to it: letters of another name ("woolland" for Wool,
    /// "ashford" for Ash, "newbury" for Bury), or a council word or affix glued on ("woolparishcouncil",
    /// "woolofficial", "woolpc"). Short words must be all that is added: "ford" is not "for" glued on.
    /// Leetspeak digits fold into letters ("wool2024"), so such a word is neither.
    static func glue(around hit: Range<Int>, in compact: String, wordStart: Int, wordEnd: Int, leet: Bool, vocab: Vocabulary) -> Glue {
        let scalars = Array(compact.unicodeScalars)
        guard wordStart <= hit.lowerBound, hit.upperBound <= wordEnd, wordEnd <= scalars.count else { return .neither }
        let before = String(String.UnicodeScalarView(scalars[wordStart..<hit.lowerBound]))
        let after = String(String.UnicodeScalarView(scalars[hit.upperBound..<wordEnd]))
        guard !leet, before.count + after.count >= 2, (before + after).allSatisfy(\.isLetter) else { return .neither }
        let word = String(String.UnicodeScalarView(scalars[wordStart..<wordEnd]))
        if vocab.placeQualifiers.contains(before) { return .longerPlace(word) }
        let afterGlued = after.isEmpty || vocab.gluedWhole.contains(after) || vocab.gluedLeading.contains { after.hasPrefix($0) }
        let beforeGlued = before.isEmpty || vocab.gluedWhole.contains(before) || vocab.gluedLeading.contains { before.hasSuffix($0) }
        return afterGlued && beforeGlued ? .affix(before: before, after: after) : .longerPlace(word)
    }

    /// "Council" as keys fold it ("ci" reads as "d") and as a typo that splits the "ci" folds it
    /// ("Councel", "Counsil", "Coucnil"): one edit from either is the word.
    static let councilSkeletons = ["coundl", "councll"]
    static let councilSkeletonPatterns = councilSkeletons.map(SearchPattern.init)

    static func holdsCouncilSkeleton(_ letters: [Unicode.Scalar]) -> Bool {
        guard !letters.isEmpty else { return false }
        let summary = SearchPattern.summary(of: letters)
        return councilSkeletonPatterns.contains { EditDistance.bestSubstring($0, in: letters, summary: summary, limit: 1) != nil }
    }

    /// What a whole name or handle's words say in impostor's own vocabulary, with no place taken out of
    /// them: the same for every council compared in which no place is found, so read once per profile.
    static func placelessWords(_ text: FoldedText, classes: [WordClass], wordAligned: Bool, vocab: Vocabulary) -> Words {
        var reading = NameReading()
        reading.readWords(text, vocab: vocab, classes: classes, wordAligned: wordAligned, placeHit: nil,
                          glued: ("", ""), placeKeys: [])
        return reading.words
    }

    /// Whether the initials of one of the council's names stand beside the place: as a word of their own in
    /// a name, right before the place (after known words) or right after it in a handle.
    static func initialsBeside(_ place: PlaceMatch, hit: (distance: Int, range: Range<Int>)?, in text: FoldedText,
                               wordAligned: Bool, identity: ProtectedIdentity) -> Bool {
        let initials = identity.nameInitials
        guard !initials.isEmpty else { return false }
        if wordAligned {
            // Not before a trade: "Ellesby PC Repairs" mends computers.
            let keys = text.keys
            return keys.indices.contains { i in
                !place.words.contains(i) && initials.contains(keys[i]) && !identity.words.tradeFollows(i, in: keys)
            }
        }
        guard let hit, !place.initials else { return false }
        let before = text.compactSlice(0..<hit.range.lowerBound)
        let after = text.compactSlice(hit.range.upperBound..<text.scalars.count)
        return initials.contains { i in
            after.hasPrefix(i) || (before.hasSuffix(i) && isKnownWords(String(before.dropLast(i.count)), vocab: identity.words))
        }
    }

    /// Whether the text names a council of this place: the place and a council word or abbreviation.
    var namesCouncil: Bool { place != nil && (councilWord || abbreviation) }
}
