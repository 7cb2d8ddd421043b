import ImpostorCore

// Warnings in the council's languages.
//
// A council with `languages = ["cy", "en"]` gets each public warning in Welsh and then in English, as
// the Welsh Language Standards ask (Welsh first, or on the left); `["en", "cy"]` puts English first.
// Notices to platforms stay in English. Both languages go in one post when they fit, leaving out
// optional parts if need be but never cutting the account's name or handle for it. When they cannot
// (X, Bluesky and Mastodon, nearly always), each language becomes its own post: the first language's
// is posted first and the next as a reply to it, a thread. Either way one `Warning` comes back per
// channel, so nothing that calls `warning(for:channel:)` has to change: `posts` says what to publish,
// `versions` holds each language's text, and `text` shows it all (a thread's posts separated by a line).

extension Drafter {
    /// The name of a language impostor drafts in, for notes and findings: "cy" → "Welsh".
    public static func languageName(_ code: String) -> String {
        switch code {
        case "en": "English"
        case "cy": "Welsh"
        case "gd": "Scottish Gaelic"
        default: code
        }
    }

    /// The languages of `draft`'s warning on `channel`: the council's, in its order, each one that has a
    /// template (built in, or the council's own); English alone when none has.
    func warningLanguages(for draft: DraftCase, channel: Channel) -> [String] {
        var languages: [String] = []
        for language in draft.council.languages where !languages.contains(language) {
            if templates.template(Self.templateName(channel.templateName, for: draft, language: language)) != nil {
                languages.append(language)
            }
        }
        return languages.isEmpty ? ["en"] : languages
    }

    func warningTemplate(for draft: DraftCase, channel: Channel, language: String) -> Template {
        templates.template(Self.templateName(channel.templateName, for: draft, language: language))!
    }

    /// One language's warning, fitted to `limit` by the usual steps.
    func fit(_ template: Template, _ values: DraftValues, channel: Channel, language: String, limit: LengthLimit) -> Fitter.Result {
        Fitter(
            limit: limit, levels: template.optionalLevels, nameLength: values.cleanName.count,
            handleLength: values.cleanHandle.count
        ).fit { s in template.render(values.warning(channel, s, language: language), dropping: s.dropLevel) }
    }

    /// The warning in every one of `languages`: one post if they fit together, else a thread.
    func multilingualWarning(for draft: DraftCase, channel: Channel, languages: [String]) -> Warning {
        let values = DraftValues(draft: draft)
        let parts = languages.map { ($0, warningTemplate(for: draft, channel: channel, language: $0)) }
        let single = channel.limit(mastodonMaximum: mastodonMaximum)
        let limit = Self.limitTogether(single, channel: channel, languages: languages.count)
        func render(_ s: Shortening) -> [String] {
            parts.map { language, template in
                template.render(values.warning(channel, s, language: language), dropping: s.dropLevel)
            }
        }
        let levels = Array(Set(parts.flatMap { $0.1.optionalLevels })).sorted()
        // A name and handle of 0 tell the fitter not to cut them: a second post shows them whole.
        let together = Fitter(limit: limit, levels: levels, nameLength: 0, handleLength: 0)
            .fit { render($0).joined(separator: "\n\n") }
        if together.fits {
            let texts = render(together.shortening)
            let length = limit.count(together.text)
            return Warning(
                channel: channel, text: together.text, limit: limit, length: length, fits: true,
                shortened: together.steps,
                reviewNotes: reviewNotes(draft, channel: channel, fits: true, limit: limit, length: length)
                    + languageNotes(draft, languages: languages, thread: false),
                versions: zip(languages, texts).map { Warning.Version(language: $0, text: $1) }, thread: false)
        }
        let posts = parts.map { language, template in
            (language, fit(template, values, channel: channel, language: language, limit: single))
        }
        let fits = posts.allSatisfy { $0.1.fits }
        let length = posts.map { single.count($0.1.text) }.max() ?? 0
        return Warning(
            channel: channel, text: posts.map { $0.1.text }.joined(separator: Warning.postSeparator), limit: single,
            length: length, fits: fits,
            shortened: posts.flatMap { language, fitted in fitted.steps.map { "\(Self.languageName(language)): \($0)" } },
            reviewNotes: reviewNotes(draft, channel: channel, fits: fits, limit: single, length: length)
                + languageNotes(draft, languages: languages, thread: true),
            versions: posts.map { Warning.Version(language: $0.0, text: $0.1.text) }, thread: true)
    }

    /// The limit for all languages in one post. The website's and Nextdoor's limits are impostor's own
    /// ceilings on one language's text, so they grow with each language; the others are the platforms'.
    static func limitTogether(_ limit: LengthLimit, channel: Channel, languages: Int) -> LengthLimit {
        guard channel == .website || channel == .nextdoor, languages > 1 else { return limit }
        return LengthLimit(limit.counting, limit.maximum * languages, maxUTF8Bytes: limit.maxUTF8Bytes.map { $0 * languages })
    }

    /// What the person posting needs to know about the languages: the order, a thread, a language left out.
    func languageNotes(_ draft: DraftCase, languages: [String], thread: Bool) -> [String] {
        var notes: [String] = []
        let names = languages.map(Self.languageName)
        if languages.count > 1 {
            if thread {
                let rest = names.dropFirst().joined(separator: " and ")
                notes.append("Too long for one post in both languages: post the \(names[0]) text first, then the \(rest) "
                             + "as a reply to it (the posts are separated by a line here).")
            } else {
                notes.append("In \(names.joined(separator: " and ")), \(names[0]) first: check both say the same.")
            }
            if languages.contains("cy") && languages[0] != "cy" {
                notes.append("The Welsh Language Standards ask for Welsh first; the council's file puts \(names[0]) first.")
            }
        }
        for language in draft.council.languages where !languages.contains(language) {
            notes.append("impostor has no \(Self.languageName(language)) wording for this warning: it is in "
                         + "\(names.joined(separator: " and ")) only.")
        }
        return notes
    }
}
