import Foundation

/// Reads a file or standard input a block at a time and hands on its whole lines, numbered from 1: a
/// listing piped in is scored as it arrives, and no more than a block of it is held at once.
struct LineBatches {
    let fd: Int32
    private var pending: [UInt8] = []
    private var nextNumber = 1
    private var ended = false
    /// Whether the last byte read was a CR, held back until the next byte tells CR LF from a lone CR.
    private var heldCR = false
    /// Where each read lands: made once, since a pipe gives a little at a time and many reads are made.
    private var block: [UInt8] = []
    /// Bytes asked for at a time: some thousands of profiles. A pipe gives what it has.
    static let blockSize = 1 << 20

    init(fd: Int32) { self.fd = fd }

    /// The input's opening, read until it shows a character that is neither white space nor a byte-order
    /// mark and the end of that line (or the input ends): enough to tell JSON lines from an array, an object or
    /// CSV. Nothing is consumed.
    mutating func opening() throws -> String {
        var shown: Int?, searched = 0, blank = 0
        while !ended {
            // Bytes, not text, each searched once: a listing on one long line, or after a flood of blank lines,
            // is not searched again after each read.
            if shown == nil {
                if blank == 0, pending.starts(with: [0xEF, 0xBB, 0xBF]) { blank = 3 }
                while blank < pending.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(pending[blank]) { blank += 1 }
                if blank < pending.count { shown = blank }
            }
            if let shown {
                if pending[max(shown, searched)...].contains(0x0A) { break }
                searched = pending.count
            }
            try fill()
        }
        return String(decoding: pending, as: UTF8.self)
    }

    /// The first bytes read and not yet handed on: after `opening`, enough to tell the input's encoding.
    var head: [UInt8] { Array(pending.prefix(8)) }

    /// The next whole lines, with their numbers, or nil once the input is spent. A last line without a
    /// newline is a line too.
    mutating func next() throws -> [(number: Int, body: Substring)]? {
        // Only bytes not yet searched are searched: a line longer than a block is not read again each time.
        // At most a block's lines at a time, however much was read ahead: a flood of blank lines is no
        // flood of line records.
        var searched = 0
        while true {
            let window = pending.prefix(Self.blockSize)
            if searched < window.endIndex, let cut = window[searched...].lastIndex(of: 0x0A) { return take(through: cut) }
            if let cut = pending[max(searched, window.endIndex)...].firstIndex(of: 0x0A) { return take(through: cut) }
            searched = pending.count
            if ended {
                guard !pending.isEmpty else { return nil }
                return take(through: pending.count - 1)
            }
            try fill()
        }
    }

    /// All that is left, as text: for a JSON array or CSV, which are read whole.
    mutating func rest() throws -> String {
        while !ended { try fill() }
        defer { pending = [] }
        // Invalid UTF-8 is repaired rather than refused: one bad byte must not lose the whole listing.
        return String(decoding: pending, as: UTF8.self)
    }

    private mutating func take(through cut: Int) -> [(number: Int, body: Substring)] {
        // Ending with the newline at `cut`: the empty piece after it is no line. Blank lines are counted, not kept.
        let text = String(decoding: pending[...cut], as: UTF8.self)
        pending.removeSubrange(...cut)
        var lines: [(number: Int, body: Substring)] = []
        var number = nextNumber
        for piece in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if piece.contains(where: { ![0x20, 0x09, 0x0D, 0x0B, 0x0C].contains($0) }) { lines.append((number, Substring(piece))) }
            number += 1
        }
        if text.utf8.last == 0x0A { number -= 1 }
        nextNumber = number
        return lines
    }

    private mutating func fill() throws {
        if block.isEmpty { block = [UInt8](repeating: 0, count: Self.blockSize) }
        while true {
            let fd = self.fd
            let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, Self.blockSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if count == 0 {
                if heldCR { pending.append(0x0A) }
                heldCR = false
                ended = true
                return
            }
            // A CR with no LF after it ends a line, as old Mac files and mixed ones end theirs; a CR that ends the
            // read waits for the next byte to say which it is.
            var bytes = block[..<count]
            if heldCR { pending.append(bytes.first == 0x0A ? 0x0D : 0x0A) }
            heldCR = bytes.last == 0x0D
            if heldCR { bytes = bytes.dropLast() }
            let start = max(pending.count - 1, 0)
            pending.append(contentsOf: bytes)
            pending.withUnsafeMutableBufferPointer { all in
                for i in start..<max(all.count - 1, start) where all[i] == 0x0D && all[i + 1] != 0x0A { all[i] = 0x0A }
            }
            return
        }
    }
}
