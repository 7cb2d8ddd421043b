/// Makes a draft fit its limit in a fixed order, never cutting what a draft must hold:
/// 1. leave out the template's optional parts, level 1 first, then 2, …;
/// 2. shorten the suspect's display name (to no less than one character and an ellipsis);
/// 3. shorten the suspect's handle (to no less than 15 characters, enough to recognise it).
/// Each cut is the smallest that fits. If the shortest form is still too long, it is returned as
/// not fitting, for the lint to report: only the council's own text can make that happen.
struct Fitter {
    static let minimumName = 1
    static let minimumHandle = 15

    var limit: LengthLimit
    var levels: [Int]
    var nameLength: Int
    var handleLength: Int

    struct Result {
        var text: String
        var shortening: Shortening
        var steps: [String]
        var fits: Bool
    }

    func fit(_ render: (Shortening) -> String) -> Result {
        var s = Shortening()
        var steps: [String] = []
        var text = render(s)
        if limit.fits(text) { return Result(text: text, shortening: s, steps: steps, fits: true) }
        for level in levels {
            s.dropLevel = level
            text = render(s)
            steps.append("left out the optional parts of level \(level)")
            if limit.fits(text) { return Result(text: text, shortening: s, steps: steps, fits: true) }
        }
        if nameLength > Self.minimumName {
            let n = largest(from: Self.minimumName, below: nameLength) { n in
                var t = s
                t.nameLimit = n
                return render(t)
            }
            s.nameLimit = n
            text = render(s)
            steps.append("shortened the account's name to \(n) characters")
            if limit.fits(text) { return Result(text: text, shortening: s, steps: steps, fits: true) }
        }
        if handleLength > Self.minimumHandle {
            let n = largest(from: Self.minimumHandle, below: handleLength) { n in
                var t = s
                t.handleLimit = n
                return render(t)
            }
            s.handleLimit = n
            text = render(s)
            steps.append("shortened the account's handle to \(n) characters")
        }
        return Result(text: text, shortening: s, steps: steps, fits: limit.fits(text))
    }

    /// The largest cut in `low..<high` whose text fits, or `low` when none does (binary search: a
    /// longer cut never makes a shorter text).
    private func largest(from low: Int, below high: Int, _ render: (Int) -> String) -> Int {
        guard limit.fits(render(low)) else { return low }
        var lo = low, hi = high - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if limit.fits(render(mid)) { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
