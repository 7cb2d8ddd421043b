import Foundation
import Testing
import TestScratch
@testable import ImpostorCore

/// A council file's `languages`, its `[words]`, and the nation read from its area.
@Suite struct IdentityLanguageTests {
    /// The identity and diagnostics for a council file whose text is `name = "…"` followed by `rest`.
    func parse(_ rest: String, name: String = "Cyngor Tref Aberteifi") -> (Identity?, [Diagnostic]) {
        WatchlistLoader.parseCouncil(id: "aberteifi", text: "name = \"\(name)\"\nplace = \"Aberteifi\"\n" + rest, directory: "/")
    }

    @Test func languagesAreReadInTheCouncilsOrder() throws {
        let (identity, diagnostics) = parse("languages = [\"cy\", \"EN\", \"cy\"]\n")
        let council = try #require(identity)
        #expect(council.languages == ["cy", "en"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func englishWhenTheFileNamesNoLanguage() throws {
        let (identity, diagnostics) = parse("")
        let council = try #require(identity)
        #expect(council.languages == ["en"])
        #expect(diagnostics.isEmpty)
        #expect(Identity(id: "x", name: "X Town Council").languages == ["en"])
        #expect(Identity(id: "x", name: "X Town Council").words.isEmpty)
    }

    @Test func gaelicIsALanguageToo() throws {
        let (identity, _) = parse("languages = [\"gd\", \"en\"]\n", name: "Sleat Community Council")
        let council = try #require(identity)
        #expect(council.languages == ["gd", "en"])
    }

    @Test func anUnknownLanguageIsWarnedAndDropped() throws {
        let (identity, diagnostics) = parse("languages = [\"welsh\", \"cy\"]\n")
        let council = try #require(identity)
        #expect(council.languages == ["cy"])
        let warning = try #require(diagnostics.first { $0.message.contains("\"welsh\"") })
        #expect(warning.severity == .warning)
        #expect(warning.line == 3)
        #expect(warning.hint?.contains("cy (Welsh)") == true)
        #expect(warning.hint?.contains("gd (Scottish Gaelic)") == true)
    }

    @Test func onlyUnknownLanguagesFallBackToEnglish() throws {
        let (identity, diagnostics) = parse("languages = [\"fr\"]\n")
        let council = try #require(identity)
        #expect(council.languages == ["en"])
        #expect(diagnostics.count == 1)
    }

    @Test(arguments: [
        ("Gwynedd", "wales"), ("Dwyfor, Gwynedd", "wales"), ("Isle of Anglesey", "wales"), ("Ynys Môn", "wales"),
        ("Vale of Glamorgan", "wales"), ("Highland", "scotland"), ("Argyll & Bute", "scotland"),
        ("Na h-Eileanan Siar", "scotland"), ("Kent", "england"), ("County Durham", "england"),
        ("Bridport, Dorset", "england"), ("Newport, Isle of Wight", "england"), ("County Tyrone", "northern ireland"),
        ("Co. Down", "northern ireland"), ("Armagh City, Banbridge and Craigavon", "northern ireland"),
    ])
    func theNationIsReadFromTheArea(_ area: String, _ nation: String) throws {
        let (identity, _) = parse("area = \"\(area)\"\n")
        let council = try #require(identity)
        #expect(council.nation == nation, "\(area)")
    }

    @Test(arguments: ["Newport", "Richmond", "Isle of Man", "Somewhere", "", "Gwynedd Road, Nowhere"])
    func anAreaThatCouldMisleadSetsNoNation(_ area: String) throws {
        let (identity, _) = parse("area = \"\(area)\"\n")
        let council = try #require(identity)
        #expect(council.nation == nil, "\(area)")
    }

    @Test func anExplicitNationWinsOverTheArea() throws {
        let (identity, _) = parse("area = \"Gwynedd\"\nnation = \"England\"\n")
        let english = try #require(identity)
        #expect(english.nation == "england")
        let (other, _) = parse("area = \"Kent\"\nnation = \"scotland\"\n")
        let scottish = try #require(other)
        #expect(scottish.nation == "scotland")
    }

    @Test func theCouncilsWordsAreReadByList() throws {
        let (identity, diagnostics) = parse("""
            languages = ["cy", "en"]

            [words]
            affixes = ["cymru", " swyddfa ", ""]
            organisations = ["eisteddfod"]
            negators = ["watchdog"]
            council = ["cyngor"]
            offices_clerk = ["clerc"]
            """)
        let council = try #require(identity)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(council.words == [
            "affixes": ["cymru", "swyddfa"], "organisations": ["eisteddfod"], "negators": ["watchdog"],
            "council": ["cyngor"], "offices_clerk": ["clerc"],
        ])
        #expect(CouncilWords.wordLists.count == 13)
        #expect(Set(council.words.keys).isSubset(of: CouncilWords.wordLists))
    }

    @Test func anUnknownWordListIsWarnedWithTheListsThereAre() throws {
        let (identity, diagnostics) = parse("""

            [words]
            afixes = ["cymru"]
            council = ["cyngor"]

            [words.offices]
            mayor = ["maer"]
            """)
        let council = try #require(identity)
        #expect(council.words == ["council": ["cyngor"]])
        let misspelt = try #require(diagnostics.first { $0.message.contains("`afixes`") })
        #expect(misspelt.severity == .warning)
        #expect(misspelt.line == 5)
        #expect(misspelt.hint?.contains("affixes") == true)
        #expect(misspelt.hint?.contains("offices_mayor") == true)
        let nested = try #require(diagnostics.first { $0.message.contains("`offices`") })
        #expect(nested.hint?.contains("flat") == true)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func aWordListMustHoldWords() throws {
        let (identity, diagnostics) = parse("[words]\ncouncil = 3\n")
        #expect(identity == nil)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("`council` must be a list of strings") })
    }

    @Test func aWatchlistFolderCarriesLanguagesWordsAndNation() throws {
        let dir = Scratch.path("languages")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
            name = "Cyngor Tref Aberteifi"
            place = "Aberteifi"
            area = "Ceredigion"
            aliases = ["Cardigan Town Council"]
            languages = ["cy", "en"]

            [words]
            affixes = ["swyddogol"]
            """.write(toFile: "\(dir)/aberteifi.toml", atomically: true, encoding: .utf8)
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        let council = try #require(list.identity(id: "aberteifi"))
        #expect(council.languages == ["cy", "en"])
        #expect(council.nation == "wales")
        #expect(council.words["affixes"] == ["swyddogol"])
        #expect(!warnings.contains { $0.message.contains("languages") || $0.message.contains("words") })
    }
}
