import Foundation

/// Reads profile listings in the `score` input format: JSON lines, a JSON array, or CSV with the same columns.
///
/// Each record becomes a row holding either a profile or the reason it could not be read, with its
/// line number, so one bad line never loses the others.
public enum ProfileListing {
    public enum Format: String, Sendable {
        case jsonLines = "jsonl"
        case jsonArray = "json"
        case csv
    }

    /// One record of a listing.
    public struct Row: Sendable {
        /// The 1-based line the record starts on.
        public var line: Int
        public var result: Result<Profile, RowError>
    }

    /// Why one record could not be read.
    public struct RowError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// The record's `id`, when it could be read.
        public var id: String?
        public var description: String { message }

        /// The output line for a record that could not be read: its line, its id when known, and why, in a
        /// fixed order and escaped as assessments are.
        public func jsonLine(line: Int) -> String {
            var writer = JSONWriter(capacity: 128)
            writer.raw("{")
            writer.key("line", first: true)
            writer.integer(line)
            if let id {
                writer.key("id")
                writer.string(id)
            }
            writer.key("error")
            writer.string(message)
            writer.raw("}")
            return writer.text
        }
    }

    /// The columns a listing may hold; others are ignored.
    public static let columns = [
        "platform", "id", "handle", "display_name", "bio", "url", "avatar", "created_at", "followers", "verified_type", "parody",
    ]

    /// Guesses the format from the file name, then from the first non-blank character, then from the lines.
    public static func format(of text: String, fileName: String? = nil) -> Format {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        if let name = fileName?.lowercased() {
            if name.hasSuffix(".csv") { return .csv }
            // No line of JSON lines opens on "[": an array saved under that name is read as an array.
            if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return first == "[" ? .jsonArray : .jsonLines }
        }
        switch first {
        case "[": return .jsonArray
        case "{": return opensDocument(text) ? .jsonArray : .jsonLines
        default:
            // A stray first line (a title, a prompt pasted in) before JSON lines does not make the listing CSV,
            // whose header would then be missing: CSV names its columns on its first line.
            let lines = text.utf8.split(separator: 0x0A, maxSplits: 50).prefix(50).map { String(Substring($0)) }
            let header = lines.first.map { $0.lowercased().split(separator: ",").map { String($0.filter { $0 != "\"" }).trimmingSpaces() } }
            let namesColumns = header.map { $0.contains("platform") && $0.contains("id") } ?? false
            let jsonAfter = lines.dropFirst().contains { $0.trimmingSpaces().hasPrefix("{") }
            return !namesColumns && jsonAfter ? .jsonLines : .csv
        }
    }

    /// Whether text opening on "{" is one JSON document rather than JSON lines: an object pretty-printed over
    /// many lines, or profiles wrapped in an object ({"profiles": [...]}), as tools and people save them.
    static func opensDocument(_ text: String) -> Bool {
        let opened = text.unicodeScalars.drop { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        let line = String(String.UnicodeScalarView(opened.prefix { $0 != "\n" })).trimmingSpaces()
        if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            return object["platform"] == nil && object.values.contains { $0 is [Any] }
        }
        // A line of JSON lines cut short ends anywhere; a pretty-printed object's first line opens a structure.
        return line == "{" || ["[", "{", ",", ":"].contains { line.hasSuffix($0) }
    }

    /// `text` with each CR that no LF follows made a LF: old Mac files end their lines so, and files put
    /// together from several end some lines one way and some another.
    /// Text without one is returned as it is, so that reading it again costs a scan, not a copy.
    public static func withLineFeeds(_ text: String) -> String {
        let utf8 = text.utf8
        func isLoneCR(_ i: String.Index) -> Bool {
            utf8[i] == 0x0D && (utf8.index(after: i) == utf8.endIndex || utf8[utf8.index(after: i)] != 0x0A)
        }
        guard utf8.indices.contains(where: isLoneCR) else { return text }
        var bytes = Array(utf8)
        for i in bytes.indices where bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A) { bytes[i] = 0x0A }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a listing's opening is UTF-16 (a byte-order mark, or ASCII with a zero byte after each character,
    /// as Windows writes "Unicode text"), which impostor does not read: a clear refusal, not lines lost one by one.
    public static func isUTF16(_ opening: [UInt8]) -> Bool {
        if opening.starts(with: [0xFF, 0xFE]) || opening.starts(with: [0xFE, 0xFF]) { return true }
        let head = opening.prefix(8)
        return head.count == 8 && stride(from: 0, to: 8, by: 2).allSatisfy { head[head.startIndex + $0] != 0 && head[head.startIndex + $0 + 1] == 0 }
            || head.count == 8 && stride(from: 0, to: 8, by: 2).allSatisfy { head[head.startIndex + $0] == 0 && head[head.startIndex + $0 + 1] != 0 }
    }

    /// Every record of `text`, in order.
    public static func rows(_ text: String, format: Format) -> [Row] {
        var all: [Row] = []
        forEachBatch(text, format: format) { all += $0 }
        return all
    }

    /// How many records a batch holds: enough to keep the cores busy, few enough that a file of millions of
    /// tiny records (an array of zeros, blank CSV rows) is never held as millions of rows and lines out.
    public static let batchSize = 4096

    /// Every record of `text`, in order, handed on a batch at a time: a listing read whole is held as text,
    /// not also as a row and an output line for each of its records.
    public static func forEachBatch(_ text: String, format: Format, _ body: ([Row]) -> Void) {
        let text = withLineFeeds(text)
        // Nothing but white space is an empty listing, whatever its name says.
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) else { return }
        switch format {
        case .jsonLines: jsonLines(text, body)
        case .jsonArray: jsonArray(text, body)
        case .csv: csv(text, body)
        }
    }

    private static func jsonLines(_ text: String, _ body: ([Row]) -> Void) {
        // Split by bytes: a newline byte is always a line's end in UTF-8. Splitting by Character walked
        // grapheme boundaries through the whole listing, and never split a Windows file, whose CR LF
        // is one Character: its lines were read as one. A CR left at a line's end is whitespace to JSON.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { (number: $0 + 1, body: Substring($1)) }
        forEachBatch(ofLines: lines, body)
    }

    /// The records of numbered JSON lines (`rows(ofLines:)`), handed on `batchSize` lines at a time: a block of
    /// one-byte lines is a million records.
    public static func forEachBatch(ofLines lines: [(number: Int, body: Substring)], _ body: ([Row]) -> Void) {
        for start in stride(from: 0, to: lines.count, by: batchSize) {
            handOn(rows(ofLines: Array(lines[start..<min(start + batchSize, lines.count)])), to: body)
        }
    }

    private static func handOn(_ rows: [Row], to body: ([Row]) -> Void) {
        if !rows.isEmpty { body(rows) }
    }

    /// Adds `row` to `batch`, handing the batch on once it holds `batchSize`.
    private static func add(_ row: Row, to batch: inout [Row], _ body: ([Row]) -> Void) {
        batch.append(row)
        if batch.count == batchSize {
            body(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// The records of JSON lines, each with its 1-based line number; blank lines are no records, and a
    /// byte-order mark opening line 1 is dropped.
    public static func rows(ofLines numbered: [(number: Int, body: Substring)]) -> [Row] {
        // Lines are parsed across the cores: on a scan's listing, reading JSON one line after another
        // held the scorer's threads up. Numbered first, so rows keep their order and line numbers.
        var lines: [(number: Int, body: Substring)] = []
        lines.reserveCapacity(numbered.count)
        for (number, line) in numbered {
            var body = line
            if number == 1, body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
            if body.allSatisfy({ $0.isWhitespace }) { continue }
            lines.append((number, body))
        }
        return Array(lines.concurrentMap(chunk: 256) { line in rows(ofElement: line.body, line: line.number) }.joined())
    }

    /// The records of one JSON value, a line of JSON lines or an element of a document: itself when it is a
    /// profile, or the profiles an object wraps ({"profiles": [...]}).
    private static func rows(ofElement body: Substring, line: Int) -> [Row] {
        // Made only when needed: this runs for every line of a listing.
        func neither() -> [Row] {
            [Row(line: line, result: .failure(RowError(
                message: "a JSON object that is neither a profile (no platform, no id) nor a list of profiles under \"profiles\"", id: nil)))]
        }
        if let plain = PlainJSONObject.fields(body) {
            return plain["platform"] == nil && plain["id"] == nil ? neither() : [Row(line: line, result: profile(fromTexts: plain))]
        }
        func parse(_ text: some StringProtocol) -> Any? {
            try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        }
        // A lone surrogate ("\ud800") is one bad character, read as U+FFFD, not a lost profile.
        guard let parsed = parse(body) ?? JSONRepair.withoutLoneSurrogates(body).flatMap(parse) else {
            return wrappedList(body, line: line) ?? runTogether(body, line: line)
                ?? [Row(line: line, result: .failure(RowError(message: "not valid JSON", id: JSONRepair.id(in: body))))]
        }
        if let object = parsed as? [String: Any], object["platform"] == nil, object["id"] == nil {
            return wrapped(object).map { $0.map { Row(line: line, result: profile(fromJSON: $0)) } } ?? neither()
        }
        return [Row(line: line, result: profile(fromJSON: parsed))]
    }

    /// An array's elements, or objects one after another, each read as a line of JSON lines is: one that JSON
    /// cannot read (nested too deep, a lone surrogate) costs only itself, and an object that wraps a list of
    /// profiles gives them. Numbered by position: a JSON document has no useful line numbers.
    private static func jsonArray(_ text: String, _ body: ([Row]) -> Void) {
        guard var split = JSONArrayElements.split(text[...]) else {
            return body([Row(line: 1, result: .failure(RowError(message: "not a JSON array or object of profiles", id: nil)))])
        }
        var count = 0
        // Numbered by position in the whole document, one batch after another.
        // A batch of elements may be one wrapper of a million profiles: its rows go on a batch at a time too.
        func send(_ rows: some Sequence<Row>) {
            var numbered: [Row] = []
            for row in rows {
                count += 1
                add(Row(line: count, result: row.result), to: &numbered, body)
            }
            handOn(numbered, to: body)
        }
        for recovery in 0... {
            var start = split.elements.startIndex
            while start < split.elements.endIndex {
                let end = min(start + batchSize, split.elements.endIndex)
                send(Array(split.elements[start..<end]).concurrentMap(chunk: 64) { Self.rows(ofElement: $0, line: 0) }.joined())
                start = end
            }
            guard !split.closes else { break }
            // A wrapper cut short keeps the profiles of its list before the cut.
            if split.elements.isEmpty, let partial = wrappedList(split.rest, line: 0) {
                send(partial)
                break
            }
            send([Row(line: 0, result: .failure(RowError(
                message: "the JSON breaks off after its element \(count) (a missing ] or }, a damaged element, or text between elements)",
                id: nil)))])
            // Objects one after another go on at the next line that opens one: one damaged object is not every
            // object after it.
            guard recovery < 100, text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{",
                let next = nextObjectLine(in: split.rest), let again = JSONArrayElements.split(split.rest[next...])
            else { break }
            split = again
        }
    }

    /// Where the next line that opens an object starts, after the first byte of `text`. By bytes: a Windows
    /// file's CR LF is one Character, and a search for "\n{" by Characters would miss it.
    private static func nextObjectLine(in text: Substring) -> String.Index? {
        let bytes = text.utf8
        guard var i = bytes.indices.first else { return nil }
        while let lf = bytes[bytes.index(after: i)...].firstIndex(of: 0x0A) {
            let after = bytes.index(after: lf)
            guard after < bytes.endIndex else { return nil }
            if bytes[after] == UInt8(ascii: "{") { return after }
            i = lf
        }
        return nil
    }

    /// The records of objects run together on one line ({...}{...}), as a tool that forgot its newlines writes
    /// them: each is read on its own, none lost with its neighbour, and what follows the last whole one is an
    /// error of its own. Nil for a line of one object and nothing after it.
    private static func runTogether(_ body: Substring, line: Int) -> [Row]? {
        guard let split = JSONArrayElements.split(body), !split.elements.isEmpty else { return nil }
        let trailing = !split.closes && !split.rest.allSatisfy(\.isWhitespace)
        guard split.elements.count > 1 || trailing else { return nil }
        var found = Array(split.elements.map { rows(ofElement: $0, line: line) }.joined())
        if trailing {
            found.append(Row(line: line, result: .failure(RowError(
                message: "not valid JSON after the line's object \(split.elements.count); the objects before it are read",
                id: JSONRepair.id(in: split.rest)))))
        }
        return found
    }

    /// The names a list of profiles goes by in an object that wraps it.
    private static let wrapperKeys = ["profiles", "data", "items", "results", "accounts"]

    /// The profiles of a wrapper JSON cannot read whole (an element damaged, or the file cut short): its list
    /// under one of `wrapperKeys`, taken apart by its brackets, up to where it breaks off. Nil when it has none.
    private static func wrappedList(_ body: Substring, line: Int) -> [Row]? {
        for key in wrapperKeys {
            guard let name = body.range(of: "\"\(key)\"") else { continue }
            let list = body[name.upperBound...].drop { $0 == ":" || $0.isWhitespace }
            guard list.first == "[", let split = JSONArrayElements.split(list) else { continue }
            var found = Array(split.elements.map { Self.rows(ofElement: $0, line: line) }.joined())
            // Stopped at its own "]" or not.
            if split.rest.first != "]" {
                found.append(Row(line: line, result: .failure(RowError(
                    message: "the list under \"\(key)\" breaks off after its element \(split.elements.count); the elements before are read",
                    id: nil))))
            }
            return found
        }
        return nil
    }

    /// The profiles an object that is no profile wraps: its lists under "profiles", "data", "items", "results" and
    /// "accounts", all of them, in that order (a list under a second name is not dropped unread); else the one
    /// list of its that holds an object ({"feed": [...], "meta": {...}}); nil when it holds no such list, or several.
    private static func wrapped(_ object: [String: Any]) -> [Any]? {
        let named = wrapperKeys.compactMap { object[$0] as? [Any] }
        if !named.isEmpty { return Array(named.joined()) }
        let lists = object.values.compactMap { $0 as? [Any] }.filter { $0.contains { $0 is [String: Any] } }
        return lists.count == 1 ? lists[0] : nil
    }

    private static func csv(_ text: String, _ body: ([Row]) -> Void) {
        var header: [String]?
        var batch: [Row] = []
        var refused = false
        CSVReader(text).forEachRecord { record in
            guard !refused else { return }
            guard let names = header else {
                if let problem = record.problem {
                    refused = true
                    return batch = [Row(line: record.line, result: .failure(RowError(message: problem, id: nil)))]
                }
                let names = record.fields.map { $0.trimmingSpaces().lowercased() }
                let missing = ["platform", "id"].filter { !names.contains($0) }
                if !missing.isEmpty {
                    refused = true
                    return batch = [Row(line: record.line, result: .failure(RowError(
                        message: "the CSV header lacks \(missing.joined(separator: " and ")); expected columns: \(columns.joined(separator: ","))",
                        id: nil)))]
                }
                // Two columns of one name give two values for a field: which is the profile's is anyone's guess.
                if let twice = columns.first(where: { name in names.filter { $0 == name }.count > 1 }) {
                    refused = true
                    return batch = [Row(line: record.line, result: .failure(RowError(
                        message: "the CSV header names \(twice) more than once; keep one \(twice) column", id: nil)))]
                }
                return header = names
            }
            if let row = row(of: record, header: names) { add(row, to: &batch, body) }
        }
        handOn(batch, to: body)
    }

    /// The row of one CSV record under `header`; nil for a record of blank fields.
    private static func row(of record: CSVReader.Record, header: [String]) -> Row? {
        if let problem = record.problem {
            return Row(line: record.line, result: .failure(RowError(message: problem, id: nil)))
        }
        if record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { return nil }
        if record.fields.count > header.count {
            return Row(line: record.line, result: .failure(RowError(
                message: "\(record.fields.count) fields but the header names \(header.count); quote fields that hold commas",
                id: nil)))
        }
        var object: [String: String] = [:]
        for (name, value) in zip(header, record.fields) where !value.isEmpty { object[name] = value }
        return Row(line: record.line, result: profile(fromTexts: object))
    }

    /// Builds a profile from a decoded JSON object.
    static func profile(fromJSON value: Any) -> Result<Profile, RowError> {
        guard let object = value as? [String: Any] else {
            return .failure(RowError(message: "a profile must be a JSON object", id: nil))
        }
        return profile { key in
            switch object[key] {
            case nil, is NSNull: .absent
            case let s as String: .text(s)
            case let n as NSNumber: .number(n)
            default: .other
            }
        }
    }

    /// Builds a profile from fields that are all text (a plain JSON line, a CSV record), without the
    /// casts a decoded object needs.
    static func profile(fromTexts object: [String: String]) -> Result<Profile, RowError> {
        profile { key in object[key].map(Field.text) ?? .absent }
    }

    /// A follower count as a source or a page gives it: 1240, "1,240", "1.2K", "3M". Nil for anything else, a
    /// negative count or a number with a fraction (1240.9) included; text is rounded ("1.24K" is 1,240).
    static func count(_ field: Field) -> Int? {
        let value: Double?
        switch field {
        case .number(let n): value = n.doubleValue
        case .text(let s):
            var t = s.trimmingSpaces().lowercased().filter { $0 != "," && $0 != "_" && $0 != " " }
            var scale = 1.0
            if let last = t.last, let s = ["k": 1e3, "m": 1e6][last] {
                (scale, t) = (s, String(t.dropLast()))
            }
            value = Double(t).map { $0 * scale }
        case .absent, .other: value = nil
        }
        guard let value, value.isFinite, value >= 0, value < 1e12 else { return nil }
        let whole = value.rounded()
        // "1.2K" is 1,200; but 1240.9 followers as a number is no count at all.
        if case .number = field, whole != value { return nil }
        return Int(whole)
    }

    /// A yes or no as JSON (true, 1) or CSV ("true", "yes") writes it; nil for anything else.
    static func flag(_ field: Field) -> Bool? {
        switch field {
        case .number(let n) where n.doubleValue == 0 || n.doubleValue == 1: return n.doubleValue == 1
        case .text(let s):
            switch s.trimmingSpaces().lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: return nil
            }
        case .number, .absent, .other: return nil
        }
    }

    /// A field of a record as read: none (or null), text, a number, or anything else.
    enum Field {
        case absent, text(String), number(NSNumber), other
    }

    /// Builds a profile from its fields, naming the first that is wrong.
    static func profile(field: (String) -> Field) -> Result<Profile, RowError> {
        func text(_ key: String) -> Result<String?, RowError> {
            switch field(key) {
            case .absent: return .success(nil)
            case .text(let s): return .success(s)
            case .number(let n) where key == "id": return .success(n.stringValue)
            case .number, .other: return .failure(RowError(message: "`\(key)` must be a string", id: nil))
            }
        }
        // What a profile may lack is not worth losing it for: given in a shape impostor cannot read (an avatar as
        // an object, a date as a number), it is left out, and the name, handle and bio are scored all the same.
        func optional(_ key: String) -> String? {
            switch field(key) {
            case .text(let s): s
            case .number(let n): n.stringValue
            case .absent, .other: nil
            }
        }
        do throws(RowError) {
            guard let id = try text("id").get(), !id.trimmingSpaces().isEmpty else {
                return .failure(RowError(message: "missing `id`", id: nil))
            }
            guard let platform = try text("platform").get(), !platform.trimmingSpaces().isEmpty else {
                return .failure(RowError(message: "missing `platform`", id: id))
            }
            let handle = try text("handle").get() ?? ""
            let displayName = try text("display_name").get() ?? ""
            if handle.isEmpty && displayName.isEmpty {
                return .failure(RowError(message: "needs a `handle` or a `display_name`", id: id))
            }
            // A listing's address is a stranger's: http(s) only, without passwords or tokens; a profile
            // with any other keeps no address and is scored all the same.
            let url = CleanURL.profileURL(try text("url").get())
            return .success(Profile(
                // The id as given: the caller joins results on it, and " a" is not "a".
                platform: Platform(rawValue: platform), id: id, handle: handle,
                displayName: displayName, bio: try text("bio").get() ?? "", url: url,
                avatar: optional("avatar").flatMap { $0.isEmpty ? nil : $0 },
                createdAt: optional("created_at"), followers: count(field("followers")),
                verifiedAs: optional("verified_type").flatMap { VerifiedOrganisation(rawValue: $0.trimmingSpaces().lowercased()) },
                parody: flag(field("parody"))))
        } catch {
            // `Result<_, RowError>.get()` throws only a RowError.
            guard case .text(let id) = field("id") else { return .failure(RowError(message: error.message, id: nil)) }
            return .failure(RowError(message: error.message, id: id))
        }
    }
}
