import Foundation
import ImpostorCore

/// Reads a file or standard input a block at a time and hands on its whole lines, numbered from 1: a
/// listing piped in is scored as it arrives, and no more than a block of it is held at once.
struct LineBatches {
    let fd: Int32
    private var pending: [UInt8] = []
    private var nextNumber = 1
    private var ended = false
    /// Whether lines end in a lone CR (old Mac files): each CR read is then a newline.
    private var crLines = false
    /// Where each read lands: made once, since a pipe gives a little at a time and many reads are made.
    private var block: [UInt8] = []
    /// Bytes asked for at a time: some thousands of profiles. A pipe gives what it has.
    static let blockSize = 1 << 22

    init(fd: Int32) { self.fd = fd }

    /// The input's opening, read until it shows a character that is neither white space nor a byte-order
    /// mark and the end of that line (or the input ends): enough to tell JSON lines from an array, an object or
    /// CSV, and how its lines end. Nothing is consumed; lines that end in a lone CR are read as lines from here on.
    mutating func opening() throws -> String {
        var shown: Int?, searched = 0
        while !ended {
            // Bytes, not text: a listing on one long line is searched once, not decoded again after each read.
            if shown == nil {
                var i = 0
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
                while i < pending.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(pending[i]) { i += 1 }
                if i < pending.count { shown = i }
            }
            // A CR needs its next byte read: it tells a Windows line end from an old Mac one.
            if let shown, let cut = pending[max(shown, searched)...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                if pending[cut] == 0x0A || cut + 1 < pending.count { break }
                searched = cut
            } else if let shown {
                searched = max(shown, pending.count)
            }
            try fill()
        }
        crLines = ProfileListing.endsLinesWithCR(pending)
        if crLines { pending = pending.map { $0 == 0x0D ? 0x0A : $0 } }
        return String(decoding: pending, as: UTF8.self)
    }

    /// The first bytes read and not yet handed on: after `opening`, enough to tell the input's encoding.
    var head: [UInt8] { Array(pending.prefix(8)) }

    /// The next whole lines, with their numbers, or nil once the input is spent. A last line without a
    /// newline is a line too.
    mutating func next() throws -> [(number: Int, body: Substring)]? {
        // Only bytes not yet searched are searched: a line longer than a block is not read again each time.
        var searched = 0
        while true {
            if let cut = pending[searched...].lastIndex(of: 0x0A) { return take(through: cut) }
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
        // Ending with the newline at `cut`: the empty piece after it is no line.
        let text = String(decoding: pending[...cut], as: UTF8.self)
        pending.removeSubrange(...cut)
        var pieces = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        if text.utf8.last == 0x0A { pieces.removeLast() }
        defer { nextNumber += pieces.count }
        return pieces.enumerated().map { (nextNumber + $0, $1) }
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
                ended = true
            } else if crLines {
                pending.append(contentsOf: block[..<count].lazy.map { $0 == 0x0D ? 0x0A : $0 })
            } else {
                pending.append(contentsOf: block[..<count])
            }
            return
        }
    }
}
