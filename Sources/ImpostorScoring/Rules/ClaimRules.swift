import ImpostorCore
import ImpostorText

// What the display name claims to be. Only the strongest claim counts.

/// "Mayor of Oakbridge": an office of the council, with its place.
enum OfficeRule: Rule {
    static let signal = Signal.office
    static let weight = 5.5
    static let summary = "the name claims one of the council's offices (Mayor, Chair, Clerk) at its place"
    static let examples: [RuleExample] = [
        .fires("Mayor of Oakbridge"), .fires("Oakbridge Town Clerk"), .fires("Maer Oakbridge"),
        .quiet("Mayor of Riverton"), .quiet("Oakbridge Town Council"), .quiet("Oakbridge Mayor's Parade"),
        .quiet("Oakbridge Leader"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard e.placed, !e.name.offices.isEmpty else { return nil }
        let offices = e.name.offices.sorted().joined(separator: ", ")
        return Hit(weight: weight, detail: "the name claims an office of \(e.council): \(offices)", matched: offices,
                   folded: e.shown, target: .person)
    }
}

/// "Cllr Priya Sharma, Oakbridge": one of the council's people joined to the council or its place.
enum PersonRule: Rule {
    static let signal = Signal.person
    static let weight = 5.0
    static let summary = "the name joins one of the council's people to the council, its place or an office"
    static let examples: [RuleExample] = [
        .fires("Priya Sharma, Mayor"), .fires("Priya Sharma Oakbridge"), .fires("Tom Okafor Town Council"),
        .quiet("Priya Sharma"), .quiet("Priya Shah, Oakbridge"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let person = e.name.person, e.placed || e.name.councilWord || (!e.name.offices.isEmpty && !e.name.personByOneName)
        else { return nil }
        return Hit(weight: weight, detail: "the name joins \(person.person.role) \(person.person.name) to the council or its place",
                   matched: person.person.name, folded: e.shown, target: .person)
    }
}

/// "Priya Sharma": the name of one of the council's people, and nothing more. A namesake is likely.
enum PersonNameRule: Rule {
    static let signal = Signal.personName
    static let weight = 2.0
    static let summary = "the name is that of one of the council's people, or their office and one of their names (\"Mayor Priya\"),"
        + " with nothing tying it to the council"
    static let examples: [RuleExample] = [
        .fires("Priya Sharma"), .fires("Tom Okafor"),
        .quiet("Priya Sharma, Mayor"), .quiet("Priya Patel"),
        .fires("Mayor Priya"), .fires("Tom - Town Clerk"), .fires("Mayor Sharma"),
        .quiet("Priya"), .quiet("Mayor Tom"), .quiet("Mayor Priya, Oakbridge"), .quiet("Mayor Priya Patel"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let person = e.name.person, !(e.placed || e.name.councilWord || (!e.name.offices.isEmpty && !e.name.personByOneName))
        else { return nil }
        if e.name.personByOneName {
            return Hit(weight: weight, detail: "the name gives the office and a name of \(person.person.role) \(person.person.name)",
                       matched: person.person.name, folded: e.shown, target: .person)
        }
        return Hit(weight: weight, detail: "the name is that of \(person.person.role) \(person.person.name)",
                   matched: person.person.name, folded: e.shown, target: .person)
    }
}

/// "Oakbridge Town Council", "0akbridge TC": the council's name, perhaps with a typo in the place.
enum NameRule: Rule {
    static let signal = Signal.name
    static let weight = 5.0
    /// The name exactly, or an alias, with nothing added.
    static let exact = 6.0
    static let withTypo = 4.5
    static var variants: [(when: String, weight: Double)] {
        [("the name exactly, nothing added", exact), ("a typo in the place, or its initials", withTypo)]
    }
    static let summary = "the name reads as the council's: its place and a council word or abbreviation (or the council words,"
        + " with the place in the handle)"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council"), .fires("Oakbrige Town Council"), .fires("Oakbridge TC"),
        .fires("OFFICIAL Oakbridge Council"), .fires("Cyngor Tref Oakbridge"),
        .quiet("Oakbridge Cricket Club"), .quiet("Riverton Town Council"), .quiet("South Oakbridge Town Council"),
        .fires("Town Council", handle: "oakbridge"), .quiet("Parish Council", handle: "oakbridge"),
        .quiet("Town Council", handle: "rivertown"), .quiet("Town Council Watch", handle: "oakbridge"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        if let split = Self.split(e) { return split }
        guard e.namesCouncil, let place = e.name.place else { return nil }
        var w = place.distance == 0 ? weight : withTypo
        if e.name.nameFormDistance == 0 && e.name.otherWords.isEmpty && e.name.organisationWords.isEmpty
            && e.name.offices.isEmpty && e.name.person == nil
        {
            w = exact
        }
        let typo = place.initials ? " by the initials of \(e.identity.identity.place)"
            : place.distance > 0 ? " with \(place.distance) typo(s) in the place" : ""
        return Hit(weight: w, detail: "the name reads as \(e.council)\(typo)", matched: e.council, folded: e.shown, target: .council)
    }
}

extension NameRule {
    /// "Town Council" behind @oakbridge: the council's kind and council word are the whole name, and the
    /// handle gives its place, spelled right.
    static func split(_ e: Evidence) -> Hit? {
        let name = e.name
        guard name.place == nil, name.councilWord, !name.kinds.isEmpty, name.kinds.isSubset(of: e.identity.ownKinds),
            name.otherWords.isEmpty, name.organisationWords.isEmpty, name.offices.isEmpty, name.person == nil, !name.negated,
            e.handle.place?.distance == 0, !e.handleStandsApart
        else { return nil }
        return Hit(weight: withTypo, detail: "the name gives the council's words and the handle its place", matched: e.council,
                   folded: e.shown + " @" + e.texts.handle.compact, target: .council)
    }
}

/// "Oakbridge Updates": the place alone. Many honest accounts do this.
enum PlaceRule: Rule {
    static let signal = Signal.place
    static let weight = 1.0
    static let summary = "the name mentions the council's place, without claiming to be the council"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Updates"), .fires("Oakbridge Cricket Club"),
        .quiet("Oakbridge Town Council"), .quiet("Riverton Updates"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard e.placed, !e.namesCouncil else { return nil }
        let place = e.identity.identity.place
        return Hit(weight: weight, detail: "the name mentions \(place)", matched: place, folded: e.shown, target: .council)
    }
}
