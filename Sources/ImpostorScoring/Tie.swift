import ImpostorText

extension ProtectedIdentity {
    /// Whether anything in `texts` could tie the profile to this council (`Judgement.anchored`): its
    /// place within the typos a name or a bio allows, its initials, one of its people, one of its names
    /// in the bio, or a web address. The index offers about five councils a profile and about one is tied;
    /// a judgement that cannot be tied never counts, so the scorer does not make it.
    /// This must never say no where a judgement would be tied: `TieTests` holds it to that.
    /// `base` is the council read by its own name when this identity reads it by another.
    func mayTie(_ texts: FoldedProfile, base: ProtectedIdentity?) -> Bool {
        if !texts.bioAddresses.isEmpty || texts.isMail { return true }
        // One text at a time, never gathered in an array: a folded text is copied into one.
        func inNameOrHandle(_ pattern: SearchPattern, limit: Int) -> Bool {
            Self.occurs(pattern, in: texts.name, limit: limit) || Self.occurs(pattern, in: texts.handle, limit: limit)
                || (texts.handleHasPadding && Self.occurs(pattern, in: texts.handleTrimmed, limit: limit))
        }
        if inNameOrHandle(placePattern, limit: placeTolerance) { return true }
        if let initials = placeInitials, initials.count >= 2 {
            if NameReading.initials(initials, in: texts.name.keys) != nil { return true }
            let letters = Array(initials.unicodeScalars)
            if initials.count >= 3, EditDistance.firstOccurrence(letters, in: texts.handle.scalars) != nil
                || (texts.handleHasPadding && EditDistance.firstOccurrence(letters, in: texts.handleTrimmed.scalars) != nil)
            {
                return true
            }
        }
        for person in people where person.nameKeys.count >= 2 {
            if person.named(in: texts.name) || person.named(in: texts.handle) || (texts.handleHasPadding && person.named(in: texts.handleTrimmed))
            {
                return true
            }
            if NameReading.byInitial(person, in: texts.name.keys) { return true }
        }
        // Wider than NameReading's reading by one name, which also asks the name to hold no other name: as it must be.
        if !texts.nameOffices.isEmpty || texts.nameHasCouncillorTitle, people.contains(where: {
            NameReading.byOneName($0, offices: texts.nameOffices, councillorTitle: texts.nameHasCouncillorTitle, in: texts.name.keys)
        })
        {
            return true
        }
        return mayBeNamed(in: texts.bio) || (base?.mayBeNamed(in: texts.bio) ?? false)
    }

    /// The bio may mention the place (`BioReading`, which allows one typo from nine letters) or hold one
    /// of the council's names.
    private func mayBeNamed(in bio: FoldedText) -> Bool {
        Self.occurs(placePattern, in: bio, limit: placeCompact.count >= 9 ? 1 : 0)
            || nameForms.contains { !$0.isEmpty && bio.compact.holds($0) }
    }

    /// Whether `pattern` occurs in `text` within `limit` typos, as `EditDistance.bestSubstring` would find
    /// it, without working out where.
    static func occurs(_ pattern: SearchPattern, in text: FoldedText, limit: Int) -> Bool {
        let p = pattern.scalars
        guard !p.isEmpty, text.scalars.count + limit >= p.count, !pattern.missesMoreThan(limit, of: text.present) else { return false }
        if EditDistance.firstOccurrence(p, in: text.scalars) != nil { return true }
        if limit <= 0 { return false }
        if let d = pattern.smallestDistance(in: text.scalars, limit: limit) { return d <= limit }
        return EditDistance.bestSubstring(pattern, in: text.scalars, limit: limit) != nil
    }
}
