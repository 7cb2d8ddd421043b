import Foundation

/// Turns one council's TOML file into an `Identity`, with a diagnostic for every problem.
struct IdentityParser {
    let id: String
    let file: String
    let text: String
    let directory: String

    static let topKeys: Set<String> = [
        "name", "kind", "place", "area", "aliases", "website", "domains", "logos", "contact", "official", "people",
        "allow", "queries", "accounts_page", "nation", "reporting", "languages", "words", "scan_every_minutes",
    ]

    /// The nations of the UK, as `nation` takes them.
    static let nations: Set<String> = ["england", "wales", "scotland", "northern ireland"]

    /// The languages `languages` takes, with their names for hints: those of UK councils impostor knows.
    static let languageCodes: [(code: String, name: String)] = [("en", "English"), ("cy", "Welsh"), ("gd", "Scottish Gaelic")]

    func parse(into d: inout [Diagnostic]) -> Identity? {
        let table: [String: ConfigValue]
        switch ConfigValue.parseTOML(text) {
        case .success(let t): table = t
        case .failure(let e):
            d.append(Diagnostic(.error, file: file, line: e.line, "not valid TOML: \(e.message)",
                                hint: "check quotes, brackets and commas on that line"))
            return nil
        }
        let errorsBefore = d.filter { $0.severity == .error }.count
        let top = TableReader(file: file, lines: TOMLLines(text: text), section: "", index: 0, table: table)
        top.warnUnknown(Self.topKeys, into: &d)

        let name = top.string("name", required: true, into: &d) ?? ""
        var identity = Identity(id: id, name: name)
        // Kind and place as the name gives them, a Welsh one ("Cyngor Cymuned Aberwenlli") with the shipped words.
        let read = (try? WordLists.shipped()).map { CouncilSetup.reading(name, words: $0) }
            ?? (kind: Self.kind(in: name), place: Self.place(in: name, kind: Self.kind(in: name)), welsh: false)
        identity.kind = read.kind
        var placeByKind = ""
        if let written = top.string("kind", into: &d) {
            let lowered = written.trimmingSpaces().lowercased()
            // "parish" is short for "parish council"; a kind the name ends with is the name's ("unitary authority");
            // one that is neither is one impostor cannot read.
            if let known = [lowered, lowered + " council"].first(where: { Self.kinds.contains($0) || !$0.isEmpty && name.lowercased().hasSuffix($0) }) {
                identity.kind = known
                placeByKind = Self.place(in: name, kind: known)
            } else {
                d.append(Diagnostic(.warning, file: file, line: top.line("kind"), "kind \"\(written)\" is not one impostor knows and is ignored",
                                    hint: "use one of: \(Self.kinds.joined(separator: ", "))"))
            }
        }
        identity.place = top.string("place", into: &d) ?? (placeByKind.isEmpty ? read.place : placeByKind)
        identity.area = top.string("area", into: &d) ?? ""
        identity.aliases = top.strings("aliases", into: &d)
        // Every alias is read against every other name of the place: thousands cost seconds on every command.
        if identity.aliases.count > Self.maxAliases {
            d.append(Diagnostic(.warning, file: file, line: top.line("aliases"),
                                "\(identity.aliases.count) aliases; only the first \(Self.maxAliases) are read",
                                hint: "list the names the council is really known by; impostor finds misspellings itself"))
            identity.aliases = Array(identity.aliases.prefix(Self.maxAliases))
        }
        identity.website = top.string("website", into: &d).flatMap { site in
            let lowered = site.trimmingSpaces().lowercased()
            guard !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) else { return site }
            d.append(Diagnostic(.warning, file: file, line: top.line("website"), "website \"\(site)\" is not a web address and is ignored",
                                hint: "write it in full, e.g. website = \"https://oakbridge-tc.gov.uk\""))
            return nil
        }
        identity.accountsPage = top.string("accounts_page", into: &d)
        if let nation = top.string("nation", into: &d) {
            let lowered = nation.trimmingSpaces().lowercased()
            if Self.nations.contains(lowered) {
                identity.nation = lowered
            } else {
                d.append(Diagnostic(.warning, file: file, line: top.line("nation"), "nation \"\(nation)\" is not one of the UK's",
                                    hint: "use one of: england, wales, scotland, northern ireland"))
            }
        }
        if identity.nation == nil { identity.nation = Nations.nation(ofArea: identity.area) }
        identity.languages = languages(top, into: &d)
        if let w = top.subtable("words", into: &d) { identity.words = words(w, into: &d) }
        identity.domains = top.strings("domains", into: &d).map(Self.domainName).filter { domain in
            guard let problem = Self.domainProblem(domain) else { return true }
            d.append(Diagnostic(.warning, file: file, line: top.line("domains"), "domain \"\(domain)\" \(problem) and is ignored",
                                hint: "write the council's own domains, e.g. domains = [\"oakbridge-tc.gov.uk\"]"))
            return false
        }
        identity.queries = top.strings("queries", into: &d)
        // From five minutes to a week: more often is rude to the platforms, less is no watch at all.
        identity.scanEveryMinutes = top.integer("scan_every_minutes", in: 5...10_080, into: &d)
        identity.logos = logos(top, into: &d)
        if let c = top.subtable("contact", into: &d) {
            c.warnUnknown(["name", "role", "email", "phone", "address"], into: &d)
            identity.contact = Contact(
                name: c.string("name", into: &d), role: c.string("role", into: &d), email: c.string("email", into: &d),
                phone: c.string("phone", into: &d), address: c.string("address", into: &d))
        }
        identity.officials = accounts(top, key: "official", into: &d)
        if let r = top.subtable("reporting", into: &d) { identity.reporting = reporting(r, identity: identity, into: &d) }
        identity.allowed = accounts(top, key: "allow", into: &d)
        for p in top.tables("people", into: &d) {
            p.warnUnknown(["name", "role"], into: &d)
            if let personName = p.string("name", required: true, into: &d),
                let role = p.string("role", required: true, into: &d)
            {
                identity.people.append(Person(name: personName, role: role))
            }
        }
        if identity.place.isEmpty && !name.isEmpty {
            d.append(Diagnostic(.warning, file: file, line: top.line("name"), "cannot tell the place from the name",
                                hint: "add place = \"…\" so namesakes and people's titles are recognised"))
        }
        return d.filter({ $0.severity == .error }).count == errorsBefore ? identity : nil
    }

    /// The council's languages, known codes only, each once; English alone when none is left.
    private func languages(_ top: TableReader, into d: inout [Diagnostic]) -> [String] {
        var kept: [String] = []
        for written in top.strings("languages", into: &d) {
            let code = written.lowercased()
            if Self.languageCodes.contains(where: { $0.code == code }) {
                if !kept.contains(code) { kept.append(code) }
            } else {
                let known = Self.languageCodes.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
                d.append(Diagnostic(.warning, file: file, line: top.line("languages"),
                                    "language \"\(written)\" is not one impostor knows and is ignored",
                                    hint: "use the codes \(known)"))
            }
        }
        return kept.isEmpty ? ["en"] : kept
    }

    /// The council's own words, by list: each list a name from `CouncilWords.wordLists`.
    private func words(_ w: TableReader, into d: inout [Diagnostic]) -> [String: [String]] {
        var words: [String: [String]] = [:]
        for key in w.table.keys.sorted() where !CouncilWords.wordLists.contains(key) {
            let flat = w.table[key]?.table != nil ? "write the lists flat, e.g. offices_mayor = [\"…\"]; " : ""
            d.append(Diagnostic(.warning, file: file, line: w.line(key), "unknown word list `\(key)` in [words] is ignored",
                                hint: "\(flat)the lists are \(CouncilWords.wordLists.joined(separator: ", "))"))
        }
        for list in CouncilWords.wordLists {
            let added = w.strings(list, into: &d)
            if !added.isEmpty { words[list] = added }
        }
        return words
    }

    private func accounts(_ top: TableReader, key: String, into d: inout [Diagnostic]) -> [AccountReference] {
        top.tables(key, into: &d).compactMap { entry in
            entry.warnUnknown(["platform", "handle", "url", "note"], into: &d)
            let url = entry.string("url", into: &d)
            guard let platformName = entry.string("platform", required: true, into: &d),
                var handle = entry.string("handle", required: url == nil, into: &d) ?? url
            else { return nil }
            let platform = Platform(rawValue: platformName)
            var link = url
            // A clerk pastes the account's address where its handle goes, or gives the address alone: the handle is
            // the one the address names, on the entry's platform.
            // Written without its scheme too ("linkedin.com/company/…"); such a text the address of no account stays a handle.
            let withScheme = handle.contains("://")
            if withScheme || handle.contains("/") {
                let address = ProfileAddress(url: withScheme ? handle : "https://" + handle).flatMap { $0.platform == platform ? $0 : nil }
                if let address {
                    (handle, link) = (address.handle, link ?? address.url)
                } else if withScheme {
                    d.append(Diagnostic(.error, file: file, line: entry.line(entry.table["handle"] != nil ? "handle" : "url"),
                                        "\(handle.prefix(200)) is not the address of an account on \(platform) that impostor can read",
                                        hint: "write the account's handle, e.g. handle = \"OakbridgeTC\", and its address under url"))
                    return nil
                }
            }
            // E-mail and messaging apps are no platforms to report to, but a listed sender is the council's own all the same.
            if !Platform.known.contains(platform) && !platform.isDirectMessage {
                d.append(Diagnostic(.warning, file: file, line: entry.line("platform"),
                                    "platform \"\(platformName)\" is not one impostor knows",
                                    hint: "known: \(Platform.known.map(\.rawValue).joined(separator: ", ")), and for senders email, whatsapp, sms"))
            }
            guard platform.isSender(handle) else {
                let wanted = platform == .email ? "an e-mail address" : platform.sendsFromNumbers ? "a phone number" : "a handle"
                d.append(Diagnostic(.warning, file: file, line: entry.line("handle"), "handle \"\(handle)\" is not \(wanted) and is ignored",
                                    hint: platform == .email ? "write the address, e.g. clerk@oakbridge-tc.gov.uk" : nil))
                return nil
            }
            return AccountReference(platform: platform, handle: handle, url: link, note: entry.string("note", into: &d))
        }
    }

    private func reporting(_ r: TableReader, identity: Identity, into d: inout [Diagnostic]) -> ReportingAccounts {
        r.warnUnknown(["mastodon_account", "mastodon_server", "mastodon_token_file", "bluesky_account",
                       "bluesky_app_password_file", "bluesky_service", "bluesky_moderation_service"], into: &d)
        func path(_ key: String) -> String? {
            r.string(key, into: &d).map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) }
        }
        func web(_ key: String) -> String? {
            guard let url = r.string(key, into: &d) else { return nil }
            guard url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") else {
                d.append(Diagnostic(.error, file: file, line: r.line(key), "[reporting] \(key) must be a web address",
                                    hint: "write it with https://, for example \"https://mastodon.social\""))
                return nil
            }
            return url
        }
        var accounts = ReportingAccounts()
        accounts.mastodonAccount = r.string("mastodon_account", into: &d)
        accounts.mastodonServer = web("mastodon_server")
        accounts.mastodonTokenFile = path("mastodon_token_file")
        accounts.blueskyAccount = r.string("bluesky_account", into: &d)
        accounts.blueskyAppPasswordFile = path("bluesky_app_password_file")
        accounts.blueskyService = web("bluesky_service")
        accounts.blueskyModerationService = r.string("bluesky_moderation_service", into: &d)
        var withAccounts = identity
        withAccounts.reporting = accounts
        let secrets = [(Platform.mastodon, "mastodon_token_file", accounts.mastodonTokenFile),
                       (.bluesky, "bluesky_app_password_file", accounts.blueskyAppPasswordFile)]
        for (platform, secret, secretPath) in secrets where secretPath != nil && withAccounts.reportingAccount(on: platform) == nil {
            d.append(Diagnostic(.error, file: file, line: r.line(secret), "[reporting] \(secret) is set but there is no \(platform) account to report from",
                                hint: "add the council's own account as [[official]] platform = \"\(platform)\", or set \(platform)_account"))
        }
        return accounts
    }

    private func logos(_ top: TableReader, into d: inout [Diagnostic]) -> [String] {
        top.strings("logos", into: &d).compactMap { logo in
            let path = logo.hasPrefix("/") ? logo : (directory as NSString).appendingPathComponent(logo)
            guard FileManager.default.isReadableFile(atPath: path) else {
                d.append(Diagnostic(.error, file: file, line: top.line("logos"), "logo \"\(logo)\" not found",
                                    hint: "logo paths are relative to the watchlist folder; put the file there"))
                return nil
            }
            guard RegularFile.exists(path) else {
                d.append(Diagnostic(.error, file: file, line: top.line("logos"), "logo \"\(logo)\" is not a regular file",
                                    hint: "name an image file (PNG, JPEG, GIF or WebP), not a folder, pipe or device"))
                return nil
            }
            return path
        }
    }

    /// Other names a council may give: far more than any council is known by.
    static let maxAliases = 100

    /// Endings under which anyone registers a domain: a council's domain is a name under one of them.
    static let publicSuffixes: Set<String> = [
        "uk", "gov.uk", "co.uk", "org.uk", "net.uk", "ltd.uk", "plc.uk", "me.uk", "ac.uk", "sch.uk", "nhs.uk", "police.uk",
        "wales", "cymru", "scot", "com", "org", "net", "info", "uk.com",
    ]

    /// A domain as written, lower case, without the scheme and path a copied address brings
    /// ("https://oakbridge-tc.gov.uk/" is "oakbridge-tc.gov.uk").
    static func domainName(_ written: String) -> String {
        var name = Substring(written.trimmingSpaces().lowercased())
        if let scheme = name.range(of: "://") { name = name[scheme.upperBound...] }
        return String(name.prefix { $0 != "/" })
    }

    /// Why `domain` cannot be one council's own, or nil: every address under a public suffix would count as the
    /// council's, and one that is no domain matches nothing.
    static func domainProblem(_ domain: String) -> String? {
        let d = domain.trimmingSpaces()
        if d.isEmpty { return "is empty" }
        if d.contains("/") || d.contains(":") || d.contains("@") || d.contains(" ") { return "is not a domain (give only its name)" }
        if publicSuffixes.contains(d.hasPrefix(".") ? String(d.dropFirst()) : d) { return "is a public suffix, not one council's domain" }
        if !d.contains(".") { return "is not a domain" }
        return nil
    }

    /// The kinds of council a watchlist may name, longest first among those that end alike.
    static let kinds = [
        "town council", "parish council", "city council", "community council", "village council", "parish meeting",
        "neighbourhood council", "district council", "county borough council", "metropolitan borough council",
        "royal borough council", "borough council", "county council", "council",
    ]

    /// The kind from the name when the file omits it ("Oakbridge Town Council" → "town council").
    static func kind(in name: String) -> String {
        let lowered = name.lowercased()
        return kinds.first { lowered.hasSuffix($0) } ?? ""
    }

    /// The place from the name when the file omits it ("Oakbridge Town Council" → "Oakbridge").
    static func place(in name: String, kind: String) -> String {
        guard !kind.isEmpty, name.lowercased().hasSuffix(kind) else { return "" }
        return String(name.dropLast(kind.count)).trimmingSpaces()
    }
}
