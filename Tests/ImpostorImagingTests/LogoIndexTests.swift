import ImpostorCore
import Testing

@testable import ImpostorImaging

/// The matcher finds copies made the way impostors make them, and keeps distinct logos apart.
/// The logos are three openclipart images (public domain) from the measurement corpus.
@Suite struct LogoIndexTests {
    static let names = ["logo-a.png", "logo-b.png", "logo-c.png"]

    static func logo(_ name: String) throws -> Image {
        try ImageDecoder().decode(contentsOf: TestImages.fixture(name))
    }

    static func index() throws -> LogoIndex {
        try LogoIndex(logos: names.map { (identity: "council-\($0.prefix(6))", logo: $0, path: TestImages.fixture($0)) })
    }

    /// The copies each test applies, written in Swift so each one is visible here.
    enum Copy: String, CaseIterable, Sendable {
        case reencoded, resized, circle, darkCircle, border, padding, recoloured, banner, tick, screenshot, askew

        func apply(to image: Image) throws -> Image {
            switch self {
            case .reencoded: try ImageDecoder().decode(contentsOf: TestImages.fixture("logo-a-q70.jpg"))
            case .resized: image.testResized(longSide: 128)
            case .circle: image.centreCrop(1).circleMasked(outside: .white)
            case .darkCircle: image.centreCrop(1).circleMasked(outside: RGB(24, 25, 26))
            case .border: image.testFramed(by: max(image.width, image.height) / 10, colour: RGB(20, 40, 120))
            case .padding: image.testFramed(by: max(image.width, image.height) / 5, colour: .white)
            case .recoloured: image.testChannelsRotated()
            case .banner:
                image.testPainted(
                    Image.Rect(x: 0, y: image.height * 4 / 5, width: image.width, height: image.height), RGB(200, 30, 30))
            case .tick:
                image.testPainted(
                    Image.Rect(
                        x: image.width * 4 / 5, y: image.height * 4 / 5, width: image.width / 5 - 2,
                        height: image.height / 5 - 2), RGB(29, 155, 240))
            case .screenshot: image.testOnPage()
            case .askew: image.turned(by: 7, filling: .white)
            }
        }
    }

    @Test("each kind of copy matches its own logo", arguments: Copy.allCases)
    func copyMatches(copy: Copy) throws {
        let index = try Self.index()
        let avatar = try copy.apply(to: Self.logo("logo-a.png"))
        let found = index.matches(avatar: avatar)
        let first = try #require(found.first, "\(copy) found nothing")
        #expect(first.logo == "logo-a.png", "\(copy): \(found)")
        #expect(first.distance <= LogoIndex.matchThreshold)
        #expect(!found.contains { $0.logo != "logo-a.png" }, "\(copy) also matched \(found)")
    }

    @Test func distinctLogosDoNotMatch() throws {
        for (i, name) in Self.names.enumerated() {
            let others = Self.names.enumerated().filter { $0.offset != i }.map(\.element)
            let index = try LogoIndex(logos: others.map { (identity: $0, logo: $0, path: TestImages.fixture($0)) })
            let image = try Self.logo(name)
            #expect(index.matches(avatar: image).isEmpty, "\(name)")
            for copy in Copy.allCases where copy != .reencoded {
                #expect(index.matches(avatar: try copy.apply(to: image)).isEmpty, "\(name) \(copy)")
            }
        }
    }

    @Test func rotatedCopyMatchesThroughADihedralReference() throws {
        let index = try Self.index()
        let found = index.matches(avatar: try Self.logo("logo-b.png").testRotated90())
        #expect(found.first?.logo == "logo-b.png")
        #expect(found.first?.variant.contains("rotated") == true || found.first?.variant.contains("flip") == true)
    }

    /// A flat, lopsided logo (blocks of a wordmark on white) copied turned or mirrored still matches in all
    /// eight ways: the variants PDQ derives from coefficients missed its mirror image by 56 bits.
    @Test func everyTurnAndMirrorOfAFlatLogoMatches() throws {
        var rgb = [UInt8](repeating: 255, count: 300 * 200 * 3)
        for (x0, y0, w, h, shade) in [(20, 30, 60, 140, 20), (100, 30, 150, 30, 40), (100, 90, 40, 80, 90), (170, 120, 110, 20, 60)] {
            for y in y0..<(y0 + h) {
                for x in x0..<(x0 + w) { for c in 0..<3 { rgb[3 * (y * 300 + x) + c] = UInt8(shade + 30 * c) } }
            }
        }
        let logo = Image(width: 300, height: 200, rgb: rgb)
        var index = try Self.index()
        index.add(identity: "lopsided", logo: "lopsided.png", image: logo)
        for symmetry in Dihedral.allCases {
            let found = index.matches(avatar: logo.transformed(symmetry))
            #expect(found.first?.logo == "lopsided.png", "\(symmetry): \(found.map(\.variant))")
        }
        #expect(logo.transformed(.rotate90).transformed(.rotate270) == logo)
        #expect(logo.transformed(.flipY).transformed(.flipY) == logo && logo.transformed(.flipY) != logo)
    }

    @Test func flatPicturesNeverMatch() throws {
        var index = try Self.index()
        let flat = Image(width: 300, height: 300, filledWith: RGB(240, 240, 240))
        index.add(identity: "blank", logo: "blank.png", image: flat)
        #expect(index.flatLogos.map(\.logo) == ["blank.png"])
        #expect(index.matches(avatar: flat).isEmpty)
        #expect(index.matches(avatar: flat, threshold: 256).isEmpty)
    }

    @Test func unreadableLogoNamesTheFile() {
        #expect(throws: ImageError.self) {
            try LogoIndex(logos: [(identity: "x", logo: "gone.png", path: "/nonexistent/gone.png")])
        }
        do {
            _ = try LogoIndex(logos: [(identity: "x", logo: "gone.png", path: "/nonexistent/gone.png")])
        } catch {
            #expect(error.reason.hasPrefix("/nonexistent/gone.png: "))
        }
    }
}

/// Edits used only to make test copies.
extension Image {
    /// Box-averaged downscale so the long side is `longSide`.
    func testResized(longSide: Int) -> Image {
        let scale = Double(max(width, height)) / Double(longSide)
        let w = max(1, Int(Double(width) / scale))
        let h = max(1, Int(Double(height) / scale))
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                let x0 = Int(Double(x) * scale)
                let x1 = max(x0 + 1, min(width, Int(Double(x + 1) * scale)))
                let y0 = Int(Double(y) * scale)
                let y1 = max(y0 + 1, min(height, Int(Double(y + 1) * scale)))
                for c in 0..<3 {
                    var sum = 0
                    for yy in y0..<y1 { for xx in x0..<x1 { sum += Int(rgb[3 * (yy * width + xx) + c]) } }
                    out[3 * (y * w + x) + c] = UInt8(sum / ((x1 - x0) * (y1 - y0)))
                }
            }
        }
        return Image(width: w, height: h, rgb: out)
    }

    /// A uniform frame `by` pixels wide on every side.
    func testFramed(by margin: Int, colour: RGB) -> Image {
        testPlaced(on: Image(width: width + 2 * margin, height: height + 2 * margin, filledWith: colour), x: margin, y: margin)
    }

    func testPlaced(on canvas: Image, x: Int, y: Int) -> Image {
        var out = canvas
        for row in 0..<height {
            for col in 0..<width {
                let from = 3 * (row * width + col)
                let to = 3 * ((row + y) * canvas.width + col + x)
                out.rgb[to..<to + 3] = rgb[from..<from + 3]
            }
        }
        return out
    }

    /// R→G→B→R: a recolouring that keeps shapes but changes every hue.
    func testChannelsRotated() -> Image {
        var out = self
        for p in 0..<(width * height) {
            out.rgb[3 * p] = rgb[3 * p + 2]
            out.rgb[3 * p + 1] = rgb[3 * p]
            out.rgb[3 * p + 2] = rgb[3 * p + 1]
        }
        return out
    }

    func testPainted(_ rect: Rect, _ colour: RGB) -> Image {
        var out = self
        for y in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(width, rect.x + rect.width) {
                out.rgb[3 * (y * width + x)] = colour.red
                out.rgb[3 * (y * width + x) + 1] = colour.green
                out.rgb[3 * (y * width + x) + 2] = colour.blue
            }
        }
        return out
    }

    /// The logo as a round avatar on a grey page, with a header bar and lines of "text".
    func testOnPage() -> Image {
        var page = Image(width: 900, height: 560, filledWith: RGB(240, 242, 245))
        page = page.testPainted(Rect(x: 0, y: 0, width: 900, height: 48), RGB(24, 119, 242))
        page = page.testPainted(Rect(x: 30, y: 80, width: 840, height: 450), .white)
        for line in 0..<5 {
            page = page.testPainted(Rect(x: 300, y: 130 + 50 * line, width: 520 - 40 * line, height: 18), RGB(60, 60, 60))
        }
        let avatar = centreCrop(1).testResized(longSide: 200).circleMasked(outside: .white)
        return avatar.testPlaced(on: page, x: 60, y: 120)
    }

    /// 90° clockwise.
    func testRotated90() -> Image {
        var out = [UInt8](repeating: 0, count: rgb.count)
        for y in 0..<height {
            for x in 0..<width {
                let to = 3 * (x * height + (height - 1 - y))
                let from = 3 * (y * width + x)
                out[to..<to + 3] = rgb[from..<from + 3]
            }
        }
        return Image(width: height, height: width, rgb: out)
    }
}
