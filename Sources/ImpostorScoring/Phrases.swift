import ImpostorText

/// Multi-word phrases matched against a folded text's keys, in order.
enum Phrases {
    /// Bio phrases that say the account is not the council.
    static let disclaimers = phrases(
        "not affiliated", "not associated", "not connected", "no affiliation", "not endorsed", "unofficial",
        "parody", "fan account", "fan page", "satire", "not the official", "not an official", "not run by",
        "independent of", "no connection", "not linked", "nid y cyngor", "ddim yn swyddogol", "dim cysylltiad")
    /// Bio phrases of a person speaking for themselves.
    static let personal = phrases(
        "views my own", "views are my own", "my own views", "own views", "personal account", "personal views",
        "views mine", "opinions my own", "opinions are my own")
    /// Bio phrases that speak of the council in the third person: whoever writes is someone else.
    static let thirdPerson = phrases(
        "their website", "their site", "their office", "their offices", "their page", "their official",
        "contact them", "ask them")
    /// Bio phrases that tell residents to move to this account or act on a message.
    static let scam = phrases(
        "old page", "follow us here", "new page", "message us", "dm us", "via the link", "link below", "click the link",
        "council tax", "bank details", "card details", "send us", "contact us on whatsapp")

    /// The openers of the e-mail scam in a council leader's name, as UK councils and police quoted them
    /// (Northamptonshire and Cambridgeshire ALCs, Dyfed-Powys Police, Isle of Wight): a favour, gift
    /// cards to buy, a meeting that stops a call, money back later.
    static let mailScam = phrases(
        "are you free", "are you available", "gift card", "gift cards", "itunes", "apple cards", "amazon cards",
        "google play", "e gift", "vouchers for me", "reimburse", "reimbursed", "in a meeting", "conference meeting",
        "can you help me with a request", "quick favour", "a favour", "need you to get", "codes on the back",
        "back of the cards", "private reasons", "discreet")

    static func phrases(_ list: String...) -> [[String]] {
        list.map { $0.split(separator: " ").map { Folder.key(String($0)).key } }
    }

    /// Whether `keys` holds any of `phrases` as consecutive words.
    static func contains(_ keys: [String], any phrases: [[String]]) -> Bool {
        phrases.contains { phrase in
            guard phrase.count <= keys.count else { return false }
            return (0...(keys.count - phrase.count)).contains { i in keys[i..<(i + phrase.count)].elementsEqual(phrase) }
        }
    }
}
