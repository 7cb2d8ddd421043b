// ImpostorDrafts: takedown reports and public warnings for a confirmed case. Pure: the only I/O is
// reading (and, on request, writing out) template files. No network, no database.
//
// Public API
//   let templates = try TemplateSet.load(overrides: "watchlist/templates")  // built-ins + council's edits;
//                                                                            // throws TemplateError (file:line)
//   let drafter = Drafter(templates: templates, mastodonMaximum: 500)
//   let draft = DraftCase(identity:profile:assessment:firstSeen:…)          // or DraftCase(council:target:suspect:…)
//   drafter.notice(for: draft, platform: nil) -> Notice       // the form of the suspect's platform (or another):
//                                                              // route, who may report, fields, description, text
//   drafter.warning(for: draft, channel: .x) -> Warning       // text, length, limit, fits, shortened, reviewNotes;
//                                                              // posts, versions: in the council's languages
//   drafter.warnings(for: draft) -> [Warning]                 // every Channel, in Channel.allCases order
//   try drafter.mastodonReport(for: draft, accountID: "…")    // throws DraftError; .jsonBody() for POST /api/v1/reports
//   try drafter.blueskyReport(for: draft)                     // throws DraftError; .jsonBody() for createReport
//   DraftLint.check(templates: dir, samples: DraftLint.samples(council:person:)) -> [LintFinding]  // drafts --check
//   DraftLint.check(warning, case: draft), DraftLint.check(notice, case: draft) -> [LintFinding]
//   try TemplateSet.writeDefaults(to: "watchlist/templates")  // the built-in templates as files to edit
//   SuspectText.quote(_:), XWeight.length(of:), LengthLimit.count(_:)  // safe quoting; counting as platforms do
// The template language is described in Template.swift; the placeholders in DraftPlaceholders.swift.

import ImpostorCore

/// Renders the reports and warnings for a case from one set of templates.
public struct Drafter: Sendable {
    public var templates: TemplateSet
    /// The council's Mastodon server's post limit (`configuration.statuses.max_characters`); 500 by default.
    public var mastodonMaximum: Int

    public init(templates: TemplateSet, mastodonMaximum: Int = 500) {
        self.templates = templates
        self.mastodonMaximum = mastodonMaximum
    }

    /// The report for `platform`'s impersonation form: the suspect's own platform unless another is given.
    /// For a takeover, the plan for getting the account back through the platform's recovery route.
    public func notice(for draft: DraftCase, platform: Platform? = nil) -> Notice {
        let platform = platform ?? draft.suspect.platform
        let route = switch (draft.kind, platform) {
        case (.takeover, .email): ReportingRoute.mailboxRecovery
        case (.takeover, _): ReportingRoute.recovery(for: platform)
        case (.impersonation, .email): ReportingRoute.mail(sender: draft.suspect.handle)
        case (.impersonation, _): ReportingRoute.route(for: platform)
        }
        let values = DraftValues(draft: draft)
        let reason = templates.template(Self.templateName("notice-reason", for: draft))!
        let fitted = Fitter(
            limit: route.descriptionLimit, levels: reason.optionalLevels, nameLength: values.cleanName.count,
            handleLength: values.cleanHandle.count
        ).fit { s in reason.render(values.notice(route, s, description: nil), dropping: s.dropLevel) }
        let fields = route.fields.map { field in
            Notice.Field(label: field.label,
                         value: field.value == .description ? fitted.text : values.fieldValue(field.value, route: route))
        }
        let text = templates.template(Self.templateName("notice", for: draft))!
            .render(values.notice(route, Shortening(), description: fitted.text))
        return Notice(
            platform: platform, route: route, fields: fields, description: fitted.text,
            descriptionLimit: route.descriptionLimit, descriptionLength: route.descriptionLimit.count(fitted.text),
            fits: fitted.fits, shortened: fitted.steps, text: text)
    }

    /// The public warning for `channel`, shortened to fit if it has to be, in the council's languages
    /// (see `Drafter+Languages.swift` for more than one).
    public func warning(for draft: DraftCase, channel: Channel) -> Warning {
        let languages = warningLanguages(for: draft, channel: channel)
        if languages.count > 1 { return multilingualWarning(for: draft, channel: channel, languages: languages) }
        let language = languages[0]
        let limit = channel.limit(mastodonMaximum: mastodonMaximum)
        let fitted = fit(warningTemplate(for: draft, channel: channel, language: language), DraftValues(draft: draft),
                         channel: channel, language: language, limit: limit)
        let length = limit.count(fitted.text)
        return Warning(
            channel: channel, text: fitted.text, limit: limit, length: length, fits: fitted.fits, shortened: fitted.steps,
            reviewNotes: reviewNotes(draft, channel: channel, fits: fitted.fits, limit: limit, length: length)
                + languageNotes(draft, languages: languages, thread: false),
            versions: [Warning.Version(language: language, text: fitted.text)], thread: false)
    }

    /// The template a case uses: a takeover, and mail sent in the council's name, have their own wording.
    public static func templateName(_ base: String, for draft: DraftCase) -> String {
        if draft.kind == .takeover { return base + TakeoverTemplates.suffix }
        return draft.suspect.platform == .email ? base + MailTemplates.suffix : base
    }

    /// The template a case uses in `language` ("warning-x-email.cy").
    public static func templateName(_ base: String, for draft: DraftCase, language: String) -> String {
        TemplateSet.name(templateName(base, for: draft), language: language)
    }

    /// One warning per channel, in `Channel.allCases` order.
    public func warnings(for draft: DraftCase) -> [Warning] {
        Channel.allCases.map { warning(for: draft, channel: $0) }
    }

    func reviewNotes(_ draft: DraftCase, channel: Channel, fits: Bool, limit: LengthLimit, length: Int) -> [String] {
        let platform = AccountLinks.name(of: draft.suspect.platform)
        var notes = [
            "Check the names, the dates and the list of official accounts before posting.",
            draft.kind == .takeover
                ? "Start getting the account back first (impostor notice shows how), and post this from the council's other accounts."
                : "Report the account to \(platform) first: the warning may say the council has reported it.",
        ]
        if draft.preElection {
            notes += [
                "Pre-election period: keep the post purely factual, and get the Proper Officer's sign-off before posting.",
                "Turn off comments or replies on the post, and do not like or share candidates' reposts of it.",
            ]
        } else if channel == .website {
            notes.append("The quote and the image suggestion are drafts: agree the quote with the person named, "
                         + "and delete the suggestion line before publishing.")
        }
        notes.append(draft.kind == .takeover ? "Update the warning when the account is back in the council's hands."
                                             : "Update or remove the warning when the account is taken down.")
        if !fits {
            notes.append("Too long for \(channel) even at its shortest (\(length) of \(limit)): shorten the template.")
        }
        return notes
    }
}
