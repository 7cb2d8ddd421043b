import ImpostorImaging

/// Builders the tests share: fixture paths and the deterministic pattern that
/// scripts/imaging-fixtures.py also draws, so the oracle's hashes apply to identical pixels.
enum TestImages {
    /// This file's folder, found from the compile-time path so tests run from any directory.
    static let directory: String = {
        let path = #filePath
        return String(path[..<path.lastIndex(of: "/")!])
    }()

    static func fixture(_ name: String) -> String { directory + "/Fixtures/" + name }

    /// ../shared/pdq-vectors beside the repository, when this machine has it.
    static let vectorsDirectory: String = directory + "/../../../shared/pdq-vectors"

    static func bytes(_ path: String) throws -> [UInt8] {
        try ImageDecoder().readFile(path)
    }

    /// The pattern of `imaging-fixtures.py`'s `pattern()`: arithmetic stripes and a red disc.
    static func pattern(width: Int, height: Int, seed: Int) -> Image {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        let radius = min(width, height) / 4
        for y in 0..<height {
            for x in 0..<width {
                var r = (x * 7 + y * 13 + seed) % 256
                var g = ((x * y) / 7 + seed * 3) % 256
                let b = ((x ^ y) * 5 + seed) % 256
                let dx = x - width / 3
                let dy = y - height / 2
                if dx * dx + dy * dy < radius * radius {
                    r = 250
                    g = 30
                }
                let i = 3 * (y * width + x)
                rgb[i] = UInt8(r)
                rgb[i + 1] = UInt8(g)
                rgb[i + 2] = UInt8(b)
            }
        }
        return Image(width: width, height: height, rgb: rgb)
    }
}
