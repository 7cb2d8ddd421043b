import ImpostorText

/// UK counties and regions, as the bios of councils elsewhere name them ("…Parish Council, Shropshire"):
/// the `counties` list of the vocabulary.
enum Counties {
    /// Each county as its word keys, longest first so "North Yorkshire" wins over "Yorkshire".
    static func keyed(_ names: [String], folder: Folder) -> [[String]] {
        names.map { folder.fold($0).keys }.sorted { $0.count > $1.count }
    }

    /// The counties named in `keys`, each once, longest match first.
    static func named(in keys: [String], table: [[String]]) -> [[String]] {
        var found: [[String]] = []
        var i = 0
        while i < keys.count {
            if let hit = table.first(where: { c in i + c.count <= keys.count && keys[i..<(i + c.count)].elementsEqual(c) }) {
                if !found.contains(hit) { found.append(hit) }
                i += hit.count
            } else {
                i += 1
            }
        }
        return found
    }
}
