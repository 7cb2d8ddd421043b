import Foundation

/// How many parts one received message may still cause: MIME parts and inline forwarded blocks, nested
/// messages included. Shared across the whole read so a hostile tree of small parts stays bounded.
struct PartBudget: Sendable {
    let limit: Int
    private(set) var used = 0
    private var reported = false

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var remaining: Int { max(0, limit - used) }
    /// Whether a part was refused for want of budget.
    var ranOut: Bool { reported }

    /// Takes one part; when none are left, says so once in `problems` and returns false.
    mutating func take(noting problems: inout [String]) -> Bool {
        guard used < limit else {
            if !reported {
                reported = true
                problems.append("the message has more than \(limit) parts; the rest were skipped")
            }
            return false
        }
        used += 1
        return true
    }
}
