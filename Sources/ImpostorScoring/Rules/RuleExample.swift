import ImpostorCore

/// An account a rule must fire on, or must not, read against `council`.
struct RuleExample: Sendable {
    var name: String
    var handle: String
    var bio: String
    var platform: Platform
    /// The avatar's PDQ distance from the council's logo, when it resembles it.
    var logoDistance: Int?
    /// How many follow the account, where the example says.
    var followers: Int? = nil
    /// What the platform says of the account, where the example says.
    var verified: VerifiedOrganisation? = nil
    var parody: Bool? = nil
    var fires: Bool

    static func fires(_ name: String, handle: String = "resident4821", bio: String = "", platform: Platform = .x,
                      logo: Int? = nil, followers: Int? = nil, verified: VerifiedOrganisation? = nil, parody: Bool? = nil) -> RuleExample {
        RuleExample(name: name, handle: handle, bio: bio, platform: platform, logoDistance: logo, followers: followers, verified: verified,
                    parody: parody, fires: true)
    }

    static func quiet(_ name: String, handle: String = "resident4821", bio: String = "", platform: Platform = .x,
                      logo: Int? = nil, followers: Int? = nil, verified: VerifiedOrganisation? = nil, parody: Bool? = nil) -> RuleExample {
        RuleExample(name: name, handle: handle, bio: bio, platform: platform, logoDistance: logo, followers: followers, verified: verified,
                    parody: parody, fires: false)
    }

    var profile: Profile {
        Profile(platform: platform, id: "example", handle: handle, displayName: name, bio: bio, followers: followers,
                verifiedAs: verified, parody: parody)
    }

    var logoMatches: [LogoMatch] {
        logoDistance.map { [LogoMatch(identity: Self.council.id, logo: "crest.png", distance: $0, variant: "whole")] } ?? []
    }

    /// The council every example is read against: a town in Kent with a Mayor and a Clerk.
    static let council = Identity(
        id: "oakbridge-town-council", name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge",
        area: "Kent", website: "https://oakbridge-tc.gov.uk", domains: ["oakbridge-tc.gov.uk"],
        contact: Contact(email: "oakbridge.clerk@gmail.com"),
        officials: [AccountReference(platform: .facebook, handle: "OakbridgeTownCouncil")],
        people: [Person(name: "Priya Sharma", role: "Mayor"), Person(name: "Tom Okafor", role: "Town Clerk")])
}
