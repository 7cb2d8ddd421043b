import Foundation
import ImpostorCore

extension DraftLint {
    /// The cases the template lint renders every draft for: the council impersonated, a person impersonated,
    /// the same before an election, and an account whose names hold long text, emoji (joined sequences,
    /// flags), right-to-left script, hidden characters and planted links.
    public static func samples(council: DraftCase.Council, person: Person? = nil, now: Date = Date()) -> [DraftCase] {
        let firstSeen = now.addingTimeInterval(-36 * 3600)
        let place = council.place.isEmpty ? council.name : council.place
        let evidence = DraftCase.Evidence(
            score: 0.93, reasons: ["the name reads as \(council.name)", "the bio asks for money, messages or a move to this account"],
            logoDistance: 14, capturedAt: firstSeen)
        let fake = DraftCase.Suspect(
            platform: .facebook, id: "100093456789012", handle: "\(place.lowercased().filter(\.isLetter))council.official",
            displayName: "\(council.name) ✔", profileURL: "https://www.facebook.com/profile.php?id=100093456789012",
            bio: "Official page. Residents can claim the £150 hardship grant: message us your name and bank details.",
            createdAt: "2026-08-20")
        let councilCase = DraftCase(council: council, target: .council, suspect: fake, evidence: evidence,
                                    firstSeen: firstSeen, drafted: now)
        let who = person ?? Person(name: "Cllr Alex Morgan", role: "Mayor")
        let mayorFake = DraftCase.Suspect(
            platform: .x, id: "1829384756", handle: "Mayor\(place.filter(\.isLetter).prefix(9))",
            displayName: "\(who.role) of \(place) \(who.name)", profileURL: "https://x.com/Mayor\(place.filter(\.isLetter).prefix(9))",
            bio: "Your \(who.role). DM me about the community fund.", createdAt: "2026-08-19T10:00:00Z")
        let mayorCase = DraftCase(council: council, target: .person(name: who.name, role: who.role), suspect: mayorFake,
                                  evidence: evidence, firstSeen: firstSeen, drafted: now)
        var preElection = mayorCase
        preElection.preElection = true
        let stress = DraftCase.Suspect(
            platform: .mastodon, id: "https://very-long-server-name.example.social/users/x",
            handle: "official_\(place.lowercased().filter(\.isLetter))_council_helpdesk@very-long-server-name-for-a-test.example.social",
            displayName: String(repeating: "مجلس المدينة 👨‍👩‍👧‍👦🇬🇧🏴󠁧󠁢󠁷󠁬󠁳󠁿 官方账号 ", count: 6)
                + "\u{202E}lanoisiffo\u{202C} https://claim-your-grant.example/now @\(place) #grant",
            profileURL: "https://very-long-server-name-for-a-test.example.social/@official",
            bio: String(repeating: "OFFICIAL GRANT PAGE 💷 ", count: 40), createdAt: nil)
        let stressCase = DraftCase(council: council, target: .council, suspect: stress, evidence: evidence,
                                   firstSeen: firstSeen, drafted: now)
        return [councilCase, mayorCase, preElection, stressCase]
    }
}
