import ImpostorText

/// The words a clerk reads an account's name and bio by, as comparison keys.
///
/// Lists, not weights: what each kind of word means for a claim is decided in `Scorer`.
enum Vocabulary {
    /// Words that make a name a council's name.
    static let council = keys("council", "cncl", "cncil", "councils", "cyngor", "gyngor")
    /// Kinds of council, with the abbreviations people use.
    static let kinds: [String: Set<String>] = [
        "town": keys("town", "twn", "tn", "tref"), "parish": keys("parish", "prsh", "parishes", "plwyf"),
        // Not "dinas" for city: it starts Welsh place names (Dinas Powys, Dinas Mawddwy).
        "city": keys("city"), "community": keys("community", "cymuned"), "village": keys("village"),
        "neighbourhood": keys("neighbourhood", "neighborhood"), "district": keys("district"),
        "borough": keys("borough", "boro"), "county": keys("county"),
    ]
    /// Council abbreviations: "TC" for a town council, "PC" for a parish council.
    static let abbreviations: [String: String] = [
        Folder.key("tc").key: "town", Folder.key("pc").key: "parish", Folder.key("cc").key: "city",
    ]
    /// Offices an impostor borrows, by role.
    static let roles: [String: String] = {
        var out: [String: String] = [:]
        // English, then Welsh: Maer, Cadeirydd, Clerc.
        for w in ["mayor", "mayoress", "lord mayor", "maer"] { out[Folder.key(w).key] = "mayor" }
        for w in ["chair", "chairman", "chairwoman", "chairperson", "chairmain", "cadeirydd"] { out[Folder.key(w).key] = "chair" }
        for w in ["clerk", "clerks", "rfo", "clerc"] { out[Folder.key(w).key] = "clerk" }
        for w in ["leader"] { out[Folder.key(w).key] = "leader" }
        return out
    }()
    /// Titles before a person's name; "Cllr" alone marks a councillor's own account.
    static let titles = keys("cllr", "councillor", "councilor", "clr", "mr", "mrs", "ms", "miss", "dr", "revd", "rev")
    static let councillor = keys("cllr", "councillor", "councilor", "clr")
    /// Words an impostor adds around a council name; they change nothing about whom it claims to be.
    static let affixes = keys(
        "official", "officially", "real", "the", "info", "information", "news", "updates", "update", "hq", "support",
        "help", "helpdesk", "grants", "grant", "page", "online", "notices", "notice", "team", "uk", "account",
        "residents", "resident", "services", "service", "office", "admin", "desk", "live", "alerts", "alert",
        "announcements", "hub", "portal", "centre", "center", "gov", "govuk", "verified", "new", "backup", "original",
        "of", "for", "and", "to", "from", "at", "in", "on", "by", "a", "community", "deputy", "vice", "uk", "england",
        "x", "tv", "channel", "media",
        "swyddogol", "newyddion", "gwybodaeth", "y", "yr", "o", "ar", "i")
    /// Words that say the account is not the council: parody, fans, critics.
    static let negators = keys(
        "not", "parody", "fan", "fans", "unofficial", "satire", "satirical", "spoof", "fake", "watch", "critic",
        "critics", "against", "scrutiny", "campaign", "opposition", "former", "ex", "unaffiliated", "independent", "exposed",
        "truth", "answyddogol", "ffug")
    /// Words that make a place name another organisation's name: clubs, shops, media, groups.
    static let organisations = keys(
        "club", "fc", "afc", "rfc", "cc", "school", "academy", "college", "nursery", "preschool", "church", "chapel",
        "methodist", "baptist", "catholic", "library", "museum", "choir", "band", "orchestra", "society",
        "association", "group", "friends", "love", "spotted", "whats", "visit", "buy", "sell", "swap", "gazette",
        "times", "echo", "voice", "post", "chronicle", "herald", "mercury", "observer", "journal", "advertiser",
        "press", "matters", "events", "noticeboard", "litter", "pickers", "parents", "network", "lost", "found",
        "pets", "past", "present", "history", "heritage", "carnival", "festival", "fair", "show", "dental", "practice",
        "surgery", "pharmacy", "medical", "vets", "veterinary", "shop", "store", "cafe", "coffee", "pub", "inn",
        "arms", "hotel", "restaurant", "bakery", "butchers", "garage", "motors", "estate", "agents", "ltd", "limited",
        "plc", "llp", "scouts", "guides", "brownies", "cubs", "rotary", "lions", "twinning", "bloom", "chamber",
        "commerce", "tennis", "cricket", "rugby", "football", "bowls", "golf", "sailing", "rowing", "cycling",
        "cyclists", "running", "runners", "harriers", "athletic", "athletics", "youth", "juniors", "theatre",
        "players", "cinema", "arts", "gallery", "studio", "photography", "photos", "dog", "dogs", "walkers",
        "walking", "ramblers", "gardening", "gardeners", "allotment", "tenants", "hall", "park", "rescue", "foodbank",
        "charity", "trust", "foundation", "hospice", "pta", "fire", "police", "rnli", "lifeboat", "brewery", "ales",
        "farm", "market", "radio", "fm", "forum", "collective", "memories", "photographs", "wildlife", "nature",
        "conservation", "runs", "classic", "car", "cars", "bikes", "sports", "leisure", "gym", "fitness", "yoga",
        "dance", "karate", "swimming", "swim", "sports", "ladies", "mens", "women", "men", "babies", "kids", "mums",
        "dads", "families", "business", "businesses", "traders", "plumbing", "plumber", "electrician", "builders",
        "taxis", "taxi", "cleaning", "homes", "property", "lettings", "solicitors", "accountants", "academy", "fans",
        "supporters", "residents association",
        "clwb", "ysgol", "grwp", "cymdeithas", "eglwys", "capel", "cor", "papur", "bro", "menter")
    /// Bio words that ask residents for money, details or a move to a new account.
    static let scam = keys(
        "grant", "grants", "rebate", "rebates", "refund", "refunds", "dm", "pay", "payment", "payments", "fees", "fee",
        "fine", "fines", "penalty", "claim", "hacked", "bank", "crypto", "bitcoin", "giveaway", "prize", "winner",
        "whatsapp", "telegram", "voucher", "vouchers", "compensation", "cash", "transfer", "deposit", "verify",
        "urgent", "link")
    /// Bio words that frame a council name as a subject being talked about, not the speaker.
    static let mentionCues = keys("including", "about", "covering", "meetings", "meeting", "councillor", "councillors",
                                  "member", "candidate", "near", "with", "watching", "reporting", "discuss")
    /// Words that frame a council name as talked about only when they come before it: "a seat on …",
    /// "thanks to …", "contact … directly"; after it ("… Council. Contact me") they say nothing.
    static let mentionBefore = keys("on", "thanks", "partnership", "contact", "lobby", "lobbying", "petition", "hold",
                                    "holding", "urge", "urging", "ask", "asking", "challenge", "challenging", "elected")
    /// "<office> of|to|for <place>", and the words around it.
    static let officeLinks = keys("of", "to", "for")
    static let the = keys("the")
    static let lord = keys("lord")
    /// The Mayor's consort, not an office of the council.
    static let consort = keys("mayoress", "consort")
    static let officer = keys("officer")
    static let proper = keys("proper")
    /// Words before an office that make it not the office-holder speaking ("a letter to the Mayor of …").
    static let notTheHolder = keys("former", "ex", "past", "deputy", "vice", "candidate", "to", "with", "by", "met",
                                   "meet", "meeting", "thanks", "contact", "ask", "asking", "invited", "invite",
                                   "from", "wife", "husband", "son", "daughter", "consort", "escort", "secretary",
                                   "assistant", "pa", "not", "elect", "hosted", "visit", "visited", "write", "email",
                                   "for", "on", "about", "holding", "hold", "supporting", "served",
                                   "twice", "thrice", "reporting", "welcomed", "welcoming", "joined", "joining")
    /// "Supported by …" is about another body; "run by …" claims to be the council's own page.
    static let supportedBy = keys("supported", "funded", "sponsored", "backed", "aided", "commissioned", "support", "funding")
    /// Words that qualify a place into a different one: "South Ferriby" is not "North Ferriby".
    static let placeQualifiers = keys(
        "north", "south", "east", "west", "great", "little", "upper", "lower", "old", "new", "market", "long",
        "high", "nether", "over", "kings", "bishops", "st", "saint", "magna", "parva", "regis", "royal", "central",
        "greater", "mid")

    /// The kind of council each kind word names ("twn" → "town"): one look-up per word.
    static let kindOf: [String: String] = {
        var out: [String: String] = [:]
        for (kind, forms) in kinds { for f in forms { out[f] = kind } }
        return out
    }()

    static func keys(_ words: String...) -> Set<String> {
        Set(words.flatMap { w in w.split(separator: " ").map { Folder.key(String($0)).key } })
    }
}
