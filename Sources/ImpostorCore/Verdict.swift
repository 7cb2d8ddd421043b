/// What impostor concludes about one account.
public enum Verdict: String, Sendable, Codable, Hashable, CaseIterable {
    /// One of the council's own accounts, listed under `[[official]]`.
    case official
    /// An account the council has looked at and allowed, listed under `[[allow]]`.
    case allowed
    /// Looks like it pretends to be the council or one of its people: a case for the clerk.
    case suspect
    /// Nothing to act on.
    case clear
}

/// Whom a suspect account pretends to be.
public enum Target: String, Sendable, Codable, Hashable {
    /// The council itself.
    case council
    /// One of its people: the Mayor, the Chair, the Clerk.
    case person
}
