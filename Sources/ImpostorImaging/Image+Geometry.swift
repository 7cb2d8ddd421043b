import Glibc

/// Crops, padding and masks: the edits copiers make to avatars, and their inverses.
extension Image {
    /// A rectangle of pixels.
    public struct Rect: Hashable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    /// The pixels inside `rect`, clipped to the picture.
    public func cropped(to rect: Rect) -> Image {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(width, rect.x + rect.width)
        let y1 = min(height, rect.y + rect.height)
        guard x1 > x0, y1 > y0 else { return self }
        let w = x1 - x0
        var out = [UInt8](repeating: 0, count: w * (y1 - y0) * 3)
        out.withUnsafeMutableBufferPointer { dst in
            rgb.withUnsafeBufferPointer { src in
                for y in y0..<y1 {
                    let from = src.baseAddress! + 3 * (y * width + x0)
                    (dst.baseAddress! + 3 * (y - y0) * w).update(from: from, count: 3 * w)
                }
            }
        }
        return Image(width: w, height: y1 - y0, rgb: out)
    }

    /// The centred square crop keeping `fraction` of the shorter side.
    public func centreCrop(_ fraction: Double) -> Image {
        let side = max(1, Int((Double(min(width, height)) * fraction).rounded()))
        return cropped(to: Rect(x: (width - side) / 2, y: (height - side) / 2, width: side, height: side))
    }

    /// The top `fraction` of the rows: what is left when a banner covers the bottom.
    public func top(_ fraction: Double) -> Image {
        cropped(to: Rect(x: 0, y: 0, width: width, height: max(1, Int(Double(height) * fraction))))
    }

    /// The picture centred on a square canvas of `colour`.
    public func paddedToSquare(with colour: RGB) -> Image {
        guard width != height else { return self }
        let side = max(width, height)
        var canvas = Image(width: side, height: side, filledWith: colour)
        let x0 = (side - width) / 2
        let y0 = (side - height) / 2
        canvas.rgb.withUnsafeMutableBufferPointer { dst in
            rgb.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    (dst.baseAddress! + 3 * ((y + y0) * side + x0))
                        .update(from: src.baseAddress! + 3 * y * width, count: 3 * width)
                }
            }
        }
        return canvas
    }

    /// The picture turned `degrees` about its centre on a canvas that holds all of it, the corners painted
    /// `colour`: a crest pasted askew. Each pixel is read between the four it falls among.
    public func turned(by degrees: Double, filling colour: RGB) -> Image {
        let angle = degrees * Double.pi / 180
        let (c, s) = (cos(angle), sin(angle))
        let (w, h) = (Double(width), Double(height))
        let outWidth = max(1, Int((abs(w * c) + abs(h * s)).rounded(.up)))
        let outHeight = max(1, Int((abs(w * s) + abs(h * c)).rounded(.up)))
        var out = Image(width: outWidth, height: outHeight, filledWith: colour)
        let (width, height) = (self.width, self.height)
        out.rgb.withUnsafeMutableBufferPointer { dst in
            rgb.withUnsafeBufferPointer { src in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        // The point of the picture this pixel shows: the turn undone.
                        let dx = Double(x) + 0.5 - Double(outWidth) / 2, dy = Double(y) + 0.5 - Double(outHeight) / 2
                        let sx = c * dx + s * dy + w / 2 - 0.5, sy = -s * dx + c * dy + h / 2 - 0.5
                        guard sx >= 0, sy >= 0, sx <= w - 1, sy <= h - 1 else { continue }
                        let x0 = Int(sx), y0 = Int(sy), x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
                        let fx = sx - Double(x0), fy = sy - Double(y0)
                        for channel in 0..<3 {
                            func at(_ px: Int, _ py: Int) -> Double { Double(src[3 * (py * width + px) + channel]) }
                            let top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx
                            let bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx
                            dst[3 * (y * outWidth + x) + channel] = UInt8(min(255, (top * (1 - fy) + bottom * fy).rounded()))
                        }
                    }
                }
            }
        }
        return out
    }

    /// The picture turned or mirrored as `symmetry` says: its pixels moved, not its hash derived. PDQ's derived
    /// variants drift from a re-hashed copy on flat logos (a mirrored wordmark came out 56 bits from its variant).
    public func transformed(_ symmetry: Dihedral) -> Image {
        let across = [.rotate90, .rotate270, .flipPlus1, .flipMinus1].contains(symmetry)
        let (w, h) = across ? (height, width) : (width, height)
        var out = [UInt8](repeating: 0, count: rgb.count)
        rgb.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for x in 0..<w {
                        // Where the pixel at (x, y) of the result comes from.
                        let (sx, sy) = switch symmetry {
                        case .original: (x, y)
                        case .rotate90: (y, height - 1 - x)
                        case .rotate180: (width - 1 - x, height - 1 - y)
                        case .rotate270: (width - 1 - y, x)
                        case .flipX: (x, height - 1 - y)
                        case .flipY: (width - 1 - x, y)
                        case .flipPlus1: (y, x)
                        case .flipMinus1: (width - 1 - y, height - 1 - x)
                        }
                        let from = 3 * (sy * width + sx), to = 3 * (y * w + x)
                        dst[to] = src[from]
                        dst[to + 1] = src[from + 1]
                        dst[to + 2] = src[from + 2]
                    }
                }
            }
        }
        return Image(width: w, height: h, rgb: out)
    }

    /// Every colour turned to its opposite: a crest copied onto a dark background as its negative.
    public func inverted() -> Image {
        var out = self
        out.rgb.withUnsafeMutableBufferPointer { px in
            for i in px.indices { px[i] = 255 - px[i] }
        }
        return out
    }

    /// Everything outside the inscribed circle painted `colour`, as a round avatar frame shows it.
    public func circleMasked(outside colour: RGB) -> Image {
        var out = self
        let cx = Double(width) / 2
        let cy = Double(height) / 2
        let r = Double(min(width, height)) / 2
        out.rgb.withUnsafeMutableBufferPointer { px in
            for y in 0..<height {
                let dy = Double(y) + 0.5 - cy
                for x in 0..<width {
                    let dx = Double(x) + 0.5 - cx
                    if dx * dx + dy * dy > r * r {
                        let i = 3 * (y * width + x)
                        px[i] = colour.red
                        px[i + 1] = colour.green
                        px[i + 2] = colour.blue
                    }
                }
            }
        }
        return out
    }

    /// The colour of the outermost ring of pixels (per-channel median): what padding, borders
    /// and page backgrounds are made of.
    public func edgeColour() -> RGB {
        var reds: [UInt8] = []
        var greens: [UInt8] = []
        var blues: [UInt8] = []
        func take(_ x: Int, _ y: Int) {
            let i = 3 * (y * width + x)
            reds.append(rgb[i])
            greens.append(rgb[i + 1])
            blues.append(rgb[i + 2])
        }
        for x in 0..<width {
            take(x, 0)
            take(x, height - 1)
        }
        for y in 0..<height {
            take(0, y)
            take(width - 1, y)
        }
        func median(_ v: [UInt8]) -> UInt8 { v.sorted()[v.count / 2] }
        return RGB(median(reds), median(greens), median(blues))
    }

    /// How far a pixel is from a colour: the sum of channel differences (0–765).
    @inline(__always) func difference(at i: Int, from c: RGB) -> Int {
        abs(Int(rgb[i]) - Int(c.red)) + abs(Int(rgb[i + 1]) - Int(c.green)) + abs(Int(rgb[i + 2]) - Int(c.blue))
    }

    /// The bounding box of pixels that differ from `background` by more than `tolerance`, or nil.
    public func contentBox(background: RGB, tolerance: Int = 48) -> Rect? {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where difference(at: 3 * (y * width + x), from: background) > tolerance {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        guard maxX >= minX, maxY >= minY else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// The edge colour when at least 85% of the outermost ring is close to it, else nil: only
    /// then is the edge a frame or background rather than part of the picture.
    public func uniformEdgeColour(tolerance: Int = 48) -> RGB? {
        let colour = edgeColour()
        var close = 0
        var total = 0
        func count(_ x: Int, _ y: Int) {
            total += 1
            if difference(at: 3 * (y * width + x), from: colour) <= tolerance { close += 1 }
        }
        for x in 0..<width {
            count(x, 0)
            count(x, height - 1)
        }
        for y in 0..<height {
            count(0, y)
            count(width - 1, y)
        }
        return close * 100 >= total * 85 ? colour : nil
    }

    /// Uniform borders, padding and background peeled away (repeatedly, so a coloured frame
    /// around white padding goes too), then squared up with the last background colour. Copies
    /// that only add or remove margin come out the same as the original.
    public func trimmed() -> Image {
        let (content, background) = trimmedContent()
        return content.paddedToSquare(with: background)
    }

    /// The content box left after peeling uniform margins, and the colour of the last margin
    /// (white when there was none).
    public func trimmedContent() -> (Image, RGB) {
        var current = self
        var padding = RGB.white
        for _ in 0..<3 {
            guard let background = current.uniformEdgeColour() else { break }
            padding = background
            guard let box = current.contentBox(background: background), box.width >= 8, box.height >= 8 else { break }
            if box.width == current.width && box.height == current.height { break }
            current = current.cropped(to: box)
        }
        return (current, padding)
    }
}

extension Image {
    /// Shrunk (never enlarged) so the longer side is `longSide`, each output pixel the mean of the
    /// source pixels it covers. Small avatars lose detail that PDQ's filter keeps in a big logo;
    /// a shrunk reference loses the same detail.
    public func shrunk(toLongSide longSide: Int) -> Image {
        let scale = Double(max(width, height)) / Double(longSide)
        guard scale > 1 else { return self }
        return shrunk(
            toWidth: max(1, Int((Double(width) / scale).rounded())),
            height: max(1, Int((Double(height) / scale).rounded())))
    }

    /// Area-averaged to exactly `w × h` (aspect not kept); a side already smaller is sampled.
    public func shrunk(toWidth w: Int, height h: Int) -> Image {
        let sx = Double(width) / Double(w)
        let sy = Double(height) / Double(h)
        var out = [UInt8](repeating: 0, count: w * h * 3)
        rgb.withUnsafeBufferPointer { src in
            for y in 0..<h {
                let y0 = min(height - 1, Int(Double(y) * sy))
                let y1 = max(y0 + 1, min(height, Int(Double(y + 1) * sy)))
                for x in 0..<w {
                    let x0 = min(width - 1, Int(Double(x) * sx))
                    let x1 = max(x0 + 1, min(width, Int(Double(x + 1) * sx)))
                    var r = 0, g = 0, b = 0
                    for yy in y0..<y1 {
                        for xx in x0..<x1 {
                            let i = 3 * (yy * width + xx)
                            r += Int(src[i])
                            g += Int(src[i + 1])
                            b += Int(src[i + 2])
                        }
                    }
                    let n = (x1 - x0) * (y1 - y0)
                    let o = 3 * (y * w + x)
                    out[o] = UInt8((r + n / 2) / n)
                    out[o + 1] = UInt8((g + n / 2) / n)
                    out[o + 2] = UInt8((b + n / 2) / n)
                }
            }
        }
        return Image(width: w, height: h, rgb: out)
    }
}
