/// The SHA-256 digest (FIPS 180-4) of a file's bytes: the key under which facts derived from a
/// file, such as a logo's reference hashes, are cached. Written here because the project needs
/// one digest and no cryptographic library for anything else.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    /// The digest of `data`.
    public init(of data: [UInt8]) {
        var hasher = Hasher()
        hasher.update(data)
        self = hasher.finalize()
    }

    /// Parses 64 hexadecimal digits.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[i]), let low = Self.nibble(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
        }
        bytes = out
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// 64 lowercase hexadecimal digits, as `sha256sum` prints them.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// SHA-256 fed in pieces, for data that arrives in chunks.
    public struct Hasher: Sendable {
        private var state: [UInt32] = ContentHash.initialState
        /// Bytes of an incomplete 64-byte block.
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        public init() { pending.reserveCapacity(64) }

        /// Adds bytes to the message.
        public mutating func update(_ data: [UInt8]) {
            data.withUnsafeBytes { update($0) }
        }

        /// Adds bytes to the message.
        public mutating func update(_ data: UnsafeRawBufferPointer) {
            guard !data.isEmpty else { return }
            length &+= UInt64(data.count)
            var offset = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, data.count)
                pending.append(contentsOf: data[0..<take])
                offset = take
                guard pending.count == 64 else { return }
                let block = pending
                pending.removeAll(keepingCapacity: true)
                block.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
            }
            let whole = (data.count - offset) / 64
            if whole > 0 {
                compress(data.baseAddress! + offset, blocks: whole)
                offset += whole * 64
            }
            pending.append(contentsOf: data[offset...])
        }

        /// Pads the message (a 1 bit, zeros, the bit length as 64 bits big-endian) and returns the digest.
        public mutating func finalize() -> ContentHash {
            let bits = length &* 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            tail.withUnsafeBytes { compress($0.baseAddress!, blocks: tail.count / 64) }
            pending.removeAll()
            var out: [UInt8] = []
            out.reserveCapacity(32)
            for word in state {
                out.append(UInt8(truncatingIfNeeded: word >> 24))
                out.append(UInt8(truncatingIfNeeded: word >> 16))
                out.append(UInt8(truncatingIfNeeded: word >> 8))
                out.append(UInt8(truncatingIfNeeded: word))
            }
            return ContentHash(bytes: out)
        }

        /// The compression function over `blocks` consecutive 64-byte blocks (FIPS 180-4 §6.2.2).
        private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
            ContentHash.roundConstants.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    var h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3]
                    var h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7]
                    for block in 0..<blocks {
                        let base = data + block * 64
                        for t in 0..<16 {
                            let p = base + 4 * t
                            w[t] =
                                UInt32(p.load(as: UInt8.self)) << 24 | UInt32(p.load(fromByteOffset: 1, as: UInt8.self)) << 16
                                | UInt32(p.load(fromByteOffset: 2, as: UInt8.self)) << 8
                                | UInt32(p.load(fromByteOffset: 3, as: UInt8.self))
                        }
                        for t in 16..<64 {
                            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                        }
                        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                        for t in 0..<64 {
                            let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                            let choose = (e & f) ^ (~e & g)
                            let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ w[t]
                            let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                            let majority = (a & b) ^ (a & c) ^ (b & c)
                            let t2 = bigSigma0 &+ majority
                            h = g
                            g = f
                            f = e
                            e = d &+ t1
                            d = c
                            c = b
                            b = a
                            a = t1 &+ t2
                        }
                        h0 = h0 &+ a
                        h1 = h1 &+ b
                        h2 = h2 &+ c
                        h3 = h3 &+ d
                        h4 = h4 &+ e
                        h5 = h5 &+ f
                        h6 = h6 &+ g
                        h7 = h7 &+ h
                    }
                    state = [h0, h1, h2, h3, h4, h5, h6, h7]
                }
            }
        }
    }

    /// H(0): the first 32 bits of the fractional parts of the square roots of the first 8 primes.
    static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

/// Rotates right by `n` bits (0 < n < 32).
@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
