import Foundation

/// Links in order of first appearance, each once, at most `cap` of them, with a count of the distinct
/// links past the cap.
struct LinkList: Sendable {
    let cap: Int
    private(set) var kept: [String] = []
    private var keptSet: Set<String> = []
    /// Hashes rather than strings: a body of a million distinct links must not keep a million strings to
    /// count them. Two links sharing a 64-bit hash would be counted once; that is the only error.
    private var leftOutHashes: Set<Int> = []

    init(cap: Int) {
        self.cap = max(0, cap)
    }

    var leftOut: Int { leftOutHashes.count }

    mutating func add(_ link: String) {
        guard !keptSet.contains(link) else { return }
        if kept.count < cap {
            kept.append(link)
            keptSet.insert(link)
        } else {
            leftOutHashes.insert(link.hashValue)
        }
    }

    /// Adds another list's links after these.
    mutating func add(contentsOf other: LinkList) {
        for link in other.kept { add(link) }
        guard !other.leftOutHashes.isEmpty else { return }
        let keptHashes = Set(kept.map(\.hashValue))
        leftOutHashes.formUnion(other.leftOutHashes.subtracting(keptHashes))
    }
}
