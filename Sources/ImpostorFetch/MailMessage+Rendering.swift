import Foundation

extension MailMessage {
    /// The message as RFC 5322 bytes: headers, a blank line, the body; every line ends in CRLF.
    ///
    /// CR and LF are removed from the subject and the addresses, so no text can add a header.
    /// Non-ASCII subjects become RFC 2047 encoded words; a body that is not short-lined ASCII is
    /// sent quoted-printable, so no server needs 8BITMIME. Dot-stuffing is left to libcurl, which
    /// doubles a leading "." on every line of an SMTP upload.
    func rendered(date: Date = Date(), messageID: String = UUID().uuidString.lowercased()) throws(MailError) -> [UInt8] {
        let sender = try Self.address(from, role: "sender")
        guard !to.isEmpty else { throw MailError(.address, "the message has no recipient") }
        var recipients: [String] = []
        for address in to { recipients.append(try Self.address(address, role: "recipient")) }
        let domain = sender.split(separator: "@").last.map(String.init) ?? "localhost"

        var head: [String] = []
        head.append("Date: " + Self.dateFormatter.string(from: date))
        head.append("From: " + sender)
        head.append(Self.folded("To: " + recipients.joined(separator: ", ")))
        head.append(Self.encodedSubject(Self.oneLine(subject)))
        head.append("Message-ID: <\(messageID)@\(domain)>")
        head.append("MIME-Version: 1.0")
        head.append("Content-Type: text/plain; charset=utf-8")

        let lines = Self.lines(of: body)
        let plain = lines.allSatisfy { line in line.utf8.count <= 998 && line.utf8.allSatisfy { $0 < 0x80 && $0 != 0 } }
        var text: String
        if plain {
            head.append("Content-Transfer-Encoding: 7bit")
            text = lines.joined(separator: "\r\n")
        } else {
            head.append("Content-Transfer-Encoding: quoted-printable")
            text = lines.map(Self.quotedPrintable).joined(separator: "\r\n")
        }
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n" + text).utf8)
    }

    /// RFC 5322 §3.3: "Sat, 21 Nov 2026 14:02:09 +0000".
    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()

    /// Text with CR and LF (and other controls) turned into spaces, for a header.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// A bare address ("clerk@council.example"), checked so it cannot break a header or an SMTP command.
    static func address(_ raw: String, role: String) throws(MailError) -> String {
        let text = raw.filter { $0 != "\r" && $0 != "\n" && $0 != "\r\n" }.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = text.unicodeScalars.contains { $0.value < 0x21 || $0.value > 0x7E || "<>,;:\"()[]\\".unicodeScalars.contains($0) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !forbidden else {
            throw MailError(.address, "the \(role) \"\(oneLine(raw).prefix(80))\" is not an e-mail address")
        }
        return text
    }

    /// The body's lines, whatever line endings it used.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            // Swift reads "\r\n" as one Character.
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        lines.append(current)
        return lines
    }

    /// A Subject header, as RFC 2047 "B" encoded words when it is not plain ASCII, folded to fit.
    static func encodedSubject(_ subject: String) -> String {
        if subject.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !subject.contains("=?") {
            return folded("Subject: " + subject)
        }
        // Each word holds whole characters and at most 45 bytes, so it stays within 75 characters.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in subject {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return "Subject: " + words.joined(separator: "\r\n ")
    }

    /// Folds a header longer than 78 characters at spaces (RFC 5322 §2.2.3).
    static func folded(_ header: String) -> String {
        guard header.count > 78 else { return header }
        var lines: [String] = []
        var line = ""
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > 78 {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n ")
    }

    /// One line in quoted-printable (RFC 2045 §6.7), with soft breaks keeping lines under 77 characters.
    static func quotedPrintable(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out = ""
        var width = 0
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
            let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
            // Leave room for the "=" of a soft break.
            if width + piece.count > 75 {
                out += "=\r\n"
                width = 0
            }
            out += piece
            width += piece.count
        }
        return out
    }
}
