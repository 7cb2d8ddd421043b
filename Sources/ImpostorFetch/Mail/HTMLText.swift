import Foundation

/// The readable text of an HTML body, as UTF-8 bytes with LF line ends. Tags go, block tags end lines,
/// entities are decoded, and `<script>`, `<style>` and `<title>` are not text.
///
/// Each `<a href>` to an http(s) address is written after its text as ` <https://…>` unless the text is
/// that address already. That keeps the real destination of "Click here" in the text a clerk reads, and
/// lets the plain-text link finder and the inline-forward splitter treat HTML exactly like plain text.
enum HTMLText {
    static func text(_ html: [UInt8]) -> [UInt8] {
        var writer = Writer()
        writer.out.reserveCapacity(html.count / 2)
        html.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x3C, let tag = HTMLTag(buffer, at: index) {
                    index = tag.end
                    let role = roles[tag.name]
                    if tag.kind == .open, role == .hidden, let closer = hiddenClosers[tag.name] {
                        index = HTMLTag.find(buffer, closer, from: index)
                        index = HTMLTag.find(buffer, [0x3E], from: index)
                    }
                    if tag.kind != .other, let role { writer.apply(role, tag) }
                } else if byte == 0x26, let entity = HTMLEntities.decode(buffer, at: index) {
                    writer.emit(entity.utf8)
                    index = entity.end
                } else if byte <= 0x20 {
                    writer.spacePending = true
                    index += 1
                } else {
                    // Copy the run up to the next tag, entity, or blank that is not a single space, at once.
                    var end = index + 1
                    while end < buffer.count {
                        let next = buffer[end]
                        if next == 0x3C || next == 0x26 { break }
                        if next <= 0x20 {
                            guard next == MailBytes.space, end + 1 < buffer.count, buffer[end + 1] > 0x20 else { break }
                        }
                        end += 1
                    }
                    writer.emit(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                    index = end
                }
            }
        }
        writer.closeAnchor()
        return Array(MailBytes.trimmed(writer.out[...]))
    }

    /// What an element does to the text around it.
    enum Role {
        case link
        /// `<br>`: a line end, always.
        case lineBreak
        /// Stands apart with a blank line.
        case paragraph
        /// Starts a new line.
        case line
        /// A table cell or an image: a space.
        case gap
        /// Its content is never shown.
        case hidden
    }

    /// One look-up per tag; elements not listed are inline and leave the text alone.
    static let roles: [HTMLTag.Key: Role] = {
        var roles: [String: Role] = ["a": .link, "area": .link, "br": .lineBreak, "td": .gap, "th": .gap, "img": .gap]
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "hr", "pre"] {
            roles[name] = .paragraph
        }
        for name in [
            "div", "li", "tr", "section", "article", "header", "footer", "dd", "dt", "address", "center", "form",
            "fieldset", "nav", "aside", "main", "figure", "figcaption", "caption", "body",
        ] {
            roles[name] = .line
        }
        for name in hidden { roles[name] = .hidden }
        return Dictionary(uniqueKeysWithValues: roles.map { (HTMLTag.Key($0.key), $0.value) })
    }()

    /// The elements whose content is never shown, by key, with the name their closing tag needs.
    static let hidden = ["script", "style", "title", "template"]
    static let hiddenClosers = Dictionary(uniqueKeysWithValues: hidden.map { (HTMLTag.Key($0), Array("</\($0)".utf8)) })

    /// The href as a link to show, or nil unless it is http(s). Browsers drop tabs and line breaks
    /// anywhere in a URL and blanks around it, so `java&#9;script:` is refused as `javascript:` is.
    static func webAddress(_ raw: [UInt8]) -> [UInt8]? {
        // Most hrefs are plain `https://…` with nothing to decode, trim or escape.
        let plain = raw.withUnsafeBufferPointer { buffer in
            (MailBytes.matches(buffer, at: 0, https) || MailBytes.matches(buffer, at: 0, http))
                && !buffer.contains { $0 <= 0x20 || $0 >= 0x7F || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }
        }
        if plain { return raw }
        var href = HTMLEntities.decodeAll(raw).filter { $0 != MailBytes.tab && $0 != MailBytes.lf && $0 != MailBytes.cr }
        href = Array(MailBytes.trimmed(href[...]).drop { $0 <= 0x20 })
        if href.starts(with: [0x2F, 0x2F]) { href = Array("https:".utf8) + href }
        guard MailBytes.hasPrefix(href[...], http) || MailBytes.hasPrefix(href[...], https) else { return nil }
        return PercentEncoding.escapingUnsafe(href)
    }

    private static let http = Array("http://".utf8)
    private static let https = Array("https://".utf8)

    private struct Writer {
        var out: [UInt8] = []
        var spacePending = false
        /// The open `<a>`: its address and where its text starts in `out`.
        var anchor: (href: [UInt8], start: Int)?

        mutating func emit(_ byte: UInt8) {
            if spacePending, let last = out.last, last != MailBytes.lf, last != MailBytes.space {
                out.append(MailBytes.space)
            }
            spacePending = false
            out.append(byte)
        }

        mutating func emit(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { emit($0) }
        }

        mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let first = bytes.first else { return }
            emit(first)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[1...]))
        }

        /// Ends the line, leaving at least `lines` line ends and never more than two in a row.
        mutating func breakLine(atLeast lines: Int, hard: Bool = false) {
            while out.last == MailBytes.space { out.removeLast() }
            spacePending = false
            guard !out.isEmpty else { return }
            var trailing = 0
            while trailing < 2, trailing < out.count, out[out.count - 1 - trailing] == MailBytes.lf { trailing += 1 }
            let wanted = min(max(lines - trailing, hard ? 1 : 0), 2 - trailing)
            for _ in 0..<max(0, wanted) { out.append(MailBytes.lf) }
        }

        mutating func apply(_ role: Role, _ tag: HTMLTag) {
            switch role {
            case .link:
                closeAnchor()
                if tag.kind == .open, let raw = tag.href, let href = HTMLText.webAddress(raw) {
                    anchor = (href, out.count)
                }
            case .lineBreak: breakLine(atLeast: 1, hard: true)
            case .paragraph: breakLine(atLeast: 2)
            case .line: breakLine(atLeast: 1)
            case .gap: spacePending = true
            case .hidden: break
            }
        }

        /// Writes the open link's address after its text, unless the text already is the address.
        mutating func closeAnchor() {
            guard let open = anchor else { return }
            anchor = nil
            // Compared in one expression: a slice of `out` kept alive while writing would make every
            // link copy the whole text so far.
            guard !MailBytes.trimmed(out[min(open.start, out.count)...]).elementsEqual(open.href) else { return }
            spacePending = true
            emit([0x3C] + open.href + [0x3E])
        }
    }
}
