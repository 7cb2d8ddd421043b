/// The downsampler PDQ's reference uses: two passes of a box filter along rows then columns
/// (together close to a tent filter), then point sampling at 64×64 pixel centres.
///
/// Every float operation happens in the reference's order (running sum, one add and one subtract
/// per step, divide by the live window), because a different rounding order flips hash bits.
/// Speed comes from running many rows or columns side by side, never from reordering the maths.
enum JaroszFilter {
    /// ceil(dimension / 128): the reference's window for a 64-sample output.
    static func windowSize(_ dimension: Int) -> Int {
        (dimension + 127) / 128
    }

    /// The reference's four phases of one box pass over a run of `length` samples.
    struct Phases {
        let lead: Int, grow: Int, steady: Int, shrink: Int

        init(length: Int, window: Int) {
            let half = (window + 2) / 2
            lead = half - 1
            grow = window - half + 1
            steady = length - window
            shrink = half - 1
        }
    }

    /// Blurs `a` in place (using `b` as scratch), two row-and-column passes, then samples 64×64.
    static func downsample(
        _ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        let rowWindow = windowSize(cols)
        let colWindow = windowSize(rows)
        let sums = UnsafeMutablePointer<Float>.allocate(capacity: cols)
        defer { sums.deallocate() }
        for _ in 0..<2 {
            boxAlongRows(a, b, rows: rows, cols: cols, window: rowWindow)
            boxAlongColumns(b, a, rows: rows, cols: cols, window: colWindow, sums: sums)
        }
        for i in 0..<64 {
            let inRow = Int((Double(i) + 0.5) * Double(rows) / 64)
            for j in 0..<64 {
                let inCol = Int((Double(j) + 0.5) * Double(cols) / 64)
                out[i * 64 + j] = a[inRow * cols + inCol]
            }
        }
    }

    /// Box filter along every row. A row's running sum is one long chain of dependent adds, so
    /// four rows advance side by side (four independent chains), writing raw sums; one
    /// vectorised sweep then divides each position by its window size. Each output is still
    /// exactly the reference's `sum / current_window_size`.
    static func boxAlongRows(
        _ input: UnsafeMutablePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, cols: Int, window: Int
    ) {
        let phases = Phases(length: cols, window: window)
        let divisors = UnsafeMutablePointer<Float>.allocate(capacity: cols)
        defer { divisors.deallocate() }
        var size = phases.lead
        var k = 0
        for _ in 0..<phases.grow {
            size += 1
            divisors[k] = Float(size)
            k += 1
        }
        for _ in 0..<phases.steady {
            divisors[k] = Float(size)
            k += 1
        }
        for _ in 0..<phases.shrink {
            size -= 1
            divisors[k] = Float(size)
            k += 1
        }
        var r = 0
        while r + 4 <= rows {
            let a = input + r * cols, b = a + cols, c = b + cols, d = c + cols
            let oa = output + r * cols, ob = oa + cols, oc = ob + cols, od = oc + cols
            var sa: Float = 0, sb: Float = 0, sc: Float = 0, sd: Float = 0
            var left = 0, right = 0, out = 0
            for _ in 0..<phases.lead {
                sa += a[right]; sb += b[right]; sc += c[right]; sd += d[right]
                right += 1
            }
            for _ in 0..<phases.grow {
                sa += a[right]; sb += b[right]; sc += c[right]; sd += d[right]
                oa[out] = sa; ob[out] = sb; oc[out] = sc; od[out] = sd
                right += 1
                out += 1
            }
            for _ in 0..<phases.steady {
                sa += a[right]; sb += b[right]; sc += c[right]; sd += d[right]
                sa -= a[left]; sb -= b[left]; sc -= c[left]; sd -= d[left]
                oa[out] = sa; ob[out] = sb; oc[out] = sc; od[out] = sd
                left += 1
                right += 1
                out += 1
            }
            for _ in 0..<phases.shrink {
                sa -= a[left]; sb -= b[left]; sc -= c[left]; sd -= d[left]
                oa[out] = sa; ob[out] = sb; oc[out] = sc; od[out] = sd
                left += 1
                out += 1
            }
            r += 4
        }
        while r < rows {
            runningSums(input + r * cols, output + r * cols, phases: phases)
            r += 1
        }
        for row in 0..<rows {
            let o = output + row * cols
            for k in 0..<cols { o[k] = o[k] / divisors[k] }
        }
    }

    /// One row's running window sums, undivided, in the reference's order.
    static func runningSums(_ input: UnsafeMutablePointer<Float>, _ output: UnsafeMutablePointer<Float>, phases: Phases) {
        var sum: Float = 0
        var left = 0, right = 0, out = 0
        for _ in 0..<phases.lead {
            sum += input[right]
            right += 1
        }
        for _ in 0..<phases.grow {
            sum += input[right]
            output[out] = sum
            right += 1
            out += 1
        }
        for _ in 0..<phases.steady {
            sum += input[right]
            sum -= input[left]
            output[out] = sum
            left += 1
            right += 1
            out += 1
        }
        for _ in 0..<phases.shrink {
            sum -= input[left]
            output[out] = sum
            left += 1
            out += 1
        }
    }

    /// Box filter down every column, all columns at once: one running sum per column, walking
    /// the rows in order, so the inner loops are contiguous and vectorise.
    static func boxAlongColumns(
        _ input: UnsafeMutablePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, cols: Int, window: Int,
        sums: UnsafeMutablePointer<Float>
    ) {
        let phases = Phases(length: rows, window: window)
        sums.initialize(repeating: 0, count: cols)
        var count = 0
        var left = 0
        var right = 0
        var out = 0
        for _ in 0..<phases.lead {
            let row = input + right * cols
            for c in 0..<cols { sums[c] += row[c] }
            count += 1
            right += 1
        }
        for _ in 0..<phases.grow {
            let row = input + right * cols
            let dst = output + out * cols
            count += 1
            let d = Float(count)
            for c in 0..<cols {
                sums[c] += row[c]
                dst[c] = sums[c] / d
            }
            right += 1
            out += 1
        }
        let full = Float(count)
        for _ in 0..<phases.steady {
            let add = input + right * cols
            let sub = input + left * cols
            let dst = output + out * cols
            for c in 0..<cols {
                sums[c] += add[c]
                sums[c] -= sub[c]
                dst[c] = sums[c] / full
            }
            left += 1
            right += 1
            out += 1
        }
        for _ in 0..<phases.shrink {
            let sub = input + left * cols
            let dst = output + out * cols
            count -= 1
            let d = Float(count)
            for c in 0..<cols {
                sums[c] -= sub[c]
                dst[c] = sums[c] / d
            }
            left += 1
            out += 1
        }
    }
}
