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
        keys.indices.map { i in classify(keys[i], next: i + 1 < keys.count ? keys[i + 1] : nil, vocab: vocab) }
    }

    static func classify(_ key: String, next: String?, vocab: Vocabulary) -> WordClass {
        if vocab.council.contains(key)
            || ((5...8).contains(key.unicodeScalars.count) && key.count >= 6
                && NameReading.councilSkeletons.contains { EditDistance.damerau(key, $0, limit: 1) <= 1 })
        {
            return .council
        } else if let kind = vocab.kindOf[key] {
            return .kind(kind)
        } else if let kind = vocab.abbreviations[key] {
            return .abbreviation(kind: kind)
        } else if key.count == 1, let next, let kind = vocab.abbreviations[key + next] {
            return .abbreviation(kind: kind)
        } else if let office = vocab.roles[key] {
            return .office(office)
        } else if vocab.councillor.contains(key) {
            return .councillor
        } else if vocab.negators.contains(key) {
            return .negator
        } else if vocab.organisations.contains(key) {
            return .organisation
        } else if !vocab.affixes.contains(key) && !vocab.titles.contains(key) && key.count > 1
            && !key.allSatisfy({ $0.isNumber })
        {
            return .other
        }
        return .ignored
    }
}
