/// Finds the line of a key in a TOML file's text, because the parser keeps no positions for values.
///
/// Good enough for error messages: it follows `[table]` and `[[array]]` headers and bare or quoted keys
/// at the start of a line; a miss falls back to the section's header line.
struct TOMLLines {
    private struct Entry {
        let section: String
        let index: Int
        let key: String?
        let line: Int
    }

    private var entries: [Entry] = []

    init(text: String) {
        var section = ""
        var counts: [String: Int] = [:]
        var index = 0
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(raw).trimmingSpaces()
            if line.hasPrefix("[[") {
                section = Self.headerName(line, brackets: 2)
                index = counts[section, default: 0]
                counts[section] = index + 1
                entries.append(Entry(section: section, index: index, key: nil, line: lineNumber))
            } else if line.hasPrefix("[") {
                section = Self.headerName(line, brackets: 1)
                index = 0
                entries.append(Entry(section: section, index: 0, key: nil, line: lineNumber))
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                var key = String(line[..<eq]).trimmingSpaces()
                if key.count >= 2, key.first == "\"" || key.first == "'" { key = String(key.dropFirst().dropLast()) }
                entries.append(Entry(section: section, index: index, key: key, line: lineNumber))
            }
        }
    }

    /// The line of `key` in `section` (its `index`-th occurrence for `[[arrays]]`), or of the header.
    func line(section: String = "", index: Int = 0, key: String? = nil) -> Int? {
        if let key, let hit = entries.first(where: { $0.section == section && $0.index == index && $0.key == key }) {
            return hit.line
        }
        return entries.first { $0.section == section && $0.index == index && $0.key == nil }?.line
            ?? (section.isEmpty ? nil : entries.first { $0.section == section }?.line)
    }

    private static func headerName(_ line: String, brackets: Int) -> String {
        var s = Substring(line).dropFirst(brackets)
        if let close = s.firstIndex(of: "]") { s = s[..<close] }
        return String(s).trimmingSpaces()
    }
}
