import ImpostorCore
import ImpostorText

/// UK counties and regions, as the bios of councils elsewhere name them ("…Parish Council, Shropshire"):
/// the vocabulary's `counties`, where "Sir Benfro = Pembrokeshire" is another name of a county (Welsh,
/// or mutated: "ym Mhowys"). And its `areas_within`: unitary areas and cities, each with the county it
/// lies in ("Peterborough = Cambridgeshire"), which count only right after the place ("Eye Parish
/// Council, Peterborough"), since a bio names cities for much else ("coach trips to London").
struct Counties: Sendable {
    /// One area as a bio may name it.
    struct Area: Sendable, Equatable {
        /// The words as a bio writes them, as keys ("mhowys").
        var form: [String]
        /// The county it is or lies in, as keys ("powys"); `form` for a county itself.
        var county: [String]
        /// What a clerk reads, as the vocabulary writes it: "Peterborough (Cambridgeshire)".
        var shown: String
        /// An area within a county, named only right after the place.
        var onlyAfterPlace = false

        /// Whether this area is, holds or lies in `own` (a council's area as keys, "Dwyfor, Gwynedd"):
        /// "North Yorkshire" for a council in Yorkshire, "Peterborough" for one in Cambridgeshire.
        func within(_ own: [String]) -> Bool {
            [form, county].contains { area in area.allSatisfy { own.contains($0) } || own.allSatisfy { area.contains($0) } }
        }
    }

    /// Each area by its first key, longest first, so that "North Yorkshire" wins over "Yorkshire".
    private let table: [String: [Area]]
    /// Each area of five letters or more by its name run together ("peterborough"), how a handle writes
    /// it: filed by its first byte, longest first, as bytes and the area's place in `compactAreas`, so
    /// that the search copies no area while it looks.
    private let compact: [UInt8: [(name: [UInt8], area: Int)]]
    private let compactAreas: [Area]
    /// The fewest letters such a name has.
    static let shortestCompact = 5
    /// Words that make an area's name a street's or a building's ("London Road", "Windsor House").
    private let streets: Set<String>

    /// `abroad` are states and countries abroad: areas within themselves, named only right after the place.
    init(_ counties: [String], within: [String], abroad: [String] = [], streets: Set<String>, folder: Folder) {
        self.streets = streets
        func read(_ entry: String, afterPlace: Bool) -> Area? {
            let names = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            let sides = names.map { folder.fold($0).keys }
            guard let form = sides.first, !form.isEmpty else { return nil }
            guard sides.count == 2, !sides[1].isEmpty else { return Area(form: form, county: form, shown: names[0]) }
            return Area(form: form, county: sides[1], shown: "\(names[0]) (\(names[1]))", onlyAfterPlace: afterPlace)
        }
        let foreign = abroad.compactMap { name in
            let form = folder.fold(name).keys
            return form.isEmpty ? nil : Area(form: form, county: form, shown: name, onlyAfterPlace: true)
        }
        let areas = counties.compactMap { read($0, afterPlace: false) } + within.compactMap { read($0, afterPlace: true) } + foreign
        table = Dictionary(grouping: areas.sorted { $0.form.count > $1.form.count }, by: { $0.form[0] })
        compactAreas = areas
        let named = areas.indices.map { (name: Array(areas[$0].form.joined().utf8), area: $0) }.filter { $0.name.count >= Self.shortestCompact }
        compact = Dictionary(grouping: named.sorted { $0.name.count > $1.name.count }, by: { $0.name[0] })
    }

    /// The area a handle's text starts with: "peterborough" in what follows "eyeparishcouncil".
    func area(startingWith text: Substring) -> Area? {
        guard let first = text.utf8.first else { return nil }
        guard let n = compact[first]?.first(where: { text.utf8.starts(with: $0.name) })?.area else { return nil }
        return compactAreas[n]
    }

    /// The area whose name starts at `keys[i]`, if one does and it is not a street's name.
    func area(at i: Int, in keys: [String]) -> Area? {
        guard i < keys.count,
            let hit = table[keys[i]]?.first(where: { a in i + a.form.count <= keys.count && keys[i..<(i + a.form.count)].elementsEqual(a.form) })
        else { return nil }
        let next = i + hit.form.count
        return next < keys.count && streets.contains(keys[next]) ? nil : hit
    }

    /// The areas named in `keys`, each once, longest match first.
    func named(in keys: [String]) -> [Area] {
        var found: [Area] = []
        var i = 0
        while i < keys.count {
            if let hit = area(at: i, in: keys) {
                if !found.contains(hit) { found.append(hit) }
                i += hit.form.count
            } else {
                i += 1
            }
        }
        return found
    }
}
