/// A pattern prepared once for approximate search in many texts: Myers' bit-parallel algorithm (1999)
/// with Hyyrö's transposition term (2003), so each text scalar costs a few word operations instead
/// of a row of the dynamic program. Patterns of up to 64 scalars.
///
/// A class: its masks take 300 bytes, and a struct was copied for every text searched.
///
/// It gives the same distances as `EditDistance.bestSubstring`'s table (optimal string alignment,
/// free start), and is used to rule texts out before that table is built.
public final class SearchPattern: Sendable {
    public let scalars: [Unicode.Scalar]
    /// Bit i set where the pattern's scalar i is this letter or digit ("a"..."z", then "0"..."9"):
    /// what folded keys are made of, held inline in the pattern rather than in an array of their own.
    private let common: InlineArray<36, UInt64>
    /// The same for the pattern's other scalars, few in folded keys.
    private let others: [(scalar: UInt32, mask: UInt64)]
    /// Each scalar's `bit`, in order.
    private let bits: [UInt64]

    public convenience init(_ pattern: String) { self.init(Array(pattern.unicodeScalars)) }

    public init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var common = InlineArray<36, UInt64>(repeating: 0)
        var others: [(scalar: UInt32, mask: UInt64)] = []
        for (i, s) in scalars.prefix(64).enumerated() {
            let bit = UInt64(1) << UInt64(i)
            if let slot = Self.slot(s) {
                common[slot] |= bit
            } else if let k = others.firstIndex(where: { $0.scalar == s.value }) {
                others[k].mask |= bit
            } else {
                others.append((s.value, bit))
            }
        }
        (self.common, self.others) = (common, others)
        bits = scalars.map(Self.bit)
    }

    /// A scalar's bit in `FoldedText.present`: one of its own for each of a–z and 0–9, what folded keys
    /// are made of; the other scalars share the remaining 28.
    @inline(__always)
    public static func bit(_ s: Unicode.Scalar) -> UInt64 { UInt64(1) << UInt64(slot(s) ?? 36 + Int(s.value % 28)) }

    /// The bits of every scalar `text` holds.
    public static func summary(of text: [Unicode.Scalar]) -> UInt64 { text.reduce(0) { $0 | bit($1) } }

    /// Whether more than `limit` of the pattern's scalars are missing from a text holding `present`.
    /// Then no part of the text is within `limit` edits: a substitution or a deletion accounts for
    /// one pattern scalar, a swap only for scalars the text holds, an insertion for none.
    public func missesMoreThan(_ limit: Int, of present: UInt64) -> Bool {
        var missing = 0
        for b in bits where present & b == 0 {
            missing += 1
            if missing > limit { return true }
        }
        return false
    }

    @inline(__always)
    private static func slot(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x61...0x7A: Int(s.value - 0x61)
        case 0x30...0x39: Int(s.value - 0x30) + 26
        default: nil
        }
    }

    @inline(__always)
    private func mask(_ s: Unicode.Scalar) -> UInt64 {
        if let slot = Self.slot(s) { return common[slot] }
        for o in others where o.scalar == s.value { return o.mask }
        return 0
    }

    /// The smallest distance between the pattern and any substring of `text`, or `limit + 1` when it
    /// exceeds `limit`. Nil when the pattern is too long for one word.
    public func smallestDistance(in text: [Unicode.Scalar], limit: Int) -> Int? {
        let m = scalars.count
        guard m > 0, m <= 64 else { return nil }
        let top = UInt64(1) << UInt64(m - 1)
        var pv: UInt64 = m == 64 ? ~0 : (UInt64(1) << UInt64(m)) - 1
        var mv: UInt64 = 0
        var d0: UInt64 = 0
        var previousEq: UInt64 = 0
        var score = m
        var best = m
        for s in text {
            let eq = mask(s)
            // Transposition: pattern i-1,i against text j,j-1 (Hyyrö 2003).
            let tc = ((~d0 & eq) << 1) & previousEq
            d0 = (((eq & pv) &+ pv) ^ pv) | eq | mv | tc
            var hp = mv | ~(d0 | pv)
            var hn = pv & d0
            if hp & top != 0 { score += 1 } else if hn & top != 0 { score -= 1 }
            // A free start anywhere in the text: nothing carried in at the top row.
            hp <<= 1
            hn <<= 1
            pv = hn | ~(d0 | hp)
            mv = hp & d0
            previousEq = eq
            if score < best { best = score; if best == 0 { break } }
        }
        return best > limit ? limit + 1 : best
    }
}
