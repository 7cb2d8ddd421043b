import ImpostorCore
import ImpostorText

// The handle: often copied even when the display name is generic.

extension Evidence {
    /// The handle spells the longer place too, disowns the council ("oakbridgetcwatch") or is a
    /// councillor's own ("cllrsmithoakbridge"): no evidence of speaking as the council.
    var handleStandsApart: Bool { handleIsLonger || handle.negated || handle.councillorTitle }
    /// The handle is the display name run together ("cyngorcymunedllandudoch"): when the name reads as
    /// no place of this council's, read word by word, the handle says nothing more.
    var handleIsTheName: Bool { !texts.name.compact.isEmpty && texts.handleTrimmed.compact == texts.name.compact }
}

/// "@OakbridgeTC", "@mayorofoakbridge": a handle spelled as the council or one of its offices.
enum HandleRule: Rule {
    static let signal = Signal.handle
    static let weight = 2.5
    /// Behind a name that claims nothing else, a handle spelled as the council is a case on its own.
    static let alone = 4.0
    /// One of the council's people joined to their office ("priyasharma_mayor"), behind a name that claims
    /// no person: the name a scam page gives itself changes, the handle it was made with stays.
    static let holder = 2.0
    static var variants: [(when: String, weight: Double)] {
        [("behind a name that claims nothing", alone), ("one of the council's people with their office, behind a name that does not name them", holder)]
    }
    static let summary = "the handle reads as the council, as an office at its place, or as one of its people with their office"
    static let examples: [RuleExample] = [
        .fires("Town Updates", handle: "oakbridgetowncouncil"), .fires("Oakbridge Town Council", handle: "OakbridgeTC"),
        .fires("Notices", handle: "mayorofoakbridge"),
        // X allows 15 characters: the council's word cut short is still its word.
        .fires("Help Desk", handle: "OakbridgeCounci"),
        .quiet("Town Updates", handle: "oakbridgetcwatch"), .quiet("Town Updates", handle: "rivertontowncouncil"),
        .quiet("Town Updates", handle: "oakbridgeupdates"), .quiet("Oakbridge Parish Council", handle: "OakbridgePC"),
        .fires("Hardship Grants", handle: "priyasharma_mayor"), .fires("Help Desk", handle: "mayorpriyasharma"),
        .quiet("Priya Sharma", handle: "priyasharma_mayor"), .quiet("Hardship Grants", handle: "priyasharma"),
        .quiet("Hardship Grants", handle: "tomokafor_mayor"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A handle that spells the same other kind of council as the name ("RyeCityCouncilNY" behind
        // "Rye City Council", for Rye Town Council) says nothing the name does not.
        let otherKind = so.has(.otherKind) && !e.handle.kinds.isEmpty && e.handle.kinds.isDisjoint(with: e.identity.ownKinds)
        if let person = e.handle.holder, e.handle.offices.contains(person.office), e.handle.place == nil, e.name.person == nil,
            !e.handleStandsApart
        {
            return Hit(weight: holder, detail: "the handle joins \(person.person.role) \(person.person.name) to their office",
                       matched: person.person.name, folded: e.texts.handle.compact, target: .person)
        }
        guard !e.handleStandsApart, e.handle.namesCouncil || (e.handle.place != nil && !e.handle.offices.isEmpty),
            !e.handleIsTheName || e.name.place != nil, !otherKind
        else { return nil }
        let w = so.nameWeight >= NameRule.withTypo ? weight : alone
        return Hit(weight: w, detail: "the handle reads as \(e.council)", matched: e.council, folded: e.texts.handle.compact)
    }
}

/// "@oakbridgeupdates": the place in the handle, and nothing more.
enum HandlePlaceRule: Rule {
    static let signal = Signal.handlePlace
    static let weight = 0.5
    static let summary = "the handle mentions the council's place"
    static let examples: [RuleExample] = [
        .fires("Town Updates", handle: "oakbridgeupdates"),
        .quiet("Town Updates", handle: "oakbridgetowncouncil"), .quiet("Town Updates", handle: "rivertonupdates"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard !e.handleStandsApart, e.handle.place != nil,
            !(e.handle.namesCouncil || !e.handle.offices.isEmpty)
        else { return nil }
        let place = e.identity.identity.place
        return Hit(weight: weight, detail: "the handle mentions \(place)", matched: place, folded: e.texts.handle.compact)
    }
}

/// "@OakbridgeTownCouncil_", "@0akbridge.town.council": one of the council's own listed handles with a separator,
/// digits or a look-alike put on or taken off. Residents follow the handle they know; a copy a keystroke off is
/// made to pass for it.
enum CopiedHandleRule: Rule {
    static let signal = Signal.copiedHandle
    static let weight = 4.0
    static let summary = "the handle is one of the council's listed handles with separators, digits at its end or look-alike letters changed"
    static let examples: [RuleExample] = [
        .fires("Oakbridge", handle: "OakbridgeTownCouncil_"), .fires("Town News", handle: "oakbridge.town.council1"),
        .fires("Oakbridge Parish", handle: "0akbridgeTownCouncil"),
        // The same handle on another platform is the council's own name there: the other rules read it.
        .quiet("Oakbridge", handle: "OakbridgeTownCouncil"), .quiet("Oakbridge FC", handle: "OakbridgeTownFC"),
        .quiet("Oakbridge", handle: "oakbridgetowncouncilwatch"), .quiet("Oakbridge Town Council", handle: "OakbridgeTownCo"),
        .quiet("Oakbridge Town Council", handle: "clerk@oakbridge-tc.gov.uk", bio: "Agenda attached", platform: .email),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard !e.texts.isMessage, !e.identity.officialHandles.isEmpty else { return nil }
        let handle = e.texts.handle.original.lowercased(), padless = unpadded(handle)
        // The same name as any listed account is the council's own on another platform: the other rules read it.
        if e.identity.officialHandles.contains(where: { $0.handle == handle }) { return nil }
        // As written, look-alikes read ("0akbridge"), or without separators and end digits; never as completed from X's cut
        // ("ChorhamTownCoun" is a namesake's own handle cut at 15 as surely as a copy of "ChorhamTownCouncil").
        // A listed handle of digits alone (a Facebook page's number) has no letters to copy: "" is no copy of it.
        guard let own = e.identity.officialHandles.first(where: { own in
            own.handle != handle && own.padless.count >= 3 && (own.compact == e.texts.handle.compact || own.padless == padless)
        }) else { return nil }
        return Hit(weight: weight, detail: "the handle is the council's own @\(own.handle) with a character changed",
                   matched: own.handle, folded: e.texts.handle.compact)
    }

    /// A handle without separators and the digits at its end: "oakbridge_tc2" is "oakbridgetc".
    static func unpadded(_ handle: String) -> Substring {
        let letters = handle.filter { $0 != "_" && $0 != "." && $0 != "-" }
        return letters[..<(letters.lastIndex { !$0.isNumber }.map(letters.index(after:)) ?? letters.startIndex)]
    }
}
