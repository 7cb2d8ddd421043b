import Testing

@testable import ImpostorText

/// The fast paths of approximate search and edit distance give exactly what the full table gives.
@Suite struct SearchPatternTests {
    /// A small generator, so failures repeat.
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func text(_ length: Int, alphabet: [Unicode.Scalar]) -> [Unicode.Scalar] {
            (0..<length).map { _ in alphabet[next(alphabet.count)] }
        }
    }

    static let alphabet: [Unicode.Scalar] = ["a", "b", "c", "d", "é"]

    @Test func theBitParallelDistanceIsTheTablesSmallest() {
        var r = Random(state: 42)
        for _ in 0..<3000 {
            let p = r.text(1 + r.next(9), alphabet: Self.alphabet)
            let t = r.text(r.next(20), alphabet: Self.alphabet)
            let limit = r.next(4)
            let table = EditDistance.table(p, t, limit: 99)?.distance ?? 99
            let fast = SearchPattern(p).smallestDistance(in: t, limit: limit)
            #expect(fast == min(table, limit + 1), "\(String(String.UnicodeScalarView(p))) in \(String(String.UnicodeScalarView(t)))")
        }
    }

    @Test func bestSubstringIsTheTablesAnswer() {
        var r = Random(state: 7)
        for _ in 0..<3000 {
            let p = r.text(1 + r.next(8), alphabet: Self.alphabet)
            var t = r.text(r.next(24), alphabet: Self.alphabet)
            // Often plant the pattern, exactly or with a swap, as real names do.
            if r.next(2) == 0, t.count >= p.count {
                let at = r.next(t.count - p.count + 1)
                t.replaceSubrange(at..<(at + p.count), with: p)
                if p.count >= 2, r.next(2) == 0 { t.swapAt(at, at + 1) }
            }
            let limit = r.next(3)
            let ps = String(String.UnicodeScalarView(p)), ts = String(String.UnicodeScalarView(t))
            let fast = EditDistance.bestSubstring(ps, in: ts, limit: limit)
            let slow = t.count + limit >= p.count ? EditDistance.table(p, t, limit: limit) : nil
            #expect(fast?.distance == slow?.distance && fast?.range == slow?.range, "\(ps) in \(ts), limit \(limit)")
        }
    }

    @Test func wordsOneTypoApartAreToldWithoutTheTable() {
        var r = Random(state: 11)
        for _ in 0..<5000 {
            let a = r.text(r.next(9), alphabet: Self.alphabet)
            var b = a
            // Mostly one edit or two from a, as the words compared are.
            for _ in 0..<r.next(3) {
                switch r.next(4) {
                case 0 where !b.isEmpty: b[r.next(b.count)] = Self.alphabet[r.next(Self.alphabet.count)]
                case 1: b.insert(Self.alphabet[r.next(Self.alphabet.count)], at: r.next(b.count + 1))
                case 2 where !b.isEmpty: b.remove(at: r.next(b.count))
                case 3 where b.count >= 2: let at = r.next(b.count - 1); b.swapAt(at, at + 1)
                default: break
                }
            }
            let sa = String(String.UnicodeScalarView(a)), sb = String(String.UnicodeScalarView(b))
            let full = EditDistance.damerau(sa, sb, limit: 99)
            for limit in 0...1 {
                let quick = EditDistance.damerau(sa, sb, limit: limit)
                #expect(min(quick, limit + 1) == min(full, limit + 1), "\(sa) against \(sb), limit \(limit)")
            }
        }
    }

    /// Ruling a pattern out by the scalars a folded text lacks never loses a match: "é" and "ą" share
    /// a bit of the summary, so its collisions are tried too, and planted patterns carry typos and swaps.
    @Test func aTextsSummaryRulesOutOnlyWhatTheSearchWouldNotFind() {
        var r = Random(state: 23)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c", "d", "e", "1", "2", "é", "ą", "n"]
        #expect(SearchPattern.bit("é") == SearchPattern.bit("ą"))
        var ruledOut = 0
        for _ in 0..<4000 {
            let p = r.text(1 + r.next(8), alphabet: alphabet)
            var t = r.text(r.next(20), alphabet: alphabet)
            if r.next(2) == 0, t.count >= p.count {
                let at = r.next(t.count - p.count + 1)
                t.replaceSubrange(at..<(at + p.count), with: p)
                switch r.next(3) {
                case 0: t[at + r.next(p.count)] = alphabet[r.next(alphabet.count)]
                case 1 where p.count >= 2: let k = at + r.next(p.count - 1); t.swapAt(k, k + 1)
                default: break
                }
            }
            let words = String(String.UnicodeScalarView(t)).split(separator: "n").map(String.init)
            let folded = FoldedText(original: "", readable: "", words: words, keys: words, findings: [], truncated: false)
            let pattern = SearchPattern(p)
            let limit = r.next(3)
            if pattern.missesMoreThan(limit, of: folded.present) { ruledOut += 1 }
            let summarised = EditDistance.bestSubstring(pattern, in: folded, limit: limit)
            let searched = EditDistance.bestSubstring(pattern, in: folded.scalars, limit: limit)
            #expect(summarised?.distance == searched?.distance && summarised?.range == searched?.range,
                    "\(String(String.UnicodeScalarView(p))) in \(folded.compact), limit \(limit)")
        }
        // The summary must rule some out, or this test would hold for a filter that does nothing.
        #expect(ruledOut > 500)
    }

    /// A piece of the compact text cut from its bytes is the piece its scalars give, ASCII or not.
    @Test func compactSlicesAreTheScalarsPieces() {
        for keys in [["chorplng", "town", "coundl"], ["ōak", "🏛", "br1dge"], [], ["a"]] {
            let folded = FoldedText(original: "", readable: "", words: keys, keys: keys, findings: [], truncated: false)
            let n = folded.scalars.count
            for a in 0...n {
                for b in a...n {
                    #expect(folded.compactSlice(a..<b) == String(String.UnicodeScalarView(folded.scalars[a..<b])), "\(keys) \(a)..<\(b)")
                }
            }
        }
    }

    @Test func longPatternsAndTranspositions() {
        let long = Array(String(repeating: "ab", count: 40).unicodeScalars)
        #expect(SearchPattern(long).smallestDistance(in: long, limit: 1) == nil)
        #expect(SearchPattern(Array("thornbury".unicodeScalars)).smallestDistance(in: Array("xxhtornburyxx".unicodeScalars), limit: 2) == 1)
        #expect(EditDistance.bestSubstring("thornbury", in: "xxhtornburyxx", limit: 2)?.distance == 1)
        #expect(EditDistance.bestSubstring("thornbury", in: "a thornbury b", limit: 0)?.range == 2..<11)
        #expect(EditDistance.bestSubstring("thornbury", in: "a thornbxry b", limit: 0) == nil)
    }
}
