import ImpostorCore
import Testing

@testable import ImpostorImaging

/// PDQ against the oracle (`pdqhash`, Meta's C++ behind Cython) and Meta's published vectors.
@Suite struct PDQTests {
    /// (width, height, seed, hash, quality) printed by scripts/imaging-fixtures.py from pdqhash.
    static let patterns: [(Int, Int, Int, String, Int)] = [
        (64, 64, 1, "287558c590ee65d08a95168dedad506e26d599ad674acc9ab3358eed2199cce6", 100),
        (5, 5, 2, "390e348dc6f1cb72390e6b5a390e96a5c6f1b48d390e358dc6f14b72390e6b5a", 21),
        (4, 9, 3, "0000000000000000000000000000000000000000000000000000000000000000", 0),
        (100, 37, 4, "b5762955caa1b4aeed64125566b50daa3452e895132128dad3b6e64d599b3f66", 100),
        (300, 200, 5, "0e161f1e3e1e7c3e3c1ef07ef07cc1fc01f818e8196e7b68fec0ffc0fb814000", 100),
        (700, 520, 6, "f7f0fff0ff8cfffe3efe3e98f671069013803c10dc8e3c1de4660c2013910420", 100),
        (129, 257, 7, "ce739c6318e6f0a7e1c787ce078e1e063e3efc36e078c0f803fe1ff0ff80c000", 100),
    ]

    @Test("same pixels as the oracle give the same hash, bit for bit", arguments: 0..<7)
    func patternMatchesOracle(index: Int) {
        let (width, height, seed, hex, quality) = Self.patterns[index]
        let result = PDQ.hash(TestImages.pattern(width: width, height: height, seed: seed))
        #expect(result.hash.hex == hex)
        #expect(result.quality == quality)
    }

    /// pdqhash's compute_dihedral on the 300×200 pattern, in its order, which is `Dihedral`'s.
    static let dihedral = [
        "0e161f1e3e1e7c3e3c1ef07ef07cc1fc01f818e8196e7b68fec0ffc0fb814000",
        "070ee0e03e1e0181f87e07f3e09ebe4101cef80317f0007f7ff000dffc20fffd",
        "4b43b5b46b4bd694294b5ad4a5296b5656adb2424c3bd1c2aa95556aaed4eaaa",
        "525b424a6b4bab2bad2bad59b5cb14a3549b52a942a5aac52aa5aa75a9755557",
        "1e16e0e13e1e83c13c1e0f81f07c3e0303f8e617196e8487fec0003ffb81bfff",
        "4b434a4b6b4b296b294ba52ba52994a956ad4dbd4c3b2e3daa95aa95aed41555",
        "070e171f3e1e7e7ef87ef80ce01e41b601ce07fc17f0ff807ff0ff20fc200002",
        "525bb5b56b4b54d4ad2b52a6b5cbeb14549bad5642a5552a2aa5558aa975aaa8",
    ]

    @Test func dihedralVariantsMatchOracle() {
        let spectrum = PDQ.spectrum(of: TestImages.pattern(width: 300, height: 200, seed: 5))
        for (symmetry, hex) in zip(Dihedral.allCases, Self.dihedral) {
            #expect(spectrum.hash(symmetry).hex == hex, "\(symmetry)")
        }
    }

    @Test func dihedralVariantTracksARotatedPicture() {
        // Rotating the pixels and reading the rotate90 variant off the original should nearly agree.
        let image = TestImages.pattern(width: 240, height: 240, seed: 9)
        var rotated = image.rgb
        for y in 0..<240 {
            for x in 0..<240 {
                // 90° clockwise: new(x, y) = old(y, 239 - x)
                let from = 3 * ((239 - x) * 240 + y)
                let to = 3 * (y * 240 + x)
                rotated[to..<to + 3] = image.rgb[from..<from + 3]
            }
        }
        let spectrum = PDQ.spectrum(of: image)
        let direct = PDQ.hash(Image(width: 240, height: 240, rgb: rotated)).hash
        let best = Dihedral.allCases.map { spectrum.hash($0).distance(to: direct) }.min()!
        #expect(best <= 24)  // derived variants are close to, not equal to, re-hashed pixels
        #expect(spectrum.hash(.original).distance(to: direct) > 60)
    }

    /// (file, hash, quality) from pdqhash on Pillow's decode of the committed fixtures.
    static let fixtures: [(String, String, Int)] = [
        ("logo-alpha.png", "1f1683c69c8e0fc39ec55c0b26e1f2766d3182f3f1700f931be9ed14fe0160ec", 100),
        ("pattern.jpg", "6d53e84312e6f8c6c3c681c6138e8f1e138e3e3efa1ec03c03fe3ff0ffa1e000", 100),
        ("grey-64.png", "e87689cd237deed10985d989fc0f989c2235aeed9fd84d12fc199303037e48d2", 100),
        ("alpha-lossless.webp", "1f1683c19e1e0c43de8c6c3ba6e4fa76653102f3d1301f931be9f916fe0170ec", 100),
        ("pattern-lossy.webp", "a6486cd9898a503a65560af557e5eb0d06c9ad99b3132e17f3b74e02d8b907fc", 100),
        ("interlaced.gif", "1f9681c6ce8e0dcbc6c46c0ba6e5fa766c309273f1380f930be9ed14bf4160ec", 100),
        ("palette.png", "1f1691e21e0e0cc3cecc4c0ba6e1fa76ed3092fbf1380f930be9ed16fe01706c", 100),
    ]

    @Test("decoded fixtures hash as the oracle does", arguments: 0..<7)
    func fixtureMatchesOracle(index: Int) throws {
        let (name, hex, quality) = Self.fixtures[index]
        let result = PDQ.hash(try ImageDecoder().decode(contentsOf: TestImages.fixture(name)))
        let expected = try #require(PerceptualHash(hex: hex))
        // Lossless formats decode to the same pixels as Pillow: 0 bits. Lossy ones go through a
        // different libjpeg-turbo/libwebp build, so allow a few bits.
        let lossy = name.hasSuffix(".jpg") || name.hasSuffix("lossy.webp")
        #expect(result.hash.distance(to: expected) <= (lossy ? 4 : 0), "\(name): \(result.hash.hex)")
        #expect(abs(result.quality - quality) <= (lossy ? 2 : 0))
    }

    @Test func metaVectors() throws {
        let table = TestImages.vectorsDirectory + "/expected.tsv"
        guard let bytes = try? TestImages.bytes(table) else { return }  // vectors not on this machine
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count >= 8)
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            let image = try ImageDecoder().decode(contentsOf: TestImages.vectorsDirectory + "/" + fields[0])
            let result = PDQ.hash(image)
            #expect(result.hash.hex == fields[1], "\(fields[0])")
            #expect(result.quality == Int(fields[2]), "\(fields[0])")
        }
    }

    @Test func rotatedBridgeIsFarButItsVariantIsNear() throws {
        let dir = TestImages.vectorsDirectory
        guard let one = try? ImageDecoder().decode(contentsOf: dir + "/bridge-1-original.jpg") else { return }
        let two = try ImageDecoder().decode(contentsOf: dir + "/bridge-2-rotate-90.jpg")
        let spectrum = PDQ.spectrum(of: one)
        let other = PDQ.hash(two).hash
        #expect(spectrum.hash().distance(to: other) == 120)  // Meta's Java test asserts 120
        let nearest = Dihedral.allCases.map { spectrum.hash($0).distance(to: other) }.min()!
        #expect(nearest <= 10)
    }

    @Test func flatPictureHasNoUsefulQuality() {
        let flat = PDQ.hash(Image(width: 200, height: 200, filledWith: RGB(200, 10, 10)))
        #expect(flat.quality == 0)
        #expect(!flat.isUseful)
    }
}
