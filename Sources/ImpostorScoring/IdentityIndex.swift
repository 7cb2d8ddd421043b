import ImpostorText
import Synchronization

/// Finds the few identities worth a close look for a profile, without comparing it with all of them.
///
/// Trigram postings over each identity's anchors (its place, its people's names, its domains): a
/// profile's name and handle vote for the identities whose anchors share enough trigrams to be
/// within the typo tolerance. Bio words are looked up whole. Cost grows with the postings touched,
/// not with the number of identities.
struct IdentityIndex: Sendable {
    private struct Anchor: Sendable {
        var identity: Int
        /// A person's name rather than the place or a domain: many councils' people share names.
        var person: Bool
        /// What a full match is worth in the ranking: a place's initials less than its name.
        var weight: Double
        var grams: Int
        /// Shared trigrams needed before the anchor is worth an edit-distance check.
        var needed: Int
    }

    private var anchors: [Anchor] = []
    private let postings: Postings
    /// First place word (and the whole place) → identities, for bios.
    private var placeWords: [String: [Int]] = [:]
    /// An office holder's or councillor's first name and surname → their identities and offices, for a name such
    /// as "Mayor Priya" or "Cllr Priya".
    private var shortNames: [String: [(identity: Int, office: String, councillor: Bool)]] = [:]
    private var identityCount = 0
    /// Counting space for `candidates`, one per thread at work, kept between calls.
    private let tallies = Tallies()

    /// A count per anchor and a best score per identity, all zero between calls: a call resets only
    /// what it touched. At 10,000 councils fresh arrays per profile took 160 KB, mapped and faulted
    /// in each time, and dictionaries of scores spent their time hashing.
    ///
    /// `@unchecked Sendable`: a tally is used by one call at a time, taken from `Tallies` under its
    /// lock and given back when the call ends.
    private final class Tally: @unchecked Sendable {
        var counts: [UInt16]
        var place: [Double], person: [Double]
        init(anchors: Int, identities: Int) {
            counts = [UInt16](repeating: 0, count: anchors)
            (place, person) = ([Double](repeating: 0, count: identities), [Double](repeating: 0, count: identities))
        }
    }

    /// The tallies not in use, one per thread that has asked.
    private final class Tallies: Sendable {
        private let spare = Mutex<[Tally]>([])
        func take(anchors: Int, identities: Int) -> Tally {
            spare.withLock { $0.popLast() } ?? Tally(anchors: anchors, identities: identities)
        }
        func give(_ tally: Tally) { spare.withLock { $0.append(tally) } }
    }

    init(_ identities: [ProtectedIdentity]) {
        identityCount = identities.count
        var lists: [UInt32: [Int32]] = [:]
        for (n, identity) in identities.enumerated() {
            // Another name of the place adds only itself: its council's domains and people are indexed once.
            var strings = [(identity.placeCompact, false, 1.0)]
            // A place of three words or more may come as its initials in a handle ("wothpc"): three
            // letters that turn up in many texts, so they rank below a place's name.
            if let initials = identity.placeInitials, initials.count >= 3 { strings.append((initials, false, 0.5)) }
            if !identity.isAliasPlace {
                strings += identity.domainKeys.map { ($0, false, 1.0) } + identity.people.flatMap { person in
                    [(person.compact, true, 1.0)] + (person.shortKeys.map { [($0.joined(), true, 1.0)] } ?? [])
                }
            }
            var added = Set<String>()
            for (s, person, weight) in strings where !s.isEmpty && added.insert(s).inserted {
                let grams = Set(Self.trigrams(s))
                let tolerance = ProtectedIdentity.placeTolerance(s.unicodeScalars.count)
                let anchor = Anchor(identity: n, person: person, weight: weight, grams: grams.count,
                                    needed: Swift.max(1, grams.count - 3 * tolerance))
                let index = Int32(anchors.count)
                anchors.append(anchor)
                for g in grams { lists[g, default: []].append(index) }
            }
            if let first = identity.placeKeys.first { placeWords[first, default: []].append(n) }
            if !identity.isAliasPlace {
                for person in identity.people where !person.office.isEmpty || person.councillor {
                    for name in person.shortNames { shortNames[name, default: []].append((n, person.office, person.councillor)) }
                }
            }
            // "HR Town Council": a place of several words by its initials.
            if let initials = identity.placeInitials, initials.count >= 2 { placeWords[initials, default: []].append(n) }
            placeWords[identity.placeCompact, default: []].append(n)
        }
        postings = Postings(lists)
    }

    /// Identities whose anchors the texts come close to, best first: at most `limit` by their place or
    /// domains, then at most `limit` more by their people. Kept apart because a handle that spells a
    /// common name ("joshuagriffiths") comes close to the people of hundreds of councils, and must not
    /// crowd out the council whose place the display name gives.
    /// `offices` are those the display name gives, `councillorTitle` whether it gives one, and `nameWords` its
    /// words: an office holder's or councillor's first name or surname among them brings their council in
    /// ("Mayor Priya", "Cllr Priya").
    func candidates(texts: [[Unicode.Scalar]], words: [String], nameWords: [String] = [], offices: Set<String> = [],
                    councillorTitle: Bool = false, limit: Int = 12) -> [Int] {
        // Counts in a flat array indexed by anchor, with the touched anchors listed for the pass below.
        // Each trigram counts once however many of the texts hold it: a handle and the same handle
        // without its digits must not make a common name's trigrams count twice, and a share above
        // 1 would rank a three-letter anchor found twice above a place found whole.
        let tally = tallies.take(anchors: anchors.count, identities: identityCount)
        defer { tallies.give(tally) }
        var touched: [Int32] = []
        // Sorted and deduplicated rather than hashed into a set: a few dozen integers sort faster.
        var grams: [UInt32] = []
        grams.reserveCapacity(texts.reduce(0) { $0 + $1.count })
        for text in texts { Self.addTrigrams(of: text, to: &grams) }
        grams.sort()
        var placed: [Int] = [], personal: [Int] = []
        tally.counts.withUnsafeMutableBufferPointer { counts in
            postings.anchors.withUnsafeBufferPointer { listed in
                var previous: UInt32? = nil
                for g in grams where g != previous {
                    previous = g
                    guard let range = postings.range(of: g) else { continue }
                    for a in listed[range] {
                        if counts[Int(a)] == 0 { touched.append(a) }
                        counts[Int(a)] &+= 1
                    }
                }
            }
            for a in touched {
                let anchor = anchors[Int(a)]
                let c = Int(counts[Int(a)])
                counts[Int(a)] = 0
                guard c >= anchor.needed else { continue }
                let s = Double(c) / Double(anchor.grams) * anchor.weight
                // Scores are above zero, so zero marks an identity not yet scored.
                if anchor.person {
                    if tally.person[anchor.identity] == 0 { personal.append(anchor.identity) }
                    tally.person[anchor.identity] = Swift.max(tally.person[anchor.identity], s)
                } else {
                    if tally.place[anchor.identity] == 0 { placed.append(anchor.identity) }
                    tally.place[anchor.identity] = Swift.max(tally.place[anchor.identity], s)
                }
            }
        }
        // Initials written apart ("H.R.") fold to one-letter words: look them up joined as well.
        // A word looked up twice changes nothing: scores are kept as maxima, and `best` orders by score and number.
        var lookups = words
        var run = ""
        var runLength = 0
        for w in words + [""] {
            if Self.isOneCharacter(w) {
                run += w
                runLength += 1
                continue
            }
            if runLength >= 2 { lookups.append(run) }
            (run, runLength) = ("", 0)
        }
        for w in lookups {
            for n in placeWords[w] ?? [] {
                if tally.place[n] == 0 { placed.append(n) }
                tally.place[n] = Swift.max(tally.place[n], 0.5)
            }
        }
        if !offices.isEmpty || councillorTitle {
            for w in nameWords {
                for (n, office, councillor) in shortNames[w] ?? [] where offices.contains(office) || (councillorTitle && councillor) {
                    if tally.person[n] == 0 { personal.append(n) }
                    tally.person[n] = Swift.max(tally.person[n], 0.5)
                }
            }
        }
        let byPlace = Self.best(placed.lazy.map { (key: $0, value: tally.place[$0]) }, limit: limit)
        let chosen = Set(byPlace)
        let byPerson = Self.best(personal.lazy.filter { !chosen.contains($0) }.map { (key: $0, value: tally.person[$0]) }, limit: limit)
        for n in placed { tally.place[n] = 0 }
        for n in personal { tally.person[n] = 0 }
        return byPlace + byPerson
    }

    /// Trigram → the anchors holding it, in one flat array, found by a multiplicative hash and linear
    /// probing: Swift's seeded hashing of every trigram of every profile was much of the index's time.
    private struct Postings: Sendable {
        private var grams: [UInt32]
        /// Where each slot's anchors lie in `anchors`; an empty slot's range is empty.
        private var ranges: [Range<Int>]
        private(set) var anchors: [Int32] = []
        private let shift: UInt32
        private var mask: Int { grams.count - 1 }

        init(_ lists: [UInt32: [Int32]]) {
            var bits: UInt32 = 4
            while 1 << bits < lists.count * 2 { bits += 1 }
            shift = 32 - bits
            grams = [UInt32](repeating: 0, count: 1 << bits)
            ranges = [Range<Int>](repeating: 0..<0, count: 1 << bits)
            for (g, list) in lists.sorted(by: { $0.key < $1.key }) where !list.isEmpty {
                var i = slot(g)
                while !ranges[i].isEmpty { i = (i + 1) & mask }
                grams[i] = g
                ranges[i] = anchors.count..<(anchors.count + list.count)
                anchors += list
            }
        }

        @inline(__always)
        private func slot(_ g: UInt32) -> Int { Int((g &* 0x9E37_79B1) >> shift) }

        /// Where the anchors holding `g` lie in `anchors`, or nil when none do.
        func range(of g: UInt32) -> Range<Int>? {
            var i = slot(g)
            while !ranges[i].isEmpty {
                if grams[i] == g { return ranges[i] }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// The `limit` best-scored identities, highest first and the lower number first on a tie: kept in a
    /// short sorted list as the scores go by, rather than sorting the thousands a common name touches.
    static func best<Scores: Sequence>(_ scores: Scores, limit: Int) -> [Int] where Scores.Element == (key: Int, value: Double) {
        func before(_ a: (key: Int, value: Double), _ b: (key: Int, value: Double)) -> Bool {
            a.value > b.value || (a.value == b.value && a.key < b.key)
        }
        var top: [(key: Int, value: Double)] = []
        top.reserveCapacity(limit + 1)
        for entry in scores {
            if top.count == limit, let last = top.last, !before(entry, last) { continue }
            let at = top.firstIndex { before(entry, $0) } ?? top.count
            top.insert(entry, at: at)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.key)
    }

    /// Trigrams of a key, packed into integers (10 bits a scalar is plenty: keys are mostly ASCII).
    static func trigrams(_ s: String) -> [UInt32] {
        var grams: [UInt32] = []
        addTrigrams(of: Array(s.unicodeScalars), to: &grams)
        return grams
    }

    /// `trigrams` of a key's scalars, appended to `grams`: read from the folded text's own scalars, with
    /// no string taken apart again for every profile. A key under three scalars is one gram.
    static func addTrigrams(of v: [Unicode.Scalar], to grams: inout [UInt32]) {
        @inline(__always) func bits(_ i: Int) -> UInt32 { v[i].value & 0x3FF }
        guard v.count >= 3 else {
            if !v.isEmpty { grams.append(v.indices.reduce(0) { $0 << 10 | bits($1) }) }
            return
        }
        for i in 0..<(v.count - 2) { grams.append(bits(i) << 20 | bits(i + 1) << 10 | bits(i + 2)) }
    }

    /// Whether a key is one character long: by its bytes when all are ASCII, the usual case, since
    /// counting characters walks grapheme breaks.
    static func isOneCharacter(_ w: String) -> Bool {
        let utf8 = w.utf8
        return utf8.allSatisfy { $0 < 0x80 } ? utf8.count == 1 : w.count == 1
    }
}
