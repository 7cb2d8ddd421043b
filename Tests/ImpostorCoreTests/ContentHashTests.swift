import Foundation
import Testing

import TestScratch
@testable import ImpostorCore

/// SHA-256 against the examples NIST publishes for FIPS 180-4 (the one- and two-block
/// messages, a million "a"s, and the extra byte-oriented examples around the padding
/// boundaries), and against coreutils' `sha256sum` on inputs over a mebibyte.
@Suite struct ContentHashTests {
    static func digest(_ bytes: [UInt8]) -> String { ContentHash(of: bytes).hex }

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func nistOneAndTwoBlockMessages() {
        #expect(Self.digest(Self.ascii("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // 448 bits: the padding no longer fits, so the message takes two blocks.
        #expect(
            Self.digest(Self.ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // 896 bits: two full blocks of message, then a block of padding.
        let long =
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(Self.digest(Self.ascii(long)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func nistMillionAs() {
        let digest = Self.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// NIST's additional SHA-256 examples: lengths on each side of the 56-byte padding limit.
    @Test(
        arguments: [
            ([UInt8]([0xbd]), "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b"),
            ([0xc9, 0x8c, 0x8e, 0x55], "7abc22c0ae5af26ce93dbb94433a0e0b2e119d014f8e7f65bd56c61ccccd9504"),
            ([UInt8](repeating: 0, count: 55), "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7"),
            ([UInt8](repeating: 0, count: 56), "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb"),
            ([UInt8](repeating: 0, count: 57), "65a16cb7861335d5ace3c60718b5052e44660726da4cd13bb745381b235a1785"),
            ([UInt8](repeating: 0, count: 64), "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b"),
            ([UInt8](repeating: 0, count: 1000), "541b3e9daa09b20bf85fa273e5cbd3e80185aa4ec298e765db87742b70138a53"),
            ([UInt8](repeating: 0x41, count: 1000), "c2e686823489ced2017f6059b8b239318b6364f6dcd835d0a519105a1eadd6e4"),
            ([UInt8](repeating: 0x55, count: 1005), "f4d62ddec0f3dd90ea1380fa16a5ff8dc4c54b21740650f24afc4120903552b0"),
            ([UInt8](repeating: 0, count: 1_000_000), "d29751f2649b32ff572b5e0a9f541ea660a50f94ff0beedfb0b692b924cc8025"),
        ])
    func nistByteExamples(message: [UInt8], expected: String) {
        #expect(Self.digest(message) == expected)
    }

    /// Bytes that are not a repeated pattern, so a mistake in the message schedule shows.
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// What coreutils makes of the same bytes: an independent implementation.
    static func sha256sum(_ bytes: [UInt8]) throws -> String {
        let path = Scratch.path("sha")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    @Test func moreThanAMebibyteMatchesSha256sum() throws {
        let bytes = Self.noise(count: 3 * 1024 * 1024 + 17, seed: 42)
        let expected = try Self.sha256sum(bytes)
        #expect(expected.count == 64)
        #expect(Self.digest(bytes) == expected)
    }

    @Test func chunksOfAnySizeGiveTheSameDigest() throws {
        let bytes = Self.noise(count: 1024 * 1024 + 4097, seed: 7)
        let whole = ContentHash(of: bytes)
        #expect(whole.hex == (try Self.sha256sum(bytes)))
        for sizes in [[1], [63, 1, 64], [65], [4096, 7], [100_000]] {
            var hasher = ContentHash.Hasher()
            var offset = 0
            var turn = 0
            while offset < bytes.count {
                let n = min(sizes[turn % sizes.count], bytes.count - offset)
                hasher.update(Array(bytes[offset..<(offset + n)]))
                offset += n
                turn += 1
            }
            #expect(hasher.finalize() == whole, "chunks \(sizes)")
        }
    }

    @Test func hexRoundTripsAndRejectsJunk() {
        let digest = ContentHash(of: Self.ascii("abc"))
        #expect(ContentHash(hex: digest.hex) == digest)
        #expect(ContentHash(hex: digest.hex.uppercased()) == digest)
        #expect(ContentHash(hex: "abc") == nil)
        #expect(ContentHash(hex: String(repeating: "g", count: 64)) == nil)
    }

    /// The tables are what the standard says they are: fractional parts of roots of primes.
    @Test func constantsComeFromTheRootsOfPrimes() {
        var primes: [Int] = []
        var n = 2
        while primes.count < 64 {
            if !primes.contains(where: { n % $0 == 0 }) { primes.append(n) }
            n += 1
        }
        func fraction32(_ x: Double) -> UInt32 { UInt32((x - x.rounded(.down)) * 4_294_967_296) }
        #expect(ContentHash.initialState == primes.prefix(8).map { fraction32(Double($0).squareRoot()) })
        #expect(ContentHash.roundConstants == primes.map { fraction32(cbrt(Double($0))) })
    }
}
