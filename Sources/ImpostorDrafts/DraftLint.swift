import Foundation
import ImpostorCore

/// The checks behind `impostor drafts --check`: drafts over their limit, written in capitals, missing a
/// required element, with a placeholder left unfilled or hidden characters; and templates that do not parse.
public enum DraftLint {
    /// Over this share of capitals among a draft's letters, it reads as shouting.
    public static let capitalShare = 0.3
    /// An all-capitals word this long is shouting ("WARNING"), not an abbreviation ("UK", "NHS", "PDQ").
    public static let shoutedWordLength = 5

    /// Lints one warning as drafted for `draft`.
    public static func check(_ warning: Warning, case draft: DraftCase, file: String? = nil) -> [LintFinding] {
        check(warning, case: draft, file: file, quoted: names(of: draft))
    }

    /// `files` names each language's template file ("cy" → ".../warning-x.cy.txt"); `file` stands for any it lacks.
    static func check(_ warning: Warning, case draft: DraftCase, file: String?, quoted quotedNames: [String],
                      files: [String: String] = [:]) -> [LintFinding] {
        let name = "warning \(warning.channel)"
        // The website quotes the suspect's names with markup escaped: those are the forms to leave out.
        let quoted = warning.channel == .website ? quotedNames + quotedNames.map(SuspectText.escapeHTML) : quotedNames
        guard warning.versions.count > 1 else {
            var findings = textFindings(warning.text, draft: name, quoted: quoted, file: file)
            if !warning.fits || warning.length > warning.limit.maximum || !warning.limit.fits(warning.text) {
                findings.append(LintFinding(.overLimit, draft: name, file: file,
                                            "\(warning.length) is over the limit of \(warning.limit), even after shortening"))
            }
            return findings + missing(in: warning.text, warning: warning, case: draft, draft: name, file: file)
        }
        // In more than one language, each language's text must hold every element on its own.
        var findings: [LintFinding] = []
        for version in warning.versions {
            let versionName = version.language == "en" ? name : "\(name) (\(Drafter.languageName(version.language)))"
            let versionFile = files[version.language] ?? file
            findings += textFindings(version.text, draft: versionName, quoted: quoted, file: versionFile)
            if warning.thread && !warning.limit.fits(version.text) {
                findings.append(LintFinding(.overLimit, draft: versionName, file: versionFile,
                                            "\(warning.limit.count(version.text)) is over the limit of \(warning.limit), even after shortening"))
            }
            findings += missing(in: version.text, warning: warning, case: draft, draft: versionName, file: versionFile)
        }
        if !warning.thread && (!warning.fits || !warning.limit.fits(warning.text)) {
            findings.append(LintFinding(.overLimit, draft: name, file: file,
                                        "\(warning.length) is over the limit of \(warning.limit), even after shortening"))
        }
        return findings
    }

    /// A finding for each element a warning must hold that `text` lacks.
    private static func missing(in text: String, warning: Warning, case draft: DraftCase, draft name: String,
                                file: String?) -> [LintFinding] {
        RequiredElement.forWarning(warning.channel)
            .filter { !$0.isPresent(in: text, case: draft, channel: warning.channel) }
            .map { LintFinding(.missingElement, draft: name, file: file, "missing \($0.explanation)") }
    }

    /// Lints one notice as drafted for `draft`.
    public static func check(_ notice: Notice, case draft: DraftCase, file: String? = nil) -> [LintFinding] {
        check(notice, case: draft, file: file, quoted: names(of: draft))
    }

    static func check(_ notice: Notice, case draft: DraftCase, file: String?, quoted: [String]) -> [LintFinding] {
        let name = "notice \(notice.platform)"
        var findings = textFindings(notice.text, draft: name, quoted: quoted, file: file)
        if !notice.fits || !notice.descriptionLimit.fits(notice.description) {
            findings.append(LintFinding(.overLimit, draft: name, file: file,
                                        "the description is \(notice.descriptionLength), over the form's limit of \(notice.descriptionLimit)"))
        }
        for element in RequiredElement.forNotice(draft) where !element.isPresent(in: notice.text, case: draft) {
            findings.append(LintFinding(.missingElement, draft: name, file: file, "missing \(element.explanation)"))
        }
        return findings
    }

    /// Lints the templates in `directory` (the built-in ones where it has none): every file must parse,
    /// and every draft rendered from them for each sample case must pass the checks above.
    public static func check(templates directory: String?, samples: [DraftCase], mastodonMaximum: Int = 500) -> [LintFinding] {
        let (set, errors) = TemplateSet.loadAll(overrides: directory)
        var findings = errors.map { e in
            LintFinding(.templateError, draft: templateName(of: e.file), file: e.file, line: e.line, e.reason)
        }
        if let directory {
            findings += TemplateSet.strayFiles(in: directory).map { f in
                LintFinding(.strayTemplate, draft: (f as NSString).lastPathComponent, file: f,
                            "no draft uses this file; templates are named \(TemplateSet.names.joined(separator: ", ")) (.txt)")
            }
        }
        let drafter = Drafter(templates: set, mastodonMaximum: mastodonMaximum)
        var seen = Set<LintFinding>()
        // Each sample also as mail sent in its name, so the e-mail templates are checked too.
        let mailSamples = samples.map { sample -> DraftCase in
            var mail = sample
            mail.suspect.platform = .email
            mail.suspect.handle = "mayor.office.\(sample.council.place.lowercased().filter(\.isLetter))@gmail.com"
            mail.suspect.profileURL = "mailto:" + mail.suspect.handle
            return mail
        }
        // The council's samples also as its own account taken over, and as its own mailbox taken over, so the
        // takeover templates are checked too.
        let takeovers = samples.filter { $0.target == .council }.flatMap { sample -> [DraftCase] in
            var account = sample
            account.kind = .takeover
            var mailbox = account
            mailbox.suspect.platform = .email
            mailbox.suspect.handle = sample.council.clerk?.email ?? "clerk@example.gov.uk"
            mailbox.suspect.profileURL = "mailto:" + mailbox.suspect.handle
            return [account, mailbox]
        }
        // Each sample also for a council that warns in Welsh and English, so the Welsh templates are checked
        // whatever the council's own languages; notices are in English, so only its warnings.
        let welshSamples = (samples + mailSamples + takeovers).filter { !$0.council.languages.contains("cy") }.map { sample in
            var welsh = sample
            welsh.council.languages = ["cy", "en"]
            return welsh
        }
        for (index, sample) in (samples + mailSamples + takeovers + welshSamples).enumerated() {
            let quoted = names(of: sample)
            for channel in Channel.allCases {
                var files: [String: String] = [:]
                for language in sample.council.languages {
                    let name = Drafter.templateName(channel.templateName, for: sample, language: language)
                    if let file = set.template(name)?.file { files[language] = file }
                }
                let file = set.template(Drafter.templateName(channel.templateName, for: sample))?.file
                for f in check(drafter.warning(for: sample, channel: channel), case: sample, file: file, quoted: quoted,
                               files: files)
                where seen.insert(f).inserted {
                    findings.append(f)
                }
            }
            if index >= samples.count + mailSamples.count + takeovers.count { continue }
            for platform in sample.suspect.platform == .email ? [.email] : Platform.known {
                var onPlatform = sample
                onPlatform.suspect.platform = platform
                let file = set.template(Drafter.templateName("notice", for: onPlatform))?.file
                for f in check(drafter.notice(for: onPlatform), case: onPlatform, file: file, quoted: quoted)
                where seen.insert(f).inserted {
                    findings.append(f)
                }
            }
        }
        return findings
    }

    /// Checks that need only the text: capitals, unfilled placeholders, hidden characters.
    static func textFindings(_ text: String, draft name: String, quoted: [String], file: String?) -> [LintFinding] {
        var findings: [LintFinding] = []
        if let shouting = capitals(in: text, ignoring: quoted) {
            findings.append(LintFinding(.capitals, draft: name, file: file, shouting))
        }
        for placeholder in unfilledPlaceholders(in: scrub(text, quoted)) {
            findings.append(LintFinding(.unfilledPlaceholder, draft: name, file: file, unfilledAdvice(placeholder)))
        }
        if let hidden = hiddenCharacters(in: text) {
            findings.append(LintFinding(.hiddenCharacters, draft: name, file: file, hidden))
        }
        return findings
    }

    /// Why `text` reads as written in capitals, or nil. Names in `ignoring` (which the council and the
    /// suspect chose), links, handles and email addresses are not counted.
    public static func capitals(in text: String, ignoring names: [String]) -> String? {
        let prose = scrub(text, names)
        let words = prose.split(whereSeparator: \.isWhitespace).filter { word in
            !(word.contains("://") || word.contains("@") || word.contains("[.]") || word.contains("www."))
        }
        // Abbreviations ("UK", "NHS", "X") are written in capitals in any prose: they do not count.
        let letters = words.map { $0.filter { $0.isUppercase || $0.isLowercase } }
            .filter { !($0.count <= 3 && $0.allSatisfy(\.isUppercase)) }.joined()
        let upper = letters.filter(\.isUppercase).count
        if letters.count >= 30, Double(upper) > capitalShare * Double(letters.count) {
            return "\(upper * 100 / letters.count)% of its letters are capitals: write in sentence case"
        }
        let bare = words.map { $0.filter { $0.isLetter } }
        func shouted(_ w: String) -> Bool { w.count >= 2 && w.allSatisfy(\.isUppercase) }
        if let word = bare.first(where: { $0.count >= shoutedWordLength && shouted($0) }) {
            return "\"\(word)\" is written in capitals: write in sentence case"
        }
        var run = 0
        for w in bare {
            run = shouted(w) ? run + 1 : (w.isEmpty ? run : 0)
            if run >= 3 { return "three or more words in a row are in capitals: write in sentence case" }
        }
        return nil
    }

    /// Placeholders left in the text: "{{name}}", and "{name}" where name is a placeholder.
    public static func unfilledPlaceholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{") {
            let after = rest[open.upperBound...]
            let double = after.hasPrefix("{")
            let body = double ? after.dropFirst() : after
            guard let close = body.firstIndex(of: "}") else { break }
            let name = String(body[..<close]).trimmingSpaces()
            let known = DraftPlaceholders.notice.placeholder(name) != nil || DraftPlaceholders.warning.placeholder(name) != nil
            if double || known, !name.isEmpty, name.count <= 40 { found.append(name) }
            rest = body[body.index(after: close)...]
        }
        return found
    }

    /// Invisible or direction-changing characters, other than the balanced isolates around quoted text.
    public static func hiddenCharacters(in text: String) -> String? {
        var depth = 0
        for ch in text where !SuspectText.isEmoji(ch) {
            for s in ch.unicodeScalars {
                if s.value == 0x2068 { depth += 1; continue }
                if s.value == 0x2069 {
                    depth -= 1
                    if depth < 0 { return "an unmatched U+2069 closes an isolate that was never opened" }
                    continue
                }
                if SuspectText.isBidiControl(s) || s.properties.isDefaultIgnorableCodePoint {
                    let hex = String(s.value, radix: 16, uppercase: true)
                    return "holds the invisible character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
                }
            }
        }
        return depth == 0 ? nil : "an isolate (U+2068) is never closed"
    }

    /// `text` without `names`, longest first.
    static func scrub(_ text: String, _ names: [String]) -> String {
        var prose = text
        for name in names.sorted(by: { $0.utf8.count > $1.utf8.count }) where !name.isEmpty && prose.contains(name) {
            prose = prose.replacingOccurrences(of: name, with: " ")
        }
        return prose
    }

    /// The names a draft quotes rather than words it says: the suspect's (whole and as cut to fit), the
    /// council's, its people's.
    static func names(of draft: DraftCase) -> [String] {
        let values = DraftValues(draft: draft)
        let bio = String(draft.suspect.bio.prefix(DraftValues.readCap))
        var names = [values.cleanName, values.cleanHandle, SuspectText.quote(bio),
                     SuspectText.quote(bio, maxGraphemes: DraftValues.bioCap), draft.council.name,
                     draft.council.place, draft.council.clerk?.name ?? ""]
        for text in [values.cleanName, values.cleanHandle] {
            // Every cut the fitter may have made: the text is clean already, so only cut, defang, isolate.
            let chars = Array(text.prefix(DraftValues.nameCap + 1))
            names.append(SuspectText.isolate(SuspectText.defang(text)))
            for k in stride(from: 1, to: min(chars.count, DraftValues.nameCap + 1), by: 1) {
                let cut = String(chars[..<k]).trimmingSpaces() + "\u{2026}"
                names.append(SuspectText.isolate(SuspectText.defang(cut)))
            }
        }
        names += draft.council.officials.map(\.handle)
        if case .person(let name, let role) = draft.target { names += [name, role] }
        return names
    }

    private static func unfilledAdvice(_ name: String) -> String {
        let fix: String
        switch name {
        case "clerk_name", "clerk_role", "clerk_email", "clerk_phone", "clerk_address", "clerk_contact", "clerk_contact_short":
            fix = "add it under [contact] in the council's watchlist file"
        case "accounts_link", "council_website":
            fix = "add website (or accounts_page) to the council's watchlist file"
        case "person_name":
            fix = "it is empty when the council itself is impersonated, and in warnings before an election "
                + "(which name the office only): wrap it in {{#person_name}}…{{/person_name}}"
        default:
            fix = "check the spelling, or wrap it in {{#\(name)}}…{{/\(name)}} if it can be empty"
        }
        return "{{\(name)}} was left unfilled: \(fix)"
    }

    private static func templateName(of file: String) -> String {
        let last = (file as NSString).lastPathComponent
        return last.hasPrefix("default:") ? String(last.dropFirst(8)) : (last as NSString).deletingPathExtension
    }
}
