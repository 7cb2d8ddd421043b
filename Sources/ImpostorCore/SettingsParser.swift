/// Reads `impostor.toml`: the `[[source]]` list and run settings. Other stages read their own keys from `other`.
struct SettingsParser {
    let file: String
    let text: String

    /// Each source kind with the keys it reads: anything else in its table is a typo to point out.
    static let sourceKeys: [String: Set<String>] = [
        "bluesky": ["base_url", "max_pages", "page_size", "queries", "squats"],
        "mastodon": ["base_url", "max_pages", "token_file", "handles", "queries", "squats"],
        "youtube": ["base_url", "max_pages", "key_file", "queries", "squats", "daily_units"],
        "x": ["base_url", "token_file", "squats"],
        "instagram": ["base_url", "token_file", "account_id", "api_version", "squats"],
        "facebook": ["base_url", "token_file", "api_version", "queries", "max_pages"],
        "listing": ["path", "url", "urls", "concurrency"],
        "link": ["url", "urls"],
        "websearch": ["key_file", "base_url", "sites", "monthly_queries", "country", "read_pages", "queries"],
    ]
    static var sourceKinds: Set<String> { Set(sourceKeys.keys) }

    /// The top-level keys and tables of `impostor.toml`, with the keys of each table.
    static let topKeys: Set<String> = [
        "source", "allow_private_addresses", "request_budget", "ca_bundle", "max_connections_per_host", "database",
        "scan_interval_minutes", "review", "digest", "intake",
    ]
    static let tableKeys: [String: Set<String>] = [
        "review": ["listen", "password_file", "host_names"],
        "digest": ["to", "from", "smtp_url", "username", "password_file", "ca_bundle", "require_tls", "review_url"],
        "intake": ["imap_url", "username", "password_file", "processed_folder", "ca_bundle", "read_pages", "max_messages"],
    ]

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
        top.warnUnknown(Self.topKeys, into: &d)
        for (name, keys) in Self.tableKeys.sorted(by: { $0.key < $1.key }) {
            top.subtable(name, into: &d)?.warnUnknown(keys, into: &d)
        }
        for entry in top.tables("source", into: &d) {
            guard let kind = entry.string("kind", required: true, into: &d)?.lowercased() else { continue }
            if !Self.sourceKinds.contains(kind) {
                d.append(Diagnostic(.error, file: file, line: entry.line("kind"), "unknown source kind \"\(kind)\"",
                                    hint: "use one of: \(Self.sourceKinds.sorted().joined(separator: ", "))"))
                continue
            }
            entry.warnUnknown(Self.sourceKeys[kind, default: []].union(["kind"]), into: &d)
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
