#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The years of an office written after its place: "Mayor of Battle 2018–2020", "… 2019-20", "… 2024".
/// A mayoral year runs from May, so "2025-26" or "2025" alone is held until 2026 is out.
enum Term {
    /// The calendar year now, read once: a term that ended before it is a former holder's.
    static let thisYear: Int = {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return Int(parts.tm_year) + 1900
    }()

    /// Whether the keys from `start` give years of a term that ended before `year`.
    static func ended(keysFrom start: Int, in keys: [String], before year: Int = thisYear) -> Bool {
        guard start < keys.count, let first = Self.year(keys[start]) else { return false }
        var last = first + 1
        if start + 1 < keys.count, keys[start + 1].allSatisfy(\.isASCII), let n = Int(keys[start + 1]) {
            switch keys[start + 1].count {
            case 4 where n > first && n <= first + 10: last = n
            case 2 where (first % 100 + 1)...(first % 100 + 10) ~= n: last = first - first % 100 + n
            default: break
            }
        }
        return last < year
    }

    /// A four-digit year of this century or the last.
    private static func year(_ key: String) -> Int? {
        guard key.count == 4, key.allSatisfy(\.isASCII), let n = Int(key), (1950...2099).contains(n) else { return nil }
        return n
    }
}
