import Foundation

/// Reads a watchlist folder: one TOML file per council, plus the optional `impostor.toml` settings.
///
/// Every problem in every file is collected, so `impostor check` can list them all at once.
public enum WatchlistLoader {
    /// The reserved settings file name inside the watchlist folder.
    public static let settingsFile = "impostor.toml"

    /// Loads and validates the folder. Throws every error found; returns warnings with the watchlist.
    public static func load(directory given: String) throws(WatchlistError) -> (watchlist: Watchlist, warnings: [Diagnostic]) {
        // Made absolute once, here: every path read from the watchlist is then the same from any
        // working directory (logos, listings, key files, the database).
        let directory = RegularFile.absolute(given)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw WatchlistError(diagnostics: [
                Diagnostic(.error, file: directory, "the watchlist folder does not exist",
                           hint: "pass --watchlist with the folder that holds one .toml file per council")
            ])
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory).filter { $0.lowercased().hasSuffix(".toml") }.sorted()
        } catch {
            throw WatchlistError(diagnostics: [
                Diagnostic(.error, file: directory, "cannot list the folder: \(error.localizedDescription)")
            ])
        }

        // Case clashes first, in name order; then the files are read and parsed across the cores (an
        // association's 10,000 files took seconds one by one), and their results taken in name order.
        var byLowerCase: [String: String] = [:]
        var files: [(name: String, path: String, clash: String?)] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            // Council ids are file names: two that differ only in case would be two councils on one
            // system and the same file on another.
            let other = byLowerCase[name.lowercased()]
            if other == nil { byLowerCase[name.lowercased()] = name }
            files.append((name, path, other))
        }
        let parsed = files.concurrentMap { file -> (diagnostics: [Diagnostic], identity: Identity?, settings: Settings?) in
            var diagnostics: [Diagnostic] = []
            if let other = file.clash {
                diagnostics.append(Diagnostic(.error, file: file.path, "\(file.name) and \(other) differ only in upper and lower case",
                                              hint: "keep one of them; a council has one file"))
                return (diagnostics, nil, nil)
            }
            guard let text = readText(file.path, into: &diagnostics) else { return (diagnostics, nil, nil) }
            if file.name.lowercased() == settingsFile {
                let settings = SettingsParser(file: file.path, text: text).parse(into: &diagnostics)
                return (diagnostics, nil, settings)
            }
            let id = String(file.name.dropLast(".toml".count))
            let identity = IdentityParser(id: id, file: file.path, text: text, directory: directory).parse(into: &diagnostics)
            return (diagnostics, identity, nil)
        }
        var diagnostics: [Diagnostic] = []
        var identities: [Identity] = []
        var settings = Settings()
        for result in parsed {
            diagnostics += result.diagnostics
            if let identity = result.identity { identities.append(identity) }
            if let s = result.settings { settings = s }
        }
        if identities.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(
                Diagnostic(.error, file: directory, "the watchlist holds no council",
                           hint: "add one file per council, e.g. \(directory)/oakbridge-town-council.toml with name = \"Oakbridge Town Council\""))
        }
        diagnostics.append(contentsOf: crossChecks(identities))
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw WatchlistError(diagnostics: diagnostics)
        }
        return (Watchlist(directory: directory, identities: identities, settings: settings), diagnostics)
    }

    /// One council file's text read as `load` reads it (for the fuzzer, which has no folder).
    public static func parseCouncil(id: String, text: String, directory: String) -> (Identity?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let identity = IdentityParser(id: id, file: id + ".toml", text: text, directory: directory).parse(into: &diagnostics)
        return (identity, diagnostics)
    }

    /// `impostor.toml`'s text read as `load` reads it.
    public static func parseSettings(text: String) -> (Settings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let settings = SettingsParser(file: settingsFile, text: text).parse(into: &diagnostics)
        return (settings, diagnostics)
    }

    private static func readText(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path, maxBytes: 1 << 20)
        } catch {
            diagnostics.append(Diagnostic(.error, file: path, "cannot read the file: \(error.description)",
                                          hint: "a council file is a small text file; check it is one and that impostor may read it"))
            return nil
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.error, file: path, "the file is not UTF-8 text",
                                          hint: "save it as UTF-8 in your editor"))
            return nil
        }
        return text
    }

    /// Problems only visible across files: one account listed as official by two councils.
    private static func crossChecks(_ identities: [Identity]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var out: [Diagnostic] = []
        for identity in identities {
            for account in identity.officials {
                let key = "\(account.platform.rawValue):\(account.platform.canonicalHandle(account.handle))"
                if let other = seen[key], other != identity.id {
                    out.append(Diagnostic(.warning, file: "\(identity.id).toml",
                                          "\(account.platform) account \(account.handle) is also official for \(other)",
                                          hint: "an account belongs to one council; remove it from one file"))
                }
                seen[key] = identity.id
            }
        }
        return out
    }
}
