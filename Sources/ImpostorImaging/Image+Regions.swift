/// Finding a logo inside a bigger picture, such as a screenshot of a profile page.
extension Image {
    /// Boxes around the separate, roughly square things that stand out from the background,
    /// largest first. Text lines and bars are long and thin, so they are left out; the logo in a
    /// screenshot is usually the biggest squarish blob.
    public func squarishRegions(limit: Int = 3) -> [Rect] {
        let background = edgeColour()
        // Work on a coarse grid (about 96 cells on the long side) so the search is cheap and
        // gaps narrower than a cell inside a logo close up.
        let cell = max(1, max(width, height) / 96)
        let gw = (width + cell - 1) / cell
        let gh = (height + cell - 1) / cell
        var marked = [Bool](repeating: false, count: gw * gh)
        for y in stride(from: 0, to: height, by: 1) {
            for x in stride(from: 0, to: width, by: 1) where difference(at: 3 * (y * width + x), from: background) > 60 {
                marked[(y / cell) * gw + x / cell] = true
            }
        }
        // Cells that touch, corners included, belong to one thing; gaps of a cell or more (the
        // space between an avatar and the page's text) keep things apart.
        var label = [Int32](repeating: -1, count: gw * gh)
        var boxes: [Rect] = []
        var stack: [Int] = []
        for start in 0..<(gw * gh) where marked[start] && label[start] < 0 {
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
                    for nx in max(0, cx - 1)...min(gw - 1, cx + 1) where marked[ny * gw + nx] && label[ny * gw + nx] < 0 {
                        label[ny * gw + nx] = Int32(boxes.count)
                        stack.append(ny * gw + nx)
                    }
                }
            }
            boxes.append(
                Rect(
                    x: minX * cell, y: minY * cell, width: min(width, (maxX + 1) * cell) - minX * cell,
                    height: min(height, (maxY + 1) * cell) - minY * cell))
        }
        let area = width * height
        return
            boxes
            .filter { box in
                let aspect = Double(box.width) / Double(box.height)
                return aspect > 0.5 && aspect < 2 && box.width * box.height * 50 >= area && box.width >= 24
                    && box.height >= 24
            }
            .sorted { $0.width * $0.height > $1.width * $1.height }
            .prefix(limit)
            .map { $0 }
    }
}
