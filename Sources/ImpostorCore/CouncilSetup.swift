import Foundation

/// What `impostor init` asks, as the clerk or the IT person answered it.
public struct CouncilAnswers: Sendable, Hashable {
    public var name: String
    /// The county or district.
    public var area: String
    public var website: String?
    /// Each a link to the account, or PLATFORM:HANDLE.
    public var officials: [String]
    public var people: [Person]
    /// The logo file's path, as given.
    public var logo: String?

    public init(name: String, area: String, website: String? = nil, officials: [String] = [], people: [Person] = [],
                logo: String? = nil) {
        self.name = name
        self.area = area
        self.website = website
        self.officials = officials
        self.people = people
        self.logo = logo
    }
}

/// An answer impostor cannot use, with the question it belongs to and what to write instead.
public struct SetupProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var question: String
    public var message: String
    public init(_ question: String, _ message: String) {
        self.question = question
        self.message = message
    }
    public var description: String { "\(question): \(message)" }
}

/// A council's watchlist entry worked out from the answers: its id, place, kind, domains, nation and
/// languages, with the council file and first settings file as text.
public struct CouncilSetup: Sendable {
    public var identity: Identity
    /// The logo's file name in the watchlist folder (the caller copies it there).
    public var logoFileName: String?

    /// Reads the answers the way a clerk means them; every problem at once.
    public static func make(_ answers: CouncilAnswers, words: WordLists) throws(SetupErrors) -> CouncilSetup {
        var problems: [SetupProblem] = []
        let name = answers.name.trimmingSpaces()
        let (kind, place, welsh) = reading(name, words: words)
        if name.isEmpty {
            problems.append(SetupProblem("name", "the council's name is empty; write it in full, e.g. Oakbridge Town Council"))
        } else if place.isEmpty {
            problems.append(SetupProblem("name", "cannot tell the place from \"\(name)\"; write the name in full, e.g. Oakbridge Town Council or Cyngor Tref Aberteifi"))
        }
        let area = answers.area.trimmingSpaces()
        if area.isEmpty {
            problems.append(SetupProblem("area", "the county or district is empty; it tells the council apart from namesakes elsewhere, e.g. Wiltshire"))
        }
        var identity = Identity(id: slug(name), name: name)
        identity.kind = kind
        identity.place = place
        identity.area = area
        identity.nation = welsh ? "wales" : Nations.nation(ofArea: area)
        if identity.nation == "wales" { identity.languages = ["cy", "en"] }

        if let website = answers.website?.trimmingSpaces(), !website.isEmpty {
            let full = website.contains("://") ? website : "https://" + website
            let host = ProfileAddress.split(full)?.host ?? ""
            if host.isEmpty || !host.contains(".") || host.contains(where: { $0.isWhitespace }) {
                problems.append(SetupProblem("website", "\"\(website)\" is not a web address; write it as https://www.example-tc.gov.uk"))
            } else {
                identity.website = full
                identity.domains = [host.hasPrefix("www.") ? String(host.dropFirst(4)) : host]
            }
        }
        for text in answers.officials.map({ $0.trimmingSpaces() }) where !text.isEmpty {
            guard let account = account(text) else {
                problems.append(SetupProblem("official", "cannot read \"\(text)\" as an account; paste the link to its page (https://www.facebook.com/OakbridgeTownCouncil) or write PLATFORM:HANDLE (x:OakbridgeTC)"))
                continue
            }
            if !identity.officials.contains(where: { $0.platform == account.platform && $0.handle.lowercased() == account.handle.lowercased() }) {
                identity.officials.append(account)
            }
        }
        for person in answers.people {
            let role = person.role.trimmingSpaces(), personName = person.name.trimmingSpaces()
            if role.isEmpty || personName.isEmpty {
                problems.append(SetupProblem("person", "each person needs a role and a name, e.g. Mayor:Cllr Priya Sharma"))
                continue
            }
            identity.people.append(Person(name: personName, role: role))
        }
        var logoFileName: String?
        if let logo = answers.logo?.trimmingSpaces(), !logo.isEmpty {
            let ext = (logo as NSString).pathExtension.lowercased()
            guard ["png", "jpg", "jpeg", "webp", "gif"].contains(ext) else {
                throw SetupErrors(problems + [SetupProblem("logo", "\(logo) is not a PNG, JPEG, WebP or GIF file")])
            }
            logoFileName = identity.id + "-logo." + ext
            identity.logos = [logoFileName!]
        }
        guard problems.isEmpty else { throw SetupErrors(problems) }
        return CouncilSetup(identity: identity, logoFileName: logoFileName)
    }

    /// Kind and place from an English name ("Oakbridge Town Council") or a Welsh one ("Cyngor Tref
    /// Aberteifi"), the Welsh words coming from the vocabulary; `welsh` when the name is Welsh.
    public static func reading(_ name: String, words: WordLists) -> (kind: String, place: String, welsh: Bool) {
        let english = IdentityParser.kind(in: name)
        if !english.isEmpty { return (english, IdentityParser.place(in: name, kind: english), false) }
        let parts = name.split(separator: " ").map(String.init)
        guard parts.count >= 3, words["council"].contains(parts[0].lowercased()) else { return ("", "", false) }
        let second = parts[1].lowercased()
        var kind: String?
        for (list, value) in words.lists where list.hasPrefix("kinds_") && list != "kinds_after_council" && value.contains(second) {
            kind = String(list.dropFirst("kinds_".count)) + " council"
        }
        // "Cyngor Dinas Tyddewi": a city, only straight after the council word.
        if kind == nil, words["kinds_after_council"].contains(second) { kind = "city council" }
        guard let kind else { return ("", "", false) }
        return (kind, parts.dropFirst(2).joined(separator: " "), true)
    }

    /// One official account from a link or PLATFORM:HANDLE; nil when neither reads.
    public static func account(_ text: String) -> AccountReference? {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.contains("/") {
            let url = lower.contains("://") ? text : "https://" + text
            guard let address = ProfileAddress(url: url) else { return nil }
            return AccountReference(platform: address.platform, handle: address.handle, url: address.url)
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let platform = Platform(rawValue: String(text[..<colon]))
        var handle = String(text[text.index(after: colon)...]).trimmingSpaces()
        if handle.hasPrefix("@") && platform != .mastodon { handle.removeFirst() }
        if platform == .mastodon && handle.hasPrefix("@") { handle.removeFirst() }
        guard !platform.rawValue.isEmpty, !handle.isEmpty, handle.count <= 253,
              handle.allSatisfy({ !$0.isWhitespace && $0 != "\"" && $0 != "\\" })
        else { return nil }
        return AccountReference(platform: platform, handle: handle)
    }

    /// The council's id and file name: its name in lower case, words joined by hyphens.
    public static func slug(_ name: String) -> String {
        let plain = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = "", gap = false
        for ch in plain.unicodeScalars {
            if ch.isASCII && (("a"..."z").contains(ch) || ("0"..."9").contains(ch)) {
                if gap && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(ch)
                gap = false
            } else {
                gap = true
            }
        }
        return String(out.prefix(80))
    }

    /// A kind's initials as councils shorten it: "TC" for a town council, "CC" for a community council.
    static func abbreviation(of kind: String) -> String {
        let letters = kind.split(whereSeparator: { !$0.isLetter }).compactMap(\.first).map { String($0).uppercased() }
        return letters.count >= 2 ? letters.joined() : "TC"
    }

    /// The council's file, commented for the person who edits it next.
    public func councilTOML(writtenOn day: String) -> String {
        let i = identity
        var lines = [
            "# \(i.name): written by `impostor init` on \(day). Edit freely; `impostor check` reads it back.",
            "# The file name (without .toml) is the council's id in impostor's reports.",
            "",
            "name = \(Self.quoted(i.name))",
            "kind = \(Self.quoted(i.kind))",
            "place = \(Self.quoted(i.place))",
            "area = \(Self.quoted(i.area))                      # tells the council apart from namesakes",
        ]
        if let nation = i.nation { lines.append("nation = \(Self.quoted(nation))") }
        if i.languages != ["en"] { lines.append("languages = [\(i.languages.map(Self.quoted).joined(separator: ", "))]   # public warnings in this order") }
        lines.append("aliases = []                          # other names it goes by, e.g. [\"\(i.place) \(Self.abbreviation(of: i.kind))\"]"
            + (i.languages.contains("cy") ? ", and its name in the other language" : ""))
        if let website = i.website { lines.append("website = \(Self.quoted(website))") }
        if !i.domains.isEmpty { lines.append("domains = [\(i.domains.map(Self.quoted).joined(separator: ", "))]") }
        if !i.logos.isEmpty { lines.append("logos = [\(i.logos.map(Self.quoted).joined(separator: ", "))]   # beside this file") }
        lines += ["", "# The council's own accounts: never reported."]
        if i.officials.isEmpty { lines.append("# [[official]]\n# platform = \"facebook\"\n# handle = \"YourCouncilPage\"") }
        for account in i.officials {
            lines += ["[[official]]", "platform = \(Self.quoted(account.platform.rawValue))", "handle = \(Self.quoted(account.handle))"]
            if let url = account.url { lines.append("url = \(Self.quoted(url))") }
            lines.append("")
        }
        lines += ["", "# People whose names and offices impostors borrow."]
        for person in i.people {
            lines += ["[[people]]", "name = \(Self.quoted(person.name))", "role = \(Self.quoted(person.role))", ""]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A first `impostor.toml`: the sources that need no key, and the keyed ones ready to switch on.
    public static func settingsTOML(writtenOn day: String, database: String?, secrets: String) -> String {
        var lines = [
            "# impostor's settings: written by `impostor init` on \(day). Every key: the README, \"Where it looks\".",
            "",
        ]
        if let database { lines += ["database = \(quoted(database))", ""] }
        lines += [
            "# Sources that need no key.",
            "[[source]]",
            "kind = \"bluesky\"              # Bluesky's public search, and exact look-ups of squatted handles",
            "",
            "[[source]]",
            "kind = \"mastodon\"             # one Mastodon server's search; add one [[source]] per server",
            "base_url = \"https://mastodon.social\"",
            "",
            "# Sources that need a key. Put each key alone in a file that only impostor reads",
            "# (chown impostor FILE; chmod 600 FILE), then remove the # signs. `impostor doctor` tries each.",
            "# [[source]]",
            "# kind = \"youtube\"            # YouTube Data API v3 key, from the Google Cloud console",
            "# key_file = \(quoted(secrets + "/youtube-key"))",
            "#",
            "# [[source]]",
            "# kind = \"websearch\"          # Brave Search API: finds Facebook and Instagram pages",
            "# key_file = \(quoted(secrets + "/brave-key"))",
            "#",
            "# [[source]]",
            "# kind = \"x\"                  # X API v2 bearer token: exact look-ups of squatted handles",
            "# token_file = \(quoted(secrets + "/x-bearer-token"))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Every answer that could not be used.
public struct SetupErrors: Error, Sendable {
    public var problems: [SetupProblem]
    public init(_ problems: [SetupProblem]) { self.problems = problems }
}
