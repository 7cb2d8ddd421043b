import ImpostorCore
import Testing
@testable import ImpostorScoring

/// One council, as a watchlist file would describe it.
let thornbury = Identity(
    id: "thornbury-town-council", name: "Thornbury Town Council", kind: "town council", place: "Thornbury",
    area: "Gloucestershire", aliases: ["Thornbury TC"], domains: ["thornburytowncouncil.gov.uk"],
    officials: [AccountReference(platform: .x, handle: "ThornburyTC")],
    people: [Person(name: "Cllr Helen Marsh", role: "Mayor"), Person(name: "David Okafor", role: "Town Clerk")],
    allowed: [AccountReference(platform: .facebook, handle: "ThornburyInBloom", note: "volunteers")])
let rugeley = Identity(id: "rugeley-town-council", name: "Rugeley Town Council", kind: "town council", place: "Rugeley",
                       area: "Staffordshire")
let northFerriby = Identity(id: "north-ferriby", name: "North Ferriby Parish Council", kind: "parish council",
                            place: "North Ferriby", area: "East Riding of Yorkshire")

@Suite struct ScorerTests {
    let scorer = try! Scorer(identities: [thornbury, rugeley, northFerriby])

    func judge(_ name: String, handle: String = "someone123", bio: String = "", platform: Platform = .facebook) -> Assessment {
        scorer.assess(Profile(platform: platform, id: "t", handle: handle, displayName: name, bio: bio))
    }

    /// The reasons as "signal weight", for a failing expectation's message.
    func why(_ a: Assessment) -> String { a.reasons.map { "\($0.signal) \($0.weight)" }.joined(separator: ", ") }

    /// What a clerk would want to review: each trick impostors use.
    @Test(arguments: [
        ("Thornbury Town Council", "", "exact copy"),
        ("Тhоrnbury Town Counciⅼ", "", "Cyrillic and Roman numeral look-alikes"),
        ("Thornbury Town Coun\u{200B}cil", "", "zero-width space"),
        ("𝐓𝐡𝐨𝐫𝐧𝐛𝐮𝐫𝐲 𝐓𝐨𝐰𝐧 𝐂𝐨𝐮𝐧𝐜𝐢𝐥", "", "mathematical bold"),
        ("ᴛʜᴏʀɴʙᴜʀʏ ᴛᴏᴡɴ ᴄᴏᴜɴᴄɪʟ", "", "small capitals"),
        ("Th0rnbury T0wn Counci1", "", "leetspeak"),
        ("Thornbury Town Council Official ✅", "", "affix and tick"),
        ("Thornbrury Town Council", "News and notices from Thornbury Town Council.", "typo"),
        ("Thornbury TC", "", "abbreviation"),
        ("T.C. Thornbury", "", "abbreviation, word order"),
        ("Council Thornbury Town", "", "word order"),
        ("Thornbury Council Grants", "Message us to claim your council tax rebate.", "grants affix"),
        ("🅣🅗🅞🅡🅝🅑🅤🅡🅨 🅣🅞🅦🅝 🅒🅞🅤🅝🅒🅘🅛", "", "negative circled letters"),
        ("🆃🅷🅾🆁🅽🅱🆄🆁🆈 🆃🅾🆆🅽 🅲🅾🆄🅽🅲🅸🅻", "", "negative squared letters"),
        ("⒯⒣⒪⒭⒩⒝⒰⒭⒴ ⒯⒪⒲⒩ ⒞⒪⒰⒩⒞⒤⒧", "", "parenthesised letters"),
        ("Thornbury Town Councel", "", "typo in Council"),
        ("Thornbury Town Counsil", "", "typo in Council"),
        ("Thornbury Town Coucnil", "", "letters swapped in Council"),
        ("NEW: Thornbury Town Council", "", "announcement, not a New Thornbury"),
        ("NEW Thornbury Town Council", "Our old page was hacked.", "announcement in capitals"),
    ])
    func councilImpersonationsAreSuspects(name: String, bio: String, trick: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(trick): \(a.reasons.map(\.detail))")
        #expect(a.identity == "thornbury-town-council")
        #expect(a.target == .council)
    }

    @Test(arguments: [
        ("Mayor of Thornbury", "mayor, no name"),
        ("Cllr Helen Marsh - Mayor of Thornbury", "mayor by name"),
        ("Thornbury Town Clerk", "clerk by office"),
        ("David Okafor Thornbury Town Council", "clerk by name"),
        ("Clerk to Thornbury Town Council", "clerk, phrased"),
    ])
    func personImpersonationsTargetThePerson(name: String, trick: String) {
        let a = judge(name)
        #expect(a.verdict == .suspect, "\(trick): \(a.reasons.map(\.detail))")
        #expect(a.target == .person)
    }

    @Test func genericNameWithCouncilHandleAndClaimingBio() {
        let a = judge("Residents Help", handle: "thornburytowncouncil_uk",
                      bio: "Official account of Thornbury Town Council. Our old page was hacked, please follow us here.")
        #expect(a.verdict == .suspect)
        #expect(a.reasons.contains { $0.signal == "handle" })
        #expect(a.reasons.contains { $0.signal == "bio_claim" })
    }

    @Test func logoAndClaimMakeAGenericNameASuspect() {
        let profile = Profile(platform: .x, id: "t", handle: "jsmith88", displayName: "Thornbury Notices",
                              bio: "Thornbury Town Council. Serving the residents of Thornbury.")
        let without = scorer.assess(profile)
        let with = scorer.assess(profile, logoMatches: [LogoMatch(identity: thornbury.id, logo: "crest.png", distance: 12, variant: "circle")])
        #expect(with.score > without.score)
        #expect(with.verdict == .suspect)
        #expect(with.reasons.contains { $0.signal == "logo" && $0.matched == "crest.png" })
    }

    @Test func distantLogoIsNoEvidence() {
        let profile = Profile(platform: .x, id: "t", handle: "jsmith88", displayName: "Thornbury Notices", bio: "")
        let a = scorer.assess(profile, logoMatches: [LogoMatch(identity: thornbury.id, logo: "crest.png", distance: 90, variant: "whole")])
        #expect(!a.reasons.contains { $0.signal == "logo" })
    }

    /// What a clerk would dismiss.
    @Test(arguments: [
        ("Thornbury Rugby Club", "", "namesake organisation"),
        ("Thornbury Dental Practice", "Dentists in Thornbury, Gloucestershire.", "namesake business"),
        ("Spotted: Thornbury", "Community page. Not affiliated with Thornbury Town Council.", "community group"),
        ("Thornbury Gazette", "Local news for Thornbury including Thornbury Town Council meetings.", "local news"),
        ("Cllr Sam Patel", "Thornbury Town Council councillor for North ward. Views my own.", "councillor"),
        ("Not Thornbury Town Council (parody)", "Parody account.", "parody"),
        ("Thornbury Parish Council", "Thornbury Parish Council, North Yorkshire. Serving the parish of Thornbury.", "namesake council elsewhere"),
        ("Thornbury Town Council", "Thornbury Town Council, Cumbria. Serving the people of Thornbury.", "same name, other county"),
        ("Thornbory Parish Council", "Official account of Thornbory Parish Council. Serving the people of Thornbory.", "near-name council"),
        ("Rugby Club", "", "unrelated"),
        ("Thornbury Help Hub", "Proudly supported by Thornbury Town Council.", "supported by the council"),
        ("Thornbury Help Hub", "Grants for local groups are available from Thornbury Town Council – apply on their website, not here!",
         "points to the council in the third person"),
        ("Thornbury Help Hub", "Independent residents' group. We hold Thornbury Town Council to account.", "holds it to account"),
        ("Thornbury Help Hub", "Campaigning on Thornbury Town Council's plans. Contact Thornbury Town Council directly.",
         "contact the council"),
        ("Thornbury Notices", "Deputy Mayor of Thornbury 2025–26.", "another office than the protected one"),
        ("Thornbury Notices", "Met the Mayor of Thornbury at the fair today.", "meeting the Mayor"),
        ("Thornbury Notices", "Former Mayor of Thornbury.", "a former Mayor"),
        ("New Thornbury Town Council", "", "a place called New Thornbury"),
        ("Jane Smith", "Chair of Thornbury Cricket Club. Views my own.", "chairs a club"),
        ("Jane Smith", "Chair of Thornbury Cricket Club.", "chairs a club, no disclaimer"),
        ("Jane Smith", "Clerk to Thornbury Almshouses. Retired teacher.", "clerk to a charity"),
        ("Jane Smith", "Mayoress of Thornbury 2025–26.", "the Mayor's consort"),
        ("Jane Smith", "Proud to have served as Mayor of Thornbury.", "a past Mayor"),
        ("Jane Smith", "Wife of the Mayor of Thornbury.", "the Mayor's family"),
        ("Jane Smith", "Tickets for the Mayor of Thornbury's charity ball.", "the Mayor's event"),
        ("Jane Smith", "Holding the Mayor of Thornbury to account.", "a critic"),
    ])
    func benignAccountsAreClear(name: String, bio: String, category: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(category): \(why(a))")
    }

    @Test(arguments: [
        ("cllrjanesmiththornburytc", "a councillor's own handle"),
        ("thornburytcwatch", "a watchdog's handle"),
    ])
    func handlesThatDisownTheCouncilAreNoCase(handle: String, kind: String) {
        let a = judge("Jane Smith", handle: handle, bio: "Thornbury resident.")
        #expect(a.verdict == .clear, "\(kind): \(why(a))")
    }

    /// Places that hold the council's place inside a longer name are other places; council words glued
    /// to the place are not.
    @Test func longerPlacesAndGluedWords() {
        let ash = try! Scorer(identities: [Identity(id: "ash", name: "Ash Parish Council", kind: "parish council", place: "Ash",
                                                    area: "Surrey")])
        func verdict(_ name: String, _ handle: String) -> Verdict {
            ash.assess(Profile(platform: .facebook, id: "t", handle: handle, displayName: name, bio: "")).verdict
        }
        #expect(verdict("Ashford Parish Council", "someone1") == .clear)
        #expect(verdict("Ashby Parish Council", "someone1") == .clear)
        #expect(verdict("Newash Parish Council", "someone1") == .clear)
        #expect(verdict("Ashofficial Parish Council", "someone1") == .suspect)
        #expect(verdict("AshParishCouncil", "someone1") == .suspect)
        // All in one word, as a handle is written: the glued words are still read.
        #expect(verdict("ashparishcouncil", "someone1") == .suspect)
        #expect(verdict("ASHPARISHCOUNCIL", "someone1") == .suspect)
        #expect(verdict("ashpc", "someone1") == .suspect)
        #expect(verdict("ashfordparishcouncil", "someone1") == .clear)
        #expect(verdict("ashofficial", "someone1") == .clear, "the place and an affix name no council")
        #expect(verdict("ashparishcouncilwatch", "someone1") == .clear, "a watchdog, glued")
        #expect(verdict("ashparishcouncillor", "someone1") == .clear, "a councillor, glued")
    }

    @Test func scamBioWithAWordOfThirdPersonStillSpeaksAsTheCouncil() {
        let a = judge("Residents Help", bio: "Thornbury Town Council. Our old page is not here any more, DM us for your rebate.")
        #expect(a.reasons.contains { $0.signal == "bio_claim" }, "\(a.reasons.map(\.signal))")
        let b = judge("Residents Help", bio: "Thornbury Town Council: council tax rebates paid direct to account. DM us.")
        #expect(b.reasons.contains { $0.signal == "bio_claim" }, "\(b.reasons.map(\.signal))")
    }

    @Test func anotherPlaceWithAQualifierIsNotATypo() {
        let a = judge("South Ferriby Parish Council", handle: "southferribypc",
                      bio: "Official account of South Ferriby Parish Council. Serving the people of South Ferriby.")
        #expect(a.verdict == .clear)
        let b = judge("North Ferriby Parish Council", handle: "northferribypc1", bio: "Grants available, DM us now!")
        #expect(b.verdict == .suspect)
        #expect(b.identity == "north-ferriby")
    }

    /// An office claimed in the bio, under a name that gives nothing away.
    @Test(arguments: [
        ("Mayor's Office", "Mayor of Thornbury 2025–26. DM me about the Mayor's community fund.", "mayor"),
        ("Jane Smith", "Town Clerk to Thornbury Town Council.", "clerk"),
        ("David Okafor", "Proper Officer of Thornbury Town Council. Contact me directly for burial fees.", "clerk"),
        ("Office", "Official page of the Chair of Thornbury Town Council. Tickets for the charity ball via PayPal.", "chair"),
    ])
    func officeClaimedInTheBio(name: String, bio: String, office: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(why(a))")
        #expect(a.identity == "thornbury-town-council")
        #expect(a.target == .person)
        #expect(a.reasons.contains { $0.signal == "bio_office" && $0.matched == office })
    }

    /// A web address spelled as the council's that is not one of its domains is the fraudster's site.
    @Test(arguments: [
        "Apply now at thornburytowncouncil-grants.co.uk",
        "Grants: https://thornburytowncouncil.gov.uk.claims-portal.com/apply",
        "Pay parking fines at www.thornbury-town-council.com/pay",
        "Email refunds@thornburytowncounci1.co.uk",
        "Apply at thornburytowncouncil-grants.co.uk!",
        "Login: https://thornburytowncouncil.gov.uk@pay-portal.com/fines",
        "Questions? thornburytowncouncil@gmail.com",
        "Mr.Smith St.Marys e.g.this i.e.that Open.Mon Tue.Wed Thu.Fri Sat.Sun 👉thornburytowncouncil-grants.co.uk…",
    ])
    func aLookalikeWebAddressInTheBioIsACase(bio: String) {
        let a = judge("Residents Help Desk", bio: bio)
        #expect(a.verdict == .suspect, "\(why(a))")
        #expect(a.identity == "thornbury-town-council")
        #expect(a.reasons.contains { $0.signal == "bio_domain" }, "\(why(a))")
    }

    @Test(arguments: [
        "Bins, roads and more: www.thornburytowncouncil.gov.uk",
        "See https://events.thornburytowncouncil.gov.uk/fair for the fair",
        "Minutes archive at thornburytowncouncilwatch.org",
        "Not affiliated with thornburytowncouncil.co.uk or the council.",
        "Walks around Thornbury: thornburywalks.org.uk",
        "Mail the clerk: clerk@thornburytowncouncil.gov.uk",
        "Our neighbours: norththornburytowncouncil.org.uk",
        "Proud of Thornbury.Town.Council",
    ])
    func theCouncilsOwnSiteOrAWatchdogsIsNoCase(bio: String) {
        let a = judge("Residents Help Desk", bio: bio)
        #expect(a.verdict == .clear, "\(why(a))")
        #expect(!a.reasons.contains { $0.signal == "bio_domain" }, "\(why(a))")
    }

    @Test func webAddressesAreFoundInText() {
        let read = WebAddresses.read("Visit https://www.X.gov.uk/a?b, or mail me@y.org.uk. Port: http://z.com:8080/")
        #expect(read.addresses == ["www.x.gov.uk", "me@y.org.uk", "z.com"])
        #expect(read.prose == "Visit  , or mail  . Port:  /")
        #expect(WebAddresses.read("Open 9.30 to 5. Ends 1.1.2027. Well... ok. Mr.Smith, Chorley.Town.Council").addresses == [])
        #expect(WebAddresses.read(String(repeating: "a.co ", count: 50)).addresses.count == 16)
    }

    /// A namesake writes their own name plainly: the Mayor's name in another script's letters, or with
    /// hidden characters, is a case; the same name in plain letters, or with accents, is not.
    @Test func aProtectedPersonsNameInDisguiseIsACase() {
        for name in ["Helen M\u{0430}rsh", "D\u{0430}vid Ok\u{0430}for", "Hel\u{200B}en Marsh", "Helen Ma\u{202E}rsh", "He1en Marsh"] {
            let a = judge(name, bio: "Here for residents.")
            #expect(a.verdict == .suspect, "\(name): \(why(a))")
            #expect(a.target == .person)
            #expect(a.reasons.contains { $0.signal == "disguise" }, "\(name): \(why(a))")
        }
        // Emoji sequences, flags and a second script beside a plainly written name are no disguise.
        for name in ["Helen Marsh", "Hélen Marsh", "David Okafor", "Helen Marsh \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}",
                     "Helen Marsh \u{1F469}\u{200D}\u{1F467}", "Helen Marsh (\u{0425}\u{0435}\u{043B}\u{0435}\u{043D} \u{041C}\u{0430}\u{0440}\u{0448})"] {
            let a = judge(name, bio: "Here for residents.")
            #expect(a.verdict == .clear, "\(name): \(why(a))")
        }
    }

    @Test func officeOfTheNamedHolderWeighsMoreWhenSomeoneElseClaimsIt() {
        let other = judge("Jane Smith", bio: "Town Clerk to Thornbury Town Council.")
        let holder = judge("David Okafor", bio: "Town Clerk to Thornbury Town Council.")
        let otherWeight = other.reasons.first { $0.signal == "bio_office" }?.weight
        let holderWeight = holder.reasons.first { $0.signal == "bio_office" }?.weight
        #expect(otherWeight != nil && holderWeight != nil)
        #expect((otherWeight ?? 0) > (holderWeight ?? 0))
        #expect(holder.reasons.contains { $0.signal == "person_name" })
    }

    @Test func aCouncilHandleMakesAGenericNameACase() {
        let a = judge("Residents Help", handle: "thornburytowncouncil")
        #expect(a.verdict == .suspect, "\(why(a))")
        #expect(a.reasons.contains { $0.signal == "handle" })
    }

    @Test func aLongerPlaceIsAnotherCouncil() {
        // Rugeleyton is not Rugeley, whether the handle spells it or not.
        let a = judge("Rugeleyton Parish Council", handle: "rugeleytonparishcouncil",
                      bio: "Official account of Rugeleyton Parish Council. Serving the people of Rugeleyton.")
        #expect(a.verdict == .clear, "\(why(a))")
        // The council's own handle copied under that name is still a case.
        let b = judge("Rugeleyton Parish Council", handle: "rugeleytowncouncil")
        #expect(b.verdict == .suspect)
        // A council word glued to the place is no other place.
        #expect(judge("RugeleyTownCouncil").verdict == .suspect)
        #expect(judge("Rugeleyofficial Town Council").verdict == .suspect)
    }

    @Test func aBioInAnotherCountyMakesNoClaimForThisCouncil() {
        let a = judge("Thornbury Notices", bio: "News from Thornbury Town Council, Cumbria.")
        #expect(a.reasons.contains { $0.signal == "other_area" })
        #expect(!a.reasons.contains { $0.signal == "bio_claim" })
        #expect(a.verdict == .clear)
    }

    @Test func officialAndAllowedAccountsAreRecognised() {
        let official = judge("Thornbury Town Council", handle: "@thornburytc", platform: .x)
        #expect(official.verdict == .official)
        #expect(official.score == 0)
        let allowed = judge("Thornbury in Bloom", handle: "ThornburyInBloom")
        #expect(allowed.verdict == .allowed)
        // The same handle on another platform is not the official account.
        #expect(judge("Thornbury Town Council", handle: "ThornburyTC", platform: .instagram).verdict == .suspect)
    }

    /// Accounts only the council can hold, though its file does not list them yet: a Bluesky handle on one of its
    /// own domains, and the Threads profile of its listed Instagram account. Not the same handle elsewhere.
    @Test func accountsOnlyTheCouncilCanHoldAreItsOwn() throws {
        var council = thornbury
        council.officials.append(AccountReference(platform: .instagram, handle: "thornburytc"))
        let scorer = try Scorer(identities: [council])
        func judge(_ platform: Platform, _ handle: String) -> Assessment {
            scorer.assess(Profile(platform: platform, id: "u", handle: handle, displayName: "Thornbury Town Council",
                                  bio: "News and notices from Thornbury Town Council."))
        }
        for (platform, handle) in [(Platform.bluesky, "thornburytowncouncil.gov.uk"), (.bluesky, "@ThornburyTownCouncil.gov.uk"),
                                   (.threads, "thornburytc")] {
            let a = judge(platform, handle)
            #expect(a.verdict == .official, "\(platform) \(handle): \(why(a))")
            #expect(a.reasons.first?.detail.contains("Thornbury Town Council's own") == true, "\(a.reasons.map(\.detail))")
        }
        // Nor a name under the domain (a shared host's owner hands those out), nor text that only ends in the
        // domain, nor a handle no platform allows.
        for (platform, handle) in [(Platform.bluesky, "thornburytowncouncil-gov.uk"), (.bluesky, "thornburytowncouncil.gov.uk.evil.example"),
                                   (.x, "thornburytowncouncil.gov.uk"), (.threads, "thornburytc_"),
                                   (.bluesky, "evil.com/.thornburytowncouncil.gov.uk"), (.bluesky, "évil.thornburytowncouncil.gov.uk"),
                                   (.bluesky, "evil_x.thornburytowncouncil.gov.uk"), (.bluesky, "x@evil.com .thornburytowncouncil.gov.uk"),
                                   (.bluesky, "*.thornburytowncouncil.gov.uk"), (.threads, "thornbury\u{200B}tc"),
                                   (.bluesky, "news.thornburytowncouncil.gov.uk")] {
            #expect(judge(platform, handle).verdict == .suspect, "\(platform) \(handle)")
        }
    }

    /// A small parish's clerk often mails from Gmail: the contact address in the watchlist is the council's own
    /// sender, and an address spelt like it is not.
    @Test func theContactAddressIsTheCouncilsOwnSender() throws {
        let whitcombe = Identity(id: "whitcombe", name: "Upper Whitcombe Parish Council", kind: "parish council", place: "Upper Whitcombe",
                                 contact: Contact(name: "Ian Tetlow", role: "Parish Clerk", email: "UpperWhitcombeClerk@gmail.com"),
                                 people: [Person(name: "Ian Tetlow", role: "Parish Clerk")])
        let scorer = try Scorer(identities: [whitcombe])
        let mail = { (sender: String) in
            scorer.assess(Profile(platform: .email, id: "m", handle: sender, displayName: "Ian Tetlow",
                                  bio: "The next meeting of Upper Whitcombe Parish Council is on 3 June. Ian Tetlow, Parish Clerk"))
        }
        #expect(mail("upperwhitcombeclerk@gmail.com").verdict == .official)
        #expect(mail("upperwhitcombe.clerk@gmail.com").verdict == .suspect)
        // The clerk's own mailbox, taken: a gift-card ask from it is a case all the same.
        let taken = scorer.assess(Profile(platform: .email, id: "t", handle: "upperwhitcombeclerk@gmail.com", displayName: "Ian Tetlow",
                                          bio: "I need 5 x £100 Amazon vouchers today. Could you pick them up? I'll reimburse you tomorrow."))
        #expect(taken.verdict == .suspect && taken.reasons.contains { $0.signal == .mailboxTaken }, "\(taken.reasons)")
    }

    /// A handle that is not one address borrows nothing from the council's domain in it: the sender's domain is
    /// read only from a single address.
    @Test func onlyOneAddressIsASender() throws {
        let kelby = Identity(id: "kelby", name: "Kelby Town Council", kind: "town council", place: "Kelby", domains: ["kelby-tc.gov.uk"])
        let scorer = try Scorer(identities: [kelby])
        for sender in ["attacker@evil.com, clerk@kelby-tc.gov.uk", "attacker@evil.com\nclerk@kelby-tc.gov.uk", "x@evil.com@kelby-tc.gov.uk",
                       "attacker@evil.com"] {
            let mail = scorer.assess(Profile(platform: .email, id: "m", handle: sender, displayName: "Kelby Town Council",
                                             bio: "Our bank details have changed: please pay invoice 4471 by transfer today."))
            #expect(mail.verdict == .suspect && !mail.reasons.contains { $0.signal == .ownDomain }, "\(sender): \(mail.reasons)")
        }
        #expect(FoldedProfile.senderDomain(" Clerk@Kelby-TC.gov.uk ") == "kelby-tc.gov.uk")
    }

    /// A handle that only lower-cases to a listed one (a Kelvin sign for its "K") is not the listed account;
    /// an e-mail domain that only ends in the council's is not the council's.
    @Test func lookalikeCaseAndTextThatOnlyEndsInTheDomainAreNotTheCouncils() throws {
        let kelby = Identity(id: "kelby", name: "Kelby Town Council", kind: "town council", place: "Kelby",
                             domains: ["kelby-tc.gov.uk"], officials: [AccountReference(platform: .x, handle: "KelbyTC")])
        let scorer = try Scorer(identities: [kelby])
        let profile = { (platform: Platform, handle: String) in
            scorer.assess(Profile(platform: platform, id: "k", handle: handle, displayName: "Kelby Town Council", bio: "Grants: DM us"))
        }
        #expect(profile(.x, "KelbyTC").verdict == .official)
        #expect(profile(.x, "\u{212A}elbyTC").verdict == .suspect)
        #expect(kelby.ownDomain(of: "mail.kelby-tc.gov.uk") == "kelby-tc.gov.uk")
        // Through the scorer too, whose sender's domain is lower-cased before it is checked.
        let mail = scorer.assess(Profile(platform: .email, id: "m", handle: "clerk@\u{212A}elby-tc.gov.uk", displayName: "Kelby Town Council",
                                         bio: "Are you free? I need a quick favour"))
        #expect(!mail.reasons.contains { $0.signal == .ownDomain }, "\(mail.reasons.map(\.detail))")
        for host in ["evil.com/.kelby-tc.gov.uk", "[1.2.3.4].kelby-tc.gov.uk", "\u{212A}elby-tc.gov.uk", "kelby-tc.gov.uk.", "-x.kelby-tc.gov.uk"] {
            #expect(kelby.ownDomain(of: host) == nil, "\(host)")
        }
    }

    /// A money phrase that runs over a sentence's end ("help me? With …") is read without a crash: before, the
    /// words after it were sliced past the sentence and the process trapped.
    @Test func aMoneyPhraseOverASentenceEndIsRead() {
        let a = judge("Helen Marsh", handle: "helen.marsh", bio: "Mayor of Thornbury. Can you help me? With the fete, I mean.")
        #expect(a.identity == "thornbury-town-council" && a.reasons.contains { $0.signal == .personName }, "\(why(a))")
    }

    /// A text or WhatsApp message shows a number, not a name: the name it gives itself is the sender's.
    @Test func aMessageIsFromWhomItSaysItIs() {
        func message(_ text: String, platform: Platform = Platform(rawValue: "sms"), followers: Int? = nil) -> Assessment {
            scorer.assess(Profile(platform: platform, id: "m", handle: "+447700900123", displayName: "", bio: text, followers: followers))
        }
        for text in ["Hi it's Cllr Helen Marsh, new number, please save it", "Hi, this is the Mayor, Helen Marsh. New number, please save it",
                     "Hi all, Helen Marsh here. Changed my phone, please update your contacts"] {
            let a = message(text)
            #expect(a.verdict == .suspect && a.target == .person, "\(text): \(why(a))")
        }
        // However many follow the number: a message is no established page.
        #expect(message("Hi it's Cllr Helen Marsh, new number, please save it", platform: Platform(rawValue: "whatsapp"), followers: 900)
            .verdict == .suspect)
        for text in ["Hi it's Dave from Thornbury Motors, your car is ready to collect", "Your parcel could not be delivered",
                     "Hi Helen, it's Jo. See you at the fete"] {
            #expect(message(text).verdict == .clear, "\(text): \(why(message(text)))")
        }
    }

    /// "Hi David, it's Helen": a text to the Clerk by his first name, signed with the Mayor's alone, is from the Mayor
    /// as the scam means him to read it. Not a Helen with a surname of her own, nor one writing to a David the council
    /// does not have, nor a greeting that opens no message.
    @Test func aTextSignedWithOneFirstNameToAnotherOfTheCouncilsPeople() {
        func message(_ text: String, name: String = "+447700900722", platform: Platform = Platform(rawValue: "sms")) -> Assessment {
            scorer.assess(Profile(platform: platform, id: "m", handle: "+447700900722", displayName: name, bio: text))
        }
        let scam = "Hi David it's Helen, phone broken so using a temp number. Can you approve a payment of £2,850 today? Can't call, in a meeting."
        for a in [message(scam), message("Hi David, are you free? Can't talk, in a meeting.", name: "Helen", platform: Platform(rawValue: "whatsapp")),
                  message("Hi David, can you make an urgent payment today? In a meeting.", name: "Helen", platform: .email)] {
            #expect(a.verdict == .suspect && a.identity == "thornbury-town-council" && a.reasons.contains { $0.signal == .personName },
                    "\(why(a))")
        }
        for a in [message("Hi David, are you free? Can't talk, in a meeting.", name: "Helen Smith"),
                  message("Hi Bob it's Helen, are you free? Can't talk, in a meeting."),
                  message("It's Helen. Hi David, are you free? Can't talk, in a meeting.")] {
            #expect(!a.reasons.contains { $0.signal == .personName }, "\(why(a))")
        }
    }

    /// A councillor by their title and one of their names ("Cllr Helen"), but not a councillor of another name.
    @Test func aCouncillorByTitleAndOneName() {
        for name in ["Cllr Helen", "Cllr Marsh", "Mayor Helen"] {
            let a = judge(name, handle: "helen.help.22", bio: "New account, old one hacked. Can you get me gift cards?")
            #expect(a.verdict == .suspect && a.target == .person, "\(name): \(why(a))")
        }
        let other = judge("Cllr Helen Smith", handle: "helen.help.22", bio: "New account, old one hacked. Can you get me gift cards?")
        #expect(!other.reasons.contains { $0.signal == .personName || $0.signal == .personScam }, "\(why(other))")
        #expect(judge("Cllr David", handle: "d.help", bio: "New account. Can you get me gift cards?").verdict == .clear,
                "the Clerk is no councillor")
    }

    @Test func anOfficialAddressCountsOnlyOnItsOwnPlatform() throws {
        var council = thornbury
        council.officials = [AccountReference(platform: .facebook, handle: "ThornburyTownCouncil",
                                              url: "https://www.facebook.com/ThornburyTownCouncil")]
        let scorer = try Scorer(identities: [council])
        func judge(_ platform: Platform, _ handle: String) -> Assessment {
            scorer.assess(Profile(platform: platform, id: "u", handle: handle, displayName: "Thornbury Town Council",
                                  bio: "Council tax refunds: DM us", url: "https://www.facebook.com/ThornburyTownCouncil/"))
        }
        #expect(judge(.facebook, "100064123456789").verdict == .official, "the page read by its number")
        #expect(judge(.x, "refunds").verdict == .suspect, "an account on X giving the page's address")
    }

    @Test func attributesToTheRightCouncil() {
        #expect(judge("Rugeley Town Council").identity == "rugeley-town-council")
        #expect(judge("Mayor of Rugeley").identity == "rugeley-town-council")
    }

    @Test func reasonsSayWhatMatched() {
        let a = judge("Тhornbury Town Council")
        let name = try! #require(a.reasons.first { $0.signal == "name" })
        #expect(name.identity == "thornbury-town-council")
        #expect(name.folded == "thornbury town council")
        #expect(a.reasons.contains { $0.signal == "disguise" && $0.folded?.contains("U+0422") == true })
    }

    @Test func hostileTextIsBoundedAndHarmless() {
        let huge = String(repeating: "Thornbury ", count: 50_000)
        let a = judge(huge + "Town Council", bio: String(repeating: "<script>alert(1)</script>", count: 10_000))
        #expect(a.score >= 0 && a.score <= 1)
        let rtl = judge("\u{202E}licnuoC nwoT yrubnrohT")
        #expect(rtl.score >= 0 && rtl.score <= 1)
    }
}

/// The council's own account known by its address alone, as mobile and tracking links write it; a listed page
/// number copied by nobody.
@Suite struct OwnAccountByAddressTests {
    static let wrenford = Identity(
        id: "wrenford", name: "Wrenford Parish Council", kind: "parish council", place: "Wrenford", area: "Suffolk",
        officials: [AccountReference(platform: .facebook, handle: "100064123456789"),
                    AccountReference(platform: .youtube, handle: "WrenfordPC", url: "https://www.youtube.com/channel/UCw7Xk2pQ9LmN4rT6vB1yZ3A"),
                    AccountReference(platform: .nextdoor, handle: "wrenford-parish-council")])
    let scorer = try! Scorer(identities: [wrenford])

    func assess(_ platform: Platform, handle: String = "", url: String, bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: platform, id: url, handle: handle, displayName: "Wrenford Parish Council", bio: bio, url: url))
    }

    @Test func itsAddressAloneNamesTheCouncilsOwnAccount() {
        for (platform, url) in [(Platform.facebook, "https://m.facebook.com/profile.php?id=100064123456789&mibextid=ZbWKwL"),
                                (.youtube, "https://www.youtube.com/channel/UCw7Xk2pQ9LmN4rT6vB1yZ3A/featured"),
                                (.nextdoor, "https://nextdoor.co.uk/agency-detail/england/wrenford/wrenford-parish-council/?utm_source=share")] {
            #expect(assess(platform, url: url).verdict == .official, "\(url)")
        }
        // Another page's number, another channel, or the council's address given by an account with a name of its own.
        for (platform, handle, url) in [(Platform.facebook, "", "https://www.facebook.com/profile.php?id=100064999999999"),
                                        (.youtube, "", "https://www.youtube.com/channel/UCzzQ81ab7Pq0wXk3LmN5rT2"),
                                        (.facebook, "WrenfordPC.help", "https://m.facebook.com/profile.php?id=100064123456789")] {
            #expect(assess(platform, handle: handle, url: url).verdict == .suspect, "\(handle) \(url)")
        }
    }

    /// A page number has no letters to copy: a resident with no handle, or a number of their own, copies nothing.
    @Test func aListedPageNumberIsCopiedByNoOne() {
        for handle in ["", "61550001112223"] {
            let a = scorer.assess(Profile(platform: .instagram, id: handle, handle: handle, displayName: "Karen Webb", bio: "Mum of two, Wrenford"))
            #expect(!a.reasons.contains { $0.signal == .copiedHandle } && a.verdict == .clear, "\(handle): \(a.reasons.map(\.detail))")
        }
    }
}

/// What an attacker who writes the profiles tried (round 67): the council's own and allowed accounts asking for
/// details, mail from its own domain with a rebate lure, X's tick claimed elsewhere, the council's address beside
/// a handle of the row's own.
@Suite struct ListedAccountAttackTests {
    static let elmsford = Identity(
        id: "elmsford", name: "Elmsford Town Council", kind: "town council", place: "Elmsford", area: "Dorset",
        website: "https://elmsford-tc.gov.uk", domains: ["elmsford-tc.gov.uk"],
        officials: [AccountReference(platform: .facebook, handle: "ElmsfordTownCouncil", url: "https://www.facebook.com/ElmsfordTownCouncil"),
                    AccountReference(platform: Platform(rawValue: "whatsapp"), handle: "+44 7700 900456")],
        allowed: [AccountReference(platform: .facebook, handle: "ElmsfordInBloom", note: "the in-bloom group")])
    let scorer = try! Scorer(identities: [elmsford])

    func assess(_ platform: Platform, _ handle: String, _ name: String, _ bio: String, url: String = "", verified: VerifiedOrganisation? = nil)
        -> Assessment
    {
        scorer.assess(Profile(platform: platform, id: handle, handle: handle, displayName: name, bio: bio, url: url, verifiedAs: verified))
    }

    @Test func listedAccountsAskingForDetailsAreCases() {
        let taken = [
            assess(Platform(rawValue: "whatsapp"), "+44 7700 900456", "Elmsford Town Council",
                   "You are owed a council tax rebate of £150. Reply with your name and sort code to claim."),
            assess(.facebook, "ElmsfordInBloom", "Elmsford Town Council", "Official page of Elmsford Town Council. Council tax refunds: message us your card details."),
            assess(.email, "payments@elmsford-tc.gov.uk", "Elmsford Town Council", "Your council tax rebate of £150 is ready. Reply with your card number to receive it."),
        ]
        for a in taken { #expect(a.verdict == .suspect, "\(a.handle): \(a.reasons.map(\.detail))") }
        // The allowed group renamed is its own business; the council's own mail about its forms is no lure.
        #expect(assess(.facebook, "ElmsfordInBloom", "Elmsford Blooms", "Hanging baskets on the High Street").verdict == .allowed)
        #expect(assess(.email, "payments@elmsford-tc.gov.uk", "Elmsford Town Council",
                       "Hall hire refunds are paid by bank transfer; fill in the form at elmsford-tc.gov.uk/refunds").verdict != .suspect)
    }

    @Test func theCouncilsAddressBesideAHandleOfTheRowsOwnIsNotItsAccount() {
        let row = assess(.facebook, "ElmsfordTCgrants", "Elmsford Town Council", "Grants: message us", url: "https://www.facebook.com/ElmsfordTownCouncil")
        #expect(row.verdict == .suspect, "\(row.reasons.map(\.detail))")
        #expect(assess(.facebook, "", "Elmsford Town Council", "", url: "https://m.facebook.com/ElmsfordTownCouncil/").verdict == .official)
    }

    @Test func onlyXsTickCounts() {
        let bio = "News from your town council"
        let onX = assess(.x, "ElmsfordTC2", "Elmsford Town Council", bio, verified: .government)
        let elsewhere = assess(.facebook, "ElmsfordTC2", "Elmsford Town Council", bio, verified: .government)
        #expect(onX.reasons.contains { $0.signal == .platformVerified } && !elsewhere.reasons.contains { $0.signal == .platformVerified })
    }
}
