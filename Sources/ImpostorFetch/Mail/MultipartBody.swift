import Foundation

/// The parts of a multipart body (RFC 2046 §5.1), found by their boundary lines in LF-ended bytes. The
/// preamble before the first boundary and the epilogue after the closing one are not parts.
struct MultipartBody {
    var parts: [ArraySlice<UInt8>] = []
    /// The boundary appeared at least once.
    var sawBoundary = false
    /// The closing boundary (`--boundary--`) appeared.
    var closed = false
    /// More parts followed than were wanted; they were not split out.
    var partsLeftOut = false

    init(_ body: ArraySlice<UInt8>, boundary: [UInt8], maxParts: Int) {
        let delimiter: [UInt8] = [0x2D, 0x2D] + boundary
        var partStart: Int?
        body.withUnsafeBufferPointer { buffer in
            // Offsets into the buffer; the slice's own indices are these plus `base`.
            let base = body.startIndex
            var line = 0
            while line < buffer.count {
                let lineEnd = MailBytes.index(of: MailBytes.lf, in: buffer, from: line) ?? buffer.count
                defer { line = lineEnd + 1 }
                guard let closing = Self.delimiter(buffer, from: line, to: lineEnd, delimiter) else { continue }
                sawBoundary = true
                if let start = partStart {
                    // The line end before a boundary line belongs to the boundary.
                    parts.append(body[(base + start)..<(base + max(start, line - 1))])
                    if parts.count >= maxParts {
                        partsLeftOut = !closing
                        closed = closing
                        partStart = nil
                        return
                    }
                }
                if closing {
                    closed = true
                    partStart = nil
                    return
                }
                partStart = min(lineEnd + 1, buffer.count)
            }
        }
        if let start = partStart { parts.append(body[(body.startIndex + start)..<body.endIndex]) }
    }

    /// Whether the line is a boundary line, and if so whether it is the closing one. The boundary must be
    /// followed by nothing but blanks (or by `--`), so `--abc` never matches a nested `--abcdef`.
    private static func delimiter(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ delimiter: [UInt8]
    ) -> Bool? {
        guard end - start >= delimiter.count, buffer[start] == 0x2D else { return nil }
        for offset in 0..<delimiter.count where buffer[start + offset] != delimiter[offset] { return nil }
        var index = start + delimiter.count
        var closing = false
        if index + 2 <= end, buffer[index] == 0x2D, buffer[index + 1] == 0x2D {
            closing = true
            index += 2
        }
        while index < end, MailBytes.isBlank(buffer[index]) { index += 1 }
        return index == end ? closing : nil
    }
}
