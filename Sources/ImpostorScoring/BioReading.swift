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
    /// A county other than the council's own, named beside the place: a namesake elsewhere.
    var otherArea: String?
    /// Kinds of council the bio gives this place ("parish" for a namesake of a town council).
    var kindsNamed: Set<String> = []

    init(_ bio: FoldedText, identity: ProtectedIdentity, counties: [[String]]) {
        let keys = bio.keys
        guard !keys.isEmpty else { return }
        disclaimer = Phrases.contains(keys, any: Phrases.disclaimers)
        personal = Phrases.contains(keys, any: Phrases.personal)
        scam = Phrases.contains(keys, any: Phrases.scam) || keys.contains { Vocabulary.scam.contains($0) }

        let place = identity.placeCompact
        let tolerance = place.count >= 9 ? 1 : 0
        let n = identity.placeKeys.count
        var i = 0
        while i < keys.count {
            var matchedEnd: Int? = nil
            for width in Swift.max(1, n - 1)...(n + 1) where i + width <= keys.count {
                let joined = keys[i..<(i + width)].joined()
                if EditDistance.damerau(joined, place, limit: tolerance) <= tolerance {
                    matchedEnd = i + width
                    break
                }
            }
            guard let end = matchedEnd else {
                i += 1
                continue
            }
            mentionsPlace = true
            read(occurrence: i..<end, keys: keys)
            i = end
        }
        for form in identity.nameForms where !namesCouncil && bio.compact.holds(form) {
            namesCouncil = true
            claim = claim || !disclaimer
        }
        if mentionsPlace && !identity.areaKeys.isEmpty {
            let own = identity.areaKeys
            for county in Counties.named(in: keys, table: counties) {
                let inOwnArea = county.allSatisfy { own.contains($0) } || own.allSatisfy { county.contains($0) }
                let inPlace = county.allSatisfy { identity.placeKeys.contains($0) }
                if !inOwnArea && !inPlace {
                    otherArea = county.joined(separator: " ")
                    break
                }
            }
        }
    }

    /// Reads one occurrence of the place: council words after it make it the council's name;
    /// the words around it tell a claim ("Official page of …", "… – official updates") from a mention.
    private mutating func read(occurrence: Range<Int>, keys: [String]) {
        var j = occurrence.upperBound
        var kinds: Set<String> = []
        var council = false
        while j < keys.count && j < occurrence.upperBound + 3 {
            let k = keys[j]
            if let kind = Vocabulary.kindOf[k] {
                kinds.insert(kind)
            } else if let kind = Vocabulary.abbreviations[k] {
                kinds.insert(kind)
                council = true
            } else if Vocabulary.council.contains(k) {
                council = true
                j += 1
                break
            } else {
                break
            }
            j += 1
        }
        guard council else { return }
        namesCouncil = true
        kindsNamed.formUnion(kinds)
        let before = occurrence.lowerBound > 0 ? keys[occurrence.lowerBound - 1] : nil
        let after = j < keys.count ? keys[j] : nil
        let mentioned = before.map { Vocabulary.mentionCues.contains($0) } == true
            || after.map { Vocabulary.mentionCues.contains($0) } == true
        if !mentioned && !disclaimer { claim = true }
    }
}
