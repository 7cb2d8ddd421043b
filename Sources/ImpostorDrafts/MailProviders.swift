import ImpostorCore

/// Where an e-mail provider takes reports of an account of its own that sends fraud in someone
/// else's name: facts from the research notes (shared/research and the closing note of issue 14),
/// kept apart from the wording. Confirmed only where the provider's own page said so.
struct MailProvider: Sendable, Hashable {
    var name: String
    var domains: Set<String>
    /// The provider's web form for reporting one of its accounts.
    var form: String?
    /// The address to forward the message to, when the provider takes reports by mail.
    var address: String?
    /// What the provider asks for beside the message.
    var asks: String
    var confirmed: Bool

    static let all: [MailProvider] = [
        MailProvider(
            name: "Gmail (Google)", domains: ["gmail.com", "googlemail.com"],
            form: "https://support.google.com/mail/contact/abuse", address: nil,
            asks: "the sender's full Gmail address and the message's headers (in Gmail: ⋮ → Show original), pasted as text",
            confirmed: false),
        MailProvider(
            name: "Outlook.com (Microsoft)", domains: ["outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk", "msn.com"],
            form: nil, address: "abuse@outlook.com",
            asks: "the message forwarded as an attachment, how many you received and your relationship to the sender",
            confirmed: false),
        MailProvider(
            name: "iCloud Mail (Apple)", domains: ["icloud.com", "me.com", "mac.com"],
            form: nil, address: "abuse@icloud.com",
            asks: "the message forwarded as an attachment, so its complete headers go with it", confirmed: false),
        MailProvider(
            name: "Proton Mail", domains: ["proton.me", "protonmail.com", "pm.me"],
            form: "https://proton.me/support/report-abuse", address: "abuse@proton.me",
            asks: "the sender's address, your contact address and what happened", confirmed: true),
        MailProvider(
            name: "Yahoo Mail", domains: ["yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com", "aol.com", "aol.co.uk"],
            form: nil, address: nil,
            asks: "a report through Yahoo's help pages (help.yahoo.com, reporting an account) with the sender's address and the full headers; Yahoo no longer reads abuse@yahoo.com",
            confirmed: false),
    ]

    /// The provider of an address. For any other domain no address is offered: the domain may be the
    /// fraudster's own, and a report sent there would tell them they were noticed.
    static func of(_ address: String) -> MailProvider {
        // The sender's address is the sender's choice: its domain is cleaned before a report names it.
        let raw = address.split(separator: "@").last.map { $0.lowercased() } ?? ""
        let domain = SuspectText.clean(String(raw.prefix(253)))
        if let known = all.first(where: { $0.domains.contains(domain) }) { return known }
        return MailProvider(
            name: domain.isEmpty ? "the sender's e-mail provider" : "the provider of \(domain)", domains: [domain],
            form: nil, address: nil,
            asks: "nothing impostor knows of: the national service can act on it; to go further, find who hosts "
                + "the domain (a WHOIS look-up) and use their abuse route, not an address at the domain itself",
            confirmed: false)
    }
}

extension ReportingRoute {
    /// The UK's national route for scam e-mails: the NCSC's Suspicious Email Reporting Service.
    public static let phishingReportAddress = "report@phishing.gov.uk"

    /// The route for mail sent in the council's or its people's name from `sender`: the provider's
    /// abuse route, and always the national one.
    public static func mail(sender: String) -> ReportingRoute {
        let provider = MailProvider.of(sender)
        let forward = "Forward the e-mail (as an attachment, so its headers go with it) to \(phishingReportAddress), "
            + "the National Cyber Security Centre's Suspicious Email Reporting Service"
            + (provider.address.map { ", and to \($0) for \(provider.name)" } ?? "")
            + ". \(provider.name) asks for \(provider.asks)."
        return ReportingRoute(
            platform: .email, form: provider.form, guide: nil, inAppCouncil: forward, inAppPerson: forward,
            anyoneMayFlag: true, personNeedsID: false, organisationProof: nil,
            fields: [
                Field("Your e-mail address", .reporterEmail),
                Field("The sender's address", .impostorHandle),
                Field("Description", .description),
            ],
            descriptionLimit: formLimit, confirmed: provider.confirmed)
    }
}
