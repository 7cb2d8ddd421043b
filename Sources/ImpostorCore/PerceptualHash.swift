/// A 256-bit perceptual hash (PDQ), as four 64-bit words, most significant first.
public struct PerceptualHash: Hashable, Sendable {
    public var words: (UInt64, UInt64, UInt64, UInt64)

    public init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// Parses the 64-hex-digit form PDQ's reference tools print.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var parsed: [UInt64] = []
        for chunk in 0..<4 {
            var word: UInt64 = 0
            for d in digits[(chunk * 16)..<(chunk * 16 + 16)] {
                guard let v = Self.hexValue(d) else { return nil }
                word = word << 4 | UInt64(v)
            }
            parsed.append(word)
        }
        words = (parsed[0], parsed[1], parsed[2], parsed[3])
    }

    /// The 64-hex-digit form.
    public var hex: String {
        [words.0, words.1, words.2, words.3].map { word in
            let s = String(word, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }

    /// The number of bits that differ: 0 for the same image, about 128 for unrelated ones.
    public func distance(to other: PerceptualHash) -> Int {
        (words.0 ^ other.words.0).nonzeroBitCount + (words.1 ^ other.words.1).nonzeroBitCount
            + (words.2 ^ other.words.2).nonzeroBitCount + (words.3 ^ other.words.3).nonzeroBitCount
    }

    public static func == (a: PerceptualHash, b: PerceptualHash) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// An account's avatar found close to one of an identity's logos: the imaging stage's evidence for scoring.
public struct LogoMatch: Hashable, Sendable, Codable {
    /// The identity whose logo matched.
    public var identity: String
    /// The logo's file name as the watchlist lists it.
    public var logo: String
    /// PDQ bits apart (0–256) between the avatar and the nearest reference hash of that logo.
    public var distance: Int
    /// Which reference hash matched ("whole", "circle", "centre 80%", "rotated 90°", …).
    public var variant: String

    public init(identity: String, logo: String, distance: Int, variant: String) {
        self.identity = identity
        self.logo = logo
        self.distance = distance
        self.variant = variant
    }
}
