/// The words NameReading looks for inside glued words (negators, councillor titles, council words,
/// kinds, offices), filed under their first byte: one pass over what is left of a name finds every
/// word it holds, where a scan of it per word took twenty times as long.
struct InsideWords: Sendable {
    /// Which lists have a word inside the text.
    struct Found {
        var negator = false
        var councillor = false
        var council = false
        var kinds: [String] = []
        var offices: [String] = []
    }

    private enum Tag: Sendable {
        case negator, councillor, council
        case kind(String)
        case office(String)
    }

    private struct Entry: Sendable {
        var bytes: [UInt8]
        var tag: Tag
    }

    /// Entries by first byte; an empty word is in every text.
    private let byFirst: [[Entry]]
    private let empty: [Tag]

    init(negators: [String], councillor: Set<String>, council: [String], kinds: [(kind: String, forms: [String])],
         roles: [(word: String, office: String)]) {
        var all: [(String, Tag)] = negators.map { ($0, .negator) } + councillor.sorted().map { ($0, .councillor) }
            + council.map { ($0, .council) }
        for (kind, forms) in kinds { all += forms.map { ($0, .kind(kind)) } }
        all += roles.map { ($0.word, .office($0.office)) }
        var buckets = [[Entry]](repeating: [], count: 256)
        var empty: [Tag] = []
        for (word, tag) in all {
            let bytes = Array(word.utf8)
            if let first = bytes.first { buckets[Int(first)].append(Entry(bytes: bytes, tag: tag)) } else { empty.append(tag) }
        }
        byFirst = buckets
        self.empty = empty
    }

    func scan(_ text: String) -> Found {
        var found = Found()
        func note(_ tag: Tag) {
            switch tag {
            case .negator: found.negator = true
            case .councillor: found.councillor = true
            case .council: found.council = true
            case .kind(let k): found.kinds.append(k)
            case .office(let o): found.offices.append(o)
            }
        }
        for tag in empty { note(tag) }
        var hay = text
        hay.withUTF8 { h in
            for i in 0..<h.count {
                for entry in byFirst[Int(h[i])] where entry.bytes.count <= h.count - i {
                    var j = 1
                    while j < entry.bytes.count && h[i + j] == entry.bytes[j] { j += 1 }
                    if j == entry.bytes.count { note(entry.tag) }
                }
            }
        }
        return found
    }
}
