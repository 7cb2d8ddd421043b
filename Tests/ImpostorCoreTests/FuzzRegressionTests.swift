import Foundation
import ImpostorCore
import Testing

/// Every crash scripts/fuzz found, replayed through the reader it crashed (Fuzz/crashes/TARGET-crash-*),
/// and the smallest forms of each: they must give an error, not stop the program.
@Suite struct FuzzRegressionTests {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/crashes").standardized.path

    static var saved: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: crashes)) ?? []).filter { $0.contains("-crash-") }.sorted()
    }

    @Test func everySavedCrashIsNowAnError() throws {
        let names = Self.saved
        #expect(!names.isEmpty, "the crashes found so far are kept in Fuzz/crashes")
        for name in names {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Self.crashes + "/" + name)), as: UTF8.self)
            if name.hasPrefix("council-") {
                let (identity, diagnostics) = WatchlistLoader.parseCouncil(id: "fuzz", text: text, directory: "/nonexistent")
                #expect(identity == nil && diagnostics.contains { $0.severity == .error }, "\(name)")
            } else if name.hasPrefix("settings-") {
                let (_, diagnostics) = WatchlistLoader.parseSettings(text: text)
                #expect(diagnostics.contains { $0.severity == .error }, "\(name)")
            }
        }
    }

    /// toml++ asserts when a section name starts with what cannot start a key; raw control characters.
    @Test(arguments: ["[:]", "[ :]", "[[:]]", "[é]", "[[", "[", "[ \r", "[[[p]]]", "[]", "[[ [a]]", "[[\r\re]]", "a = 1\rb = 2", "[\u{0F}eview]", "name = \"A\u{01}\"", "# note \u{7F}"])
    func textTOMLKitCannotTakeIsAClearErrorWithItsLine(_ line: String) {
        let (_, diagnostics) = WatchlistLoader.parseSettings(text: "database = \"x.sqlite\"\n\(line)\n")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.line == 2, "\(diagnostics)")
    }

    /// Quotes inside a one-line string open no multi-line string: the header after it is still checked.
    @Test func quotesInsideAStringDoNotHideTheNextSection() {
        let bad = WatchlistLoader.parseSettings(text: "database = \"x\"\np = [\"a'''b\"]\n[[/\n").1
        #expect(bad.first { $0.severity == .error }?.line == 3, "\(bad)")
        let good = WatchlistLoader.parseSettings(text: "database = \"x\"\np = [\"a'''b\"]\n[review]\nlisten = \"127.0.0.1:8080\"\n")
        #expect(!good.1.contains { $0.severity == .error }, "\(good.1)")
        #expect(good.0.other["review"]?.table?["listen"]?.string == "127.0.0.1:8080")
    }

    @Test func aByteOrderMarkHidesNoSection() {
        let bad = WatchlistLoader.parseSettings(text: "\u{FEFF}[\n").1
        #expect(bad.first { $0.severity == .error }?.line == 1, "\(bad)")
        let good = WatchlistLoader.parseCouncil(id: "ash", text: "\u{FEFF}name = \"Ash Parish Council\"\n", directory: "/nonexistent")
        #expect(good.0?.name == "Ash Parish Council", "\(good.1)")
    }

    @Test func windowsLineEndsStillRead() {
        let (identity, diagnostics) = WatchlistLoader.parseCouncil(
            id: "ash", text: "name = \"Ash Parish Council\"\r\n[contact]\r\nemail = \"clerk@ash.example\"\r\n", directory: "/nonexistent")
        #expect(identity?.name == "Ash Parish Council", "\(diagnostics)")
    }

    @Test func validFilesWithBracketsInStringsStillRead() {
        let text = """
            name = "Ash Parish Council"
            aliases = ["[Ash]", "Ash PC"]
            queries = [
              "ash grants",
            ]
            matrix = [
              [1, 2],
              [ {a = 1} ],
            ]
            note = \"\"\"
            [: not a section, inside a string
            \"\"\"
            """
        let (identity, diagnostics) = WatchlistLoader.parseCouncil(id: "ash", text: text, directory: "/nonexistent")
        #expect(identity?.name == "Ash Parish Council", "\(diagnostics)")
    }
}
