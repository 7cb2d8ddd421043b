import Testing

@testable import ImpostorImaging

/// Every way a file can be bad gives a coded error, never a crash; good files decode by content.
@Suite struct ImageDecoderTests {
    let decoder = ImageDecoder()

    private func code(_ bytes: [UInt8], _ decoder: ImageDecoder = ImageDecoder()) -> ImageError.Code? {
        do {
            _ = try decoder.decode(bytes)
            return nil
        } catch {
            #expect(!error.reason.isEmpty)
            return error.code
        }
    }

    @Test("each fixture decodes with the right format and size", arguments: [
        ("logo-alpha.png", ImageDecoder.Format.png, 160, 120),
        ("pattern.jpg", .jpeg, 200, 150),
        ("grey-64.png", .png, 64, 64),
        ("alpha-lossless.webp", .webp, 128, 128),
        ("pattern-lossy.webp", .webp, 120, 96),
        ("interlaced.gif", .gif, 100, 80),
        ("palette.png", .png, 90, 90),
    ])
    func decodes(name: String, format: ImageDecoder.Format, width: Int, height: Int) throws {
        let bytes = try TestImages.bytes(TestImages.fixture(name))
        let header = try decoder.header(of: bytes)
        #expect(header == ImageDecoder.Header(format: format, width: width, height: height))
        let image = try decoder.decode(bytes)
        #expect(image.width == width && image.height == height)
    }

    @Test func transparentPixelsBecomeWhite() throws {
        for name in ["logo-alpha.png", "alpha-lossless.webp", "interlaced.gif", "palette.png"] {
            let image = try decoder.decode(contentsOf: TestImages.fixture(name))
            #expect(image[image.width - 1, image.height - 1] == .white, "\(name)")
        }
    }

    @Test func zeroBytes() {
        #expect(code([]) == .empty)
    }

    @Test func missingFile() {
        #expect(throws: ImageError.self) { try decoder.decode(contentsOf: "/nonexistent/avatar.png") }
    }

    @Test("truncated files are refused", arguments: ["pattern.jpg", "logo-alpha.png", "pattern-lossy.webp", "interlaced.gif"])
    func truncated(name: String) throws {
        let bytes = try TestImages.bytes(TestImages.fixture(name))
        for keep in [bytes.count / 2, bytes.count * 9 / 10, 20] {
            #expect(code(Array(bytes.prefix(keep))) == .corrupt, "\(name) cut to \(keep)")
        }
    }

    @Test func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // Random data is unsupported unless it happens to start with a magic number.
        #expect(code([0x42, 0x42] + noise) == .unsupportedFormat)
    }

    @Test("magic bytes followed by garbage are corrupt", arguments: [
        [0xFF, 0xD8, 0xFF, 0xE0], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("GIF89a".utf8),
        Array("RIFF\u{10}\0\0\0WEBPVP8 ".utf8),
    ] as [[UInt8]])
    func garbageAfterMagic(magic: [UInt8]) {
        // 0x01 filler keeps any declared size small (257 px), so the damage is found while decoding.
        #expect(code(magic + [UInt8](repeating: 0x01, count: 300)) == .corrupt)
    }

    @Test func mislabelledFileDecodesByContent() throws {
        // A PNG saved as .jpg: the name is ignored.
        let path = TemporaryFile.make("mislabelled.jpg")
        let bytes = try TestImages.bytes(TestImages.fixture("logo-alpha.png"))
        try TemporaryFile.write(bytes, to: path)
        #expect(try decoder.decode(contentsOf: path).width == 160)
        #expect(try decoder.header(of: bytes).format == .png)
    }

    @Test func hugeDeclaredDimensionsAreRefusedBeforeDecoding() throws {
        // A valid PNG header declaring 60000×60000 (3.6 gigapixels), with almost no pixel data behind it.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let ihdr: [UInt8] = Array("IHDR".utf8) + be32(60000) + be32(60000) + [8, 2, 0, 0, 0]
        png += be32(13) + ihdr + be32(crc32(ihdr))
        // libpng reads the header chunks up to the first IDAT before it reports the size.
        let idat: [UInt8] = Array("IDAT".utf8) + [0x78, 0x9C]
        png += be32(2) + idat + be32(crc32(idat))
        #expect(code(png) == .tooManyPixels)
        // The same check on GIF's logical screen, which giflib would otherwise allocate for.
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x60, 0xEA, 0x60, 0xEA, 0x00, 0, 0] + [0x3B]
        #expect(code(gif) == .tooManyPixels)
        // And a smaller cap applies to a real file.
        let small = ImageDecoder(limits: .init(maxPixels: 100))
        #expect(code(try TestImages.bytes(TestImages.fixture("pattern.jpg")), small) == .tooManyPixels)
    }

    /// A stranger's avatar may not declare more than 4096 × 4096: a 16 KB GIF of 6000 × 6000 took
    /// 420 MB to decode and hash under the general limit.
    @Test func anAvatarDeclaringMoreThanAnyPlatformServesIsRefused() throws {
        let avatar = ImageDecoder(limits: .avatar)
        func gif(_ width: Int, _ height: Int) -> [UInt8] {
            Array("GIF89a".utf8) + [UInt8(width & 0xFF), UInt8(width >> 8), UInt8(height & 0xFF), UInt8(height >> 8), 0x00, 0, 0] + [0x3B]
        }
        #expect(code(gif(6000, 6000), avatar) == .tooManyPixels)
        #expect(code(gif(4097, 4096), avatar) == .tooManyPixels)
        #expect(code(gif(6000, 6000)) != .tooManyPixels)
        #expect(code(gif(4096, 4096), avatar) != .tooManyPixels)
    }

    /// Each scan of a progressive JPEG walks the whole image: 2,600 near-empty scans in 200 KB kept a decoder
    /// busy for 8 s. A JPEG of more scans than any encoder writes is refused before it is decoded.
    @Test func aJPEGOfThousandsOfScansIsRefused() throws {
        let bytes = try TestImages.bytes(TestImages.fixture("pattern.jpg"))
        let sos = try #require(bytes.indices.dropLast().first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA })
        let scan = Array(bytes[sos..<(bytes.count - 2)])
        let many = Array(bytes[..<sos]) + Array([[UInt8]](repeating: scan, count: 150).joined()) + [0xFF, 0xD9]
        #expect(throws: ImageError(.corrupt, "a JPEG of 150 scans, over the limit of 100")) { try ImageDecoder().decode(many) }
        #expect(try ImageDecoder().decode(bytes).width > 0)
    }

    @Test func fileOverTheByteLimit() throws {
        let tight = ImageDecoder(limits: .init(maxBytes: 1000))
        #expect(code(try TestImages.bytes(TestImages.fixture("pattern.jpg")), tight) == .fileTooLarge)
        #expect(throws: ImageError(.fileTooLarge, "\(TestImages.fixture("pattern.jpg")) has 17462 bytes, over the limit of 1000")) {
            try tight.decode(contentsOf: TestImages.fixture("pattern.jpg"))
        }
    }

    @Test("unsupported formats are named", arguments: [
        Array("BM".utf8) + [UInt8](repeating: 0, count: 60),
        Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
        [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0],
        Array("hello, this is text".utf8),
    ] as [[UInt8]])
    func unsupported(bytes: [UInt8]) {
        #expect(code(bytes) == .unsupportedFormat)
    }

    private func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    private func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
