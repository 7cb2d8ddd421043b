import Foundation

/// Messages forwarded inline in a text body, as Gmail, Outlook and Apple Mail write them:
///
///     ---------- Forwarded message ---------      (Gmail; Thunderbird and Yahoo are alike)
///     -----Original Message-----                   (Outlook, then its From:/Sent:/To:/Subject: lines)
///     ________________________________            (Outlook on the web, likewise)
///     Begin forwarded message:                     (Apple Mail)
///
/// and Outlook's `From:`/`Sent:`/`To:`/`Subject:` block with no line above it. A block may be quoted
/// with `> `; it then ends where the quoting ends, otherwise it runs to the end of the text. Markers
/// are English only.
enum InlineForwards {
    /// The header lines of a forwarded block, as written (values trimmed).
    struct Header: Sendable, Hashable {
        var from: String?
        var date: String?
        var subject: String?
    }

    struct Block {
        var header: Header
        /// The forwarded text below the header lines, quoting removed.
        var body: [UInt8]
    }

    /// The text outside any forwarded block, and the blocks in order (at most `maxBlocks`).
    static func split(_ text: [UInt8], maxBlocks: Int) -> (own: [UInt8], blocks: [Block]) {
        let lines = Lines(text)
        var own: [UInt8] = []
        var blocks: [Block] = []
        // Own lines are copied a run at a time, from here to the start of the next block.
        var runStart = 0
        var index = 0
        while index < lines.count, blocks.count < maxBlocks {
            guard lines.mayStartBlock(index) else {
                index += 1
                continue
            }
            let depth = lines.depth(index)
            guard let start = forwardStart(lines, at: index, depth: depth) else {
                index += 1
                continue
            }
            own.append(contentsOf: lines.text[runStart..<lines.ranges[index].lowerBound])
            let end = depth == 0 ? lines.count : lines.quoteEnd(from: index, depth: depth)
            let header = self.header(lines, start.header, depth: depth)
            var body: [UInt8] = []
            for line in max(start.body, index + 1)..<max(end, start.body) {
                body.append(contentsOf: lines.content(line, dropping: depth))
                body.append(MailBytes.lf)
            }
            blocks.append(Block(header: header, body: Array(MailBytes.trimmed(body[...]))))
            index = max(end, index + 1)
            runStart = index < lines.count ? lines.ranges[index].lowerBound : text.count
        }
        own.append(contentsOf: lines.text[min(runStart, text.count)...])
        return (own, blocks)
    }

    /// The labels a forwarded header block uses.
    private static let labels: Set<String> = [
        "from", "sent", "date", "to", "cc", "bcc", "subject", "reply-to", "importance", "attachments",
    ]

    /// Where a forwarded block's header lines are, and where its text starts, if one starts at `index`.
    private static func forwardStart(
        _ lines: Lines, at index: Int, depth: Int
    ) -> (header: Range<Int>, body: Int)? {
        let content = MailBytes.trimmed(lines.content(index, dropping: depth))
        guard let first = content.first, first == 0x2D || first == 0x5F || first == 0x42 || first == 0x62
            || first == 0x46 || first == 0x66 || first == 0x2A
        else { return nil }
        if isMarker(content) {
            var headerStart = index + 1
            while headerStart < lines.count, headerStart - index <= 3,
                MailBytes.trimmed(lines.content(headerStart, dropping: depth)).isEmpty
            {
                headerStart += 1
            }
            let run = headerRun(lines, from: headerStart, depth: depth)
            if run.isEmpty && content.allSatisfy({ $0 == 0x5F }) { return nil }
            return (run.isEmpty ? index + 1..<index + 1 : run.range, run.isEmpty ? index + 1 : run.range.upperBound)
        }
        // Outlook's block with no line above: From plus at least two more labels, Subject among them.
        let run = headerRun(lines, from: index, depth: depth)
        guard run.labels.first == "from", Set(run.labels).count >= 3, run.labels.contains("subject"),
            run.labels.contains("sent") || run.labels.contains("date") || run.labels.contains("to")
        else { return nil }
        return (run.range, run.range.upperBound)
    }

    /// A line that announces a forwarded or original message, or Outlook's line of underscores.
    private static func isMarker(_ content: ArraySlice<UInt8>) -> Bool {
        guard content.count <= 120 else { return false }
        if content.count >= 8, content.allSatisfy({ $0 == 0x5F }) { return true }
        let text = MailBytes.string(content).lowercased()
        if text.hasPrefix("begin forwarded message") { return true }
        return text.hasPrefix("--") && (text.contains("forwarded message") || text.contains("original message"))
    }

    /// The consecutive `Label: value` lines from `start`, and their labels in order. A line that starts
    /// with a blank continues the one above it (a long To: list).
    private static func headerRun(
        _ lines: Lines, from start: Int, depth: Int
    ) -> (range: Range<Int>, labels: [String], isEmpty: Bool) {
        var labels: [String] = []
        var index = start
        while index < lines.count, index - start < 40, lines.depth(index) >= depth {
            let content = lines.content(index, dropping: depth)
            if let first = content.first, MailBytes.isBlank(first), !labels.isEmpty,
                !MailBytes.trimmed(content).isEmpty
            {
                index += 1
                continue
            }
            guard let field = labelled(content), labels.count < 12 else { break }
            labels.append(field.label)
            index += 1
        }
        return (start..<index, labels, labels.isEmpty)
    }

    /// `Label: value` with a known label; `*From:*` (bold in a plain-text rendering) is read too.
    private static func labelled(_ content: ArraySlice<UInt8>) -> (label: String, value: ArraySlice<UInt8>)? {
        let line = MailBytes.trimmed(content)
        guard let colon = line.prefix(24).firstIndex(of: 0x3A) else { return nil }
        let label = MailBytes.string(line[line.startIndex..<colon].filter { $0 != 0x2A }).lowercased()
            .trimmingCharacters(in: .whitespaces)
        guard labels.contains(label) else { return nil }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x2A || MailBytes.isBlank(first) { value = value.dropFirst() }
        return (label, value)
    }

    private static func header(_ lines: Lines, _ range: Range<Int>, depth: Int) -> Header {
        var header = Header()
        var current: String?
        var values: [String: [UInt8]] = [:]
        for index in range {
            let content = lines.content(index, dropping: depth)
            if let field = labelled(content), !(content.first.map(MailBytes.isBlank) ?? false) {
                current = field.label
                if values[field.label] == nil { values[field.label] = Array(field.value) } else { current = nil }
            } else if let label = current {
                values[label, default: []] += [MailBytes.space] + MailBytes.trimmed(content)
            }
        }
        func value(_ label: String) -> String? {
            values[label].map { HeaderText.oneLine(MailBytes.string($0)).text }.flatMap { $0.isEmpty ? nil : $0 }
        }
        header.from = value("from")
        header.date = value("date") ?? value("sent")
        header.subject = value("subject")
        return header
    }

    /// The lines of a text with their quoting depth (`> > ` is two).
    private struct Lines {
        let text: [UInt8]
        let ranges: [Range<Int>]
        var count: Int { ranges.count }

        init(_ text: [UInt8]) {
            self.text = text
            ranges = MailBytes.lineRanges(text)
        }

        /// Whether the line's first byte could begin a marker, a `From:` line or quoting; most lines of a
        /// long body are passed over on this test alone.
        func mayStartBlock(_ line: Int) -> Bool {
            let range = ranges[line]
            guard range.lowerBound < range.upperBound else { return false }
            switch text[range.lowerBound] {
            case 0x3E, 0x20, 0x2D, 0x5F, 0x42, 0x62, 0x46, 0x66, 0x2A, 0x09: return true
            default: return false
            }
        }

        func depth(_ line: Int) -> Int {
            quoting(line, upTo: Int.max).depth
        }

        /// The line without its first `levels` quote markers.
        func content(_ line: Int, dropping levels: Int) -> ArraySlice<UInt8> {
            text[quoting(line, upTo: levels).contentStart..<ranges[line].upperBound]
        }

        /// Quote markers: `>` each, optionally preceded by up to three blanks and followed by one.
        private func quoting(_ line: Int, upTo levels: Int) -> (depth: Int, contentStart: Int) {
            let range = ranges[line]
            var index = range.lowerBound
            var depth = 0
            while depth < levels {
                var marker = index
                while marker < range.upperBound, marker - index < 3, text[marker] == MailBytes.space { marker += 1 }
                guard marker < range.upperBound, text[marker] == 0x3E else { break }
                depth += 1
                index = marker + 1
                if index < range.upperBound, text[index] == MailBytes.space { index += 1 }
            }
            return (depth, index)
        }

        /// The end of the quoted region holding `line` at `depth` or deeper; blank lines inside it count.
        func quoteEnd(from line: Int, depth: Int) -> Int {
            var last = line
            var index = line + 1
            while index < count {
                if self.depth(index) >= depth {
                    last = index
                } else if !MailBytes.trimmed(text[ranges[index]]).isEmpty {
                    break
                }
                index += 1
            }
            return last + 1
        }
    }
}
