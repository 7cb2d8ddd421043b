import ImpostorCore
import Testing

@testable import ImpostorImaging

/// A logo's forms are what the index enrolls and what the logo cache stores, so they must
/// rebuild the same index and change only with `LogoForms.version`.
@Suite struct LogoFormsTests {
    @Test func formsRebuildTheSameIndex() throws {
        let image = try LogoIndexTests.logo("logo-b.png")
        let direct = LogoIndex(logos: [(identity: "x", logo: "b.png", image: image)])
        var rebuilt = LogoIndex()
        let forms = LogoForms(image)
        // As the cache does: only the stored fields survive.
        let copy = LogoForms(whole: forms.whole, width: forms.width, height: forms.height, forms: forms.forms)
        rebuilt.add(identity: "x", logo: "b.png", forms: copy)
        #expect(rebuilt.references == direct.references)
        #expect(forms.whole == PDQ.hash(image))
        #expect(forms.width == image.width && forms.height == image.height)
        #expect(Set(forms.forms.map(\.hash)).count == forms.forms.count, "forms are distinct")
        #expect(forms.forms.count > 20)
    }

    @Test func flatLogoHasNoForms() {
        let forms = LogoForms(Image(width: 300, height: 300, filledWith: RGB(240, 240, 240)))
        #expect(forms.isFlat)
        #expect(forms.whole.quality < PDQ.minimumUsefulQuality)
        var index = LogoIndex()
        index.add(identity: "x", logo: "blank.png", forms: forms)
        #expect(index.references.isEmpty)
        #expect(index.flatLogos == [LogoIndex.FlatLogo(identity: "x", logo: "blank.png", quality: forms.whole.quality)])
    }

    /// The digest of every form's name, kind and hash for two fixed pictures, per version. When
    /// this fails, the forms changed: bump `LogoForms.version` (so caches are recomputed) and
    /// record the new digest under it.
    static let fingerprints: [Int: String] = [
        1: "a38c9aa952b3a3780cd8a4ef823df8be4f7f9e77d3f1c55b6a86520a9be5e2f4",
        // 2 hashes logos over 2,048 pixels shrunk: the same forms for these two.
        2: "a38c9aa952b3a3780cd8a4ef823df8be4f7f9e77d3f1c55b6a86520a9be5e2f4",
        // 3 adds the trimmed logo turned 3°, 6°, 9° and 12° either way.
        3: "9d62001d08ae93f13c8f6c46d82644e2579dd2e83cf15d5f1c5a67af7ee620aa",
        // 4 adds the logo's negative, the parts that stand apart (a wordmark's emblem) and the centre 50%.
        4: "e2a9e01c8c34ded8e5f82f857066968a3796bddbe2ec03a1a1208ca29fd3e07e",
        // 5 keeps the negative, takes parts only of a wide or tall logo, and drops the centre 50%: on the
        // 1,000-logo corpus version 4 doubled the wrong-logo pairs of round and bannered copies.
        5: "fc209ebfc2d819841441e048eca8d800b3c7324c63f0756a7d2e3e97aa1e42f5",
        // 6 hashes the eight turns and mirrors from moved pixels, not from the coefficients.
        6: "71d610e512d202c04dd5e137e0d1956af0ba2d5b633377048e37b7c974b5a68b",
    ]

    /// A crest of thousands of pixels is hashed shrunk, as a copy of it at 2,048 pixels is: a 6,000-pixel
    /// logo once took 870 MB, each form a full-size copy. Its size is still the size decoded.
    @Test func aBigLogoIsHashedShrunk() {
        let big = TestImages.pattern(width: 4096, height: 3072, seed: 9)
        let forms = LogoForms(big), shrunk = LogoForms(big.shrunk(toLongSide: LogoForms.longestSide))
        #expect(forms.forms == shrunk.forms && forms.whole == shrunk.whole)
        #expect(forms.width == 4096 && forms.height == 3072)
    }

    @Test func formsChangeOnlyWithTheVersion() throws {
        var hasher = ContentHash.Hasher()
        for image in [TestImages.pattern(width: 300, height: 200, seed: 5), try LogoIndexTests.logo("logo-a.png")] {
            for form in LogoForms(image).forms {
                hasher.update(Array("\(form.variant)|\(form.kind.rawValue)|\(form.hash.hex)\n".utf8))
            }
        }
        let digest = hasher.finalize().hex
        #expect(Self.fingerprints[LogoForms.version] == digest, "forms changed: bump LogoForms.version; digest \(digest)")
    }
}
