/// Finding a logo inside a bigger picture, such as a screenshot of a profile page.
extension Image {
    /// Boxes around the separate, roughly square things that stand out from the background,
    /// largest first, each with a margin of background so trimming can find its exact edge.
    /// Text lines and bars are long and thin, so they are left out; the logo in a screenshot is
    /// usually the biggest squarish blob.
    public func squarishRegions(limit: Int = 3) -> [Rect] {
        let grid = BackgroundGrid(self)
        let (gw, gh, cell) = (grid.columns, grid.rows, grid.cell)
        // Cells that touch, corners included, belong to one thing; a gap of background a cell
        // wide (the space between an avatar and the page's text) keeps things apart.
        var label = [Int32](repeating: -1, count: gw * gh)
        var boxes: [Rect] = []
        var stack: [Int] = []
        for start in 0..<(gw * gh) where !grid.background[start] && label[start] < 0 {
            var minX = gw, minY = gh, maxX = 0, maxY = 0
            label[start] = Int32(boxes.count)
            stack.append(start)
            while let c = stack.popLast() {
                let cx = c % gw
                let cy = c / gw
                minX = min(minX, cx)
                maxX = max(maxX, cx)
                minY = min(minY, cy)
                maxY = max(maxY, cy)
                for ny in max(0, cy - 1)...min(gh - 1, cy + 1) {
                    for nx in max(0, cx - 1)...min(gw - 1, cx + 1)
                    where !grid.background[ny * gw + nx] && label[ny * gw + nx] < 0 {
                        label[ny * gw + nx] = Int32(boxes.count)
                        stack.append(ny * gw + nx)
                    }
                }
            }
            // One more cell on every side: the crop then has a margin of background all round,
            // so trimming finds the thing's exact edge the same way it does on a logo.
            let x0 = max(0, minX - 1) * cell
            let y0 = max(0, minY - 1) * cell
            boxes.append(
                Rect(
                    x: x0, y: y0, width: min(width, (maxX + 2) * cell) - x0,
                    height: min(height, (maxY + 2) * cell) - y0))
        }
        let area = width * height
        return
            boxes
            .filter { box in
                let aspect = Double(box.width) / Double(box.height)
                return aspect > 0.5 && aspect < 2 && box.width * box.height * 150 >= area && box.width >= 24
                    && box.height >= 24
            }
            .sorted { $0.width * $0.height > $1.width * $1.height }
            .prefix(limit)
            .map { $0 }
    }
}

/// A coarse grid over a picture (about 96 cells on the long side) marking which cells are
/// background: flat cells joined to the picture's edge through flat cells of gradually
/// changing colour. A page, a card on the page and a gradient behind them are all background,
/// whatever their colours; a pale logo is not, because its outline is not flat.
struct BackgroundGrid {
    let cell: Int
    let columns: Int
    let rows: Int
    /// Row-major, `columns × rows`.
    private(set) var background: [Bool]

    /// The most a pixel may differ from its cell's mean, and a flat cell from its flat
    /// neighbour, for both to count as one background (sum of channel differences, 0–765).
    static let tolerance = 48

    init(_ image: Image) {
        let cell = max(1, max(image.width, image.height) / 96)
        let gw = (image.width + cell - 1) / cell
        let gh = (image.height + cell - 1) / cell
        self.cell = cell
        columns = gw
        rows = gh
        let width = image.width
        let height = image.height
        // Each cell's mean colour, summed a run of pixels at a time (no division per pixel)…
        var means = [Int](repeating: 0, count: gw * gh * 3)
        var flat = [Bool](repeating: true, count: gw * gh)
        image.rgb.withUnsafeBufferPointer { px in
            means.withUnsafeMutableBufferPointer { m in
                for y in 0..<height {
                    let base = (y / cell) * gw
                    var i = 3 * y * width
                    for cx in 0..<gw {
                        var r = 0, g = 0, b = 0
                        for _ in (cx * cell)..<min(width, (cx + 1) * cell) {
                            r += Int(px[i])
                            g += Int(px[i + 1])
                            b += Int(px[i + 2])
                            i += 3
                        }
                        m[3 * (base + cx)] += r
                        m[3 * (base + cx) + 1] += g
                        m[3 * (base + cx) + 2] += b
                    }
                }
                for cy in 0..<gh {
                    let h = min(height, (cy + 1) * cell) - cy * cell
                    for cx in 0..<gw {
                        let n = h * (min(width, (cx + 1) * cell) - cx * cell)
                        let c = 3 * (cy * gw + cx)
                        m[c] /= n
                        m[c + 1] /= n
                        m[c + 2] /= n
                    }
                }
                // …and whether every pixel in it is close to that mean.
                flat.withUnsafeMutableBufferPointer { f in
                    for y in 0..<height {
                        let base = (y / cell) * gw
                        for cx in 0..<gw where f[base + cx] {
                            let c = 3 * (base + cx)
                            let (mr, mg, mb) = (m[c], m[c + 1], m[c + 2])
                            var i = 3 * (y * width + cx * cell)
                            for _ in (cx * cell)..<min(width, (cx + 1) * cell) {
                                let d = abs(Int(px[i]) - mr) + abs(Int(px[i + 1]) - mg) + abs(Int(px[i + 2]) - mb)
                                if d > Self.tolerance {
                                    f[base + cx] = false
                                    break
                                }
                                i += 3
                            }
                        }
                    }
                }
            }
        }
        func step(_ a: Int, _ b: Int) -> Int {
            abs(means[3 * a] - means[3 * b]) + abs(means[3 * a + 1] - means[3 * b + 1])
                + abs(means[3 * a + 2] - means[3 * b + 2])
        }
        // Flood from the flat cells on the edge.
        var background = [Bool](repeating: false, count: gw * gh)
        var stack: [Int] = []
        for c in 0..<(gw * gh) where flat[c] {
            let x = c % gw
            let y = c / gw
            if x == 0 || y == 0 || x == gw - 1 || y == gh - 1 {
                background[c] = true
                stack.append(c)
            }
        }
        func visit(_ n: Int, from c: Int) {
            if flat[n] && !background[n] && step(c, n) <= Self.tolerance {
                background[n] = true
                stack.append(n)
            }
        }
        while let c = stack.popLast() {
            let x = c % gw
            if x > 0 { visit(c - 1, from: c) }
            if x < gw - 1 { visit(c + 1, from: c) }
            if c >= gw { visit(c - gw, from: c) }
            if c + gw < gw * gh { visit(c + gw, from: c) }
        }
        self.background = background
    }
}
