/// The words NameReading looks for inside glued words (negators, councillor titles, council words,
/// kinds, offices), filed under their first byte: one pass over what is left of a name finds every
/// word it holds, where a scan of it per word took twenty times as long. Words inside a consort's title
/// count for nothing: "ladymayoress" holds no Mayor.
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
        case negator, councillor, council, consort
        case kind(String)
        case office(String)
    }

    /// One word: where its bytes lie in `pool` and which tag it carries. Plain integers, so that the
    /// scan copies no reference for each entry it tries.
    private struct Entry: Sendable {
        var start: Int32
        var count: Int32
        var tag: Int32
    }

    /// Every word's bytes, one after another.
    private let pool: [UInt8]
    /// The entries, grouped by their first byte.
    private let entries: [Entry]
    /// Where the entries for each first byte lie in `entries`.
    private let byFirst: [Range<Int>]
    private let tags: [Tag]
    /// Tags of empty words, which are in every text.
    private let empty: [Tag]

    init(negators: [String], councillor: Set<String>, council: [String], kinds: [(kind: String, forms: [String])],
         roles: [(word: String, office: String)], consort: [String]) {
        // A consort's title first in its bucket: it covers the words inside it before they are tried.
        var all: [(String, Tag)] = consort.map { ($0, .consort) } + negators.map { ($0, .negator) }
            + councillor.sorted().map { ($0, .councillor) } + council.map { ($0, .council) }
        for (kind, forms) in kinds { all += forms.map { ($0, .kind(kind)) } }
        all += roles.map { ($0.word, .office($0.office)) }
        var buckets = [[(bytes: [UInt8], tag: Int32)]](repeating: [], count: 256)
        var tags: [Tag] = []
        var empty: [Tag] = []
        for (word, tag) in all {
            let bytes = Array(word.utf8)
            guard let first = bytes.first else {
                empty.append(tag)
                continue
            }
            buckets[Int(first)].append((bytes, Int32(tags.count)))
            tags.append(tag)
        }
        var pool: [UInt8] = [], entries: [Entry] = [], ranges: [Range<Int>] = []
        for bucket in buckets {
            let from = entries.count
            for (bytes, tag) in bucket {
                entries.append(Entry(start: Int32(pool.count), count: Int32(bytes.count), tag: tag))
                pool += bytes
            }
            ranges.append(from..<entries.count)
        }
        (self.pool, self.entries, byFirst, self.tags, self.empty) = (pool, entries, ranges, tags, empty)
    }

    func scan(_ text: String) -> Found {
        var found = Found()
        func note(_ tag: Tag) {
            switch tag {
            case .negator: found.negator = true
            case .councillor: found.councillor = true
            case .council: found.council = true
            case .consort: break
            case .kind(let k): found.kinds.append(k)
            case .office(let o): found.offices.append(o)
            }
        }
        for tag in empty { note(tag) }
        var hay = text
        hay.withUTF8 { h in
            pool.withUnsafeBufferPointer { pool in
                entries.withUnsafeBufferPointer { entries in
                    // Where the last consort's title found ends: words that end within it are part of it.
                    var covered = 0
                    for i in 0..<h.count {
                        for entry in entries[byFirst[Int(h[i])]] where Int(entry.count) <= h.count - i {
                            let start = Int(entry.start), count = Int(entry.count)
                            var j = 1
                            while j < count && h[i + j] == pool[start + j] { j += 1 }
                            guard j == count else { continue }
                            let tag = tags[Int(entry.tag)]
                            if case .consort = tag {
                                covered = Swift.max(covered, i + count)
                            } else if i + count > covered {
                                note(tag)
                            }
                        }
                    }
                }
            }
        }
        return found
    }
}
