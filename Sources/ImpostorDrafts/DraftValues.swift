import Foundation
import ImpostorCore

/// How far a draft has been shortened: the optional level left out, and the suspect's name and handle cuts.
struct Shortening: Hashable {
    var dropLevel = 0
    var nameLimit: Int?
    var handleLimit: Int?
}

/// The placeholder values for one case, worked out once and shortened on demand.
struct DraftValues {
    let draft: DraftCase
    /// The suspect's display name, cleaned; the handle when the account shows no name.
    let cleanName: String
    /// The suspect's handle, cleaned, without a leading "@".
    let cleanHandle: String

    /// The longest suspect name, handle and bio a draft ever shows, in characters.
    static let nameCap = 64
    static let handleCap = 64
    static let bioCap = 280
    /// Only this much of any suspect text is read at all: a 100,000-character name costs no more than a long one.
    static let readCap = 1000

    init(draft: DraftCase) {
        self.draft = draft
        let handle = SuspectText.clean(String(draft.suspect.handle.prefix(Self.readCap)))
        cleanHandle = String(handle.drop { $0 == "@" || $0 == "\u{FF20}" })
        let name = SuspectText.clean(String(draft.suspect.displayName.prefix(Self.readCap)))
        cleanName = name.isEmpty ? cleanHandle : name
    }

    func common(_ s: Shortening) -> [String: TemplateValue] {
        let c = draft.council
        var v: [String: TemplateValue] = [:]
        v["council_name"] = .text(c.name)
        v["council_place"] = .text(c.place)
        v["council_kind"] = .text(c.kind)
        set(&v, "council_website", c.website)
        set(&v, "accounts_link", c.accountsLink)
        set(&v, "accounts_link_bare", c.accountsLink.map(Self.bareLink))
        v["official_accounts"] = .list(draft.otherOfficials.map { account in
            var row: [String: TemplateValue] = [
                "account_platform": .text(AccountLinks.name(of: account.platform)),
                "account_handle": .text(AccountLinks.shownHandle(account)),
            ]
            if let url = AccountLinks.url(account) { row["account_url"] = .text(url) }
            return row
        })
        var clerk = c.clerk
        // The mailbox taken over is no way to reach the clerk: whoever holds it answers.
        let taken = Identity.asciiLowercased(draft.suspect.handle.trimmingSpaces())
        if draft.kind == .takeover, draft.suspect.platform == .email,
            clerk?.email.map({ Identity.asciiLowercased($0.trimmingSpaces()) == taken }) == true
        {
            clerk?.email = nil
        }
        set(&v, "clerk_name", clerk?.name)
        set(&v, "clerk_role", clerk?.role)
        set(&v, "clerk_email", clerk?.email)
        set(&v, "clerk_phone", clerk?.phone)
        set(&v, "clerk_address", clerk?.address)
        let contacts = [clerk?.phone, clerk?.email].compactMap { $0?.trimmingSpaces() }.filter { !$0.isEmpty }
        set(&v, "clerk_contact", contacts.joined(separator: " or "))
        set(&v, "clerk_contact_short", contacts.first ?? c.accountsLink)
        v["suspect_platform"] = .text(AccountLinks.name(of: draft.suspect.platform))
        v["suspect_name"] = .text(suspectName(s))
        set(&v, "suspect_handle", SuspectText.handle(cleanHandle, maxGraphemes: s.handleLimit ?? Self.handleCap))
        v["first_seen"] = .text(DraftDate.long(draft.firstSeen))
        v["drafted_on"] = .text(DraftDate.long(draft.drafted))
        switch draft.target {
        case .council:
            v["target_council"] = .flag(true)
            v["target_person"] = .flag(false)
        case .person(let name, let role):
            v["target_council"] = .flag(false)
            v["target_person"] = .flag(true)
            set(&v, "person_name", name)
            set(&v, "person_role", role)
        }
        v["pre_election"] = .flag(draft.preElection)
        v["taken_mailbox"] = .flag(draft.kind == .takeover && draft.suspect.platform == .email)
        v["place_tag"] = .text(Self.hashtagWord(c.place.isEmpty ? c.name : c.place))
        if c.nation == "scotland" {
            v["fraud_name"] = .text("Police Scotland")
            v["fraud_site"] = .text("scotland.police.uk")
            v["fraud_phone"] = .text("101")
        } else {
            v["fraud_name"] = .text("Report Fraud")
            v["fraud_site"] = .text("reportfraud.police.uk")
            v["fraud_phone"] = .text("0300 123 2040")
        }
        return v
    }

    func suspectName(_ s: Shortening) -> String {
        SuspectText.isolate(SuspectText.defang(SuspectText.truncate(cleanName, to: s.nameLimit ?? Self.nameCap)))
    }

    /// The values of a warning on `channel`, with the words among them in `language` ("en", "cy").
    func warning(_ channel: Channel, _ s: Shortening, language: String = "en") -> [String: TemplateValue] {
        var v = common(s)
        // Before an election a warning names the office, not the person, who may be a candidate.
        if case .person(let name, let role) = draft.target {
            v["impersonated"] = .text(draft.preElection ? "the \(role) of \(draft.council.name)" : "\(name), \(role) of \(draft.council.name)")
            v["impersonated_short"] = .text(draft.preElection ? "our \(role)" : "our \(role), \(name)")
            if draft.preElection { v["person_name"] = nil }
        } else {
            v["impersonated"] = .text(draft.council.name)
            v["impersonated_short"] = .text("the council")
        }
        v["channel_name"] = .text(channel == .website ? "our website" : AccountLinks.name(of: channel.platform!))
        if let platform = channel.platform, let own = draft.otherOfficials.first(where: { $0.platform == platform }) {
            // Facebook and Nextdoor do not link a typed "@name": the address is what residents can follow.
            let mentionable: Set<Platform> = [.x, .bluesky, .mastodon, .instagram]
            set(&v, "official_here", mentionable.contains(platform) ? AccountLinks.shownHandle(own) : AccountLinks.url(own))
            set(&v, "official_here_url", AccountLinks.url(own))
        }
        if language == "cy" { welsh(&v, channel: channel) }
        if channel == .website { escapeSuspectText(&v) }
        return v
    }

    /// The values the suspect chose: its name, its handle, and the platform a listing named.
    static let suspectValues = ["suspect_name", "suspect_handle", "suspect_platform"]

    /// The suspect's values with markup escaped, for the website: a council's editor may read pasted
    /// text as HTML (see `SuspectText.escapeHTML`). Everything else in a warning is the council's own.
    func escapeSuspectText(_ v: inout [String: TemplateValue]) {
        for name in Self.suspectValues {
            if case .text(let text)? = v[name] { v[name] = .text(SuspectText.escapeHTML(text)) }
        }
    }

    func notice(_ route: ReportingRoute, _ s: Shortening, description: String?) -> [String: TemplateValue] {
        var v = common(s)
        let c = draft.council
        v["platform_name"] = .text(route.platform == .email ? MailProvider.of(draft.suspect.handle).name
                                                            : AccountLinks.name(of: route.platform))
        set(&v, "report_form", route.form)
        set(&v, "report_guide", route.guide)
        v["route_unconfirmed"] = .flag(!route.confirmed)
        v["anyone_may_flag"] = .flag(route.anyoneMayFlag)
        let person: (name: String, role: String)? =
            if case .person(let name, let role) = draft.target { (name, role) } else { nil }
        v["report_in_app"] = .text(person == nil ? route.inAppCouncil : route.inAppPerson)
        v["id_required"] = .flag(person != nil && route.personNeedsID)
        set(&v, "organisation_proof", route.organisationProof)
        set(&v, "reporter_name", person?.name ?? c.clerk?.name)
        set(&v, "reporter_role", person.map { "\($0.role) of \(c.name)" } ?? c.clerk?.role)
        v["impersonated"] = .text(person.map { "\($0.name), \($0.role) of \(c.name)" } ?? c.name)
        v["impersonated_short"] = .text(person.map { "\($0.name), our \($0.role)" } ?? "the council")
        switch route.platform {
        case .mastodon: v["api_endpoint"] = .text("POST /api/v1/reports on the council's own Mastodon server")
        case .bluesky: v["api_endpoint"] = .text("POST /xrpc/com.atproto.moderation.createReport through the council's own Bluesky account")
        default: break
        }
        set(&v, "suspect_url", suspectURL)
        set(&v, "suspect_id", SuspectText.clean(draft.suspect.id))
        set(&v, "suspect_created", draft.suspect.createdAt.map { SuspectText.quote($0, maxGraphemes: 40) })
        set(&v, "suspect_bio", SuspectText.quote(String(draft.suspect.bio.prefix(Self.readCap)), maxGraphemes: Self.bioCap))
        set(&v, "official_link", officialLink(on: route.platform))
        v["score"] = .text(String(format: "%.2f", draft.evidence.score))
        set(&v, "logo_distance", draft.evidence.logoDistance.map { "\($0) of 256 bits" })
        v["evidence"] = .list(evidenceLines().map { ["evidence_line": .text($0)] })
        set(&v, "description", description)
        v["fields"] = .list(route.fields.map { field in
            let value = field.value == .description ? "the text under Description below" : fieldValue(field.value, route: route)
            return ["field_label": .text(field.label), "field_value": .text(value)]
        })
        return v
    }

    /// The suspect's address for a report form: the platform's own link, cleaned. Anything that is not
    /// a plain web address is defanged, so a planted "link" cannot pose as the account's.
    var suspectURL: String? {
        let url = SuspectText.clean(String(draft.suspect.profileURL.prefix(Self.readCap)))
        guard !url.isEmpty else { return nil }
        let lowered = url.lowercased()
        let plain = (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && !url.contains(" ")
        return plain ? url : SuspectText.defang(url)
    }

    /// The council's own account on `platform`, else its accounts page.
    func officialLink(on platform: Platform) -> String? {
        if let own = draft.council.officials.first(where: { $0.platform == platform }), let url = AccountLinks.url(own) {
            return url
        }
        return draft.council.accountsLink
    }

    /// The evidence in short lines, suspect text made safe.
    func evidenceLines() -> [String] {
        let e = draft.evidence
        var lines = ["First seen by impostor: \(DraftDate.timestamp(draft.firstSeen))"]
        if let created = draft.suspect.createdAt, !created.isEmpty {
            lines.append("Account created (as the platform reports): \(SuspectText.quote(created, maxGraphemes: 40))")
        }
        // A takeover's score is the official account's, near 0: what changed is the evidence, and it runs longer.
        if draft.kind == .impersonation { lines.append("impostor's score: \(String(format: "%.2f", e.score)) out of 1") }
        let cap = draft.kind == .takeover ? 600 : 200
        for reason in e.reasons.prefix(5) { lines.append(SuspectText.quote(reason, maxGraphemes: cap)) }
        if let d = e.logoDistance {
            lines.append("The profile picture matches the council's logo (perceptual hash distance \(d) of 256 bits)")
        }
        if let captured = e.capturedAt { lines.append("Profile snapshot kept: \(DraftDate.timestamp(captured))") }
        return lines
    }

    /// What impostor fills in for one form field.
    func fieldValue(_ value: ReportingRoute.Value, route: ReportingRoute) -> String {
        let c = draft.council
        let person: (name: String, role: String)? =
            if case .person(let name, let role) = draft.target { (name, role) } else { nil }
        let handle = cleanHandle
        switch value {
        case .impersonatedName: return person?.name ?? c.name
        case .whoIsImpersonated:
            return person.map { "Me (\($0.name), \($0.role) of \(c.name))" } ?? "My organisation: \(c.name)"
        case .impostorURL: return suspectURL ?? "(no address recorded: copy it from the profile)"
        case .impostorHandle:
            let mentions: Set<Platform> = [.x, .instagram, .threads, .tiktok, .youtube, .bluesky, .mastodon]
            return mentions.contains(route.platform) ? "@" + handle : handle
        case .impostorID: return SuspectText.clean(draft.suspect.id)
        case .reporterName: return person?.name ?? c.clerk?.name ?? "(the clerk's name)"
        case .reporterTitle: return person.map { "\($0.role), \(c.name)" } ?? c.clerk?.role ?? "Clerk"
        case .reporterEmail:
            return person == nil ? (c.clerk?.email ?? "(the clerk's council email address)") : "(your own email address)"
        case .organisation: return c.name
        case .website: return c.website ?? c.accountsLink ?? "(the council's website)"
        case .officialURL: return officialLink(on: route.platform) ?? "(none)"
        case .relationship:
            if person != nil { return "I am the person impersonated" }
            return "I act for the council as its \(c.clerk?.role ?? "Clerk")"
        case .country: return "United Kingdom"
        case .hasAccount:
            if person != nil { return "(answer for yourself)" }
            let own = c.officials.first { $0.platform == route.platform }
            return own.flatMap(AccountLinks.url).map { "Yes: \($0)" } ?? "No"
        case .description: return ""
        case .signature: return person?.name ?? c.clerk?.name ?? "(the clerk's name)"
        case .reason:
            switch route.platform {
            case .tiktok: return "Report a potential violation → Account violation → Impersonation"
            case .nextdoor: return person == nil ? "Uses a council's name as a member" : "Fake name: pretends to be someone"
            case .bluesky: return "Misleading → Impersonation"
            default: return "Impersonation"
            }
        case .mastodonCategory:
            return "Other; or Violation with the server's rule against impersonation, if it has one"
        case .forward: return "Yes, so the account's own server sees it"
        case .serverAdmin:
            let server = handle.split(separator: "@").dropFirst().first.map(String.init)
                ?? URLComponents(string: suspectURL ?? "")?.host
            return server.map { "the contact email listed at https://\($0)/about (or contact.email in https://\($0)/api/v2/instance)" }
                ?? "(the account's server: see its address)"
        }
    }

    /// "https://www.oakbridge-tc.gov.uk/social-media/" → "oakbridge-tc.gov.uk/social-media": what posts show.
    static func bareLink(_ link: String) -> String {
        var s = Substring(link)
        for prefix in ["https://", "http://"] where s.lowercased().hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        if s.lowercased().hasPrefix("www.") { s = s.dropFirst(4) }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }

    /// "Stourport-on-Severn" → "StourportOnSevern": letters and digits only, each word capitalised.
    static func hashtagWord(_ place: String) -> String {
        place.split { !($0.isLetter || $0.isNumber) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    func set(_ v: inout [String: TemplateValue], _ name: String, _ value: String?) {
        if let value = value?.trimmingSpaces(), !value.isEmpty { v[name] = .text(value) }
    }
}
