import ImpostorCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Meta's PDQ perceptual hash (facebook/ThreatExchange `pdq/`), reproduced operation for
/// operation so hashes equal the reference's on the same pixels.
public enum PDQ {
    /// Below this quality Meta advises discarding a hash: flat or near-blank pictures.
    public static let minimumUsefulQuality = 50

    /// The hash of a picture and how much detail it had (0–100).
    public static func hash(_ image: Image, workspace: PDQWorkspace = PDQWorkspace()) -> PDQHash {
        let spectrum = spectrum(of: image, workspace: workspace)
        return PDQHash(hash: spectrum.hash(), quality: spectrum.quality)
    }

    /// The 16×16 DCT and quality of a picture, from which the hash and its eight dihedral
    /// variants are read off. Pass a `workspace` when hashing many pictures on one thread.
    public static func spectrum(of image: Image, workspace: PDQWorkspace = PDQWorkspace()) -> PDQSpectrum {
        let count = image.width * image.height
        workspace.reserve(count)
        image.rgb.withUnsafeBufferPointer { rgb in
            fillLuma(rgb.baseAddress!, count: count, into: workspace.luma)
        }
        return spectrum(luma: workspace.luma, rows: image.height, cols: image.width, workspace: workspace)
    }

    /// The DCT and quality of a luminance plane (row-major, `rows × cols` floats). The plane is
    /// used as scratch and overwritten.
    public static func spectrum(
        luma: UnsafeMutablePointer<Float>, rows: Int, cols: Int, workspace: PDQWorkspace = PDQWorkspace()
    ) -> PDQSpectrum {
        // The reference hashes anything under 5 pixels a side as all zeros with quality 0.
        guard rows >= 5, cols >= 5 else { return PDQSpectrum(coefficients: nil, quality: 0) }
        let small = UnsafeMutablePointer<Float>.allocate(capacity: 64 * 64)
        defer { small.deallocate() }
        if rows == 64 && cols == 64 {
            // The reference takes a 64×64 input as already downsampled.
            small.update(from: luma, count: 64 * 64)
        } else {
            workspace.reserveScratch(rows * cols)
            JaroszFilter.downsample(luma, workspace.scratch, rows: rows, cols: cols, into: small)
        }
        let quality = qualityMetric(small)
        return PDQSpectrum(coefficients: dct64To16(small), quality: quality)
    }

    /// Luminance 0.299 R + 0.587 G + 0.114 B. The `pdqhash` oracle computes it in double
    /// precision (NumPy) and rounds to float once; the tables make that exact and cheap.
    static func fillLuma(_ rgb: UnsafePointer<UInt8>, count: Int, into luma: UnsafeMutablePointer<Float>) {
        lumaTables.withUnsafeBufferPointer { t in
            for p in 0..<count {
                let r = t[Int(rgb[3 * p])]
                let g = t[256 + Int(rgb[3 * p + 1])]
                let b = t[512 + Int(rgb[3 * p + 2])]
                luma[p] = Float(r + g + b)
            }
        }
    }

    private static let lumaTables: [Double] = {
        var t = [Double](repeating: 0, count: 768)
        for v in 0..<256 {
            t[v] = Double(v) * 0.299
            t[256 + v] = Double(v) * 0.587
            t[512 + v] = Double(v) * 0.114
        }
        return t
    }()

    /// Sum of quantised neighbour differences, scaled to 0–100: the reference's heuristic.
    static func qualityMetric(_ a: UnsafeMutablePointer<Float>) -> Int {
        var gradientSum = 0
        for i in 0..<63 {
            for j in 0..<64 {
                gradientSum += abs(Int((a[i * 64 + j] - a[(i + 1) * 64 + j]) * 100 / 255))
            }
        }
        for i in 0..<64 {
            for j in 0..<63 {
                gradientSum += abs(Int((a[i * 64 + j] - a[i * 64 + j + 1]) * 100 / 255))
            }
        }
        return min(100, gradientSum / 90)
    }

    /// Rows 1…16 of the 64-point DCT-II (the DC row is skipped), as the reference builds it:
    /// a float scale times a double cosine, rounded to float.
    static let dctMatrix: [Float] = {
        let scale = Float(sqrt(2.0 / 64.0))
        var m = [Float](repeating: 0, count: 16 * 64)
        for i in 0..<16 {
            for j in 0..<64 {
                m[i * 64 + j] = Float(Double(scale) * cos((Double.pi / 2.0 / 64.0) * Double(i + 1) * Double(2 * j + 1)))
            }
        }
        return m
    }()

    /// B = D · A · Dᵀ, summed in the reference's order (T = D·A first, k ascending).
    static func dct64To16(_ a: UnsafeMutablePointer<Float>) -> [Float] {
        dctMatrix.withUnsafeBufferPointer { d in
            var t = [Float](repeating: 0, count: 16 * 64)
            for i in 0..<16 {
                // Accumulate row i of T over k, all 64 columns at once; each column's sum still
                // adds its terms in k order.
                var row = [Float](repeating: 0, count: 64)
                for k in 0..<64 {
                    let dik = d[i * 64 + k]
                    for j in 0..<64 { row[j] += dik * a[k * 64 + j] }
                }
                for j in 0..<64 { t[i * 64 + j] = row[j] }
            }
            var b = [Float](repeating: 0, count: 256)
            for i in 0..<16 {
                for j in 0..<16 {
                    var sum: Float = 0
                    for k in 0..<64 { sum += t[i * 64 + k] * d[j * 64 + k] }
                    b[i * 16 + j] = sum
                }
            }
            return b
        }
    }
}

/// A PDQ hash with the quality of the picture it came from.
public struct PDQHash: Hashable, Sendable {
    /// The 256 bits.
    public var hash: PerceptualHash
    /// 0–100; below `PDQ.minimumUsefulQuality` the hash should not be matched on.
    public var quality: Int

    public init(hash: PerceptualHash, quality: Int) {
        self.hash = hash
        self.quality = quality
    }

    /// True when the picture had enough detail for the hash to mean something.
    public var isUseful: Bool { quality >= PDQ.minimumUsefulQuality }
}
