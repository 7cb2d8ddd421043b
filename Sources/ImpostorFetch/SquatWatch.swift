import Foundation
import ImpostorCore

/// The handles an impostor would register for a council, best guesses first: its official handles,
/// handles made from its name and place, and their misspellings. Platforms with an exact look-up
/// check each one, so a squat is found the day it appears, without any search.
public enum SquatWatch {
    /// The default number of handles checked per council and platform.
    public static let defaultCap = 60

    /// The default cap for each platform's look-up: batch look-ups (25 or 100 a call) check many;
    /// one-request-each look-ups, on rate limits or quotas, check the likeliest few.
    public static func defaultCap(for platform: Platform) -> Int {
        switch platform {
        case .bluesky, .x: 60
        default: 10
        }
    }

    /// What a platform allows in a handle, and how long one may be.
    struct Rules {
        var maxLength: Int
        var allowed: Set<Character>
        var lowercased: Bool
    }

    static let letters = Set("abcdefghijklmnopqrstuvwxyz0123456789")

    static func rules(_ platform: Platform) -> Rules {
        switch platform {
        // X cuts at 15: letters, digits and "_".
        case .x: Rules(maxLength: 15, allowed: letters.union(["_"]), lowercased: false)
        case .instagram, .threads: Rules(maxLength: 30, allowed: letters.union(["_", "."]), lowercased: true)
        case .mastodon: Rules(maxLength: 30, allowed: letters.union(["_"]), lowercased: true)
        // The first label of a bsky.social handle: letters, digits, hyphens; 18 characters.
        case .bluesky: Rules(maxLength: 18, allowed: letters.union(["-"]), lowercased: true)
        case .youtube: Rules(maxLength: 30, allowed: letters.union(["_", ".", "-"]), lowercased: true)
        case .tiktok: Rules(maxLength: 24, allowed: letters.union(["_", "."]), lowercased: true)
        default: Rules(maxLength: 50, allowed: letters.union(["_", ".", "-"]), lowercased: true)
        }
    }

    /// Words an impostor adds to a name it cannot have.
    static let affixes = ["official", "real", "info", "news", "updates", "hq", "support", "grants", "uk"]
    /// Letters that pass for one another at a glance.
    static let lookalikes: [Character: [String]] = ["l": ["1", "i"], "i": ["1", "l"], "o": ["0"], "m": ["rn"], "e": ["3"], "s": ["5"]]
    /// Keys beside each letter on a UK keyboard, for slips of the finger.
    static let neighbours: [Character: String] = [
        "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok", "o": "ipl",
        "p": "ol", "a": "qsz", "s": "adw", "d": "sfe", "f": "dgr", "g": "fht", "h": "gjy", "j": "hku", "k": "jli",
        "l": "ko", "z": "ax", "x": "zc", "c": "xv", "v": "cb", "b": "vn", "n": "bm", "m": "n",
    ]
    /// Short forms of council kinds, as councils and impostors write them in handles.
    static let kindShortForms: [String: [String]] = [
        "town council": ["tc", "towncouncil"], "parish council": ["pc", "parishcouncil"],
        "community council": ["cc", "communitycouncil"], "city council": ["cc", "citycouncil"],
        "village council": ["vc", "villagecouncil"], "council": ["council"],
    ]

    /// The ranked handles to check for `identity` on `platform`, at most `cap`, without "@".
    public static func handles(for identity: Identity, on platform: Platform, cap: Int = defaultCap) -> [String] {
        guard cap > 0 else { return [] }
        let rules = rules(platform)
        var out: [String] = []
        var seen = Set<String>()
        func add(_ candidate: String) {
            var h = rules.lowercased ? candidate.lowercased() : candidate
            h = String(h.filter { rules.allowed.contains(Character($0.lowercased())) })
            // A Bluesky name is a domain's label: one that starts or ends with "-" fails its whole batch of 25.
            if platform == .bluesky, h.hasPrefix("-") || h.hasSuffix("-") { return }
            guard h.count >= 3, h.count <= rules.maxLength, seen.insert(h.lowercased()).inserted else { return }
            out.append(h)
        }
        // 1. The council's own handles on this platform: a look-up tells whether one was lost or taken.
        for official in identity.officials where official.platform == platform {
            let own = platform.canonicalHandle(official.handle)
            // A Bluesky handle on the council's own domain is looked up as it is.
            if platform == .bluesky, own.contains("."), !own.hasSuffix(".bsky.social") {
                // Only a well-formed domain: one bad name would fail the whole batch of 25.
                let domain = own.split(separator: ".", omittingEmptySubsequences: false)
                let wellFormed = own.count <= 253 && domain.count >= 2 && domain.allSatisfy { label in
                    !label.isEmpty && label.count <= 63 && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                }
                if wellFormed, seen.insert(own).inserted { out.append(own) }
            } else {
                add(Self.name(of: official.handle, on: platform))
            }
        }
        // 2. Handles made from the place and the kind, with the separators people use.
        let place = Self.compact(identity.place.isEmpty ? identity.name : identity.place)
        guard !place.isEmpty else { return Array(out.prefix(cap)) }
        let kinds = kindShortForms[identity.kind.lowercased()] ?? ["council"]
        var bases: [String] = []
        for kind in kinds + (kinds.contains("council") ? [] : ["council"]) {
            for separator in ["", "_", ".", "-"] { bases.append(place + separator + kind) }
        }
        bases.forEach(add)
        // 2b. The council's own handles, from every platform it uses, with a character put on or slipped, as a squat
        // copies the handle residents know ("StWennaParish_", "stwennaparish1").
        let ownNames = identity.officials.filter { !$0.platform.isDirectMessage }.map { Self.name(of: $0.handle, on: $0.platform) }
            .filter { $0.count >= 5 }
        for own in ownNames {
            add(own + "_")
            add(own + "1")
        }
        // The slips that keep its length first: a look-alike letter or two swapped passes for it at a glance.
        for own in ownNames { misspellings(of: own.lowercased()).filter { $0.count == own.count }.prefix(6).forEach(add) }
        // 3. One slip in the place, the commonest trick: dropped, look-alike, swapped, doubled and
        // neighbouring letters, before the shortest kind form.
        for kind in kinds.prefix(1) {
            for variant in misspellings(of: place) { add(variant + kind) }
        }
        // 4. Affixes after the name, then before it.
        for base in bases.prefix(3) {
            for affix in affixes {
                add(base + affix)
                add(base + "_" + affix)
            }
        }
        for base in bases.prefix(3) {
            for affix in affixes {
                add(affix + base)
                add(affix + "_" + base)
            }
        }
        // 5. Initials and digits.
        let initials = String(identity.name.split(separator: " ").compactMap(\.first)).lowercased()
        if initials.count >= 2 { add(initials) }
        for base in bases.prefix(2) {
            for digit in ["1", "2", "0", "24"] { add(base + digit) }
        }
        return Array(out.prefix(cap))
    }

    /// Every one-step misspelling of `word`, the likeliest kinds first.
    static func misspellings(of word: String) -> [String] {
        let chars = Array(word)
        var out: [String] = []
        for i in chars.indices {  // dropped letters
            var c = chars
            c.remove(at: i)
            out.append(String(c))
        }
        for i in chars.indices {  // look-alike letters
            for replacement in lookalikes[chars[i]] ?? [] {
                out.append(String(chars[..<i]) + replacement + String(chars[(i + 1)...]))
            }
        }
        for i in chars.indices.dropLast() where chars[i] != chars[i + 1] {  // swapped neighbours
            var c = chars
            c.swapAt(i, i + 1)
            out.append(String(c))
        }
        for i in chars.indices {  // doubled letters
            var c = chars
            c.insert(chars[i], at: i)
            out.append(String(c))
        }
        for i in chars.indices {  // a neighbouring key
            for key in neighbours[chars[i]] ?? "" {
                var c = chars
                c[i] = key
                out.append(String(c))
            }
        }
        return out
    }

    /// The place as one lower-case word of letters and digits: "Much Wenlock" is "muchwenlock".
    static func compact(_ text: String) -> String {
        String(text.lowercased().folding(options: [.diacriticInsensitive], locale: nil).filter { letters.contains($0) })
    }

    /// The part of an official handle a squat copies: no "@", and for Bluesky the first label of a
    /// bsky.social handle.
    static func name(of handle: String, on platform: Platform) -> String {
        var h = platform.canonicalHandle(handle)
        if platform == .mastodon, let at = h.firstIndex(of: "@") { h = String(h[..<at]) }
        if platform == .bluesky, h.hasSuffix(".bsky.social") { h = String(h.dropLast(".bsky.social".count)) }
        return h
    }

    /// The handle as the platform's look-up takes it: Bluesky's with its domain.
    public static func lookupForm(_ handle: String, on platform: Platform) -> String {
        platform == .bluesky && !handle.contains(".") ? handle + ".bsky.social" : handle
    }
}
