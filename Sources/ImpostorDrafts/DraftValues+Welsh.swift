import ImpostorCore

extension DraftValues {
    /// Puts the values that are words, not names, into Welsh: dates, offices, "the council", "or".
    ///
    /// Names stay as the watchlist and the suspect wrote them. The Welsh templates are worded so that no
    /// value follows a word that would mutate it ("gan", "i", "o" before a name): "Maer y cyngor", not
    /// "ein Maer", and "Nid yw {{council_name}} yn rhedeg", not "gan {{council_name}}".
    func welsh(_ v: inout [String: TemplateValue], channel: Channel) {
        let c = draft.council
        v["first_seen"] = .text(DraftDate.long(draft.firstSeen, language: "cy"))
        v["drafted_on"] = .text(DraftDate.long(draft.drafted, language: "cy"))
        let contacts = [c.clerk?.phone, c.clerk?.email].compactMap { $0?.trimmingSpaces() }.filter { !$0.isEmpty }
        set(&v, "clerk_contact", contacts.joined(separator: " neu "))
        set(&v, "clerk_role", c.clerk?.role.map(Self.welshOffice))
        if draft.suspect.platform == .email { v["suspect_platform"] = .text("e-bost") }
        // The council's Welsh name where its aliases give one ("Cyngor Tref Aberteifi").
        let council = c.welshName ?? c.name
        v["council_name"] = .text(council)
        if case .person(let name, let role) = draft.target {
            let office = Self.welshOffice(role)
            // The templates say "{{person_role}} y cyngor": the office alone, not "Clerc y Dref y cyngor".
            set(&v, "person_role", Self.bareOffice(office))
            v["impersonated"] = .text(draft.preElection ? "\(office) \(council)" : "\(name), \(office) \(council)")
            let bare = Self.bareOffice(office)
            v["impersonated_short"] = .text(draft.preElection ? "\(bare) y cyngor" : "\(bare) y cyngor, \(name)")
        } else {
            v["impersonated_short"] = .text("y cyngor")
        }
        v["channel_name"] = .text(channel == .website ? "ein gwefan" : AccountLinks.name(of: channel.platform!))
    }

    /// The Welsh for the offices watchlists name most, by the English written in lower case.
    static let welshOffices: [String: String] = [
        "mayor": "Maer", "town mayor": "Maer y Dref", "deputy mayor": "Dirprwy Faer", "chair": "Cadeirydd",
        "chairman": "Cadeirydd", "chairperson": "Cadeirydd", "vice chair": "Is-gadeirydd", "vice-chair": "Is-gadeirydd",
        "vice chairman": "Is-gadeirydd", "clerk": "Clerc", "town clerk": "Clerc y Dref", "council clerk": "Clerc y Cyngor",
        "clerk to the council": "Clerc y Cyngor", "councillor": "Cynghorydd", "leader": "Arweinydd",
        "deputy leader": "Dirprwy Arweinydd", "proper officer": "Swyddog Priodol",
    ]

    /// A Welsh office without the body it belongs to: "Clerc y Dref" is "Clerc".
    static func bareOffice(_ office: String) -> String {
        for body in [" y Dref", " y Cyngor"] where office.hasSuffix(body) { return String(office.dropLast(body.count)) }
        return office
    }

    /// `office` in Welsh when it is one of `welshOffices`, else as the watchlist wrote it (which may be Welsh already).
    static func welshOffice(_ office: String) -> String {
        welshOffices[office.trimmingSpaces().lowercased()] ?? office.trimmingSpaces()
    }
}
