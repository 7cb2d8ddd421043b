import ImpostorCore

/// The eight symmetries of a square, named as in PDQ's reference.
public enum Dihedral: String, CaseIterable, Hashable, Sendable {
    case original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1

    /// A short human name for reasons and reports.
    public var label: String {
        switch self {
        case .original: "as is"
        case .rotate90: "rotated 90°"
        case .rotate180: "rotated 180°"
        case .rotate270: "rotated 270°"
        case .flipX: "flipped top to bottom"
        case .flipY: "mirrored"
        case .flipPlus1: "flipped on the diagonal"
        case .flipMinus1: "flipped on the anti-diagonal"
        }
    }
}

/// PDQ's 16×16 DCT coefficients of one picture. Each dihedral variant comes from sign flips and
/// a transpose of these coefficients, as the reference derives them, without re-hashing pixels.
public struct PDQSpectrum: Sendable {
    /// Row-major 16×16 (row = vertical frequency), or nil when the picture was too small to hash.
    let coefficients: [Float]?
    /// 0–100.
    public let quality: Int

    /// The hash of the picture as transformed by `symmetry`.
    public func hash(_ symmetry: Dihedral = .original) -> PerceptualHash {
        guard let a = coefficients else { return PerceptualHash(words: (0, 0, 0, 0)) }
        var b = [Float](repeating: 0, count: 256)
        for i in 0..<16 {
            for j in 0..<16 {
                let v = a[i * 16 + j]
                switch symmetry {
                case .original: b[i * 16 + j] = v
                case .rotate90: b[j * 16 + i] = j & 1 == 1 ? v : -v
                case .rotate180: b[i * 16 + j] = (i + j) & 1 == 1 ? -v : v
                case .rotate270: b[j * 16 + i] = i & 1 == 1 ? v : -v
                case .flipX: b[i * 16 + j] = i & 1 == 1 ? v : -v
                case .flipY: b[i * 16 + j] = j & 1 == 1 ? v : -v
                case .flipPlus1: b[j * 16 + i] = v
                case .flipMinus1: b[j * 16 + i] = (i + j) & 1 == 1 ? -v : v
                }
            }
        }
        return Self.bits(b)
    }

    /// Bit k = i·16 + j is set when coefficient (i, j) is above the median; the reference's
    /// Torben median of 256 values is the 128th smallest. Bit k lands where the reference's hex
    /// layout (sixteen 16-bit words, word 15 printed first) puts it.
    static func bits(_ b: [Float]) -> PerceptualHash {
        let median = b.sorted()[127]
        var words: [UInt64] = [0, 0, 0, 0]
        for k in 0..<256 where b[k] > median {
            words[3 - k / 64] |= 1 << UInt64(k % 64)
        }
        return PerceptualHash(words: (words[0], words[1], words[2], words[3]))
    }
}
