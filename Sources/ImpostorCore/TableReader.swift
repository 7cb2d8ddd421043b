/// Reads typed fields out of one TOML table and records a located diagnostic for each bad one.
struct TableReader {
    let file: String
    let lines: TOMLLines
    let section: String
    let index: Int
    let table: [String: ConfigValue]

    func line(_ key: String? = nil) -> Int? { lines.line(section: section, index: index, key: key) }

    private var place: String { section.isEmpty ? "" : " in [\(section)]" + (index > 0 ? " #\(index + 1)" : "") }

    func string(_ key: String, required: Bool = false, into d: inout [Diagnostic]) -> String? {
        guard let value = table[key] else {
            if required {
                d.append(Diagnostic(.error, file: file, line: line(), "missing `\(key)`\(place)",
                                    hint: "add \(key) = \"…\""))
            }
            return nil
        }
        guard let s = value.string else {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` must be a string, not \(value.typeName)",
                                hint: "write \(key) = \"…\" with quotes"))
            return nil
        }
        if required && s.trimmingSpaces().isEmpty {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` is empty\(place)",
                                hint: "fill it in or remove the entry"))
            return nil
        }
        return s.trimmingSpaces()
    }

    func strings(_ key: String, into d: inout [Diagnostic]) -> [String] {
        guard let value = table[key] else { return [] }
        if let s = value.string { return [s] }  // a single string where a list was meant is forgiven
        guard let items = value.array, items.allSatisfy({ $0.string != nil }) else {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` must be a list of strings",
                                hint: "write \(key) = [\"…\", \"…\"]"))
            return []
        }
        return items.compactMap(\.string).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    func bool(_ key: String, into d: inout [Diagnostic]) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.bool else {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` must be true or false",
                                hint: "write \(key) = true or \(key) = false, without quotes"))
            return nil
        }
        return b
    }

    /// A whole number within `range`, or nil (with an error) when it is anything else.
    func integer(_ key: String, in range: ClosedRange<Int>, into d: inout [Diagnostic]) -> Int? {
        guard let value = table[key] else { return nil }
        guard let n = value.integer, range.contains(n) else {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                                hint: "write \(key) = \(range.lowerBound), without quotes"))
            return nil
        }
        return n
    }

    /// The reader for a sub-table such as `[contact]`.
    func subtable(_ key: String, into d: inout [Diagnostic]) -> TableReader? {
        guard let value = table[key] else { return nil }
        guard let t = value.table else {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` must be a table",
                                hint: "write it as a [\(key)] section"))
            return nil
        }
        return TableReader(file: file, lines: lines, section: key, index: 0, table: t)
    }

    /// Readers for each entry of an array of tables such as `[[official]]`.
    func tables(_ key: String, into d: inout [Diagnostic]) -> [TableReader] {
        guard let value = table[key] else { return [] }
        guard let items = value.array, items.allSatisfy({ $0.table != nil }) else {
            d.append(Diagnostic(.error, file: file, line: line(key), "`\(key)` must be a list of tables",
                                hint: "write each entry as its own [[\(key)]] section"))
            return []
        }
        return items.enumerated().compactMap { i, item in
            item.table.map { TableReader(file: file, lines: lines, section: key, index: i, table: $0) }
        }
    }

    /// Warns about each key not in `known`: usually a typo that would otherwise be silently ignored.
    func warnUnknown(_ known: Set<String>, into d: inout [Diagnostic]) {
        for key in table.keys.sorted() where !known.contains(key) {
            let suggestion = known.min { editDistance(key, $0) < editDistance(key, $1) }
            let hint = suggestion.flatMap { editDistance(key, $0) <= 2 ? "did you mean `\($0)`?" : nil }
                ?? "known keys: \(known.sorted().joined(separator: ", "))"
            d.append(Diagnostic(.warning, file: file, line: line(key), "unknown key `\(key)`\(place) is ignored",
                                hint: hint))
        }
    }
}

/// Plain Levenshtein distance, for "did you mean" hints on short keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
