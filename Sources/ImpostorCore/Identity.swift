/// What one council protects: its names, its accounts, its people and its logos.
///
/// Read from one TOML file in the watchlist; the file name stem is the id.
public struct Identity: Hashable, Sendable, Codable {
    /// The watchlist id: the TOML file's name without `.toml`.
    public var id: String
    public var name: String
    /// "town council", "parish council", "city council", …
    public var kind: String
    /// The place the council serves ("Thornbury").
    public var place: String
    /// The county or district: tells a council from namesakes elsewhere.
    public var area: String
    public var aliases: [String]
    public var website: String?
    /// The page on the website that lists the council's official accounts: warnings and reports link to it.
    public var accountsPage: String?
    /// "england", "wales", "scotland" or "northern ireland": where residents report fraud differs.
    public var nation: String?
    public var domains: [String]
    /// Absolute paths of the council's logo files.
    public var logos: [String]
    public var contact: Contact?
    public var officials: [AccountReference]
    public var people: [Person]
    public var allowed: [AccountReference]
    /// Extra search queries for fetching, beyond names, aliases and people.
    public var queries: [String]
    /// The council's accounts and secret files for sending reports straight to Mastodon and Bluesky.
    public var reporting: ReportingAccounts?
    /// The languages the council speaks to residents in, in the order it writes them: "en", "cy" (Welsh),
    /// "gd" (Scottish Gaelic). `["cy", "en"]` makes public warnings bilingual, Welsh first. `["en"]` when absent.
    public var languages: [String]
    /// Words the council adds to impostor's built-in vocabularies, by list name (`CouncilWords.wordLists`),
    /// as written in its file's `[words]` table.
    public var words: [String: [String]]
    /// How often workers of a shared store scan this council (`scan_every_minutes`); nil for the
    /// worker's default (an hour).
    public var scanEveryMinutes: Int? = nil

    public init(
        id: String, name: String, kind: String = "", place: String = "", area: String = "", aliases: [String] = [],
        website: String? = nil, domains: [String] = [], logos: [String] = [], contact: Contact? = nil,
        officials: [AccountReference] = [], people: [Person] = [], allowed: [AccountReference] = [],
        queries: [String] = [], accountsPage: String? = nil, nation: String? = nil, languages: [String] = ["en"],
        words: [String: [String]] = [:]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.place = place
        self.area = area
        self.aliases = aliases
        self.website = website
        self.domains = domains
        self.logos = logos
        self.contact = contact
        self.officials = officials
        self.people = people
        self.allowed = allowed
        self.queries = queries
        self.accountsPage = accountsPage
        self.nation = nation
        self.languages = languages
        self.words = words
    }
}

/// How to reach the council, for drafts and warnings.
public struct Contact: Hashable, Sendable, Codable {
    public var name: String?
    public var role: String?
    public var email: String?
    public var phone: String?
    public var address: String?

    public init(name: String? = nil, role: String? = nil, email: String? = nil, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
    }
}

/// An account named in the watchlist: an `[[official]]` one or an `[[allow]]` one.
public struct AccountReference: Hashable, Sendable, Codable {
    public var platform: Platform
    public var handle: String
    public var url: String?
    public var note: String?

    public init(platform: Platform, handle: String, url: String? = nil, note: String? = nil) {
        self.platform = platform
        self.handle = handle
        self.url = url
        self.note = note
    }

    /// Whether `profile` is this account: same platform and the same handle, or the same URL.
    public func refers(to profile: Profile) -> Bool {
        guard profile.platform == platform else { return false }
        if platform.canonicalHandle(profile.handle) == platform.canonicalHandle(handle) { return true }
        if let url, !url.isEmpty, Self.canonicalURL(url) == Self.canonicalURL(profile.url) { return true }
        return false
    }

    /// A URL without scheme, "www.", case or trailing slashes, for comparing profile links.
    public static func canonicalURL(_ url: String) -> String {
        var u = url.trimmingSpaces().lowercased()
        for scheme in ["https://", "http://"] where u.hasPrefix(scheme) { u.removeFirst(scheme.count) }
        if u.hasPrefix("www.") { u.removeFirst(4) }
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }
}

/// One of the council's people whose name or office an impostor may borrow.
public struct Person: Hashable, Sendable, Codable {
    public var name: String
    /// "Mayor", "Chair", "Town Clerk", "Deputy Mayor", …
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

extension Identity {
    /// The council's domain that `host` is or lies under ("mail.oakbridge-tc.gov.uk"), or nil: never a
    /// look-alike that merely ends the same ("oakbridge-tc.gov.uk.example.com"), nor text that only ends in
    /// it ("evil.com/.oakbridge-tc.gov.uk", a Kelvin sign for the "k"): `host` must be a host name.
    public func ownDomain(of host: String) -> String? {
        guard Self.isHostName(host) else { return nil }
        let host = host.lowercased()
        return domains.first { domain in
            let domain = domain.lowercased()
            return !domain.isEmpty && (host == domain || host.hasSuffix("." + domain))
        }
    }

    /// `text` with A–Z lower-cased and nothing else changed: a Kelvin sign stays itself, so a host name check
    /// after it still refuses the sign where a full lower-casing would have made it a "k".
    public static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { (0x41...0x5A).contains($0.value) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    /// Whether `text` is a host name as DNS writes it: ASCII letters, digits and hyphens in labels of 1 to 63
    /// characters, no label opening or closing on a hyphen, joined by single dots.
    public static func isHostName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { b in
                (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == UInt8(ascii: "-")
            }
        }
    }
}
