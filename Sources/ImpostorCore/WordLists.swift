import Foundation

/// The words impostor reads names and bios by, as written in its vocabulary files: one TOML file per
/// language (`vocabulary/en.toml`, `cy.toml`, `gd.toml`, `kw.toml`), every list of the same name added up.
///
/// The scoring stage decides what each list means; this only reads the files.
public struct WordLists: Sendable, Hashable {
    /// The languages read, by code, in the order read.
    public var languages: [String] = []
    /// List name → words, in file order, each once.
    public var lists: [String: [String]] = [:]

    public init(languages: [String] = [], lists: [String: [String]] = [:]) {
        self.languages = languages
        self.lists = lists
    }

    public subscript(_ name: String) -> [String] { lists[name] ?? [] }

    /// These lists with `more` added: a council's own words, or another language's.
    public func adding(_ more: [String: [String]]) -> WordLists {
        var out = self
        for (name, words) in more {
            var list = out.lists[name] ?? []
            for w in words where !list.contains(w) { list.append(w) }
            out.lists[name] = list
        }
        return out
    }

    /// Reads every `*.toml` file in `directory`, English first, then the others by name.
    public static func load(directory: String) throws(WordListError) -> WordLists {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".toml") }
                .sorted { a, b in a == "en.toml" || (b != "en.toml" && a < b) }
        } catch {
            throw WordListError(path: directory, message: "cannot list the folder: \(error.localizedDescription)")
        }
        guard !names.isEmpty else { throw WordListError(path: directory, message: "holds no vocabulary files (en.toml, cy.toml)") }
        var out = WordLists()
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw WordListError(path: path, message: "cannot be read: \(error.localizedDescription)")
            }
            let file = try parse(text, path: path)
            out.languages.append(file.languages.first ?? String(name.dropLast(5)))
            out = out.adding(file.lists)
        }
        return out
    }

    /// One vocabulary file: `language = "cy"` and lists of strings, nothing else.
    static func parse(_ text: String, path: String) throws(WordListError) -> WordLists {
        let table: [String: ConfigValue]
        switch ConfigValue.parseTOML(text) {
        case .success(let t): table = t
        case .failure(let e): throw WordListError(path: path, message: "not valid TOML on line \(e.line ?? 0): \(e.message)")
        }
        var out = WordLists()
        for (key, value) in table {
            if key == "language", let code = value.string {
                out.languages = [code]
                continue
            }
            guard case .array(let items) = value else {
                throw WordListError(path: path, message: "`\(key)` is \(value.typeName), not a list of words")
            }
            var words: [String] = []
            for item in items {
                guard let w = item.string else { throw WordListError(path: path, message: "`\(key)` holds \(item.typeName), not a word") }
                let trimmed = w.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !words.contains(trimmed) { words.append(trimmed) }
            }
            out.lists[key] = words
        }
        return out
    }

    /// The vocabulary that ships with impostor, read once: from `$IMPOSTOR_VOCABULARY` when it is set,
    /// else the first of `share/impostor/vocabulary` beside the installed binary, `/usr/share/impostor/vocabulary`, and
    /// the source tree's `vocabulary/` (development builds and tests).
    public static func shipped() throws(WordListError) -> WordLists {
        switch cache {
        case .success(let lists): return lists
        case .failure(let error): throw error
        }
    }

    private static let cache: Result<WordLists, WordListError> = {
        // A folder named on purpose must be the one read.
        if let given = ProcessInfo.processInfo.environment["IMPOSTOR_VOCABULARY"], !given.isEmpty {
            guard FileManager.default.fileExists(atPath: (given as NSString).appendingPathComponent("en.toml")) else {
                return .failure(WordListError(path: given, message: "IMPOSTOR_VOCABULARY names a folder without en.toml",
                                              hint: "point it at the folder that holds en.toml, or unset it"))
            }
            return Result { () throws(WordListError) in try load(directory: given) }
        }
        let places = searchPath()
        for place in places where FileManager.default.fileExists(atPath: (place as NSString).appendingPathComponent("en.toml")) {
            return Result { () throws(WordListError) in try load(directory: place) }
        }
        return .failure(WordListError(path: places.joined(separator: ", "),
                                      message: "impostor's vocabulary (en.toml) is in none of these folders",
                                      hint: "reinstall impostor, or set IMPOSTOR_VOCABULARY to the folder that holds en.toml"))
    }()

    static func searchPath() -> [String] {
        var out: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let bin = (exe as NSString).deletingLastPathComponent
            out.append(((bin as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/impostor/vocabulary"))
        }
        out.append("/usr/share/impostor/vocabulary")
        // Sources/ImpostorCore/WordLists.swift → the repository's vocabulary/.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        out.append(source.appendingPathComponent("vocabulary").path)
        return out
    }
}

/// A vocabulary file that is missing or malformed.
public struct WordListError: Error, CustomStringConvertible, Sendable, Hashable {
    public var path: String
    public var message: String
    public var hint: String?

    public init(path: String, message: String, hint: String? = nil) {
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(path): \(message)" + (hint.map { " (\($0))" } ?? "") }
}
