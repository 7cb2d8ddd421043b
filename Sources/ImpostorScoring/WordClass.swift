import ImpostorText

/// What one word of a name or handle is to the vocabulary: read once per profile, since it does not
/// depend on the council compared (unless that council adds words of its own).
enum WordClass: Sendable, Equatable {
    case council
    case kind(String)
    /// "tc", or "t" before "c" ("T.C." folds to two one-letter words).
    case abbreviation(kind: String)
    case office(String)
    case councillor
    case negator
    case organisation
    /// A word of its own: another name, a place, a surname.
    case other
    /// An affix, a title, a single letter, a number.
    case ignored

    /// The class of each of `keys`, in order.
    static func of(_ keys: [String], vocab: Vocabulary) -> [WordClass] {
        var classes = keys.indices.map { i in
            // "Meeting" is a council word only right after a kind: "Parish Meeting", not "Quaker Meeting".
            // "Town Counsel" is the council misspelt; "Oakbridge Counsel", barristers.
            if vocab.councilAfterKind.contains(keys[i]) || vocab.councilOnlyAfterKind.contains(keys[i]),
                i == 0 || vocab.kindOf[keys[i - 1]] == nil
            {
                return WordClass.other
            }
            return classify(keys[i], next: i + 1 < keys.count ? keys[i + 1] : nil, vocab: vocab)
        }
        // "Ellesby PC Repairs": an abbreviation straight before a trade is the trade's.
        for i in keys.indices.dropLast() {
            if case .abbreviation = classes[i], vocab.tradeFollows(i, in: keys) {
                (classes[i], classes[i + 1]) = (.organisation, .organisation)
            }
        }
        // "Official, not fake", "Not a scam": a denial of a denial disowns nothing.
        for i in keys.indices where classes[i] == .negator {
            guard let j = vocab.deniedWord(after: i, in: keys) else { continue }
            for k in i...j { classes[k] = .ignored }
        }
        return classes
    }

    /// One look-up in the lists' classes, which weigh council words first, then kinds, abbreviations,
    /// offices, councillor, negators, organisations, and affixes and titles (ignored); a word in none
    /// is a word of its own unless it is a single letter or a number.
    static func classify(_ key: String, next: String?, vocab: Vocabulary) -> WordClass {
        let listed = vocab.listedClasses[key]
        if listed == .council
            || ((5...8).contains(key.unicodeScalars.count) && key.count >= 6
                && NameReading.councilSkeletons.contains { EditDistance.damerau(key, $0, limit: 1) <= 1 })
            || (listed == nil && vocab.misspellsLongCouncilWord(key))
        {
            return .council
        }
        if let listed {
            switch listed {
            case .kind, .abbreviation: return listed
            default: break
            }
        }
        // "T.C.": a letter that makes an abbreviation with the next, before the lists' weaker classes.
        if key.count == 1, let next, let kind = vocab.abbreviations[key + next] { return .abbreviation(kind: kind) }
        if let listed { return listed }
        return key.count > 1 && !key.allSatisfy({ $0.isNumber }) ? .other : .ignored
    }
}
