/// Bounded edit distances over comparison keys, for typos (insertions, deletions, substitutions, swaps).
public enum EditDistance {
    /// Damerau–Levenshtein distance (optimal string alignment) between `a` and `b`.
    ///
    /// Returns `limit + 1` as soon as the distance must exceed `limit`, so a bad candidate costs little.
    public static func damerau(_ a: String, _ b: String, limit: Int = .max) -> Int {
        // Most calls ask whether two words are the same or one typo apart, and most are not: told
        // without building the table.
        if limit <= 1, let quick = withinOne(a, b, limit: limit) { return quick }
        return alignment(Array(a.unicodeScalars)[...], Array(b.unicodeScalars)[...], limit: limit)
    }

    /// The same over scalars already at hand: a stretch of a folded text's `scalars` against a key's,
    /// with nothing joined or copied into a string first.
    public static func damerau(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>, limit: Int = .max) -> Int {
        if limit <= 1, let quick = withinOneElements(a, b, limit: limit) { return quick }
        return alignment(a, b, limit: limit)
    }

    /// The optimal string alignment table, row by row, given up once a whole row is beyond `limit`.
    /// Its three rows share one scratch allocation (on the stack when small): this runs for many words of
    /// every profile.
    private static func alignment(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
                    var twoBack = 0, previous = width, current = 2 * width
                    for j in 0..<width { rows[previous + j] = j }
                    for i in 1...a.count {
                        rows[current] = i
                        var rowMin = i
                        for j in 1...b.count {
                            let cost = a[i - 1] == b[j - 1] ? 0 : 1
                            var v = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, rows[twoBack + j - 2] + 1) }
                            rows[current + j] = v
                            rowMin = min(rowMin, v)
                        }
                        if rowMin > limit { return limit + 1 }
                        (twoBack, previous, current) = (previous, current, twoBack)
                    }
                    return rows[previous + b.count]
                }
            }
        }
    }

    /// `withinOne` over the two strings' bytes when both are ASCII (one byte a scalar, and a buffer
    /// counts in constant time), else over their scalars.
    static func withinOne(_ a: String, _ b: String, limit: Int) -> Int? {
        var readAsBytes = false
        var answer: Int?
        _ = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                guard x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) else { return }
                (readAsBytes, answer) = (true, withinOneElements(x, y, limit: limit))
            }
        }
        return readAsBytes ? answer : withinOneElements(a.unicodeScalars, b.unicodeScalars, limit: limit)
    }

    /// The distance when `limit` is 0 or 1 and it is 0 or beyond the limit, nil when the table must
    /// tell. One edit leaves everything before it and everything after it as it was, so two texts one
    /// edit apart share a prefix and a suffix that together cover all but two of the longer's scalars.
    static func withinOneElements<Text: BidirectionalCollection>(_ a: Text, _ b: Text, limit: Int) -> Int? where Text.Element: Equatable {
        var prefix = 0
        var i = a.startIndex, j = b.startIndex
        while i != a.endIndex, j != b.endIndex, a[i] == b[j] {
            prefix += 1
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        }
        if i == a.endIndex && j == b.endIndex { return 0 }
        if limit <= 0 { return 1 }
        let longer = Swift.max(a.count, b.count)
        if abs(a.count - b.count) > 1 { return 2 }
        var suffix = 0
        var x = a.endIndex, y = b.endIndex
        while x != i, y != j {
            a.formIndex(before: &x)
            b.formIndex(before: &y)
            if a[x] != b[y] { break }
            suffix += 1
        }
        return prefix + suffix < longer - 2 ? 2 : nil
    }

    /// Where `pattern` best occurs inside `text` allowing typos: the distance and the matched range of
    /// `text` (scalar offsets), or nil when no substring is within `limit`.
    ///
    /// Sellers' algorithm (a free start anywhere in `text`) with adjacent swaps; ties go to the earliest, longest match.
    public static func bestSubstring(_ pattern: String, in text: String, limit: Int) -> (distance: Int, range: Range<Int>)? {
        bestSubstring(SearchPattern(pattern), in: Array(text.unicodeScalars), limit: limit)
    }

    /// The same, for a pattern prepared once and a text already in scalars: what the scorer calls for
    /// every council it compares, without converting either again.
    public static func bestSubstring(_ pattern: SearchPattern, in t: [Unicode.Scalar], limit: Int) -> (distance: Int, range: Range<Int>)? {
        let p = pattern.scalars
        guard !p.isEmpty, t.count + limit >= p.count else { return nil }
        // Most texts either hold the pattern as it is or come nowhere near it: both are found without
        // the table. An exact occurrence is what the table would give (only matches cost nothing, and
        // the earliest end wins); a text the bit-parallel search puts beyond `limit` has no match.
        if let at = firstOccurrence(p, in: t) { return (0, at..<(at + p.count)) }
        if limit <= 0 { return nil }
        if p.count <= 64, let d = pattern.smallestDistance(in: t, limit: limit), d > limit { return nil }
        return table(p, t, limit: limit)
    }

    /// The same in a folded text's `compact` form, ruling out first what too many of the pattern's
    /// scalars missing from the text rule out: most people's names and most places in most texts.
    public static func bestSubstring(_ pattern: SearchPattern, in text: FoldedText, limit: Int) -> (distance: Int, range: Range<Int>)? {
        bestSubstring(pattern, in: text.scalars, summary: text.present, limit: limit)
    }

    /// The same for scalars whose `SearchPattern.summary` is `summary`.
    public static func bestSubstring(_ pattern: SearchPattern, in t: [Unicode.Scalar], summary: UInt64, limit: Int)
        -> (distance: Int, range: Range<Int>)?
    {
        pattern.missesMoreThan(limit, of: summary) ? nil : bestSubstring(pattern, in: t, limit: limit)
    }

    /// Where `p` first occurs in `t`, as a scalar offset.
    public static func firstOccurrence(_ p: [Unicode.Scalar], in t: [Unicode.Scalar]) -> Int? {
        guard p.count <= t.count, let first = p.first else { return nil }
        var i = 0
        while i <= t.count - p.count {
            if t[i] == first {
                var k = 1
                while k < p.count && t[i + k] == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Sellers' table over the whole text: the distance and where the best match starts and ends.
    /// Only three rows are alive at once (the swap looks two back), kept in scratch space rather than a
    /// table of the whole text per call, which faulted in fresh pages for every long bio.
    static func table(_ p: [Unicode.Scalar], _ t: [Unicode.Scalar], limit: Int) -> (distance: Int, range: Range<Int>)? {
        let width = t.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 6 * width) { rows in
            // Row r of the distances starts at r * width, of the starts at (3 + r) * width; p[0..<i] is row i % 3.
            @inline(__always) func dist(_ i: Int) -> Int { (i % 3) * width }
            @inline(__always) func start(_ i: Int) -> Int { (3 + i % 3) * width }
            for j in 0...t.count { (rows[dist(0) + j], rows[start(0) + j]) = (0, j) }
            for i in 1...p.count {
                let row = dist(i), up = dist(i - 1), rowStart = start(i), upStart = start(i - 1)
                rows[row] = i
                rows[rowStart] = 0
                if t.isEmpty { continue }
                for j in 1...t.count {
                    let cost = p[i - 1] == t[j - 1] ? 0 : 1
                    var best = rows[up + j - 1] + cost, from = rows[upStart + j - 1]
                    if rows[up + j] + 1 < best { best = rows[up + j] + 1; from = rows[upStart + j] }
                    if rows[row + j - 1] + 1 < best { best = rows[row + j - 1] + 1; from = rows[rowStart + j - 1] }
                    if i > 1 && j > 1 && p[i - 1] == t[j - 2] && p[i - 2] == t[j - 1] {
                        let twoUp = dist(i - 2), twoUpStart = start(i - 2)
                        if rows[twoUp + j - 2] + 1 < best { best = rows[twoUp + j - 2] + 1; from = rows[twoUpStart + j - 2] }
                    }
                    rows[row + j] = best
                    rows[rowStart + j] = from
                }
            }
            var found: (Int, Range<Int>)? = nil
            let last = dist(p.count), lastStart = start(p.count)
            for j in 0...t.count where rows[last + j] <= limit {
                let d = rows[last + j]
                if found == nil || d < found!.0 { found = (d, rows[lastStart + j]..<j) }
            }
            return found
        }
    }
}
