import ImpostorCore
import Testing

/// `trimmingSpaces` drops Unicode white space at both ends; text with a visible ASCII character at
/// both ends comes back as it is without being read.
struct TrimmingSpacesTests {
    /// The definition, scalar by scalar.
    static func reference(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func eitherPathGivesWhatTheDefinitionGives() {
        let pieces = ["a", "Z", "0", "@", " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{1C}", "\u{85}", "\u{A0}", "\u{2003}",
                      "\u{3000}", "é", "e\u{301}", "\u{301}", "\u{200B}", "🏛", "~", "\u{7F}", "\u{00}"]
        var rng = SystemRandomNumberGenerator()
        var texts = [""] + pieces
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 1...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        for text in texts {
            let trimmed = text.trimmingSpaces()
            #expect(Array(trimmed.unicodeScalars) == Array(Self.reference(text).unicodeScalars),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect("  Oakbridge Town Council\u{3000}".trimmingSpaces() == "Oakbridge Town Council")
        #expect("\u{85}x\u{A0}".trimmingSpaces() == "x")
        #expect("x\u{1C}".trimmingSpaces() == "x\u{1C}", "U+001C is not white space in Unicode")
    }
}

/// `droppingLeadingAts` cuts every leading "@" at once, as a loop dropping one at a time would leave it.
struct DroppingLeadingAtsTests {
    @Test(arguments: ["", "@", "@@@", "oakbridge", "@oakbridge", "@@oakbridge@mastodon.social", "@é@", "é@"])
    func givesWhatDroppingOneAtATimeGives(_ text: String) {
        var slow = text
        while slow.hasPrefix("@") { slow.removeFirst() }
        #expect(text.droppingLeadingAts() == slow)
    }

    /// A hostile listing's handle of 300,000 "@": once quadratic, and canonical as empty.
    @Test func aHandleOfNothingButAtsIsEmpty() {
        let handle = String(repeating: "@", count: 300_000)
        #expect(handle.droppingLeadingAts().isEmpty)
        #expect(Platform.x.canonicalHandle(handle + "OakbridgeTC") == "oakbridgetc")
    }

    /// A council's WhatsApp or text number is one however it is written, so that it can be listed as its own.
    @Test func aPhoneNumberIsOneHoweverWritten() {
        let whatsapp = Platform(rawValue: "whatsapp")
        for written in ["07700 900123", "+44 7700 900123", "0044 7700-900123", "(07700) 900 123", "+44 (0)7700 900123",
                        "https://wa.me/447700900123"] {
            #expect(whatsapp.canonicalHandle(written) == "+447700900123", "\(written)")
        }
        #expect(Platform(rawValue: "sms").canonicalHandle("+1 (202) 555-0143") == "+12025550143")
        #expect(whatsapp.canonicalHandle("Oakbridge TC") == "oakbridge tc", "a name is no number")
        #expect(whatsapp.canonicalHandle("07700+900123") == "07700+900123")
        #expect(Platform.x.canonicalHandle("07700 900123") == "07700 900123", "only messages are numbers")
        // A text service sends from a name or a short code; nothing, or a lone "+", is no sender.
        let sms = Platform(rawValue: "sms")
        #expect(sms.isSender("OakbridgeTC") && sms.isSender("60777") && !sms.isSender("+") && !sms.isSender("-1") && !sms.isSender(""))
    }
}
