import ImpostorCore

/// The avatar is the council's logo or crest.
enum LogoRule: Rule {
    static let signal = Signal.logo
    static let weight = 3.5
    /// The PDQ distance (bits of 256) within which an avatar is the logo: the imaging stage's measured
    /// threshold for comparing several avatar forms with every enrolled logo form.
    static let distance = 28
    static let summary = "the avatar is the council's logo (PDQ distance within 28 bits of 256)"
    static let examples: [RuleExample] = [
        .fires("Town Updates", handle: "oakbridgeupdates", logo: 4), .fires("Oakbridge Town Council", logo: 28),
        .quiet("Oakbridge Town Council", logo: 29), .quiet("Oakbridge Town Council"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let logo = e.logoMatch else { return nil }
        return Hit(weight: weight, detail: "the avatar is the council's logo \(logo.logo) (\(logo.variant), PDQ distance \(logo.distance))",
                   matched: logo.logo, folded: "\(logo.distance) bits", distance: logo.distance)
    }
}
