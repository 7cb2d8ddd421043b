import ImpostorText

/// UK counties and regions, as the bios of councils elsewhere name them ("…Parish Council, Shropshire"):
/// the `counties` list of the vocabulary.
enum Counties {
    /// Each county as its word keys, by its first key, longest first so "North Yorkshire" wins over "Yorkshire".
    static func keyed(_ names: [String], folder: Folder) -> [String: [[String]]] {
        let all = names.map { folder.fold($0).keys }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        return Dictionary(grouping: all, by: { $0[0] })
    }

    /// The counties named in `keys`, each once, longest match first.
    static func named(in keys: [String], table: [String: [[String]]]) -> [[String]] {
        var found: [[String]] = []
        var i = 0
        while i < keys.count {
            if let hit = table[keys[i]]?.first(where: { c in i + c.count <= keys.count && keys[i..<(i + c.count)].elementsEqual(c) }) {
                if !found.contains(hit) { found.append(hit) }
                i += hit.count
            } else {
                i += 1
            }
        }
        return found
    }
}
