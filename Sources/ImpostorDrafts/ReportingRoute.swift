import ImpostorCore

/// Where and how one platform takes impersonation reports: facts from the research notes
/// (shared/research/platforms.md), kept apart from the wording, which lives in templates.
public struct ReportingRoute: Sendable, Hashable {
    public var platform: Platform
    /// The web form, when the platform has one.
    public var form: String?
    /// The platform's help page on impersonation.
    public var guide: String?
    /// The path through the app, for a council account.
    public var inAppCouncil: String
    /// The path through the app, for a person impersonated.
    public var inAppPerson: String
    /// Any account holder may flag the account in the app (the council's own account included).
    public var anyoneMayFlag: Bool
    /// For a person, the form asks for their own government photo ID.
    public var personNeedsID: Bool
    /// What the platform may ask of an organisation to prove it is who it says.
    public var organisationProof: String?
    /// The form's fields, in the form's order.
    public var fields: [Field]
    /// The limit of the form's description box (or the API's comment).
    public var descriptionLimit: LengthLimit
    /// False when the route came from a secondary source: the notice asks the clerk to check it.
    public var confirmed: Bool

    /// One box of the form, and what impostor fills in.
    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: Value

        public init(_ label: String, _ value: Value) {
            self.label = label
            self.value = value
        }
    }

    /// What goes in a field, worked out per case.
    public enum Value: String, Sendable, Hashable {
        case impersonatedName, whoIsImpersonated, impostorURL, impostorHandle, impostorID, reporterName, reporterTitle
        case reporterEmail, organisation, website, officialURL, relationship, country, hasAccount, description
        case signature, reason, mastodonCategory, forward, serverAdmin
    }

    /// No published limit: 1,000 characters fits every description box we know of.
    static let formLimit = LengthLimit(.graphemes, 1000)

    /// The route for `platform`; platforms impostor has no route for get a generic one.
    public static func route(for platform: Platform) -> ReportingRoute {
        known[platform] ?? ReportingRoute(
            platform: platform, form: nil, guide: nil, inAppCouncil: "the account's menu → Report",
            inAppPerson: "the account's menu → Report", anyoneMayFlag: true, personNeedsID: false,
            organisationProof: "proof that you act for the council",
            fields: [Field("Link to the account", .impostorURL), Field("Description", .description)],
            descriptionLimit: formLimit, confirmed: false)
    }

    static let known: [Platform: ReportingRoute] = Dictionary(
        uniqueKeysWithValues: [facebook, instagram, threads, x, youtube, tiktok, linkedin, nextdoor, bluesky, mastodon]
            .map { ($0.platform, $0) })

    static let metaProof = "an email from the council's own domain, the council's website listing its official accounts, "
        + "and a letter of authority signed by the Clerk"

    static let facebook = ReportingRoute(
        platform: .facebook, form: "https://www.facebook.com/help/contact/169486816475808",
        guide: "https://www.facebook.com/help/167722253287296",
        inAppCouncil: "the Page's ⋯ menu → Find support or report → Scams and fake Pages → Pretending to be another business",
        inAppPerson: "the profile's ⋯ menu → Find support or report → Pretending to be someone → Someone I know",
        anyoneMayFlag: true, personNeedsID: true, organisationProof: metaProof,
        fields: [
            Field("Full name of the person or organisation impersonated", .impersonatedName),
            Field("Link to the impersonating account", .impostorURL),
            Field("Your email address", .reporterEmail),
            Field("Do you have a Facebook account?", .hasAccount),
            Field("Your relationship to the person or organisation", .relationship),
            Field("Describe the problem", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let instagram = ReportingRoute(
        platform: .instagram, form: "https://help.instagram.com/contact/636276399721841", guide: nil,
        inAppCouncil: "the profile's ⋯ menu → Report → Report account → It's pretending to be someone else → a business or organisation",
        inAppPerson: "the profile's ⋯ menu → Report → Report account → It's pretending to be someone else → Me",
        anyoneMayFlag: true, personNeedsID: true, organisationProof: metaProof,
        fields: [
            Field("Your full name", .reporterName),
            Field("Your email address", .reporterEmail),
            Field("Username of the impersonating account", .impostorHandle),
            Field("Who is being impersonated", .whoIsImpersonated),
            Field("Country", .country),
            Field("Description", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let threads = ReportingRoute(
        platform: .threads, form: nil, guide: nil,
        inAppCouncil: "the profile's ⋯ menu → Report → Pretending to be someone",
        inAppPerson: "the profile's ⋯ menu → Report → Pretending to be someone → Me",
        anyoneMayFlag: true, personNeedsID: true, organisationProof: metaProof,
        fields: [
            Field("Username of the impersonating account", .impostorHandle),
            Field("Who is being impersonated", .whoIsImpersonated),
            Field("Description", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let x = ReportingRoute(
        platform: .x, form: "https://help.x.com/forms/impersonation", guide: nil,
        inAppCouncil: "the profile's ⋯ menu → Report → They're pretending to be me or someone else",
        inAppPerson: "the profile's ⋯ menu → Report → They're pretending to be me or someone else",
        anyoneMayFlag: false, personNeedsID: true,
        organisationProof: "proof that you act for the council (an email from its own domain helps)",
        fields: [
            Field("Impersonating account (@username)", .impostorHandle),
            Field("Whom do you represent?", .whoIsImpersonated),
            Field("Your full name", .reporterName),
            Field("Your title", .reporterTitle),
            Field("Company or organisation name", .organisation),
            Field("Website", .website),
            Field("Email address", .reporterEmail),
            Field("Description", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let youtube = ReportingRoute(
        platform: .youtube, form: nil, guide: "https://support.google.com/youtube/answer/2801947",
        inAppCouncil: "the channel's About panel → ⋯ → Report user → Impersonation",
        inAppPerson: "the channel's About panel → ⋯ → Report user → Impersonation",
        anyoneMayFlag: true, personNeedsID: false, organisationProof: "proof that you act for the council, if asked",
        fields: [
            Field("Impersonating channel URL", .impostorURL),
            Field("Your channel URL", .officialURL),
            Field("Who is being impersonated", .whoIsImpersonated),
            Field("Description", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let tiktok = ReportingRoute(
        platform: .tiktok, form: "https://www.tiktok.com/legal/report/feedback", guide: nil,
        inAppCouncil: "the profile's Share button → Report → Report account → Pretending to be someone",
        inAppPerson: "the profile's Share button → Report → Report account → Pretending to be someone → Me",
        anyoneMayFlag: true, personNeedsID: true, organisationProof: "documents showing you act for the council",
        fields: [
            Field("Topic", .reason),
            Field("Email", .reporterEmail),
            Field("Country", .country),
            Field("Who is this account impersonating?", .whoIsImpersonated),
            Field("Username of the impersonating account", .impostorHandle),
            Field("Description", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let linkedin = ReportingRoute(
        platform: .linkedin, form: "https://www.linkedin.com/help/linkedin/ask/TS-NFPI", guide: nil,
        inAppCouncil: "the Page's More menu → Report Page → fake or misleading",
        inAppPerson: "the profile's More menu → Report / Block → Report → Pretending to be someone",
        anyoneMayFlag: true, personNeedsID: false, organisationProof: "a digital signature, and proof if asked",
        fields: [
            Field("Link to the inaccurate account", .impostorURL),
            Field("Name of the company that is inaccurate", .organisation),
            Field("Explanation of how you know", .description),
            Field("Digital signature", .signature),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let nextdoor = ReportingRoute(
        platform: .nextdoor, form: nil, guide: nil,
        inAppCouncil: "the member's name → ⋯ → Report (a business or agency name used by a member)",
        inAppPerson: "the member's name → ⋯ → Report (fake name)",
        anyoneMayFlag: true, personNeedsID: false, organisationProof: nil,
        fields: [
            Field("Profile link", .impostorURL),
            Field("Reason", .reason),
            Field("Description", .description),
        ],
        descriptionLimit: formLimit, confirmed: false)

    static let bluesky = ReportingRoute(
        platform: .bluesky, form: nil, guide: nil,
        inAppCouncil: "the profile's ⋯ menu → Report account → Misleading → Impersonation",
        inAppPerson: "the profile's ⋯ menu → Report account → Misleading → Impersonation",
        anyoneMayFlag: true, personNeedsID: false, organisationProof: nil,
        fields: [
            Field("Account", .impostorHandle),
            Field("Account id (DID)", .impostorID),
            Field("Reason", .reason),
            Field("Details", .description),
        ],
        descriptionLimit: LengthLimit(.graphemes, 2000, maxUTF8Bytes: 20000), confirmed: true)

    static let mastodon = ReportingRoute(
        platform: .mastodon, form: nil, guide: nil,
        inAppCouncil: "the account's ⋯ menu → Report → choose a category → tick Forward to the account's server",
        inAppPerson: "the account's ⋯ menu → Report → choose a category → tick Forward to the account's server",
        anyoneMayFlag: true, personNeedsID: false, organisationProof: nil,
        fields: [
            Field("Account", .impostorHandle),
            Field("Category", .mastodonCategory),
            Field("Forward to the account's server", .forward),
            Field("Comment", .description),
            Field("The account's server's admin", .serverAdmin),
        ],
        descriptionLimit: LengthLimit(.codePoints, 1000), confirmed: true)
}
