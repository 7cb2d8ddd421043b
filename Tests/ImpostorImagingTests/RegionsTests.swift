import ImpostorCore
import Testing

@testable import ImpostorImaging

/// Finding the avatar inside a screenshot: the background is whatever is flat and joined to
/// the edge, so a pale logo on a white card on a grey page is still found, and the box leaves
/// a margin so trimming lands on the logo's own edge.
@Suite struct RegionsTests {
    /// A grey page, a white card, bars of "text", and `logo` placed on the card at (60, 120).
    static func page(with logo: Image) -> Image {
        var page = Image(width: 900, height: 560, filledWith: RGB(240, 242, 245))
        page = page.testPainted(Image.Rect(x: 0, y: 0, width: 900, height: 48), RGB(24, 119, 242))
        page = page.testPainted(Image.Rect(x: 30, y: 80, width: 840, height: 450), .white)
        for line in 0..<5 {
            page = page.testPainted(
                Image.Rect(x: 300, y: 130 + 50 * line, width: 500 - 40 * line, height: 18), RGB(60, 60, 60))
        }
        return logo.testPlaced(on: page, x: 60, y: 120)
    }

    /// A cream disc with a tan outline: close to the grey page, clearly off the white card.
    static func paleDisc(side: Int) -> Image {
        var image = Image(width: side, height: side, filledWith: .white)
        let c = Double(side) / 2
        for y in 0..<side {
            for x in 0..<side {
                let d = ((Double(x) + 0.5 - c) * (Double(x) + 0.5 - c) + (Double(y) + 0.5 - c) * (Double(y) + 0.5 - c))
                    .squareRoot()
                let colour: RGB? = d < c - 6 ? RGB(240, 238, 205) : d < c ? RGB(190, 160, 110) : nil
                if let colour {
                    image.rgb[3 * (y * side + x)] = colour.red
                    image.rgb[3 * (y * side + x) + 1] = colour.green
                    image.rgb[3 * (y * side + x) + 2] = colour.blue
                }
            }
        }
        return image
    }

    @Test func paleLogoOnACardIsFoundWithAMargin() throws {
        let screenshot = Self.page(with: Self.paleDisc(side: 180))
        let box = try #require(screenshot.squarishRegions(limit: 1).first)
        // The disc spans x 60..<240, y 120..<300; the box holds it with at most two cells spare.
        let cell = 900 / 96
        #expect(box.x <= 60 && box.y <= 120 && box.x + box.width >= 240 && box.y + box.height >= 300, "\(box)")
        #expect(box.x >= 60 - 2 * cell && box.y >= 120 - 2 * cell, "\(box)")
        #expect(box.x + box.width <= 240 + 2 * cell && box.y + box.height <= 300 + 2 * cell, "\(box)")
        // Trimming the crop gives the disc itself.
        let region = screenshot.cropped(to: box).trimmed()
        #expect(region.width == 180 && region.height == 180)
    }

    @Test func textLinesAndBarsAreNotRegions() {
        let blank = Self.page(with: Image(width: 4, height: 4, filledWith: .white))
        #expect(blank.squarishRegions().isEmpty)
    }

    @Test func photoLikeNoiseHasNoBackground() {
        // Grain everywhere, as in a photograph: no cell is flat, so nothing is background and
        // the whole picture is one thing.
        var state: UInt32 = 12345
        let rgb = (0..<(300 * 200 * 3)).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let photo = Image(width: 300, height: 200, rgb: rgb)
        #expect(!BackgroundGrid(photo).background.contains(true))
        #expect(photo.squarishRegions() == [Image.Rect(x: 0, y: 0, width: 300, height: 200)])
    }

    @Test func flatEdgeWithAGentleGradientIsAllBackground() {
        // A page shading from white to light grey: flat cell by cell, one background.
        var page = Image(width: 400, height: 300, filledWith: .white)
        for y in 0..<300 {
            for x in 0..<400 {
                let v = UInt8(255 - x / 8)
                page.rgb[3 * (y * 400 + x)] = v
                page.rgb[3 * (y * 400 + x) + 1] = v
                page.rgb[3 * (y * 400 + x) + 2] = v
            }
        }
        #expect(!BackgroundGrid(page).background.contains(false))
        #expect(page.squarishRegions().isEmpty)
    }

    @Test("a screenshot of each fixture logo matches that logo and no other", arguments: LogoIndexTests.names)
    func screenshotMatchesItsLogo(name: String) throws {
        let index = try LogoIndexTests.index()
        let avatar = Self.page(with: try LogoIndexTests.logo(name).centreCrop(1).testResized(longSide: 200).circleMasked(outside: .white))
        let found = index.matches(avatar: avatar)
        #expect(found.first?.logo == name, "\(found)")
        #expect(found.allSatisfy { $0.logo == name }, "\(found)")
        #expect(found.first?.variant.contains("region") == true, "\(found)")
    }
}
