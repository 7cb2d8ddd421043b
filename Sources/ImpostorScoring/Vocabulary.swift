import ImpostorCore
import ImpostorText

/// The word lists of `vocabulary/*.toml`, folded into comparison keys once: what a clerk reads an
/// account's name and bio by, in every language impostor knows, plus a council's own words.
///
/// Lists, not weights: what each kind of word means for a claim is decided by the rules.
/// A class: every council without words of its own shares one, read for each account compared.
final class Vocabulary: Sendable {
    /// Words that make a name a council's name.
    let council: Set<String>
    /// Words that name a council only straight after a kind, for a council whose kind holds them: the
    /// "Meeting" of "Parish Meeting". Never read inside other words or through a typo ("Melting Pot").
    let councilAfterKind: Set<String>
    /// What a look-alike web address adds to a place besides council words ("wexcester-gov.uk").
    let domainCouncilWords: Set<String>
    /// The article before a council of a kind named without its place: "the" of "the town council".
    let councilArticles: Set<String>
    /// What says a council owns a page rather than is it: "run by" before its name, the part it runs
    /// ("committee", "libraries") beside it, and the link between them ("of").
    let belongingBefore: [[String]]
    let councilParts: Set<String>
    let partLinks: Set<String>
    /// Words by which a bio says the page is the council itself ("official"), whatever else it says.
    let officialWords: Set<String>
    /// Offices only some councils have ("sheriff"): an office of a council whose people hold one.
    let ownOffices: Set<String>
    /// Kinds of council ("town") and the words for each ("town", "twn", "tref").
    let kinds: [String: Set<String>]
    /// The kind each kind word names ("twn" → "town").
    let kindOf: [String: String]
    /// Other kinds a council of a kind may call itself ("parish" → "village"): the same council.
    let styles: [String: Set<String>]
    /// Council abbreviations and their kinds: "tc" → "town".
    let abbreviations: [String: String]
    /// Office words and their offices: "maer" → "mayor".
    let roles: [String: String]
    /// Office words that name their place straight after them, with no "of" ("Maer Aberteifi").
    let officesBeforePlace: Set<String>
    let titles: Set<String>
    let councillor: Set<String>
    let affixes: Set<String>
    let negators: Set<String>
    /// What "not" denies in a name ("not fake"), and the words that may stand between ("not a scam").
    let negatedDenials: Set<String>, negatedDenialFillers: Set<String>
    /// What no parody or critic asks of residents ("card details", "by gift card"), as keys.
    let moneyGrabs: [[String]]
    /// Council words that count only straight after a kind ("Town Counsel").
    let councilOnlyAfterKind: Set<String>
    /// Games a club is named for: the first initial of a council's abbreviation in a club's ("CC", cricket).
    let games: Set<String>
    /// What a club neither offers nor demands, though a scam in its name does ("rebate", "fine").
    let notClubBusiness: Set<String>
    /// A clone's investment pitch: what it sells ("crypto"), and how it sells it ("changed my life").
    let pitchedCoins: Set<String>, pitches: [[String]]
    let organisations: Set<String>
    /// What a bio's opening words may call the account itself when it is a body of its own ("wargaming club").
    let selfDescriptions: Set<String>
    /// Those, and the organisation words, folded but with no look-alikes merged, in the lists' order: what
    /// an abbreviation's letters are the initials of ("cc": "cricket", "club").
    let selfDescriptionWords: [String], organisationWords: [String]
    /// Organisation words that start with a council's abbreviation ("pcso", "cctv"): in a handle they
    /// are that word, not the abbreviation with letters glued on.
    let abbreviationLookalikes: [String]
    /// Trades that make an abbreviation straight before them theirs ("PC Repairs").
    let abbreviationTrades: Set<String>
    let placeQualifiers: Set<String>
    /// Words a place's name may be written with either way, as keys: ("st", "salnt").
    let placeWordForms: [(String, String)]
    /// Words that join the parts of a place's name: "Stratford upon Avon", "Llanbadarn y Creuddyn".
    let placeJoiners: Set<String>
    /// Words that join two places into one council's: "Fishguard and Goodwick", "Abergwaun ac Wdig".
    let placeConjunctions: Set<String>
    /// Words between a council's words and its place in a bio, as Welsh writes "Cyngor Tref ym Mhorthmadog".
    let councilPlaceLinks: Set<String>
    /// Every word of the counties' names and of the scam words: words that may follow a place in a
    /// name without making it another place's ("Newport Shropshire Town Council", "… Grants").
    let notPlaceWords: Set<String>
    /// Council, kind and office words of four letters or more, to tell a typo of one ("Towm") from a
    /// word of another place's name.
    let councilWordsToMisspell: [String]
    let mentionCues: Set<String>
    let mentionBefore: Set<String>
    /// Phrases that warn of a copy right before a council's name ("fake", "pretending to be"), as keys,
    /// filed by their last word: most names follow none of them.
    let warningBefore: [String: [[String]]]
    /// Those of one word, which warn after the name too ("… Town Council scam").
    let warningAfter: Set<String>
    /// The one-word warnings as words, not keys: the key of "clone" is that of "done" ("cl" reads as "d").
    let warningWords: Set<String>
    /// Words that may stand between a warning and the name ("pretending to be the …", "from our …").
    let warningFillers: Set<String>
    /// Words that tie a warning to the name a few words before it: "… page asking for bank details is FAKE".
    let warningCopulas: Set<String>
    /// Words that make such a sentence the council's own: "pages copying us are a scam".
    let warningSelf: Set<String>
    /// Words of office that say its holder is no longer in it: "Former Mayor of …".
    let formerOffice: Set<String>
    /// Words for another body in place of a council's kind: "Oakbridge Youth Council".
    let otherBodies: Set<String>
    /// Phrases that point from a warning to the real page ("Real page: …", "only trust …").
    let realPage: [[String]]
    let officeLinks: Set<String>
    /// Articles a place's name may start with and drop ("Yr Wyddgrug", "Y Bala").
    let placeArticles: Set<String>
    /// Titles a place's name may start with and drop ("Royal Wootton Bassett").
    let placeHonorifics: Set<String>
    /// Words that start a place name's tail, which the place goes by without ("Stratford-upon-Avon" is Stratford).
    let placeTails: Set<String>
    /// Council words an X handle cut at its limit ends inside, as written, lower case.
    let handleCutWords: [String]
    /// Council words of five letters or more ("cyngor", "council"), as a glued handle may start.
    let longCouncilWords: [String]
    /// Council words, kinds and abbreviations of two letters or more, by their first byte, longest first.
    let councilWordsByFirst: [UInt8: [String]]
    /// Words for an account's page after a council's name ("… Town Council Page"): a "New" before it
    /// announces the page.
    let pageWords: Set<String>
    /// Words before a verb that a mention cue may follow ("yn rhybuddio", is warning).
    let verbParticles: Set<String>
    let the: Set<String>
    let lord: Set<String>
    let consort: Set<String>
    let officer: Set<String>
    let proper: Set<String>
    let notTheHolder: Set<String>
    let supportedBy: Set<String>
    /// "… to" before a council's name: written to it ("Report potholes to …"), unless welcomed ("Welcome to …").
    let addressedTo: Set<String>
    let welcome: Set<String>
    /// "… by" before a council's name, after a word of support ("Funded by …").
    let by: Set<String>
    /// A bio's disclaimers, personal and third-person phrases, scam words and phrases, e-mail scam phrases.
    let bioPhrases: PhraseSet
    /// What a clone of one of the council's people offers residents for a message ("grant", "rebate").
    let personOffers: Set<String>
    /// Such offers of more than one word ("winter fuel support payments"), as keys.
    let personOfferPhrases: [[String]]
    /// Words that turn an offer down ("never", "won't"): a councillor's warning, not an offer.
    let refusals: Set<String>
    /// Words that end a name as a body of its own after the council's words ("… Council Tenants' Forum").
    let bodiesAfterCouncil: Set<String>
    /// How a page takes money no one can get back ("friends & family", "bank transfer only"), as keys.
    let privatePayments: [(text: String, keys: [String])]
    /// A card or bank account a page paying out asks for ("card details", "sort code"), as keys.
    let payoutDetails: [[String]]
    /// Words asking for `payoutDetails` right before them, and words saying none are wanted.
    let detailAsks: Set<String>, detailDenials: Set<String>
    /// What only a council's residents deal with it about ("council tax"), as keys.
    let councilMatters: [[String]]
    /// How a clone of one of the council's people asks to be paid ("bank transfer", "PayPal"), as written and as
    /// keys; the fees asked before a job or a grant ("DBS fee"); and money asked for oneself ("send me").
    let paymentChannels: [(text: String, keys: [String])]
    let advanceFees: [[String]], moneyToMe: [[String]]
    /// Money offered to the reader ("receive", "claim"): with an amount in one sentence, no established page's.
    let moneyOffers: [[String]]
    /// "to my", "into my": money paid into the writer's own account, named straight after.
    let paidInto: [[String]]
    /// Words before a fee that say it is not asked for ("we cover the DBS fee", "no admin fee").
    let feeWaivers: [[String]]
    /// Ways of paying no council takes money by ("Revolut", "PayPal"): named beside an amount, an ask.
    let privateChannels: [[String]]
    /// Gift cards as a price ("pay with an Apple gift card"), after one of `payWords` within four words.
    let giftCards: [(text: String, keys: [String])]
    let payWords: Set<String>
    /// Words after "Mayor for" that say whom the office serves, not where ("all", "our").
    let officeAudiences: Set<String>
    /// What a page paying out asks for ("card details", "claim within", "llenwch eich manylion"), as keys.
    let payoutAsks: [[String]]
    /// Selling an event's tickets ("tickets", "book now", "tocynnau"), and pressing buyers ("selling fast",
    /// "brysiwch"), as keys.
    let ticketSales: [[String]], salePressures: [[String]]
    /// What says an event costs nothing ("free entry", "am ddim"), as keys.
    let freeOfCharge: [[String]]
    /// First names → what people call their holders ("edward" → "ted", "ned"), as keys.
    let nicknames: [String: Set<String>]
    /// What a warning refuses to do or tells residents not to do ("ask", "send"), after a refusal.
    let refusedActs: Set<String>
    /// Words that may stand between a refusal and its act ("never ever ask", "peidiwch ag anfon").
    let refusalFillers: Set<String>
    /// Words of a warning about scams ("beware", "scams"): a council's post, not a hijacker's.
    let cautions: Set<String>
    /// Words that turn a caution into a hijacker's boast ("no scams").
    let cautionNegators: Set<String>
    /// What a hijacker posts from a council's own account: "crypto", "airdrop", "BTC".
    let hijackWords: Set<String>
    /// What a hijacker writes in several words ("enter your details", "account manager"), as written and as keys.
    let hijackPhrases: [(text: String, keys: [String])]
    /// What a taken-over mailbox sends its address book: "sign in to view the document".
    let credentialLures: [(text: String, keys: [String])]
    /// An ask to sign in ("log in"), and what a phishing mail sends the reader to sign in for ("a secure document",
    /// "your mailbox is over quota"): with one of each, a taken-over mailbox's mail too.
    let signInAsks: [(text: String, keys: [String])], credentialBaits: [(text: String, keys: [String])]
    /// An ask for the reader's password ("verify your password"): no colleague's mail says that but a warning.
    let passwordAsks: [(text: String, keys: [String])]
    /// What a mailbox "from IT" says of the reader's own ("your mailbox is full"): no colleague's mail says it.
    let mailboxAlarms: [(text: String, keys: [String])]
    /// A payment that "failed" ("payment declined") and an ask to put the card in again ("update your card"): with a
    /// link away from the council's site, the phishing text sent under its sender name or from its mailbox.
    let cardAlarms: [(text: String, keys: [String])], cardUpdates: [(text: String, keys: [String])]
    /// The openers of the gift-card scam ("new number", "are you free"), each on its own: two in a message that
    /// says it is from the council make the scam's opening.
    let mailScamOpeners: [[String]]
    /// What a cloned profile says of itself ("this is my new page"): with money asked for, the clone's ask.
    let cloneOpeners: [[String]]
    /// Words of a payment asked for ("transfer", "remit", "invoice"): with a bank change, the fraud's ask.
    let remittances: Set<String>
    /// A payment kept quiet ("confidential", "in a meeting") and hurried ("today", "urgent"): with a payment, the
    /// fraud in a council leader's name sent from their own mailbox.
    let paymentSecrecy: [(text: String, keys: [String])], paymentHurry: [(text: String, keys: [String])]
    /// What a post promises beside an ask for card details, besides `personOffers` ("prize", "claim"): from one of the
    /// council's own accounts, a hijacker's lure.
    let detailLures: Set<String>
    /// The asks that want an answer by message ("reply", "DM"), not at a form: what a hijacked account asks.
    let messageAsks: Set<String>
    /// The council's bank "has changed" ("new bank details"): the invoice fraud a taken mailbox sends.
    let bankChanges: [(text: String, keys: [String])]
    /// Coins ("btc"), whose amount ("0.1 BTC") a hijacker's giveaway names, with a word that offers or asks ("claim").
    let coins: Set<String>, coinAsks: Set<String>
    /// A promise to pay back what the reader buys ("I'll pay you back"), and the words that ask for the cards
    /// ("buy", "get"): with gift cards, in one sentence, the scam's ask.
    let payBacks: [(text: String, keys: [String])]
    let giftCardAsks: Set<String>
    /// What else the gift-card scam says around its ask, in place of the promise ("send me the codes", "urgent").
    let giftCardPressures: [(text: String, keys: [String])]
    /// How a message's sender names itself: before the name ("it's", "this is"), or after it ("Priya here"),
    /// after a greeting ("Hi").
    let introductions: [[String]], introducedAfter: [[String]], greetings: Set<String>
    /// What only a new owner of an account says ("under new management"): one is enough.
    let hijackAnnouncements: [(text: String, keys: [String])]
    /// The last labels of web addresses a hijacker's shop or prize page uses ("shop", "click"), as written.
    let hijackEndings: Set<String>
    /// Counties, unitary areas and cities a bio may place a namesake in.
    let areas: Counties
    /// Words between a place and the area it lies in ("ym Mhowys", "in Peterborough").
    let areaLinks: Set<String>
    /// States, provinces and countries abroad, as keys: another area only right after the place
    /// ("Monmouth, Illinois"), since a bio may name them for anything ("UK & USA", "twinned with …").
    let abroad: [(text: String, keys: [String])]
    /// Words that tie a council to a place abroad without placing it there ("twinned with").
    let abroadLinks: Set<String>
    /// Occasions and funds of an office ("Mayor's Parade", "Mayor's Appeal"): an office word before one
    /// names it, and claims nothing.
    let officeOccasions: Set<String>
    /// Words that mark an alias as a name in a language whose place names mutate ("cyngor").
    let mutationMarkers: Set<String>
    /// Words that are a kind only straight after a council word ("Cyngor Dinas …").
    let kindsAfterCouncil: Set<String>
    /// Initial mutations of a place name, one table per kind (soft, nasal, aspirate), first letters
    /// from → to ("c" → "g").
    let mutations: [[(from: String, to: String)]]

    /// Words that may stand before a place in a handle: three letters or more, and a few shorter ones.
    let knownWords: Set<String>
    /// Words glued to a place that leave it the place, when they are all that is added.
    let gluedWhole: Set<String>
    /// Longer words that may start a run of glued words ("towncouncil", "councilofficial").
    let gluedLeading: [String]
    /// What NameReading looks for inside glued words, long enough not to turn up inside others:
    /// negators of four letters or more, council words of six, town/parish/city words of four, offices of five.
    let insideNegators: [String]
    let insideCouncil: [String]
    let insideKinds: [(kind: String, forms: [String])]
    let insideRoles: [(word: String, office: String)]
    /// All of those, and the councillor titles, for one pass over a text.
    let inside: InsideWords
    /// The class of each word the lists hold, where `WordClass.classify` weighs them in turn.
    let listedClasses: [String: WordClass]

    /// Every word is folded as names are (case, accents, look-alikes), so a council may write its words
    /// as it likes: "Côr", "Watchdog", "nid y Cyngor".
    init(_ w: WordLists, folder: Folder) {
        func keys(_ name: String) -> Set<String> { Self.keys(w[name], folder: folder) }
        /// A list of phrases, each as keys ("card details" → ["card", "detalls"]); and with each as written.
        func phraseKeys(_ name: String) -> [[String]] { w[name].flatMap { Self.forms($0, folder: folder) } }
        func written(_ name: String) -> [(text: String, keys: [String])] {
            w[name].flatMap { entry in Self.forms(entry, folder: folder).map { (entry, $0) } }
        }
        func phrases(_ name: String, _ meaning: BioPhrases.Meaning) -> [(words: [String], meaning: BioPhrases.Meaning)] {
            w[name].flatMap { Self.forms($0, folder: folder).map { ($0, meaning) } }
        }
        let council = keys("council")
        let councilAfterKind = keys("council_after_kind")
        self.councilAfterKind = councilAfterKind
        domainCouncilWords = keys("domain_council_words")
        councilArticles = keys("council_articles")
        councilParts = keys("council_parts")
        partLinks = keys("part_links")
        officialWords = keys("official_words")
        ownOffices = keys("own_offices")
        self.council = council
        var kinds: [String: Set<String>] = [:], styles: [String: Set<String>] = [:], abbreviations: [String: String] = [:], roles: [String: String] = [:]
        for (name, words) in w.lists.sorted(by: { $0.key < $1.key }) {
            if name.hasPrefix("kinds_"), name != "kinds_after_council" { kinds[String(name.dropFirst(6))] = Self.keys(words, folder: folder) }
            if name.hasPrefix("styles_") { styles[String(name.dropFirst(7)), default: []].formUnion(words) }
            if name.hasPrefix("abbreviations_") {
                for a in Self.keys(words, folder: folder) { abbreviations[a] = String(name.dropFirst(14)) }
            }
            // An office may be several words ("lord mayor"): one key for the whole.
            if name.hasPrefix("offices_"), name != "offices_before_place" {
                for o in words { roles[folder.fold(o).keys.joined()] = String(name.dropFirst(8)) }
            }
        }
        self.kinds = kinds
        // In a fixed order: a word a council lists under two kinds goes to the first by name.
        var kindOf: [String: String] = [:]
        for (kind, forms) in kinds.sorted(by: { $0.key < $1.key }) { for f in forms where kindOf[f] == nil { kindOf[f] = kind } }
        self.kindOf = kindOf
        self.styles = styles
        self.abbreviations = abbreviations
        self.roles = roles
        officesBeforePlace = keys("offices_before_place")
        let titles = keys("titles"), affixes = keys("affixes")
        self.titles = titles
        councillor = keys("councillor")
        self.affixes = affixes
        let negators = keys("negators")
        self.negators = negators
        (negatedDenials, negatedDenialFillers) = (keys("negated_denials"), keys("negated_denial_fillers"))
        moneyGrabs = phraseKeys("money_grabs") + phraseKeys("payout_details")
        councilOnlyAfterKind = keys("council_only_after_kind")
        (games, notClubBusiness) = (keys("games"), keys("not_club_business"))
        (pitchedCoins, pitches) = (keys("pitched_coins"), phraseKeys("pitches"))
        let organisations = keys("organisations")
        selfDescriptions = keys("self_descriptions")
        self.organisations = organisations
        func words(_ name: String) -> [String] { w[name].map { folder.fold($0).words }.filter { $0.count == 1 }.map { $0[0] } }
        (selfDescriptionWords, organisationWords) = (words("self_descriptions"), words("organisations"))
        let trades = keys("abbreviation_trades")
        abbreviationTrades = trades
        // Glued in a handle, a trade after an abbreviation is one word of its own ("ellesbypcrepairs").
        abbreviationLookalikes = (organisations.filter { word in
            abbreviations.keys.contains { word.count > $0.count && word.hasPrefix($0) }
        } + abbreviations.keys.flatMap { a in trades.map { a + $0 } }).sorted()
        placeQualifiers = keys("place_qualifiers")
        placeJoiners = keys("place_joiners")
        placeConjunctions = keys("place_conjunctions")
        placeWordForms = w["place_word_forms"].compactMap { entry in
            let parts = entry.split(separator: "=").map { folder.fold(String($0)).keys }
            return parts.count == 2 && parts[0].count == 1 && parts[1].count == 1 ? (parts[0][0], parts[1][0]) : nil
        }
        councilPlaceLinks = keys("council_place_links")
        notPlaceWords = keys("counties").union(keys("scam")).union(keys("event_words"))
        mentionCues = keys("mention_cues")
        mentionBefore = keys("mention_before")
        let warnings = phraseKeys("warning_before")
        warningBefore = Dictionary(grouping: warnings, by: { $0[$0.count - 1] })
        warningAfter = Set(warnings.filter { $0.count == 1 }.map { $0[0] })
        warningWords = Set(w["warning_before"].map { folder.fold($0).words }.filter { $0.count == 1 }.map { $0[0] })
        warningFillers = keys("warning_fillers")
        warningCopulas = keys("warning_copulas")
        warningSelf = keys("warning_self")
        formerOffice = keys("former_office")
        otherBodies = keys("other_bodies")
        realPage = phraseKeys("real_page")
        belongingBefore = phraseKeys("belonging_before")
        officeLinks = keys("office_links")
        placeArticles = keys("place_articles")
        placeHonorifics = keys("place_honorifics")
        placeTails = keys("place_tails")
        handleCutWords = w["handle_cut_words"].map { $0.lowercased() }
        longCouncilWords = council.filter { $0.utf8.count >= 5 }.sorted()
        councilWordsByFirst = Dictionary(
            grouping: council.union(kinds.values.joined()).union(abbreviations.keys).filter { $0.utf8.count >= 2 }
                .sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) },
            by: { $0.utf8.first! })
        verbParticles = keys("verb_particles")
        pageWords = keys("page_words")
        the = keys("the")
        lord = keys("lord")
        consort = keys("consort")
        officer = keys("officer")
        proper = keys("proper")
        notTheHolder = keys("not_the_holder")
        supportedBy = keys("supported_by")
        addressedTo = keys("addressed_to")
        welcome = keys("welcome")
        by = keys("by")
        personOffers = keys("person_offers")
        personOfferPhrases = phraseKeys("person_offer_phrases")
        refusals = keys("refusals")
        refusedActs = keys("refused_acts")
        refusalFillers = keys("refusal_fillers")
        bodiesAfterCouncil = keys("bodies_after_council")
        privatePayments = written("private_payments")
        payoutDetails = phraseKeys("payout_details")
        (detailAsks, detailDenials) = (keys("detail_asks"), keys("detail_denials"))
        councilMatters = phraseKeys("council_matters")
        paymentChannels = written("payment_channels")
        (advanceFees, moneyToMe, paidInto) = (phraseKeys("advance_fees"), phraseKeys("money_to_me"), phraseKeys("paid_into"))
        moneyOffers = phraseKeys("money_offers")
        (giftCards, payWords) = (written("gift_cards"), keys("pay_words"))
        feeWaivers = phraseKeys("fee_waivers")
        privateChannels = phraseKeys("private_channels")
        officeAudiences = keys("office_audiences")
        payoutAsks = phraseKeys("payout_asks")
        (ticketSales, salePressures, freeOfCharge) = (phraseKeys("ticket_sales"), phraseKeys("sale_pressures"), phraseKeys("free_of_charge"))
        var nicknames: [String: Set<String>] = [:]
        for entry in w["nicknames"] {
            let parts = entry.split(separator: "=").map { folder.fold(String($0)).keys }
            guard parts.count == 2, parts[0].count == 1, parts[1].count == 1 else { continue }
            nicknames[parts[1][0], default: []].insert(parts[0][0])
        }
        self.nicknames = nicknames
        cautions = keys("cautions")
        cautionNegators = keys("caution_negators")
        // Scam words are phrases of one word.
        hijackWords = keys("hijack")
        hijackPhrases = written("hijack_phrases")
        credentialLures = written("credential_lures")
        (signInAsks, credentialBaits, passwordAsks) = (written("sign_in_asks"), written("credential_baits"), written("password_asks"))
        bankChanges = written("bank_changes")
        (mailboxAlarms, remittances, detailLures) = (written("mailbox_alarms"), keys("remittances"), keys("detail_lures"))
        (cardAlarms, cardUpdates) = (written("card_alarms"), written("card_updates"))
        (mailScamOpeners, cloneOpeners) = (phraseKeys("mail_scam"), phraseKeys("clone_openers"))
        messageAsks = keys("message_asks")
        (paymentSecrecy, paymentHurry) = (written("payment_secrecy"), written("payment_hurry"))
        (coins, coinAsks) = (keys("coins"), keys("coin_asks"))
        payBacks = written("pay_backs")
        (giftCardAsks, giftCardPressures) = (keys("gift_card_asks"), written("gift_card_pressures"))
        introductions = phraseKeys("self_introductions").sorted { $0.count > $1.count }
        (introducedAfter, greetings) = (phraseKeys("introduced_after").sorted { $0.count > $1.count }, Set(keys("greetings")))
        hijackAnnouncements = written("hijack_announcements")
        hijackEndings = Set(w["hijack_endings"].map { $0.lowercased() })
        bioPhrases = PhraseSet(phrases("disclaimers", .disclaimer) + phrases("personal", .personal)
                               + phrases("third_person", .thirdPerson) + phrases("newsroom", .newsroom) + phrases("scam_phrases", .scam)
                               + keys("scam").sorted().map { ([$0], .scam) } + phrases("mail_scam", .mailScam)
                               + phrases("person_scam", .personScam) + phrases("scam_asks", .ask))
        // A state abroad right after the place in a handle ("elyminnesotacitycouncil") places the council
        // there, as "Ely, Minnesota" does in a bio.
        areas = Counties(w["counties"], within: w["areas_within"], abroad: w["abroad"], streets: keys("streets"), folder: folder)
        areaLinks = keys("area_links")
        abroad = written("abroad")
        abroadLinks = keys("abroad_links")
        officeOccasions = keys("office_occasions")
        mutationMarkers = keys("mutation_markers")
        kindsAfterCouncil = keys("kinds_after_council")
        mutations = w.lists.keys.filter { $0.hasSuffix("_mutations") }.sorted().map { name in
            w[name].compactMap { entry in
                let parts = entry.split(separator: ">", omittingEmptySubsequences: false)
                return parts.count == 2 && !parts[0].isEmpty ? (String(parts[0]).lowercased(), String(parts[1]).lowercased()) : nil
            }
        }

        let kindWords = Set(kinds.values.joined())
        councilWordsToMisspell = council.subtracting(councilAfterKind).subtracting(councilOnlyAfterKind).union(kindWords).union(roles.keys).filter { $0.count >= 4 }.sorted()
        knownWords = affixes.union(titles).union(council).union(roles.keys).union(kindWords).filter { $0.count >= 3 }
            .union(keys("handle_starts"))
        var whole = council.union(affixes).union(titles).union(NameReading.councilSkeletons).union(kindWords)
            .union(roles.keys)
        whole = whole.filter { $0.count >= 3 }
        whole.formUnion(abbreviations.keys)
        whole.formUnion(keys("glued_short"))
        gluedWhole = whole
        gluedLeading = council.union(NameReading.councilSkeletons).union(roles.keys).union(keys("glued_leading"))
            .union(kindWords).filter { $0.count >= 4 }.sorted()
        insideNegators = negators.filter { $0.count >= 4 }.sorted()
        insideCouncil = council.subtracting(councilAfterKind).subtracting(councilOnlyAfterKind).filter { $0.count >= 6 }.sorted()
        insideKinds = kinds.filter { ["town", "parish", "city"].contains($0.key) }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value.filter { $0.count >= 4 }.sorted()) }
        insideRoles = roles.filter { $0.key.count >= 5 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        inside = InsideWords(negators: insideNegators, councillor: councillor, council: insideCouncil, kinds: insideKinds,
                             roles: insideRoles, consort: consort.sorted())
        // From the weakest class to the strongest, so a word in two lists keeps the stronger, in the
        // order `WordClass.classify` gives.
        var listed: [String: WordClass] = [:]
        for word in affixes.union(titles) { listed[word] = .ignored }
        for word in organisations { listed[word] = .organisation }
        for word in negators { listed[word] = .negator }
        for word in councillor { listed[word] = .councillor }
        for (word, office) in roles { listed[word] = .office(office) }
        for (word, kind) in abbreviations { listed[word] = .abbreviation(kind: kind) }
        for (word, kind) in kindOf { listed[word] = .kind(kind) }
        for word in council { listed[word] = .council }
        listedClasses = listed
    }

    /// This vocabulary with a council's own words added (its file's `[words]`).
    func adding(_ words: [String: [String]], to lists: WordLists, folder: Folder) -> Vocabulary {
        words.isEmpty ? self : Vocabulary(lists.adding(words), folder: folder)
    }

    /// An X handle cut at its 15 characters inside a council word, with the word whole ("ChelbyTownCounc" is
    /// "ChelbyTownCouncil"); nil for any other.
    func completedHandle(_ handle: Substring, platform: Platform) -> String? {
        guard platform == .x, handle.count == 15 else { return nil }
        let lower = handle.lowercased()
        for word in handleCutWords {
            for kept in stride(from: word.count - 1, through: 4, by: -1) where lower.hasSuffix(word.prefix(kept)) {
                return String(handle) + word.dropFirst(kept)
            }
        }
        return nil
    }

    /// Whether `keys` ask residents for what no parody, fan or critic asks ("card details"), and do not
    /// refuse it ("never give your card details").
    func grabsMoney(_ keys: [String]) -> Bool {
        moneyGrabs.contains { Evidence.holds($0, in: keys) } && !refusesAnAct(keys)
    }

    /// The way a text asks to be paid where a scam is paid, as written, each within one sentence: a fee by a
    /// channel or asked for by message just before it ("£40 DBS fee by bank transfer", "DM me the £20 release
    /// fee"), money for oneself with an amount and a channel ("send me £50 … via PayPal", "£150 to my Revolut"),
    /// or a price in gift cards ("pay with an Apple gift card"), not the town's own ("pay with the Oakbridge Gift
    /// Card": `place` is the place's keys). Nil where the text refuses it.
    func paymentAsked(_ text: FoldedText, place: [String]) -> String? {
        let keys = text.keys
        func channel(in sentence: Range<Int>) -> String? {
            paymentChannels.first { Evidence.holds($0.keys, in: Array(keys[sentence])) }?.text
        }
        func starts(_ phrase: [String], at i: Int) -> Bool { keys[i...].starts(with: phrase) }
        // The first way asked for, in the order the text gives them; none at all where the text refuses it.
        func firstWay() -> String? {
            for at in keys.indices {
                let sentence = text.sentence(holding: at)
                // A fee asked, not one the writer pays or waives ("we cover the £40 DBS fee").
                if advanceFees.contains(where: { starts($0, at: at) }) {
                    let before = Array(keys[max(sentence.lowerBound, at - 5)..<at])
                    if !feeWaivers.contains(where: { Evidence.holds($0, in: before) }) {
                        if let way = channel(in: sentence) { return way }
                        if before.suffix(4).contains(where: detailAsks.contains) { return "message" }
                    }
                }
                // Money for the writer: "send me £50", with the way to send it in the same sentence.
                // The phrase may run over a sentence's end ("Can you help me? With the fete…"): nothing after it then.
                if let phrase = moneyToMe.first(where: { starts($0, at: at) }), at + phrase.count < sentence.upperBound {
                    let after = text.words[(at + phrase.count)..<min(sentence.upperBound, at + phrase.count + 3)]
                    if after.contains(where: Self.isAmount), let way = channel(in: sentence) { return way }
                }
                // "£150 to my Revolut": the channel straight after.
                if let phrase = paidInto.first(where: { starts($0, at: at) }),
                    let way = paymentChannels.first(where: { starts($0.keys, at: at + phrase.count) })
                {
                    return way.text
                }
                // Gift cards as the price: a word of paying just before, in the same sentence.
                if let card = giftCards.first(where: { starts($0.keys, at: at) }), !(at > 0 && place.last == keys[at - 1]),
                    keys[max(sentence.lowerBound, at - 4)..<at].contains(where: payWords.contains)
                {
                    return card.text
                }
            }
            return nil
        }
        guard let way = firstWay(), !refusesAnAct(keys) else { return nil }
        return way
    }

    /// Whether a word offers money to the reader: a refund or grant (`personOffers`), or a prize or claim (`detailLures`).
    func offersMoney(_ key: String) -> Bool { personOffers.contains(key) || detailLures.contains(key) }

    /// The way money is asked for in a sentence that gives an amount and the way ("send £50 by bank transfer"), or nil:
    /// from a clone's "new page", an ask. Nil where the text refuses it.
    func amountAsked(_ text: FoldedText) -> String? {
        guard !refusesAnAct(text.keys) else { return nil }
        for at in text.words.indices where Self.isAmount(text.words[at]) {
            let sentence = text.sentence(holding: at)
            if let way = paymentChannels.first(where: { Evidence.holds($0.keys, in: Array(text.keys[sentence])) }) { return way.text }
        }
        return nil
    }

    /// An amount of money as written: "£50" folds to a letter and digits ("l50"), its word keeps the digits. A bare
    /// number ("40 years", "2019") is no amount.
    static func isAmount(_ word: String) -> Bool {
        word.contains(where: \.isNumber) && !word.allSatisfy(\.isNumber)
    }

    /// Whether a text asks to be paid: what no parody asks (`grabsMoney`, with bank or card details), a payment
    /// as `paymentAsked` reads one, money for the writer with its amount ("help me out with £200"), or an amount
    /// beside a way of paying no council uses or money offered to the reader, in one sentence ("£38 DBS admin via
    /// Revolut", "text me to receive the £300"). A page that does is not cleared by its following: a taken-over or
    /// bought page keeps its followers. Salaries paid "by bank transfer" ask nothing.
    func asksForMoney(_ text: FoldedText, place: [String]) -> Bool {
        let keys = text.keys
        if grabsMoney(keys) || paymentAsked(text, place: place) != nil { return true }
        return !refusesAnAct(keys) && keys.indices.contains { at in
            // Money for the writer with an amount straight after, however it is to be sent ("help me out with £200").
            if let phrase = moneyToMe.first(where: { keys[at...].starts(with: $0) }),
                text.words[(at + phrase.count)..<min(keys.count, at + phrase.count + 3)].contains(where: Self.isAmount)
            {
                return true
            }
            // A private way of paying, or money offered to the reader, beside an amount.
            guard privateChannels.contains(where: { keys[at...].starts(with: $0) }) || moneyOffers.contains(where: { keys[at...].starts(with: $0) })
            else { return false }
            return text.words[text.sentence(holding: at)].contains(where: Self.isAmount)
        }
    }

    /// The name a message's sender gives itself in its first words: the words after "it's" or "this is" up to
    /// the end of the sentence (five at most), or the few that open a sentence before "here", greetings left out
    /// ("Hi, Priya here"). What it reads may be no name at all ("your parcel is"): then no person matches it.
    func introduction(in text: FoldedText) -> String? {
        let keys = text.keys
        for at in keys.indices.prefix(12) {
            if let cue = introductions.first(where: { keys[at...].starts(with: $0) }) {
                let start = at + cue.count, end = min(text.sentence(holding: at).upperBound, start + 5)
                if start < end { return text.words[start..<end].joined(separator: " ") }
            }
            if at > 0, let cue = introducedAfter.first(where: { keys[at...].starts(with: $0) }) {
                let sentence = text.sentence(holding: at)
                let first = (sentence.lowerBound..<at).first { !greetings.contains(keys[$0]) } ?? at
                guard first < at, at - first <= 4 else { continue }
                // The office may follow in apposition: "Nia sydd yma, y Clerc", "Tom here, the Clerk".
                // A cue of two words may run past the sentence's end ("Nia sydd\nyma"): nothing after it then.
                let from = min(at + cue.count, sentence.upperBound)
                let after = from..<min(sentence.upperBound, from + 3)
                let office = !after.isEmpty && keys[after].contains { roles[$0] != nil } ? text.words[after] : []
                return (text.words[first..<at] + office).joined(separator: " ")
            }
        }
        return nil
    }

    /// Whether `keys` ask for bank or card details: an asking word among the four words before them ("DM us your
    /// card details"), and no word saying none are wanted just before ("no bank details needed").
    func asksForDetails(_ keys: [String]) -> Bool {
        payoutDetails.contains { phrase in
            keys.indices.contains { at in
                guard keys[at...].starts(with: phrase) else { return false }
                let before = keys[max(0, at - 4)..<at]
                return before.contains(where: detailAsks.contains) && !keys[max(0, at - 2)..<at].contains(where: detailDenials.contains)
            }
        }
    }

    /// Whether `key` is a kind of council among `own` ("town" for a town council).
    func isKind(_ key: String, in own: Set<String>) -> Bool { kindOf[key].map(own.contains) == true }

    /// Whether the word after `i` is a trade that makes an abbreviation at `i` the trade's ("Ellesby PC Repairs").
    func tradeFollows(_ i: Int, in keys: [String]) -> Bool {
        i + 1 < keys.count && abbreviationTrades.contains(keys[i + 1])
    }

    /// The index of the word a denial at `i` denies ("not fake", "not a scam"), when it denies one.
    func deniedWord(after i: Int, in keys: [String]) -> Int? {
        guard cautionNegators.contains(keys[i]) else { return nil }
        var j = i + 1
        if j < keys.count, negatedDenialFillers.contains(keys[j]) { j += 1 }
        return j < keys.count && negatedDenials.contains(keys[j]) ? j : nil
    }

    /// Whether `keys` refuse an act a scam asks for: a refusal, then what it refuses, straight after it or
    /// after one filler ("We will never ask you", "Don't send money", "never ever share"). "Don't miss out!"
    /// and "Don't wait, send 0.1 BTC" refuse nothing.
    func refusesAnAct(_ keys: [String]) -> Bool {
        keys.indices.contains { i in
            guard refusals.contains(keys[i]), i + 1 < keys.count else { return false }
            if refusedActs.contains(keys[i + 1]) { return true }
            return i + 2 < keys.count && refusalFillers.contains(keys[i + 1]) && refusedActs.contains(keys[i + 2])
        }
    }

    /// Whether `keys` warn of scams as a council does ("Beware", "crypto scams are rising"), not boast of
    /// none ("No scams, 100% legit!").
    func cautions(_ keys: [String]) -> Bool {
        keys.indices.contains { i in cautions.contains(keys[i]) && (i == 0 || !cautionNegators.contains(keys[i - 1])) }
    }

    /// Whether a word is a council word misspelt: one the council words' skeletons read as one, and no
    /// list holds ("counsil"; "councillor" is a word of its own).
    func isMisspeltCouncilWord(_ key: String) -> Bool {
        listedClasses[key] == nil && WordClass.classify(key, next: nil, vocab: self) == .council
    }

    /// Words that make a name a council's and not its place: "Town", "Council", "Cyngor", "TC", "Mayor".
    func isCouncilWord(_ key: String) -> Bool {
        council.contains(key) || kindOf[key] != nil || abbreviations[key] != nil || roles[key] != nil
    }

    /// Whether a word is one edit from a council word of six letters or more ("kyngor", "cyngir"):
    /// shorter ones have too many neighbours that are words of their own.
    func misspellsLongCouncilWord(_ key: String) -> Bool {
        let n = key.utf8.count
        guard n >= 5, n <= 12 else { return false }
        return insideCouncil.contains { abs($0.utf8.count - n) <= 1 && EditDistance.damerau(key, $0, limit: 1) <= 1 }
    }

    /// Whether a word may be a council, kind or office word mistyped: one edit from it, three for a word
    /// of five letters or more ("towm", "parriash", "twlon": a slip and a swap around it count as three).
    /// A slip keeps the word's letters: all but one of them must be there, or "Cheney" (three from
    /// "county") would make Sutton Cheney a Sutton council.
    func misspellsCouncilWord(_ key: String) -> Bool {
        let n = key.unicodeScalars.count, limit = n >= 5 ? 3 : 1
        return councilWordsToMisspell.contains {
            abs($0.unicodeScalars.count - n) <= limit && EditDistance.damerau(key, $0, limit: limit) <= limit
                && (limit == 1 || Self.sharedLetters(key, $0) >= $0.unicodeScalars.count - 1)
        }
    }

    /// How many of `word`'s letters `text` holds, each counted as often as both have it.
    static func sharedLetters(_ text: String, _ word: String) -> Int {
        var left = Array(text.unicodeScalars)
        var shared = 0
        for s in word.unicodeScalars {
            if let i = left.firstIndex(of: s) {
                left.remove(at: i)
                shared += 1
            }
        }
        return shared
    }

    /// A place's name as keys with each word of `placeWordForms` written the other way, when it has one:
    /// ["kingsford", "salnt", "mary"] for Kingsford St Mary.
    func otherWordForms(_ keys: [String]) -> [[String]] {
        placeWordForms.compactMap { short, long in
            guard keys.contains(short) || keys.contains(long) else { return nil }
            return keys.map { $0 == short ? long : $0 == long ? short : $0 }
        }
    }

    /// A place name as it reads after a word that mutates it: Caerdydd → Gaerdydd ("o Gaerdydd"),
    /// Nghaerdydd ("yng Nghaerdydd"), Chaerdydd ("a Chaerdydd"). In each table the first rule whose
    /// letters start the name applies; a form that is the name itself is left out.
    func mutated(_ place: String) -> [String] {
        let lower = place.lowercased()
        var forms: [String] = []
        for table in mutations {
            guard let (from, to) = table.first(where: { lower.hasPrefix($0.from) }) else { continue }
            // "dd" is already mutated; a "d" rule must not make it "ddd".
            if to.hasPrefix(from) && lower.hasPrefix(to) { continue }
            let form = to + lower.dropFirst(from.count)
            if form != lower && !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// Whether a warning of a copy frames the council's name at `start..<end` of `keys`: "fake 'Oakbridge
    /// Town Council' pages", "accounts pretending to be …", "… Town Council scam".
    /// Not after a negator: "not a fake Oakbridge Town Council page" claims to be the council.
    func warnsOfCopy(_ keys: [String], before start: Int, after end: Int) -> Bool {
        var start = start
        // A copy of one of its people: "claiming to be from the Chair of …", "e-byst ffug yn enw Clerc Cyngor …".
        if start > 1, officeLinks.contains(keys[start - 1]), roles[keys[start - 2]] != nil {
            start -= 2
        } else if start > 0, roles[keys[start - 1]] != nil {
            start -= 1
        }
        // At most two fillers: "claiming to be from the …".
        for _ in 0..<2 where start > 0 && warningFillers.contains(keys[start - 1]) { start -= 1 }
        let before = start > 0 && (warningBefore[keys[start - 1]] ?? []).contains { p in
            guard Self.phrase(p, endsAt: start, in: keys) else { return false }
            var k = start - p.count - 1
            if k > 0, warningFillers.contains(keys[k]) { k -= 1 }
            return !(k >= 0 && negators.contains(keys[k]))
        }
        return before || (end < keys.count && warningAfter.contains(keys[end])) || saysCopy(keys, after: end)
    }

    /// "… is fake", "… are a scam": the first of the copulas within eight words after the name, then a
    /// one-word warning past at most one filler; not when the words between speak as the council.
    func saysCopy(_ keys: [String], after end: Int) -> Bool {
        guard let c = keys[end..<min(keys.count, end + 8)].firstIndex(where: warningCopulas.contains),
            !keys[end..<c].contains(where: warningSelf.contains)
        else { return false }
        var k = c + 1
        if k < keys.count, warningFillers.contains(keys[k]) { k += 1 }
        return k < keys.count && warningAfter.contains(keys[k])
    }

    /// Whether the words of `phrase` stand in `keys` right before index `end`.
    static func phrase(_ phrase: [String], endsAt end: Int, in keys: [String]) -> Bool {
        phrase.count <= end && keys[(end - phrase.count)..<end].elementsEqual(phrase)
    }

    /// A phrase's keys as written, and as written in lower case where that reads differently: a brand's
    /// capital splits a word ("WhatsApp" is "whats app"), and a text may write it either way.
    static func forms(_ phrase: String, folder: Folder) -> [[String]] {
        let written = folder.fold(phrase).keys, lower = folder.fold(phrase.lowercased()).keys
        return ([written] + (lower == written ? [] : [lower])).filter { !$0.isEmpty }
    }

    static func keys(_ words: [String], folder: Folder) -> Set<String> {
        Set(words.flatMap { folder.fold($0).keys })
    }
}
