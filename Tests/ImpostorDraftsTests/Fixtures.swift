import Foundation
import ImpostorCore
import TestScratch
@testable import ImpostorDrafts

/// The cases the tests draft for: Oakbridge Town Council (the watchlist's fictional example).
enum Fixtures {
    /// 21 August 2026 21:47 UTC, when the fake account was first seen.
    static let firstSeen = Date(timeIntervalSince1970: 1_787_348_820)
    static let drafted = Date(timeIntervalSince1970: 1_787_400_000)

    static let council = DraftCase.Council(
        name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge", area: "Wiltshire",
        website: "https://www.oakbridge-tc.gov.uk", accountsPage: "https://www.oakbridge-tc.gov.uk/social-media",
        officials: [
            AccountReference(platform: .facebook, handle: "OakbridgeTownCouncil", url: "https://www.facebook.com/OakbridgeTownCouncil"),
            AccountReference(platform: .x, handle: "OakbridgeTC"),
            AccountReference(platform: .bluesky, handle: "oakbridge-tc.gov.uk"),
            AccountReference(platform: .mastodon, handle: "OakbridgeTC@mastodon.example.org.uk"),
        ],
        clerk: Contact(name: "Jane Whitfield", role: "Town Clerk", email: "clerk@oakbridge-tc.gov.uk", phone: "01234 567890",
                       address: "Town Hall, Market Place, Oakbridge"))

    static let evidence = DraftCase.Evidence(
        score: 0.93,
        reasons: ["the name reads as Oakbridge Town Council", "the bio asks for money, messages or a move to this account"],
        logoDistance: 12, capturedAt: firstSeen)

    /// A fake Facebook page using the council's name.
    static func councilCase(platform: Platform = .facebook, preElection: Bool = false) -> DraftCase {
        DraftCase(
            council: council, target: .council,
            suspect: DraftCase.Suspect(
                platform: platform, id: "100093456789012", handle: "oakbridgecouncil.official",
                displayName: "Oakbridge Town Council ✔",
                profileURL: "https://www.facebook.com/profile.php?id=100093456789012",
                bio: "OFFICIAL page 🏛 Claim the £150 grant – message us your bank details!", createdAt: "2026-08-20"),
            evidence: evidence, firstSeen: firstSeen, drafted: drafted, preElection: preElection)
    }

    /// A fake X account of the Mayor.
    static func mayorCase(platform: Platform = .x, preElection: Bool = false) -> DraftCase {
        DraftCase(
            council: council, target: .person(name: "Cllr Priya Sharma", role: "Mayor"),
            suspect: DraftCase.Suspect(
                platform: platform, id: "1829384756", handle: "MayorOakbridge", displayName: "Mayor of Oakbridge Priya Sharma",
                profileURL: "https://x.com/MayorOakbridge", bio: "Your Mayor. DM me about the community fund.",
                createdAt: "2026-08-19T10:00:00Z"),
            evidence: evidence, firstSeen: firstSeen, drafted: drafted, preElection: preElection)
    }

    /// A case with `name` and `handle` as the account's, on `platform`.
    static func named(_ name: String, handle: String = "oakbridge_council", platform: Platform = .facebook,
                      target: DraftCase.Impersonated = .council, preElection: Bool = false) -> DraftCase {
        var c = target == .council ? councilCase(platform: platform) : mayorCase(platform: platform)
        c.target = target
        c.suspect.displayName = name
        c.suspect.handle = handle
        c.preElection = preElection
        return c
    }

    static let drafter: Drafter = Drafter(templates: try! TemplateSet.load())

    /// A fresh folder under the temporary directory.
    static func folder() throws -> String {
        let dir = Scratch.path("drafts")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
