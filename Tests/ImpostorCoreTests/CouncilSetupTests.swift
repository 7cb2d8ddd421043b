import Testing

@testable import ImpostorCore

/// What `impostor init` works out from a clerk's answers, and the files it writes reading back.
@Suite struct CouncilSetupTests {
    let words = try! WordLists.shipped()

    @Test func anEnglishNameGivesPlaceKindDomainAndNation() throws {
        let setup = try CouncilSetup.make(
            CouncilAnswers(name: " Oakbridge Town Council ", area: "Wiltshire", website: "www.oakbridge-tc.gov.uk",
                           officials: ["https://www.facebook.com/OakbridgeTownCouncil", "x:@OakbridgeTC", "bsky:oakbridge-tc.gov.uk"],
                           people: [Person(name: "Cllr Priya Sharma", role: "Mayor")], logo: "crest.PNG"),
            words: words)
        let i = setup.identity
        #expect(i.id == "oakbridge-town-council")
        #expect(i.place == "Oakbridge" && i.kind == "town council" && i.nation == "england")
        #expect(i.website == "https://www.oakbridge-tc.gov.uk" && i.domains == ["oakbridge-tc.gov.uk"])
        #expect(i.officials.map { "\($0.platform):\($0.handle)" } == ["facebook:OakbridgeTownCouncil", "x:OakbridgeTC", "bluesky:oakbridge-tc.gov.uk"])
        #expect(setup.logoFileName == "oakbridge-town-council-logo.png")
    }

    @Test func aWelshNameIsReadWithTheWelshWordsAndMakesTheCouncilBilingual() throws {
        let i = try CouncilSetup.make(CouncilAnswers(name: "Cyngor Tref Aberteifi", area: "Ceredigion"), words: words).identity
        #expect(i.kind == "town council" && i.place == "Aberteifi" && i.nation == "wales")
        #expect(i.languages == ["cy", "en"])
        let city = try CouncilSetup.make(CouncilAnswers(name: "Cyngor Dinas Tyddewi", area: "Pembrokeshire"), words: words).identity
        #expect(city.kind == "city council" && city.place == "Tyddewi")
        let community = try CouncilSetup.make(CouncilAnswers(name: "Cyngor Cymuned Llanbadarn Fawr", area: "Powys"), words: words).identity
        #expect(community.kind == "community council" && community.place == "Llanbadarn Fawr")
        #expect(community.id == "cyngor-cymuned-llanbadarn-fawr")
    }

    @Test func everyUnusableAnswerIsNamedAtOnce() {
        do {
            _ = try CouncilSetup.make(
                CouncilAnswers(name: "The Allotment Society", area: "", website: "not a website", officials: ["my facebook"],
                               people: [Person(name: "", role: "Mayor")]),
                words: words)
            Issue.record("answers with five problems were taken")
        } catch {
            #expect(error.problems.map(\.question) == ["name", "area", "website", "official", "person"])
        }
    }

    @Test func theWrittenFilesReadBackAsWritten() throws {
        // Quotes, backslashes and a control character must stay inside their strings.
        let setup = try CouncilSetup.make(
            CouncilAnswers(name: "Much \"Wenlock\" \\ Town Council", area: "Shrop\u{7}shire", website: "https://muchwenlock-tc.gov.uk",
                           officials: ["youtube:@MuchWenlockTC"], people: [Person(name: "Jo \"JJ\" Bloggs", role: "Town Clerk")]),
            words: words)
        let (read, diagnostics) = WatchlistLoader.parseCouncil(id: setup.identity.id, text: setup.councilTOML(writtenOn: "2026-12-02"),
                                                               directory: "/nonexistent")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(read?.name == setup.identity.name && read?.area == "Shrop\u{7}shire" && read?.place == "Much \"Wenlock\" \\")
        #expect(read?.people == setup.identity.people && read?.officials.map(\.handle) == ["MuchWenlockTC"])
        let settingsText = CouncilSetup.settingsTOML(writtenOn: "2026-12-02", database: "/var/lib/impostor/impostor.sqlite",
                                                     secrets: "/etc/impostor/secrets")
        let (settings, problems) = WatchlistLoader.parseSettings(text: settingsText)
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings.sources.map(\.kind) == ["bluesky", "mastodon"])
        #expect(settings.other["database"]?.string == "/var/lib/impostor/impostor.sqlite")
    }
}
