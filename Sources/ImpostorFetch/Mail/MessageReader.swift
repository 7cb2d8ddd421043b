import Foundation

/// Reads one message and its MIME tree into a `ReceivedMail`, message/rfc822 parts recursively. One
/// reader serves a whole received message, so the part budget covers everything nested in it.
struct MessageReader {
    let limits: ReceivedMail.Limits
    /// `limits.maxDepth`, clamped so a caller's huge value cannot recurse the stack away.
    let maxDepth: Int
    var budget: PartBudget

    init(limits: ReceivedMail.Limits) {
        self.limits = limits
        maxDepth = min(max(limits.maxDepth, 0), 64)
        budget = PartBudget(limit: limits.maxParts)
    }

    /// What the parts of one message gave: UTF-8 texts, attached messages, problems.
    private struct Draft {
        var plain: [[UInt8]] = []
        var html: [[UInt8]] = []
        var attached: [ReceivedMail] = []
        var problems: [String] = []
        /// A part was skipped unread.
        var skipped = false
    }

    /// Reads a message from LF-ended bytes.
    mutating func read(_ bytes: ArraySlice<UInt8>, depth: Int) throws(MailParseError) -> ReceivedMail {
        let headers = MailHeaders(reading: bytes, isMessage: true)
        guard !headers.fields.isEmpty || headers.endedWithBlankLine else {
            throw MailParseError(.noHeaders, "the message has no header lines")
        }
        var draft = Draft()
        var mail = ReceivedMail()
        readHeaders(headers, into: &mail, problems: &draft.problems)
        walk(headers, body: bytes[headers.bodyStart...], label: "", depth: depth, inDigest: false, into: &draft)

        let primary = draft.plain.isEmpty ? draft.html : draft.plain
        var tree = TextTree(joined(primary), depth: depth, limits: limits, maxDepth: maxDepth, budget: &budget)
        if !draft.plain.isEmpty {
            // The HTML beside the plain text is read for its links only (an href the plain text leaves
            // out is the link that matters), with a spare budget, since its blocks repeat the plain ones.
            for html in draft.html {
                var spare = budget
                tree.absorbLinks(of: TextTree(html, depth: depth, limits: limits, maxDepth: maxDepth, budget: &spare))
            }
        }
        let body = tree.mail(header: nil, limits: limits)
        mail.text = body.text
        mail.links = body.links
        mail.linksLeftOut = body.linksLeftOut
        mail.forwarded = body.forwarded + draft.attached
        mail.problems = draft.problems + body.problems
        mail.skipped = draft.skipped || budget.ranOut || mail.forwarded.contains(where: \.skipped)
        return mail
    }

    private func joined(_ texts: [[UInt8]]) -> [UInt8] {
        guard texts.count > 1 else { return texts.first ?? [] }
        return Array(texts.joined(separator: [MailBytes.lf, MailBytes.lf]))
    }

    private func readHeaders(_ headers: MailHeaders, into mail: inout ReceivedMail, problems: inout [String]) {
        if headers.fields.isEmpty { problems.append("the message has no headers") }
        if let line = headers.strayLine {
            problems.append("line \(line) of the headers is not a header; the body was taken to start there")
        } else if !headers.endedWithBlankLine {
            problems.append("the message has headers only, no body")
        }
        for field in headers.cutFields {
            problems.append(
                "the \(field.name) header is \(field.fullLength) bytes long; only the first \(field.value.count) were read")
        }
        for name in ["from", "subject", "date", "message-id"] where headers.count(name) > 1 {
            problems.append("the message has \(headers.count(name)) \(name) headers; the first was read")
        }
        if let raw = headers.first("from") {
            mail.from = MailAddress(header: raw[...])
            if mail.from == nil { problems.append("the from header holds no readable address") }
            note(HeaderText.readable(raw[...]), "from", &problems)
        } else {
            problems.append("the message has no from header")
        }
        if let raw = headers.first("subject") {
            let subject = HeaderText.readable(raw[...])
            mail.subject = subject.text
            note(subject, "subject", &problems)
        }
        if let raw = headers.first("date") {
            let date = HeaderText.readable(raw[...])
            mail.date = date.text.isEmpty ? nil : date.text
        }
        if let raw = headers.first("message-id") {
            mail.messageID = Self.messageID(raw)
            if mail.messageID == nil { problems.append("the message-id header is not a message ID; ignored") }
        }
    }

    private func note(_ value: HeaderText.Readable, _ name: String, _ problems: inout [String]) {
        for label in value.unknownCharsets {
            problems.append("the \(name) header uses an unknown character set \(label); read as UTF-8")
        }
        if value.hadBreaks {
            problems.append("the \(name) header held line breaks once decoded; they were replaced with spaces")
        }
    }

    /// `<id@host>` without its brackets; nil if it holds blanks, controls or brackets, or is overlong.
    private static func messageID(_ raw: [UInt8]) -> String? {
        var value = MailBytes.trimmed(raw[...])
        if let open = value.firstIndex(of: 0x3C) {
            let close = value[open...].firstIndex(of: 0x3E) ?? value.endIndex
            value = value[(open + 1)..<close]
        }
        guard !value.isEmpty, value.count <= 998, value.allSatisfy({ $0 > 0x20 && $0 != 0x7F && $0 != 0x3C && $0 != 0x3E })
        else { return nil }
        return MailBytes.string(value)
    }

    // MARK: The MIME tree

    private mutating func walk(
        _ headers: MailHeaders, body: ArraySlice<UInt8>, label: String, depth: Int, inDigest: Bool,
        into draft: inout Draft
    ) {
        guard budget.take(noting: &draft.problems) else { return }
        let part = label.isEmpty ? "the body" : "part \(label)"
        let contentType = headers.first("content-type").map { ParameterizedHeader($0[...]) }
        var type = inDigest ? MediaType.messageRFC822 : .textPlain
        if let contentType {
            if let named = MediaType(contentType.value) {
                type = named
            } else {
                draft.problems.append("\(part) has an unreadable Content-Type \"\(contentType.value)\"; read as text/plain")
            }
        }
        let encoding = TransferEncoding(header: headers.first("content-transfer-encoding").map(MailBytes.string))
        let filename = headers.first("content-disposition").map { ParameterizedHeader($0[...]) }?["filename"]
            ?? contentType?["name"]
        let described = "\(part) (\(type))"

        if type.type == "multipart" {
            guard let boundary = contentType?["boundary"], !boundary.isEmpty else {
                draft.problems.append("\(described) names no boundary; read as plain text")
                readText(body, html: false, encoding: encoding, charset: contentType?["charset"], part, into: &draft)
                return
            }
            guard depth < maxDepth else {
                draft.problems.append("\(described) is nested deeper than \(maxDepth) levels; skipped")
                draft.skipped = true
                return
            }
            guard let decoded = decode(body, encoding, part, into: &draft) else { return }
            readMultipart(decoded[...], boundary: boundary, type: type, label: label, depth: depth, into: &draft)
        } else if type == .messageRFC822 || type == MediaType(type: "message", subtype: "global")
            || (type == MediaType(type: "application", subtype: "octet-stream")
                && filename?.lowercased().hasSuffix(".eml") == true)
        {
            guard depth < maxDepth else {
                draft.problems.append("\(described) is nested deeper than \(maxDepth) levels; skipped")
                draft.skipped = true
                return
            }
            guard let decoded = decode(body, encoding, part, into: &draft) else { return }
            let inner = encoding == .identity ? decoded : MailBytes.normalisedLines(decoded[...]).bytes
            do {
                draft.attached.append(try read(inner[...], depth: depth + 1))
            } catch {
                draft.problems.append("\(described) could not be read: \(error.reason)")
            }
        } else if type == .textPlain || type == MediaType(type: "text", subtype: "html") {
            readText(body, html: type.subtype == "html", encoding: encoding, charset: contentType?["charset"], part, into: &draft)
        }
    }

    private mutating func readMultipart(
        _ body: ArraySlice<UInt8>, boundary: String, type: MediaType, label: String, depth: Int,
        into draft: inout Draft
    ) {
        let described = "\(label.isEmpty ? "the body" : "part \(label)") (\(type))"
        let multipart = MultipartBody(body, boundary: Array(boundary.utf8), maxParts: budget.remaining + 1)
        guard multipart.sawBoundary else {
            draft.problems.append("\(described) never shows its boundary; read as plain text")
            readText(body, html: false, encoding: .identity, charset: nil, described, into: &draft)
            return
        }
        if !multipart.closed, !multipart.partsLeftOut {
            draft.problems.append("\(described) has no closing boundary; read to the end")
        }
        for (offset, part) in multipart.parts.enumerated() {
            let headers = MailHeaders(reading: part, isMessage: false)
            let child = label.isEmpty ? "\(offset + 1)" : "\(label).\(offset + 1)"
            walk(headers, body: part[headers.bodyStart...], label: child, depth: depth + 1,
                 inDigest: type.subtype == "digest", into: &draft)
        }
        if multipart.partsLeftOut { _ = budget.take(noting: &draft.problems) }
    }

    private func readText(
        _ body: ArraySlice<UInt8>, html: Bool, encoding: TransferEncoding, charset: String?, _ part: String,
        into draft: inout Draft
    ) {
        guard let decoded = decode(body, encoding, part, into: &draft) else { return }
        let converted = MailCharset.decode(decoded[...], label: charset)
        if !converted.known, let charset {
            draft.problems.append("\(part) uses an unknown character set \(charset); read as UTF-8")
        }
        let text = MailBytes.cleanText(converted.utf8)
        if html {
            draft.html.append(HTMLText.text(text))
        } else {
            draft.plain.append(text)
        }
    }

    private func decode(
        _ body: ArraySlice<UInt8>, _ encoding: TransferEncoding, _ part: String, into draft: inout Draft
    ) -> [UInt8]? {
        guard let decoded = encoding.decode(body) else {
            if case .unknown(let name) = encoding {
                draft.problems.append("\(part) has an unknown encoding \(name); skipped")
                draft.skipped = true
            }
            return nil
        }
        if decoded.flaws > 0 {
            switch encoding {
            case .base64:
                draft.problems.append("\(part) has \(decoded.flaws) characters that are not base64; they were passed over")
            default:
                draft.problems.append("\(part) has \(decoded.flaws) malformed quoted-printable escapes; kept as written")
            }
        }
        return decoded.bytes
    }
}
