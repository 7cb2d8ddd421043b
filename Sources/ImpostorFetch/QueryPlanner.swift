import ImpostorCore

/// The search terms for a watchlist: each identity's name, aliases, its place alone and with role
/// words, people and its own `queries`, without repeats.
public enum QueryPlanner {
    /// Words an impostor puts next to the place name.
    static let roleWords = ["council", "mayor", "town clerk"]

    public static func queries(for identities: [Identity]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        func add(_ query: String) {
            let q = query.trimmingSpaces()
            guard !q.isEmpty, seen.insert(q.lowercased()).inserted else { return }
            result.append(q)
        }
        for identity in identities {
            add(identity.name)
            identity.aliases.forEach(add)
            if !identity.place.isEmpty {
                // The bare place too: "Burscough Town Counci1" or "NEW Camelford PjC" share no spelled
                // council word with a query, only the place.
                add(identity.place)
                for word in roleWords { add("\(identity.place) \(word)") }
            }
            for person in identity.people {
                add(person.name)
                if !identity.place.isEmpty, !person.role.isEmpty { add("\(identity.place) \(person.role)") }
            }
            identity.queries.forEach(add)
        }
        return result
    }
}
