import ImpostorCore
import ImpostorText

/// Judges profiles against a watchlist: pure, no I/O, safe to share across threads. A class: every
/// profile's judgement reads it, and a struct of this many references was copied for each.
public final class Scorer: Sendable {
    let identities: [ProtectedIdentity]
    /// How many of `identities` are the councils themselves; the rest read them by another name.
    let baseCount: Int
    let index: IdentityIndex
    /// Identity id → its place in `identities`, for logo matches.
    let position: [String: Int]
    /// For each identity after `baseCount`: the council itself and its other names of the place that hold
    /// this one ("Llanbedr Pont Steffan" for Llanbed), as places in `identities`.
    let longerNames: [[Int]]
    /// Identity id → the council and its readings by other names of its place, as places in `identities`.
    let readings: [String: [Int]]
    let nameFolder: Folder
    let bioFolder: Folder
    /// impostor's own vocabulary, for what is read once per profile.
    let vocabulary: Vocabulary
    /// The council's accounts by platform and handle (and by address): those its file lists, and those only
    /// it can hold (`listed` false).
    private let accounts: [String: (identity: Int, verdict: Verdict, reference: AccountReference, listed: Bool)]
    /// Each council's people by their first name ("jory" → Cllr Jory Trelawny of Polventor), for a text that greets
    /// one of them and is signed by another.
    private let firstNames: [String: [(identity: Int, person: ProtectedIdentity.ProtectedPerson)]]

    /// A scorer reading with impostor's own vocabulary (`vocabulary/*.toml`).
    public convenience init(identities: [Identity]) throws {
        try self.init(identities: identities, words: try WordLists.shipped())
    }

    public init(identities: [Identity], words lists: WordLists) throws {
        nameFolder = try Folder(limit: 256)
        bioFolder = try Folder(limit: 2000, readsMentions: true)
        let folder = nameFolder
        let vocabulary = Vocabulary(lists, folder: folder)
        self.vocabulary = vocabulary
        // Each council first, in watchlist order (`accounts` and `position` count on it), then the other
        // names of its place that its aliases give: judged as the same council.
        // Prepared across the cores: an association's 10,000 councils took seconds one by one.
        let base = identities.concurrentMap(chunk: 16) { ProtectedIdentity($0, folder: folder, vocabulary: vocabulary, lists: lists) }
        let places = Set(base.map(\.placeCompact))
        let aliases = base.map { $0.aliasPlaces(folder: folder, otherPlaces: places) }
        // One place of a council's name that another's holds too ("Burnham" of Burnham-on-Crouch and of
        // Burnham-on-Sea) names neither alone.
        let parts = aliases.flatMap { Set($0.filter { $0.jointRest != nil }.map(\.placeCompact)) }
        let shared = Set(Dictionary(grouping: parts, by: { $0 }).filter { $0.value.count > 1 }.keys)
        self.identities = base + aliases.joined().filter { $0.jointRest == nil || !shared.contains($0.placeCompact) }
        baseCount = base.count
        index = IdentityIndex(self.identities)
        let position = Dictionary(identities.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        self.position = position
        let all = self.identities
        let aliasesOf = Dictionary(grouping: all.indices.dropFirst(base.count), by: { all[$0].identity.id })
        readings = position.mapValues { [$0] + (aliasesOf[all[$0].identity.id] ?? []) }
        longerNames = all.indices.dropFirst(base.count).map { n in
            let own = position[all[n].identity.id].map { [$0] } ?? []
            return own + (aliasesOf[all[n].identity.id] ?? []).filter { m in
                m != n && all[m].placeCompact.count > all[n].placeCompact.count && all[m].placeCompact.contains(all[n].placeCompact)
            }
        }
        var accounts: [String: (Int, Verdict, AccountReference, Bool)] = [:]
        for (n, identity) in identities.enumerated() {
            // Accounts only the council can hold, listed or not: a Bluesky handle that is one of its own domains
            // (Bluesky shows a domain handle only once the domain's owner has proved it), and the Threads profile
            // of its listed Instagram account (Threads takes the Instagram username).
            for domain in identity.domains where !domain.isEmpty {
                let ref = AccountReference(platform: .bluesky, handle: domain, note: "its handle is the council's own domain, which only the council can set")
                accounts[Self.accountKey(.bluesky, domain)] = (n, .official, ref, false)
            }
            // The clerk's contact address sends the council's mail, a parish's often from Gmail.
            if let email = identity.contact?.email?.trimmingSpaces(), Platform.email.isSender(email),
                accounts[Self.accountKey(.email, email)] == nil
            {
                let ref = AccountReference(platform: .email, handle: email, note: "the contact address in its watchlist")
                accounts[Self.accountKey(.email, email)] = (n, .official, ref, false)
            }
            for (refs, verdict) in [(identity.allowed, Verdict.allowed), (identity.officials, .official)] {
                for ref in refs where ref.platform == .instagram {
                    let threads = AccountReference(platform: .threads, handle: ref.handle,
                                                   note: "the Threads profile of its listed Instagram account, whose username Threads takes")
                    accounts[Self.accountKey(.threads, ref.handle)] = (n, verdict, threads, false)
                }
            }
            for (refs, verdict) in [(identity.allowed, Verdict.allowed), (identity.officials, .official)] {
                for ref in refs where ref.platform.isSender(ref.handle) {
                    accounts[Self.accountKey(ref.platform, ref.handle)] = (n, verdict, ref, true)
                    if let url = ref.url, !url.isEmpty {
                        accounts["url:" + AccountReference.canonicalURL(url)] = (n, verdict, ref, true)
                        // The name its address gives ("youtube.com/channel/UC…" beside the handle "@OakbridgeTC").
                        if let address = ProfileAddress(url: url), address.platform == ref.platform {
                            let key = Self.accountKey(ref.platform, address.handle)
                            if accounts[key] == nil { accounts[key] = (n, verdict, ref, true) }
                        }
                    }
                }
            }
        }
        self.accounts = accounts
        var firstNames: [String: [(identity: Int, person: ProtectedIdentity.ProtectedPerson)]] = [:]
        for (n, identity) in base.enumerated() {
            for person in identity.people {
                if let first = person.cutKeys?.first ?? person.nameKeys.first { firstNames[first, default: []].append((n, person)) }
            }
        }
        self.firstNames = firstNames
    }

    /// The whole name of the one council's person a message is signed by, where it greets another of that council's
    /// people by their first name and gives the sender's first name alone: "Hi Tamsin, it's Jory" to the Clerk of
    /// Polventor is from its Mayor, Cllr Jory Trelawny, as the scam means the Clerk to read it. `signer` is the name
    /// the message shows or gives itself. Nil unless exactly one council has both.
    func pairedPerson(signer: String, bio: FoldedText) -> String? {
        let keys = bio.keys
        guard let first = nameFolder.fold(signer).keys.first, keys.count >= 2, vocabulary.greetings.contains(keys[0]) || keys[0] == "dear"
        else { return nil }
        let greeted = keys[1]
        let pairs = (firstNames[first] ?? []).filter { signed in
            (firstNames[greeted] ?? []).contains { $0.identity == signed.identity && $0.person !== signed.person }
        }
        guard pairs.count == 1, let signed = pairs.first,
            standsAlone(first, in: signer) || standsAlone(first, in: bio.original)
        else { return nil }
        return signed.person.person.name
    }

    /// Whether the first name `first` is a name alone where `text` first writes it capitalised: the end, a comma or
    /// a full stop follows it, or a word in lower case ("Jory, phone broken", "it's Jory here"); not "Jory Smith".
    private func standsAlone(_ first: String, in text: String) -> Bool {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        for (i, token) in tokens.enumerated() {
            let word = token.prefix { $0.isLetter || $0 == "'" || $0 == "-" }
            guard word.first?.isUppercase == true, nameFolder.fold(String(word)).keys.first == first else { continue }
            return word.count < token.count || i + 1 == tokens.count || tokens[i + 1].first?.isUppercase == false
        }
        return false
    }

    /// The listed account a profile's address names. The address counts where the handle (canonical) does not
    /// contradict it: none, a page's number, or the name the address gives; a listing's row with a handle of its own
    /// beside the council's address is not the council's. The address is read as a profile's only when that matters:
    /// this runs for every profile scored.
    private func listedAccount(at url: String, handle: String, on platform: Platform)
        -> (identity: Int, verdict: Verdict, reference: AccountReference, listed: Bool)?
    {
        let number = !handle.isEmpty && handle.utf8.allSatisfy { (0x30...0x39).contains($0) }
        let known = Platform.known.contains(platform)
        if let atURL = accounts["url:" + AccountReference.canonicalURL(url)], atURL.reference.platform == platform || !known,
            !known || handle.isEmpty || number || ProfileAddress(url: url).map({ platform.canonicalHandle($0.handle) == handle }) == true
        {
            return atURL
        }
        // Known by its address alone, as a mobile or tracking link writes it ("m.facebook.com/profile.php?id=…&mibextid=…"):
        // the name the address gives, where the profile gives no handle of its own or only a number.
        guard handle.isEmpty || number, let address = ProfileAddress(url: url), address.platform == platform else { return nil }
        return accounts[Self.accountKey(platform, address.handle)]
    }

    static func accountKey(_ platform: Platform, _ handle: String) -> String {
        "\(platform.rawValue):\(platform.canonicalHandle(handle))"
    }

    /// The judgement on one profile. `logoMatches` come from the imaging stage (empty without an avatar).
    public func assess(_ profile: Profile, logoMatches: [LogoMatch] = []) -> Assessment {
        let profile = Self.handleFromAddress(profile)
        if let listed = listedAccount(profile) { return hijacked(profile, listed) ?? listed }
        // The strongest judgement against a council something ties the profile to; none, and it is clear.
        let best = judgements(FoldedProfile(profile, scorer: self), logoMatches: logoMatches, tiedOnly: true)
            .max { $0.logOdds < $1.logOdds }
        return best.map { assessment(profile, $0) } ?? cleared(profile)
    }

    /// The judgement against the strongest of `councils` alone (watchlist ids): a clerk's report read
    /// against their own councils. Clear and naming none when nothing ties the profile to any of them.
    public func assess(_ profile: Profile, among councils: Set<String>, logoMatches: [LogoMatch] = []) -> Assessment {
        let profile = Self.handleFromAddress(profile)
        return judgements(FoldedProfile(profile, scorer: self), logoMatches: logoMatches, tiedOnly: true)
            .filter { councils.contains($0.identity) }.max { $0.logOdds < $1.logOdds }
            .map { assessment(profile, $0) } ?? cleared(profile)
    }

    /// A feed that gives a profile's address where its handle belongs ("https://x.com/OakbridgeTC") names the
    /// handle all the same: read it out, so that the council's own account is known as its own.
    static func handleFromAddress(_ profile: Profile) -> Profile {
        // By bytes: the general substring search cost more than the rest of this function for every profile.
        guard profile.handle.holds("://"), let address = ProfileAddress(url: profile.handle), address.platform == profile.platform
        else { return profile }
        var p = profile
        p.handle = address.handle
        if p.url.isEmpty { p.url = address.url }
        return p
    }

    private func cleared(_ profile: Profile) -> Assessment {
        Assessment(id: profile.id, platform: profile.platform, handle: profile.handle, score: Self.squash(Judgement.prior),
                   verdict: .clear, identity: nil, target: nil, reasons: [])
    }

    /// The judgement against each of the closest identities, best first: what `explain` shows.
    public func rankedAssessments(_ profile: Profile, logoMatches: [LogoMatch] = [], limit: Int = 3) -> [Assessment] {
        var seen = Set<String>()
        let profile = Self.handleFromAddress(profile)
        return judgements(FoldedProfile(profile, scorer: self), logoMatches: logoMatches, tiedOnly: false)
            // A council that nothing in the profile speaks for is no closeness to show.
            .filter { !$0.reasons.isEmpty }
            .sorted { $0.logOdds > $1.logOdds }.filter { seen.insert($0.identity).inserted }.prefix(limit)
            .map { assessment(profile, $0) }
    }

    /// One judgement per candidate identity: those the index finds, and those whose logo the avatar copies.
    /// A name that reads differently on screen is judged both ways, and the stronger reading counts.
    /// `tiedOnly` keeps only judgements against councils something ties the profile to (`anchored`).
    func judgements(_ texts: FoldedProfile, logoMatches: [LogoMatch], tiedOnly: Bool) -> [Judgement] {
        guard let shown = texts.nameShown else { return judgementsAsStored(texts, logoMatches: logoMatches, tiedOnly: tiedOnly) }
        let onScreen = FoldedProfile(texts, name: shown, vocabulary: vocabulary)
        var best: [String: Judgement] = [:]
        for j in judgementsAsStored(texts, logoMatches: logoMatches, tiedOnly: tiedOnly)
            + judgementsAsStored(onScreen, logoMatches: logoMatches, tiedOnly: tiedOnly)
        where best[j.identity].map({ $0.logOdds < j.logOdds }) ?? true {
            best[j.identity] = j
        }
        // In a fixed order, so that a tie goes the same way on every run.
        return best.values.sorted { ($0.logOdds, $1.identity) > ($1.logOdds, $0.identity) }
    }

    /// An e-mail's sender domain finds councils as a bio's addresses do: mail from the council's own domain, or
    /// one spelled as it, is tied to the council whoever signs it.
    private func judgementsAsStored(_ texts: FoldedProfile, logoMatches: [LogoMatch], tiedOnly: Bool) -> [Judgement] {
        var candidates = index.candidates(texts: [texts.name.scalars, texts.handle.scalars, texts.handleTrimmed.scalars]
                                              + (texts.bioAddresses + texts.senderAddress).map { Array($0.key.unicodeScalars) },
                                          words: texts.bio.keys + texts.name.keys, nameWords: texts.name.keys,
                                          offices: texts.nameOffices, councillorTitle: texts.nameHasCouncillorTitle)
        for m in logoMatches {
            if let n = position[m.identity], !candidates.contains(n) { candidates.append(n) }
        }
        // Another name of a place counts only where the profile uses it: read through a name it does
        // not use, a profile would merely escape the evidence the council's own name brings.
        candidates.removeAll { n in
            n >= baseCount && (!identities[n].givesWholePlace(texts)
                || !Self.uses(identities[n], over: longerNames[n - baseCount].map { identities[$0] }, texts))
        }
        return candidates.compactMap { n in
            let nearest = logoMatches.filter { $0.identity == identities[n].identity.id }.min { $0.distance < $1.distance }
            let base = base(of: n)
            if tiedOnly, nearest == nil, !identities[n].mayTie(texts, base: base) { return nil }
            let j = Judgement(texts, identity: identities[n], base: base, logo: nearest)
            return !tiedOnly || j.anchored ? j : nil
        }
    }

    /// The council itself, when `identities[n]` reads it by another name of its place.
    func base(of n: Int) -> ProtectedIdentity? {
        n >= baseCount ? position[identities[n].identity.id].map { identities[$0] } : nil
    }

    /// Whether a text reads the place by `alias`'s name more closely than by the council's own names
    /// that hold it (`own`): "Gt Langstow" uses Great Langstow's short form, but "Great Langstow" only
    /// comes near it; "Llanbedr Pont Steffan" is Lampeter's Welsh name in full, not its short form Llanbed.
    /// As closely counts when the alias is the longer name: "Llanfairpwllgwyngyll" is that name in full,
    /// not Llanfairpwll with letters glued on.
    static func uses(_ alias: ProtectedIdentity, over own: [ProtectedIdentity], _ texts: FoldedProfile) -> Bool {
        let limit = ProtectedIdentity.placeTolerance(alias.placePattern.scalars.count)
        return [texts.name, texts.handle, texts.bio].contains { text in
            guard let hit = EditDistance.bestSubstring(alias.placePattern, in: text, limit: limit) else { return false }
            return own.allSatisfy { name in
                let ownHit = EditDistance.bestSubstring(name.placePattern, in: text,
                                                        limit: ProtectedIdentity.placeTolerance(name.placePattern.scalars.count))
                let aliasIsLonger = alias.placePattern.scalars.count > name.placePattern.scalars.count
                return ownHit.map { hit.distance < $0.distance || (aliasIsLonger && hit.distance == $0.distance) } ?? true
            }
        }
    }

    private func assessment(_ profile: Profile, _ j: Judgement) -> Assessment {
        let suspect = j.logOdds >= 0
        return Assessment(
            id: profile.id, platform: profile.platform, handle: profile.handle, score: Self.squash(j.logOdds),
            verdict: suspect ? .suspect : .clear, identity: j.identity, target: suspect ? j.target : nil, reasons: j.reasons)
    }

    /// The folded forms impostor reads a profile by, for `explain` and the review page.
    public func folded(_ profile: Profile) -> (name: FoldedText, handle: FoldedText, bio: FoldedText) {
        let t = FoldedProfile(profile, scorer: self)
        return (t.name, t.handle, t.bio)
    }

    /// One of the council's own accounts posting what a hijacker posts: a suspect, with why it is listed.
    private func hijacked(_ profile: Profile, _ listed: Assessment) -> Assessment? {
        // An allowed account (a group the clerk let be) taken over says the same; only a rename is its own to make.
        guard listed.verdict == .official || listed.verdict == .allowed, let id = listed.identity else { return nil }
        let name = nameFolder.fold(profile.displayName)
        let bio = bioFolder.fold(profile.bio)
        let addresses = WebAddresses.read(profile.bio).addresses
        let councils = (readings[id] ?? []).map { identities[$0] }
        let hosts = councils.first?.officialHosts ?? []
        let keyed = addresses.map { ($0, ProtectedIdentity.domainKey($0, folder: nameFolder)) }
        guard let reason = HijackCheck.check(name: name, bio: bio, addresses: addresses, hosts: hosts, vocabulary: vocabulary, identity: id)
            ?? (listed.verdict == .official ? HijackCheck.renamed(name, readings: councils, identity: id) : nil)
            ?? HijackCheck.lookalikeAddress(bio: bio, addresses: keyed, council: councils.first, vocabulary: vocabulary, hosts: hosts, identity: id)
            ?? HijackCheck.asksForDetails(bio: bio, addresses: addresses, hosts: hosts, vocabulary: councils.first?.words ?? vocabulary, identity: id)
            ?? takenMailbox(profile, bio: bio, addresses: addresses, hosts: hosts, words: councils.first?.words ?? vocabulary, identity: id)
        else { return nil }
        return Assessment(id: profile.id, platform: profile.platform, handle: profile.handle,
                          score: Self.squash(Judgement.prior + reason.weight), verdict: .suspect, identity: id, target: .council,
                          reasons: listed.reasons + [reason])
    }

    /// Mail from the council's own listed address (the clerk's Gmail, say) with a taken mailbox's lure.
    private func takenMailbox(_ profile: Profile, bio: FoldedText, addresses: [String], hosts: [String], words: Vocabulary,
                              identity: String) -> Reason? {
        guard profile.platform.isDirectMessage,
            let lure = MailboxTakenRule.lure(bio, warns: HijackCheck.warns(bio, vocabulary: words),
                                             links: MailboxTakenRule.Links(addresses, hosts: hosts), words: words)
        else { return nil }
        return Reason(signal: MailboxTakenRule.signal, identity: identity, matched: profile.handle, folded: lure, weight: MailboxTakenRule.weight,
                      detail: "sent from \(profile.handle), the council's own sender, it says \"\(lure)\": the mailbox may be taken over")
    }

    private func listedAccount(_ profile: Profile) -> Assessment? {
        // Two dictionary look-ups, by handle and by profile URL: never a scan of every identity.
        // The address counts on the listed account's own platform, or for a page of no platform impostor knows
        // (a web listing): an account on X whose url field gives the council's Facebook page is not that page.
        // Handles are ASCII on every platform that lists the council's: one that only lower-cases to a listed
        // one (a Kelvin sign for "K") is someone else's.
        let handle = profile.platform.canonicalHandle(profile.handle)
        let ascii = profile.handle.utf8.allSatisfy { $0 < 0x80 }
        var hit = accounts[Self.accountKey(profile.platform, profile.handle)].flatMap { found in
            found.reference.handle.utf8.allSatisfy { $0 < 0x80 } && !ascii ? nil : found
        }
        // An account only the council can hold must be one the platform allows at all: a host name on Bluesky,
        // an Instagram username on Threads. Only the domain itself, not a name under it: a council on shared
        // hosting has the host's domain, whose owner hands out the names under it.
        let possible = ascii && Self.isPlatformHandle(handle, on: profile.platform)
        if let found = hit, !found.listed, !possible { hit = nil }
        if hit == nil, !profile.url.isEmpty { hit = listedAccount(at: profile.url, handle: handle, on: profile.platform) }
        guard let hit else { return nil }
        let id = identities[hit.identity].identity.id
        let detail = !hit.listed ? "\(identities[hit.identity].identity.name)'s own: \(hit.reference.note ?? "")"
            : hit.verdict == .official
            ? "listed under [[official]] for \(identities[hit.identity].identity.name)"
            : "listed under [[allow]] for \(identities[hit.identity].identity.name)" + (hit.reference.note.map { ": \($0)" } ?? "")
        let reason = Reason(signal: Signal(rawValue: hit.verdict.rawValue), identity: id, matched: "\(hit.reference.platform) \(hit.reference.handle)",
                            weight: 0, detail: detail)
        return Assessment(id: profile.id, platform: profile.platform, handle: profile.handle, score: 0, verdict: hit.verdict,
                          identity: id, target: nil, reasons: [reason])
    }

    /// Whether `handle` (canonical) is one `platform` lets an account take: a host name on Bluesky; letters,
    /// digits, "." and "_" (at most 30) on Threads, as on Instagram.
    static func isPlatformHandle(_ handle: String, on platform: Platform) -> Bool {
        switch platform {
        case .bluesky: return Identity.isHostName(handle)
        case .threads:
            return (1...30).contains(handle.utf8.count) && handle.utf8.allSatisfy { b in
                (0x30...0x39).contains(b) || (0x61...0x7A).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
            }
        default: return true
        }
    }

    static func squash(_ z: Double) -> Double {
        let s = 1 / (1 + exp(-z))
        return (s * 10000).rounded() / 10000
    }
}

/// A profile's name, handle and bio, folded once. A class: every council compared reads it.
final class FoldedProfile {
    let name: FoldedText
    let handle: FoldedText
    /// The handle without trailing digits, which are usually padding ("kemsingtc2"), or completed.
    let handleTrimmed: FoldedText
    /// Whether the handle has such digits, or is an X handle cut inside a council word ("ChelbyTownCounc",
    /// read "ChelbyTownCouncil"), so that `handleTrimmed` reads differently.
    let handleHasPadding: Bool
    let bio: FoldedText
    /// The web and e-mail addresses the bio gives, each with its distinctive part as a domain key.
    /// `bio` is read without them: an address is not prose that speaks as the council.
    let bioAddresses: [(address: String, key: String)]
    /// The sender of an e-mail rather than an account: its bio is the subject and first lines.
    let isMail: Bool
    /// A message to a person (an e-mail, a WhatsApp or text message): its bio is what it says.
    let isMessage: Bool
    /// How many follow the account, where the source says.
    let followers: Int?
    /// What the platform says of the account: an organisation it verified, a parody it labels.
    let verifiedAs: VerifiedOrganisation?, parody: Bool
    /// The sender's domain, lower case, for an e-mail.
    let mailDomain: String?
    /// That domain with its distinctive part as a domain key, as `bioAddresses` holds theirs: a sender
    /// on "streetparishcounci1.gov.uk" writes from an address spelled as the council's.
    let senderAddress: [(address: String, key: String)]
    /// For an e-mail, the host of an address its sender's name shows in place of a name
    /// ("clerk@oakbridge-tc.gov.uk" written from a free-mail account), lower case.
    let shownHost: String?
    /// For an e-mail, the whole address its sender's name shows, lower case: the clerk's own Gmail shown by a
    /// mailer's "noreply" is borrowed as surely as the council's domain.
    let shownAddress: String?
    /// An e-mail's sender, the one address its handle is, lower case.
    let mailSender: String?
    /// The name in the order a screen shows it, when that differs from the stored order (a name
    /// written backwards behind a right-to-left override), with the stored name's findings.
    let nameShown: FoldedText?
    /// The bio's phrases, read once with impostor's own vocabulary.
    let bioPhrases: BioPhrases
    /// The counties and other areas the bio names.
    let bioAreas: [Counties.Area]
    /// The classes of the name's and handles' words in impostor's own vocabulary.
    let nameClasses: [WordClass], handleClasses: [WordClass], handleTrimmedClasses: [WordClass]
    /// The offices the name's words give ("Mayor Priya"), in impostor's own vocabulary.
    lazy var nameOffices = Set(nameClasses.compactMap { word -> String? in
        if case .office(let office) = word { office } else { nil }
    })
    /// The name gives a councillor's title ("Cllr Priya").
    lazy var nameHasCouncillorTitle = nameClasses.contains(.councillor)
    /// What the name's and handles' words say, for councils in which no place is found.
    /// Read on first use: a profile no council's place is missing from never needs them.
    lazy var nameWhole = NameReading.placelessWords(name, classes: nameClasses, wordAligned: true, vocab: vocabulary)
    lazy var handleWhole = NameReading.placelessWords(handle, classes: handleClasses, wordAligned: false, vocab: vocabulary)
    lazy var handleTrimmedWhole = handleHasPadding
        ? NameReading.placelessWords(handleTrimmed, classes: handleTrimmedClasses, wordAligned: false, vocab: vocabulary) : handleWhole
    private let vocabulary: Vocabulary

    /// `profile` read by the name a screen shows.
    init(_ profile: FoldedProfile, name: FoldedText, vocabulary: Vocabulary) {
        self.name = name
        let nameClasses = WordClass.of(name.keys, vocab: vocabulary)
        self.nameClasses = nameClasses
        (handleClasses, handleTrimmedClasses) = (profile.handleClasses, profile.handleTrimmedClasses)
        self.vocabulary = vocabulary
        nameShown = nil
        (handle, handleTrimmed, bio, bioAddresses) = (profile.handle, profile.handleTrimmed, profile.bio, profile.bioAddresses)
        handleHasPadding = profile.handleHasPadding
        (isMail, mailDomain, bioPhrases, bioAreas) = (profile.isMail, profile.mailDomain, profile.bioPhrases, profile.bioAreas)
        isMessage = profile.isMessage
        followers = profile.followers
        (verifiedAs, parody) = (profile.verifiedAs, profile.parody)
        senderAddress = profile.senderAddress
        (shownHost, shownAddress, mailSender) = (profile.shownHost, profile.shownAddress, profile.mailSender)
    }

    /// The domain of a sender's address, only when the handle is one address: "attacker@evil.com,
    /// clerk@council.gov.uk" or "x@evil.com@council.gov.uk" must not pass for mail from the council's own domain.
    static func senderDomain(_ handle: String) -> String? {
        guard Platform.email.isSender(handle), let domain = handle.trimmingSpaces().split(separator: "@").last else { return nil }
        return Identity.asciiLowercased(String(domain))
    }

    init(_ profile: Profile, scorer: Scorer) {
        isMail = profile.platform == .email
        isMessage = profile.platform.isDirectMessage
        followers = profile.followers
        // Only X's ticks and label mean what the rules read: on another platform the field is a listing's say-so.
        (verifiedAs, parody) = profile.platform == .x ? (profile.verifiedAs, profile.parody ?? false) : (nil, false)
        mailDomain = isMail ? Self.senderDomain(profile.handle) : nil
        senderAddress = mailDomain.map { [($0, ProtectedIdentity.domainKey($0, folder: scorer.nameFolder))] } ?? []
        shownHost = isMail ? Self.addressHost(in: profile.displayName) : nil
        shownAddress = isMail ? Self.mailAddress(in: profile.displayName) : nil
        mailSender = mailDomain != nil ? Identity.asciiLowercased(profile.handle.trimmingSpaces()) : nil
        var displayName = profile.platform == .mastodon ? CustomEmoji.showingBadges(profile.displayName) : profile.displayName
        // A text or WhatsApp message shows its sender's number, not a name: the sender's name is the one the
        // message gives itself ("Hi, it's Cllr Sam Reed, new number").
        let message = isMessage ? scorer.bioFolder.fold(profile.bio) : nil
        if let message, !isMail, Self.showsNoName(displayName), let introduced = scorer.vocabulary.introduction(in: message) {
            displayName = introduced
        }
        // Signed with a first name alone, to another of the council's people by theirs: read as the person it means.
        if let message, let whole = scorer.pairedPerson(signer: displayName, bio: message) {
            displayName = whole
        }
        let name = scorer.nameFolder.fold(displayName)
        self.name = name
        if let shown = scorer.nameFolder.displayOrder(displayName) {
            var folded = scorer.nameFolder.fold(shown)
            folded.findings += name.findings.filter { $0.kind == .bidiControl }
            nameShown = folded
        } else {
            nameShown = nil
        }
        let bare = FoldedProfile.bareHandle(profile.handle, platform: profile.platform)
        let handle = scorer.nameFolder.fold(bare)
        self.handle = handle
        // Cut once where the padding starts: dropping one character at a time from a Substring counts it
        // from the start each time, quadratic in a handle padded with thousands of digits.
        let trimmed = bare[..<(bare.lastIndex { !($0.isNumber || $0 == "_") }.map(bare.index(after:)) ?? bare.startIndex)]
        // An X handle cut at its limit inside a council word is read with the word whole, as a padded one without its digits.
        let completed = scorer.vocabulary.completedHandle(bare[...], platform: profile.platform)
        let handleHasPadding = trimmed.endIndex != bare.endIndex || completed != nil
        let handleTrimmed = handleHasPadding ? scorer.nameFolder.fold(completed ?? String(trimmed)) : handle
        (self.handleTrimmed, self.handleHasPadding) = (handleTrimmed, handleHasPadding)
        let vocabulary = scorer.vocabulary
        var (prose, addresses) = WebAddresses.read(profile.bio)
        // A profile that is a web page (a site a resident reported) is at an address of its own, weighed as
        // a bio's is; a platform's profile address, or a Mastodon server's, is the platform's.
        if !profile.url.isEmpty, profile.platform != .mastodon, !isMail, ProfileAddress(url: profile.url) == nil,
            let site = WebAddresses.read(profile.url).addresses.first, !addresses.contains(site)
        {
            addresses.append(site)
        }
        let bio = scorer.bioFolder.fold(prose)
        self.bio = bio
        bioPhrases = BioPhrases(bio.keys, vocabulary: vocabulary)
        bioAreas = vocabulary.areas.named(in: bio.keys)
        bioAddresses = addresses.map { ($0, ProtectedIdentity.domainKey($0, folder: scorer.nameFolder)) }
        let nameClasses = WordClass.of(name.keys, vocab: vocabulary)
        self.nameClasses = nameClasses
        let handleClasses = WordClass.of(handle.keys, vocab: vocabulary)
        self.handleClasses = handleClasses
        let handleTrimmedClasses = handleHasPadding ? WordClass.of(handleTrimmed.keys, vocab: vocabulary) : handleClasses
        self.handleTrimmedClasses = handleTrimmedClasses
        self.vocabulary = vocabulary
    }

    /// Whether a sender's name is no name: empty, or a phone number.
    static func showsNoName(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " +-().".unicodeScalars.contains($0) }
    }

    /// The host of the first e-mail address in `text` ("Clerk <clerk@x.gov.uk>" gives "x.gov.uk"), or, with
    /// none, the first domain it shows ("x.gov.uk", "Oakbridge Town Council (x.gov.uk)").
    static func addressHost(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" })
        if !text.contains("@") { return WebAddresses.read(text).addresses.first }
        guard let word = words.first(where: { $0.contains("@") }),
            let host = word.split(separator: "@", omittingEmptySubsequences: false).last, host.contains(".")
        else { return nil }
        let cut: Set<Character> = [".", ",", ";", ":", "(", ")"]
        return String(host.drop { cut.contains($0) }.reversed().drop { cut.contains($0) }.reversed()).lowercased()
    }

    /// The first e-mail address `text` shows ("Clerk <clerk@x.gov.uk>"), lower case, or nil.
    static func mailAddress(in text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return nil }
        let cut: Set<Character> = [".", ",", ";", ":", "(", ")", "'"]
        return text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "\u{2039}" || $0 == "\u{203A}" })
            .first { $0.contains("@") }
            .map { String($0.drop { cut.contains($0) }.reversed().drop { cut.contains($0) }.reversed()).lowercased() }
            .flatMap { Platform.email.isSender($0) ? $0 : nil }
    }

    /// The part of a handle its owner chose: no "@", no Mastodon server, no Bluesky host or public suffix.
    static func bareHandle(_ handle: String, platform: Platform) -> String {
        var h = handle.trimmingSpaces().droppingLeadingAts()
        // Over the bytes: "@" is ASCII, and a search by Character reads every grapheme of a long handle.
        if let at = h.utf8.firstIndex(of: UInt8(ascii: "@")) { h = String(h[..<at]) }
        // Each of the host suffixes starts with a full stop.
        guard h.utf8.contains(UInt8(ascii: ".")) else { return h }
        let lower = h.lowercased()
        for suffix in WebAddresses.hostSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
            h = String(h.dropLast(suffix.count))
            break
        }
        return h
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
