import ImpostorCore

extension ReportingRoute {
    /// Where the council gets one of its own accounts back when someone else holds it: the platform's
    /// hacked-account page, not its impersonation form. Facts from the platforms' help pages; the
    /// routes found only in secondary sources are marked unconfirmed, and the notice says so.
    public static func recovery(for platform: Platform) -> ReportingRoute {
        recoveries[platform] ?? ReportingRoute(
            platform: platform, form: nil, guide: nil,
            inAppCouncil: "On the sign-in page, choose Forgot password (or the platform's help for a hacked account).",
            inAppPerson: "On the sign-in page, choose Forgot password (or the platform's help for a hacked account).",
            anyoneMayFlag: false, personNeedsID: false, organisationProof: nil,
            fields: recoveryFields, descriptionLimit: formLimit, confirmed: false)
    }

    static let recoveryFields = [Field("The account", .impostorURL), Field("What happened", .description)]

    static func recovering(_ platform: Platform, form: String?, guide: String?, inApp: String, confirmed: Bool) -> ReportingRoute {
        ReportingRoute(platform: platform, form: form, guide: guide, inAppCouncil: inApp, inAppPerson: inApp,
                       anyoneMayFlag: false, personNeedsID: false, organisationProof: nil, fields: recoveryFields,
                       descriptionLimit: formLimit, confirmed: confirmed)
    }

    static let recoveries: [Platform: ReportingRoute] = [
        .facebook: recovering(
            .facebook, form: "https://www.facebook.com/hacked", guide: nil,
            inApp: "Signed in: change the password under Settings & privacy, and check who has access to the "
                + "Page in the Page's own settings.",
            confirmed: false),
        .instagram: recovering(
            .instagram, form: "https://www.instagram.com/hacked/", guide: nil,
            inApp: "On the sign-in screen: Forgotten password? An e-mail from Instagram about a changed address "
                + "has a link to reverse the change.",
            confirmed: false),
        .x: recovering(
            .x, form: nil, guide: "https://help.x.com/en/safety-and-security/x-account-compromised",
            inApp: "Signed out: Forgot password? on the sign-in page. Signed in: change the password in Settings, "
                + "and revoke any app the council does not use under Apps in Settings.",
            confirmed: true),
        .youtube: recovering(
            .youtube, form: "https://accounts.google.com/signin/recovery",
            guide: "https://support.google.com/youtube/answer/76187",
            inApp: "Recover the Google Account behind the channel first, then undo the changes to the channel "
                + "and check its permissions in YouTube Studio.",
            confirmed: true),
        .bluesky: recovering(
            .bluesky, form: nil, guide: nil,
            inApp: "On the sign-in screen: Forgot password; a reset link goes to the account's e-mail address. Then "
                + "delete any app password the council did not make.",
            confirmed: false),
    ]

    /// For the council's own mailbox in someone else's hands: no platform to ask, only whoever runs the
    /// council's e-mail.
    static let mailboxRecovery = ReportingRoute(
        platform: .email, form: nil, guide: nil,
        inAppCouncil: "Whoever runs the council's e-mail: its provider's admin centre, or its IT support.",
        inAppPerson: "Whoever runs the council's e-mail: its provider's admin centre, or its IT support.",
        anyoneMayFlag: false, personNeedsID: false, organisationProof: nil,
        fields: [], descriptionLimit: formLimit, confirmed: true)
}
