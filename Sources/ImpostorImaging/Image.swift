/// A decoded picture: 8-bit RGB, row-major, three bytes per pixel, with any alpha already
/// composited onto white so that logos and avatars follow one transparency policy.
public struct Image: Hashable, Sendable {
    /// Pixels across.
    public let width: Int
    /// Pixels down.
    public let height: Int
    /// `width * height * 3` bytes: R, G, B for each pixel, rows top to bottom.
    public internal(set) var rgb: [UInt8]

    /// Wraps pixels already in memory; `rgb` must hold exactly `width * height * 3` bytes.
    public init(width: Int, height: Int, rgb: [UInt8]) {
        precondition(width > 0 && height > 0 && rgb.count == width * height * 3, "pixel count must match the size")
        self.width = width
        self.height = height
        self.rgb = rgb
    }

    /// A picture of one colour.
    public init(width: Int, height: Int, filledWith colour: RGB) {
        precondition(width > 0 && height > 0, "an image needs at least one pixel")
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeMutableBufferPointer { out in
            for p in 0..<(width * height) {
                out[3 * p] = colour.red
                out[3 * p + 1] = colour.green
                out[3 * p + 2] = colour.blue
            }
        }
        self.rgb = pixels
    }

    /// The colour at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> RGB {
        let i = 3 * (y * width + x)
        return RGB(rgb[i], rgb[i + 1], rgb[i + 2])
    }
}

/// One 8-bit RGB colour.
public struct RGB: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let white = RGB(255, 255, 255)
    public static let black = RGB(0, 0, 0)
}
