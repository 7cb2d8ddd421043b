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
        // Each cell's mean colour…
        var sums = [Int](repeating: 0, count: gw * gh * 3)
        var counts = [Int](repeating: 0, count: gw * gh)
        image.rgb.withUnsafeBufferPointer { px in
            for y in 0..<image.height {
                let row = (y / cell) * gw
                for x in 0..<image.width {
                    let c = row + x / cell
                    let i = 3 * (y * image.width + x)
                    sums[3 * c] += Int(px[i])
                    sums[3 * c + 1] += Int(px[i + 1])
                    sums[3 * c + 2] += Int(px[i + 2])
                    counts[c] += 1
                }
            }
        }
        var means = [Int](repeating: 0, count: gw * gh * 3)
        for c in 0..<(gw * gh) {
            for k in 0..<3 { means[3 * c + k] = sums[3 * c + k] / counts[c] }
        }
        // …and whether every pixel in it is close to that mean.
        var flat = [Bool](repeating: true, count: gw * gh)
        image.rgb.withUnsafeBufferPointer { px in
            for y in 0..<image.height {
                let row = (y / cell) * gw
                for x in 0..<image.width {
                    let c = row + x / cell
                    guard flat[c] else { continue }
                    let i = 3 * (y * image.width + x)
                    let d =
                        abs(Int(px[i]) - means[3 * c]) + abs(Int(px[i + 1]) - means[3 * c + 1])
                        + abs(Int(px[i + 2]) - means[3 * c + 2])
                    if d > Self.tolerance { flat[c] = false }
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
        while let c = stack.popLast() {
            let x = c % gw
            let y = c / gw
            for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
            where nx >= 0 && ny >= 0 && nx < gw && ny < gh {
                let n = ny * gw + nx
                if flat[n] && !background[n] && step(c, n) <= Self.tolerance {
                    background[n] = true
                    stack.append(n)
                }
            }
        }
        self.background = background
    }
}
