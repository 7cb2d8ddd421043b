/// Reads `impostor.toml`: the `[[source]]` list and run settings. Other stages read their own keys from `other`.
struct SettingsParser {
    let file: String
    let text: String

    static let sourceKinds: Set<String> = ["bluesky", "mastodon", "youtube", "listing", "link"]

    func parse(into d: inout [Diagnostic]) -> Settings {
        let table: [String: ConfigValue]
        switch ConfigValue.parseTOML(text) {
        case .success(let t): table = t
        case .failure(let e):
            d.append(Diagnostic(.error, file: file, line: e.line, "not valid TOML: \(e.message)",
                                hint: "check quotes, brackets and commas on that line"))
            return Settings()
        }
        let top = TableReader(file: file, lines: TOMLLines(text: text), section: "", index: 0, table: table)
        var settings = Settings()
        settings.allowPrivateAddresses = top.bool("allow_private_addresses", into: &d) ?? false
        for entry in top.tables("source", into: &d) {
            guard let kind = entry.string("kind", required: true, into: &d)?.lowercased() else { continue }
            if !Self.sourceKinds.contains(kind) {
                d.append(Diagnostic(.error, file: file, line: entry.line("kind"), "unknown source kind \"\(kind)\"",
                                    hint: "use one of: \(Self.sourceKinds.sorted().joined(separator: ", "))"))
                continue
            }
            var options = entry.table
            options["kind"] = nil
            let location = entry.line().map { "\(file):\($0)" } ?? file
            settings.sources.append(SourceSettings(kind: kind, options: options, location: location))
        }
        var other = table
        other["source"] = nil
        other["allow_private_addresses"] = nil
        settings.other = other
        return settings
    }
}
