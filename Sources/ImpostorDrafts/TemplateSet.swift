import Foundation

/// Every template drafts use: the built-in ones, replaced by any the council keeps in its override
/// folder (`watchlist/templates/<name>.txt`).
public struct TemplateSet: Sendable {
    /// The template names, which are also the override files' names without `.txt`.
    /// E-mail cases use the same names with "-email" ("warning-x-email"), takeovers with "-takeover";
    /// warnings in another language than English end in its code ("warning-x.cy", "warning-x-email.cy").
    public static let names: [String] = {
        let base = ["notice", "notice-reason"] + Channel.allCases.map(\.templateName)
        let english = base + base.map { $0 + MailTemplates.suffix } + base.map { $0 + TakeoverTemplates.suffix }
        let warnings = english.filter { $0.hasPrefix("warning") }
        return english + TemplateSet.warningLanguages.flatMap { language in
            warnings.map { TemplateSet.name($0, language: language) }
        }
    }()

    /// The languages besides English that warnings ship in. Notices to platforms are always in English.
    public static let warningLanguages: [String] = ["cy"]

    /// The name of template `base` in `language`: "warning-x" in English, "warning-x.cy" in Welsh.
    public static func name(_ base: String, language: String) -> String {
        language == "en" ? base : base + "." + language
    }

    /// The built-in text of template `name`, without the list of placeholders.
    static func builtIn(_ name: String) -> String? {
        NoticeTemplates.all[name] ?? WarningTemplates.all[name] ?? MailTemplates.all[name] ?? WelshWarningTemplates.all[name]
            ?? TakeoverTemplates.all[name] ?? WelshTakeoverTemplates.all[name]
    }

    /// The templates by name.
    public let templates: [String: Template]

    /// The template called `name`.
    public func template(_ name: String) -> Template? { templates[name] }

    /// The placeholders template `name` may use.
    public static func schema(for name: String) -> PlaceholderSchema {
        name.hasPrefix("notice") ? DraftPlaceholders.notice : DraftPlaceholders.warning
    }

    /// The built-in text of template `name`, with the list of its placeholders at the end.
    public static func defaultSource(_ name: String) -> String? {
        guard let text = builtIn(name) else { return nil }
        var lines = ["", "{{! Placeholders this template may use: }}"]
        for p in schema(for: name).placeholders {
            let usage = switch p.kind {
            case .text: p.list.map { "(in each row of \($0)) " } ?? ""
            case .flag: "(yes/no: use as a section) "
            case .list: "(rows: use as a section) "
            }
            lines.append("{{! \(p.name): \(usage)\(p.help) }}")
        }
        return text + "\n" + lines.joined(separator: "\n") + "\n"
    }

    /// The built-in templates, with `overrides` (a folder, which need not exist) replacing any it holds.
    ///
    /// Throws the first broken template's error, with its file and line.
    public static func load(overrides directory: String? = nil) throws(TemplateError) -> TemplateSet {
        let (set, errors) = loadAll(overrides: directory)
        if let first = errors.first { throw first }
        return set
    }

    /// Like `load`, but collects every template's error and uses the built-in text where one is broken.
    public static func loadAll(overrides directory: String?) -> (TemplateSet, [TemplateError]) {
        var templates: [String: Template] = [:]
        var errors: [TemplateError] = []
        for name in names {
            let fallback = try? Template(name: name, file: "default:\(name)", source: builtIn(name)!, schema: schema(for: name))
            if let path = directory.map({ overridePath($0, name) }), FileManager.default.fileExists(atPath: path) {
                do {
                    let text = try readText(path)
                    templates[name] = try Template(name: name, file: path, source: text, schema: schema(for: name))
                    continue
                } catch {
                    errors.append(error)
                }
            }
            if let fallback {
                templates[name] = fallback
            } else {
                errors.append(TemplateError(.badTag, file: "default:\(name)", line: nil, "the built-in template does not parse"))
            }
        }
        return (TemplateSet(templates: templates), errors)
    }

    /// Files in the override folder that are not templates impostor uses (a misspelt name is ignored otherwise).
    public static func strayFiles(in directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".txt") && !names.contains(String($0.dropLast(4))) }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Writes the built-in templates into `directory` for the council to edit, creating the folder: the
    /// English ones, and the warnings in each of `languages` that impostor has them in. Existing files
    /// are kept unless `overwrite`. Returns the paths written.
    @discardableResult
    public static func writeDefaults(to directory: String, languages: Set<String> = ["en"], overwrite: Bool = false)
        throws(TemplateError) -> [String]
    {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw TemplateError(.io, file: directory, line: nil, "cannot create the folder: \(error.localizedDescription)")
        }
        var written: [String] = []
        let others = warningLanguages.filter { !languages.contains($0) }
        for name in names where !others.contains(where: { name.hasSuffix("." + $0) }) {
            let path = overridePath(directory, name)
            if !overwrite && FileManager.default.fileExists(atPath: path) { continue }
            do {
                try Data(defaultSource(name)!.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw TemplateError(.io, file: path, line: nil, "cannot write the template: \(error.localizedDescription)")
            }
            written.append(path)
        }
        return written
    }

    static func overridePath(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".txt")
    }

    private static func readText(_ path: String) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(.io, file: path, line: nil, "cannot read the template file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(.io, file: path, line: nil, "the template is not UTF-8 text: save it as UTF-8")
        }
        return text
    }
}
