import Foundation
import Testing

@testable import ImpostorFetch

/// A raw message from lines written with `\n`, sent with CRLF as IMAP delivers it.
private func raw(_ text: String) -> [UInt8] {
    Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}

private func parse(_ text: String, limits: ReceivedMail.Limits = .init()) throws -> ReceivedMail {
    try ReceivedMail(parsing: raw(text), limits: limits)
}


private func parseError(_ bytes: [UInt8], limits: ReceivedMail.Limits = .init()) -> MailParseError? {
    do {
        _ = try ReceivedMail(parsing: bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite("Reading received mail: headers")
struct ReceivedMailHeaderTests {
    @Test func headersAreUnfoldedAndNamesIgnoreCase() throws {
        let mail = try parse(
            """
            FROM: Jane Resident <jane@example.org>
            subject: A long subject
             that was folded
            Message-ID: <abc.123@mail.example.org>
            DATE: Mon, 3 Mar 2025 09:12:00 +0000

            Hello.
            """)
        #expect(mail.from == MailAddress(name: "Jane Resident", address: "jane@example.org"))
        #expect(mail.subject == "A long subject that was folded")
        #expect(mail.messageID == "abc.123@mail.example.org")
        #expect(mail.date == "Mon, 3 Mar 2025 09:12:00 +0000")
        #expect(mail.text == "Hello.")
        #expect(mail.problems.isEmpty)
    }

    @Test(arguments: [
        ("=?utf-8?B?R2lmdCBjYXJkcw==?=", "Gift cards"),
        ("=?UTF-8?Q?Caf=C3=A9_meeting?=", "Café meeting"),
        ("=?iso-8859-1?Q?caf=E9?=", "café"),
        ("=?latin1?B?Y2Fm6Q==?=", "café"),
        ("=?windows-1252?Q?=93urgent=94_=80100?=", "“urgent” €100"),
        ("=?us-ascii?Q?plain?=", "plain"),
        // Adjacent words join without the space between them, even across a fold.
        ("=?utf-8?Q?Are_you?= =?utf-8?Q?_free=3F?=", "Are you free?"),
        ("=?utf-8?Q?gift?=\n =?iso-8859-1?Q?cards?=", "giftcards"),
        ("=?utf-8?B?4oCc?= =?utf-8?B?aGk=?=", "“hi"),
        // One character split across two words.
        ("=?utf-8?B?8J+O?= =?utf-8?B?gQ==?=", "🎁"),
        ("Re: =?utf-8?Q?gift?= cards", "Re: gift cards"),
        ("=?utf-8?Q?not closed", "=?utf-8?Q?not closed"),
    ])
    func encodedWordsAreDecoded(encoded: String, decoded: String) throws {
        let mail = try parse("From: a@example.org\nSubject: \(encoded)\n\nx")
        #expect(mail.subject == decoded)
    }

    @Test func anUnknownCharsetInAHeaderIsReadAsUTF8AndReported() throws {
        let mail = try parse("From: a@example.org\nSubject: =?x-martian?Q?hello_there?=\n\nx")
        #expect(mail.subject == "hello there")
        #expect(mail.problems == ["the subject header uses an unknown character set x-martian; read as UTF-8"])
    }

    @Test(arguments: [
        ("\"Name, Jr\" <a@b.example>", "Name, Jr", "a@b.example"),
        ("Priya Sharma <Priya.Sharma@GMAIL.com>", "Priya Sharma", "Priya.Sharma@gmail.com"),
        ("bare@example.org", "", "bare@example.org"),
        ("bare@example.org (Bare Name)", "Bare Name", "bare@example.org"),
        ("Name (a comment) <a@b.example>", "Name", "a@b.example"),
        ("<only@angle.example>", "", "only@angle.example"),
        ("=?utf-8?Q?Cllr_Priya_Sharma?= <p@x.example>", "Cllr Priya Sharma", "p@x.example"),
        ("\"=?utf-8?B?Q2xsciBQcml5YQ==?=\" <p@x.example>", "Cllr Priya", "p@x.example"),
        ("\"The \\\"Mayor\\\"\" <m@x.example>", "The \"Mayor\"", "m@x.example"),
        ("First <first@x.example>, Second <second@x.example>", "First", "first@x.example"),
        ("Council: clerk@x.example;", "", "clerk@x.example"),
        // An encoded word that decodes to an address stays in the name: the real address is the bracket.
        ("=?utf-8?Q?Mayor_=3Cmayor@council.example=3E?= <scam@evil.example>", "Mayor <mayor@council.example>",
         "scam@evil.example"),
    ])
    func fromAddressesAreRead(header: String, name: String, address: String) throws {
        let mail = try parse("From: \(header)\nSubject: s\n\nx")
        #expect(mail.from == MailAddress(name: name, address: address))
    }

    @Test(arguments: ["Undisclosed recipients:;", "Just A Name", "a@", "<a b@x.example>", "x@exa mple.org", "Bob bob@x.example"])
    func aFromWithoutAnAddressIsReported(header: String) throws {
        let mail = try parse("From: \(header)\nSubject: s\n\nx")
        #expect(mail.from == nil)
        #expect(mail.problems.contains("the from header holds no readable address"))
    }

    @Test func encodedLineBreaksCannotInjectHeaders() throws {
        let mail = try parse(
            """
            From: =?utf-8?Q?Boss=0D=0ABcc:_victim@x.example?= <boss@x.example>
            Subject: =?utf-8?Q?Hi=0D=0ABcc:_all@council.example?=
            Message-ID: <a b@x>

            x
            """)
        #expect(mail.subject == "Hi Bcc: all@council.example")
        #expect(mail.from == MailAddress(name: "Boss Bcc: victim@x.example", address: "boss@x.example"))
        #expect(mail.messageID == nil)
        #expect(mail.problems.contains("the subject header held line breaks once decoded; they were replaced with spaces"))
        #expect(mail.problems.contains("the from header held line breaks once decoded; they were replaced with spaces"))
        #expect(mail.problems.contains("the message-id header is not a message ID; ignored"))
    }

    @Test func aSecondFromHeaderIsReportedAndTheFirstKept() throws {
        let mail = try parse("From: first@x.example\nFrom: second@x.example\nSubject: s\n\nx")
        #expect(mail.from?.address == "first@x.example")
        #expect(mail.problems == ["the message has 2 from headers; the first was read"])
    }

    @Test func aLineThatIsNoHeaderStartsTheBody() throws {
        let mail = try parse("From: a@x.example\nSubject: s\nthis is not a header\nsecond line")
        #expect(mail.subject == "s")
        #expect(mail.text == "this is not a header\nsecond line")
        #expect(mail.problems == ["line 3 of the headers is not a header; the body was taken to start there"])
    }
}

@Suite("Reading received mail: MIME structure and encodings")
struct ReceivedMailMIMETests {
    @Test func quotedPrintableSoftBreaksEscapesAndBadEscapes() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Caf=C3=A9 and a long line that was bro=
            ken here. 100% =3D sure; a=zz stays; trailing=\u{20}\u{20}
            end
            """)
        #expect(mail.text == "Café and a long line that was broken here. 100% = sure; a=zz stays; trailingend")
        #expect(mail.problems == ["the body has 1 malformed quoted-printable escapes; kept as written"])
    }

    @Test func base64WithWhitespaceAndNoPadding() throws {
        // "Gift cards, urgently!" split over lines, padding removed.
        let mail = try parse(
            """
            From: a@x.example
            Content-Transfer-Encoding: BASE64

            R2lmdCBjYXJk
              cywgdXJnZW50bHkh
            """)
        #expect(mail.text == "Gift cards, urgently!")
        #expect(mail.problems.isEmpty)
    }

    @Test func base64WithStrayCharactersIsReadAndReported() throws {
        let mail = try parse("From: a@x.example\nContent-Transfer-Encoding: base64\n\nSGVs!bG8g#d29y~bGQ=\n")
        #expect(mail.text == "Hello world")
        #expect(mail.problems == ["the body has 3 characters that are not base64; they were passed over"])
    }

    @Test(arguments: [
        ("iso-8859-1", [0x63, 0x61, 0x66, 0xE9] as [UInt8], "café"),
        ("latin1", [0xA3, 0x35, 0x30], "£50"),
        ("windows-1252", [0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35], "“Hi” €5"),
        ("us-ascii", Array("plain".utf8), "plain"),
        ("UTF-8", [0xF0, 0x9F, 0x8E, 0x81], "🎁"),
    ])
    func bodyCharsetsAreDecoded(charset: String, body: [UInt8], expected: String) throws {
        let head = raw("From: a@x.example\nContent-Type: text/plain; charset=\"\(charset)\"\nContent-Transfer-Encoding: 8bit\n\n")
        let mail = try ReceivedMail(parsing: head + body)
        #expect(mail.text == expected)
        #expect(mail.problems.isEmpty)
    }

    @Test func anUnknownBodyCharsetIsReadAsUTF8WithReplacement() throws {
        let head = raw("From: a@x.example\nContent-Type: text/plain; charset=koi8-r\n\n")
        let mail = try ReceivedMail(parsing: head + Array("ok ".utf8) + [0xFF])
        #expect(mail.text == "ok \u{FFFD}")
        #expect(mail.problems == ["the body uses an unknown character set koi8-r; read as UTF-8"])
    }

    @Test func rfc2231CharsetAndCaseInsensitiveParameters() throws {
        // The charset is only in its RFC 2231 form; without it 0x80 would not read as €.
        let head = raw(
            """
            From: a@x.example
            Content-Type: MULTIPART/Mixed; BOUNDARY="b 1"

            --b 1
            Content-Type: text/plain; Charset*=us-ascii'en'windows-1252

            Price:\u{20}
            """)
        let mail = try ReceivedMail(parsing: head + [0x80, 0x35] + raw("\n--b 1--\n"))
        #expect(mail.text == "Price: €5")
        #expect(mail.problems.isEmpty)
        let part = ParameterizedHeader(Array("text/plain; CharSet*0*=utf-8''%C2%A3; charset*1=5 (comment)".utf8)[...])
        #expect(part.value == "text/plain")
        #expect(part["charset"] == "£5")
    }

    @Test func multipartAlternativePrefersPlainTextButKeepsHTMLOnlyLinks() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/alternative; boundary=----=_Part_1

            This is the preamble, not a part. https://preamble.example/
            ------=_Part_1
            Content-Type: text/plain; charset=utf-8

            Please verify your account: https://bank.example/login
            ------=_Part_1
            Content-Type: text/html; charset=utf-8

            <p>Please verify your <a href="https://bank.example/login">account</a>.
            <a href="https://evil.example/steal?a=1&amp;b=2">Click</a></p>
            ------=_Part_1--
            The epilogue, not a part. https://epilogue.example/
            """)
        #expect(mail.text == "Please verify your account: https://bank.example/login")
        #expect(mail.links == ["https://bank.example/login", "https://evil.example/steal?a=1&b=2"])
        #expect(mail.problems.isEmpty)
    }

    @Test func nestedMultipartsAreWalked() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain

            First text.
            --inner--
            --outer
            Content-Type: image/png
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --outer
            Content-Type: text/plain

            Second text.
            --outer--
            """)
        #expect(mail.text == "First text.\n\nSecond text.")
        #expect(mail.problems.isEmpty)
    }

    @Test func aMissingClosingBoundaryIsToleratedAndReported() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: text/plain

            Still read. https://still.example/
            """)
        #expect(mail.text == "Still read. https://still.example/")
        #expect(mail.links == ["https://still.example/"])
        #expect(mail.problems == ["the body (multipart/mixed) has no closing boundary; read to the end"])
    }

    @Test func aBoundaryThatNeverAppearsLeavesTheBodyAsText() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary=never

            --other
            Hidden text https://hidden.example/
            """)
        #expect(mail.text == "--other\nHidden text https://hidden.example/")
        #expect(mail.links == ["https://hidden.example/"])
        #expect(mail.problems == ["the body (multipart/mixed) never shows its boundary; read as plain text"])
    }

    @Test func aLongerBoundaryIsNotTakenForAShorterOne() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: text/plain

            one
            --abcdef
            still one
            --abc--
            """)
        #expect(mail.text == "one\n--abcdef\nstill one")
    }

    @Test func anUnknownTransferEncodingSkipsThePart() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            kept
            --b
            Content-Type: text/plain
            Content-Transfer-Encoding: x-uue

            begin 644 secret
            --b--
            """)
        #expect(mail.text == "kept")
        #expect(mail.problems == ["part 2 has an unknown encoding x-uue; skipped"])
    }

    @Test func htmlBecomesTextWithLinksOnlyFromHrefsAndVisibleText() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: text/html; charset=utf-8

            <html><head><title>https://title-tag.example/</title>
            <style>body { background: url(https://style-block.example/bg.png) }</style></head>
            <body><p>Dear resident,</p>
            <img src="https://tracker.example/pixel.gif" alt="https://alt.example/">
            <div data-url="https://data-attr.example/" title="https://title-attr.example/"
                 style="background:url(https://style-attr.example/x)">Your parking fine is due.</div>
            <a href="javascript:alert('https://js.example/')">Pay now</a>
            <a href=" JaVa&#9;ScRiPt:void(0)">Also pay</a>
            <a href="data:text/html,https://data.example/">Data</a>
            <a href="mailto:fines@council.example">fines@council.example</a>
            <a href='https://pay-fines.example/?ref=1&amp;id=2'>Pay the fine</a>
            <a href=https://unquoted.example/>https://unquoted.example/</a>
            <!-- https://comment.example/ -->
            <script>location = "https://script.example/"</script>
            Visible: www.visible.example/page &amp; more</body></html>
            """)
        #expect(mail.links == [
            "https://pay-fines.example/?ref=1&id=2", "https://unquoted.example/", "https://www.visible.example/page",
        ])
        #expect(mail.text == """
            Dear resident,

            Your parking fine is due.
            Pay now Also pay Data fines@council.example Pay the fine <https://pay-fines.example/?ref=1&id=2> \
            https://unquoted.example/ Visible: www.visible.example/page & more
            """)
    }

    @Test func sevenBitAndEightBitAreReadAsTheyAre() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Transfer-Encoding: 7bit

            seven
            --b
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            eight — bit
            --b
            Content-Transfer-Encoding: binary

            binary
            --b--
            """)
        #expect(mail.text == "seven\n\neight — bit\n\nbinary")
    }
}

@Suite("Reading received mail: links")
struct ReceivedMailLinkTests {
    private func links(_ body: String) throws -> [String] {
        try parse("From: a@x.example\nSubject: s\n\n" + body).links
    }

    @Test(arguments: [
        ("See https://example.org/path.", ["https://example.org/path"]),
        ("(see https://example.org/a_(b))", ["https://example.org/a_(b)"]),
        ("[https://example.org/x]!", ["https://example.org/x"]),
        ("\"https://example.org/q?a=1\",", ["https://example.org/q?a=1"]),
        ("'https://example.org/p';", ["https://example.org/p"]),
        ("Go to <https://example.org/angle> now", ["https://example.org/angle"]),
        ("HTTPS://Example.ORG/CasePath", ["https://example.org/CasePath"]),
        ("plain http://example.org:8080/x?", ["http://example.org:8080/x"]),
        ("www.council-fake.example/pay", ["https://www.council-fake.example/pay"]),
        ("profile facebook.com/mayor.oakbridge.official", ["https://facebook.com/mayor.oakbridge.official"]),
        ("x.com/OakbridgeMayor and tiktok.com/@oakbridge", ["https://x.com/OakbridgeMayor", "https://tiktok.com/@oakbridge"]),
        ("instagram.com/oak.bridge: bsky.app/profile/oak.example", [
            "https://instagram.com/oak.bridge", "https://bsky.app/profile/oak.example",
        ]),
        ("youtube.com/@oakbridge threads.net/@oakbridge", ["https://youtube.com/@oakbridge", "https://threads.net/@oakbridge"]),
        ("max.com/x me@x.com/y tax.com/z", []),
        ("https:// and http://./ and ftp://files.example/", []),
        ("write to clerk@oakbridge.example", []),
    ])
    func linksInPlainText(body: String, expected: [String]) throws {
        #expect(try links(body) == expected)
    }

    /// A link written straight before non-ASCII punctuation, a symbol or a space ends there: the
    /// character is prose, and read as part of the link it made the profile's address none at all, so
    /// the report was lost.
    @Test(arguments: ["\u{201D}", "\u{2026}", "\u{2014}", "\u{3002}", "\u{1F621}", "\u{FFFD}", ".\u{201D}", "!\u{1F621}",
                      "\u{00A0}", "\u{200B}"])
    func aLinkEndsAtNonASCIIPunctuation(follower: String) throws {
        #expect(try links("It is https://www.facebook.com/oakbridge.fake4\(follower) again") == [
            "https://www.facebook.com/oakbridge.fake4",
        ])
        #expect(try links("and x.com/Oakbridge_Fake5\(follower)") == ["https://x.com/Oakbridge_Fake5"])
    }

    /// A letter is part of the address: cut at the "é", the link would name another channel.
    @Test func aLinkKeepsItsNonASCIILetters() throws {
        #expect(try links("See https://www.youtube.com/@Oakbridgé\u{201D} now") == ["https://www.youtube.com/@Oakbridgé"])
        #expect(try links("and https://www.facebook.com/Cyngor.Tref.Pŵ\u{2026}") == ["https://www.facebook.com/Cyngor.Tref.Pŵ"])
    }

    @Test func aLinkEndsAtAByteThatIsNoUTF8() throws {
        for charset in ["utf-8", "us-ascii"] {
            let bytes = raw("From: a@x.example\nSubject: s\nContent-Type: text/plain; charset=\(charset)\n\n"
                + "See https://www.facebook.com/oakbridge.fake6") + [0xFF, 0xFE] + raw(" and https://x.com/fake7") + [0x80]
            #expect(try ReceivedMail(parsing: bytes).links == ["https://www.facebook.com/oakbridge.fake6", "https://x.com/fake7"])
        }
    }

    @Test func aUserNameAndPasswordKeepTheirCaseAndOnlyTheHostIsLowerCased() throws {
        #expect(try links("https://Alice:MyBankPw99@WWW.Facebook.COM/Oakbridge.Fake2?Token=AbC") == [
            "https://Alice:MyBankPw99@www.facebook.com/Oakbridge.Fake2?Token=AbC",
        ])
    }

    @Test func theSameLinkTwiceIsKeptOnce() throws {
        #expect(try links("https://a.example/x and again https://a.example/x, then https://b.example/") == [
            "https://a.example/x", "https://b.example/",
        ])
    }

    @Test(arguments: [
        (
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Ffake-council.example%2Fpay%3Fref%3D1&data=05%7C01&reserved=0",
            "https://fake-council.example/pay?ref=1"
        ),
        ("https://www.google.com/url?q=https%3A%2F%2Fscam.example%2Fgift&sa=D&ust=1", "https://scam.example/gift"),
        ("https://www.google.com/url?sa=t&url=https://scam.example/b&usg=x", "https://scam.example/b"),
        ("https://l.facebook.com/l.php?u=https%3A%2F%2Ffake.example%2Fprize&h=AT0", "https://fake.example/prize"),
        ("https://urldefense.proofpoint.com/v2/url?u=https-3A__scam.example_path&d=DwMF", "https://scam.example/path"),
        ("https://urldefense.com/v3/__https://scam.example/v3__;!!abc$", "https://scam.example/v3"),
        // Safe Links around Google around the real page.
        (
            "https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%253A%252F%252Fdeep.example%252F",
            "https://deep.example/"
        ),
        // A wrapper around something that is not a web page stays as it is.
        ("https://www.google.com/url?q=javascript%3Aalert(1)", "https://www.google.com/url?q=javascript%3Aalert(1)"),
    ])
    func safetyRedirectsAreUnwrapped(wrapped: String, target: String) throws {
        #expect(try links("Link: \(wrapped)") == [target])
    }

    @Test func tenThousandLinksAreCappedAndCounted() throws {
        let body = (0..<10_000).map { "https://spam.example/\($0)" }.joined(separator: "\n")
        let mail = try parse("From: a@x.example\n\n" + body + "\nhttps://spam.example/5")
        #expect(mail.links.count == 100)
        #expect(mail.links.first == "https://spam.example/0")
        #expect(mail.links.last == "https://spam.example/99")
        #expect(mail.linksLeftOut == 9_900)
        let small = try parse("From: a@x.example\n\n" + body, limits: .init(maxLinks: 3))
        #expect(small.links == ["https://spam.example/0", "https://spam.example/1", "https://spam.example/2"])
        #expect(small.linksLeftOut == 9_997)
    }
}

@Suite("Reading received mail: forwarded messages")
struct ReceivedMailForwardTests {
    @Test func anAttachedMessageIsReadAsAForwardedMail() throws {
        let mail = try parse(
            """
            From: Jane Resident <jane@example.org>
            Subject: Fwd: scam
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Is this real? https://outer.example/
            --b
            Content-Type: message/rfc822

            From: Fake Mayor <mayor.oakbridge@gmail.example>
            Subject: =?utf-8?Q?Urgent_request?=
            Message-ID: <x1@gmail.example>

            Buy vouchers at https://vouchers.example/now
            --b--
            """)
        #expect(mail.text == "Is this real? https://outer.example/")
        #expect(mail.links == ["https://outer.example/"])
        #expect(mail.forwarded.count == 1)
        let inner = try #require(mail.forwarded.first)
        #expect(inner.from == MailAddress(name: "Fake Mayor", address: "mayor.oakbridge@gmail.example"))
        #expect(inner.subject == "Urgent request")
        #expect(inner.messageID == "x1@gmail.example")
        #expect(inner.links == ["https://vouchers.example/now"])
        #expect(inner.text == "Buy vouchers at https://vouchers.example/now")
    }

    @Test func aForwardOfAForwardNests() throws {
        let mail = try parse(
            """
            From: resident@example.org
            Content-Type: multipart/mixed; boundary=one

            --one
            Content-Type: message/rfc822
            Content-Transfer-Encoding: 7bit

            From: neighbour@example.org
            Subject: Fwd: prize
            Content-Type: multipart/mixed; boundary=two

            --two
            Content-Type: message/rfc822

            From: Prize Team <win@prize.example>
            Subject: You won

            Claim at https://prize.example/claim
            --two--
            --one--
            """)
        let middle = try #require(mail.forwarded.first)
        #expect(middle.from?.address == "neighbour@example.org")
        let innermost = try #require(middle.forwarded.first)
        #expect(innermost.subject == "You won")
        #expect(innermost.links == ["https://prize.example/claim"])
        #expect(mail.links.isEmpty)
        #expect(middle.links.isEmpty)
    }

    @Test func aGiftCardScamForwardedFromGmail() throws {
        let mail = try parse(
            """
            From: Jane Resident <jane.resident@example.co.uk>
            To: report@oakbridge-tc.gov.uk
            Subject: Fwd: Are you free?
            Message-ID: <CAJ+fwd123@mail.gmail.com>
            Content-Type: text/plain; charset="UTF-8"

            Hello, I got this from someone pretending to be the mayor. Is it her?

            ---------- Forwarded message ---------
            From: Cllr Priya Sharma <priya.sharma.mayor.oakbridge@gmail.com>
            Date: Mon, 3 Mar 2025 at 09:12
            Subject: Are you free?
            To: <jane.resident@example.co.uk>


            Are you free at the moment? I need you to get some gift cards for me, I'll reimburse you.
            """)
        #expect(mail.from == MailAddress(name: "Jane Resident", address: "jane.resident@example.co.uk"))
        #expect(mail.subject == "Fwd: Are you free?")
        #expect(mail.text == "Hello, I got this from someone pretending to be the mayor. Is it her?")
        #expect(mail.forwarded.count == 1)
        let scam = try #require(mail.forwarded.first)
        #expect(scam.from == MailAddress(name: "Cllr Priya Sharma", address: "priya.sharma.mayor.oakbridge@gmail.com"))
        #expect(scam.subject == "Are you free?")
        #expect(scam.date == "Mon, 3 Mar 2025 at 09:12")
        #expect(scam.text == "Are you free at the moment? I need you to get some gift cards for me, I'll reimburse you.")
        #expect(scam.links.isEmpty)
        #expect(mail.problems.isEmpty)
    }

    @Test func anOutlookForwardAfterOriginalMessage() throws {
        let mail = try parse(
            """
            From: clerk@oakbridge.example
            Subject: FW: invoice

            Forwarding for the record.

            -----Original Message-----
            From: Accounts Team [mailto:accounts@invoices-oakbridge.example]
            Sent: 03 March 2025 09:12
            To: clerk@oakbridge.example
            Subject: Overdue invoice

            Pay today at https://invoices-oakbridge.example/pay
            """)
        #expect(mail.text == "Forwarding for the record.")
        #expect(mail.links.isEmpty)
        let invoice = try #require(mail.forwarded.first)
        #expect(invoice.from == MailAddress(name: "Accounts Team", address: "accounts@invoices-oakbridge.example"))
        #expect(invoice.date == "03 March 2025 09:12")
        #expect(invoice.subject == "Overdue invoice")
        #expect(invoice.links == ["https://invoices-oakbridge.example/pay"])
    }

    @Test func anOutlookBlockWithNoLineAbove() throws {
        let mail = try parse(
            """
            From: clerk@oakbridge.example

            See below.
            ________________________________
            From: Fake Clerk <clerk.oakbridge@outlook.example>
            Sent: Tuesday, March 4, 2025 10:01 AM
            To: Jane <jane@example.org>
            Subject: Parish grant

            Apply at www.grant-oakbridge.example
            """)
        #expect(mail.text == "See below.")
        let grant = try #require(mail.forwarded.first)
        #expect(grant.from?.address == "clerk.oakbridge@outlook.example")
        #expect(grant.subject == "Parish grant")
        #expect(grant.links == ["https://www.grant-oakbridge.example"])

        let bare = try parse(
            """
            From: clerk@oakbridge.example

            From: Fake Clerk <clerk.oakbridge@outlook.example>
            Sent: Tuesday, March 4, 2025 10:01 AM
            To: Jane <jane@example.org>
            Subject: Parish grant

            Apply now
            """)
        #expect(bare.text == "")
        #expect(bare.forwarded.first?.subject == "Parish grant")
        #expect(bare.forwarded.first?.text == "Apply now")
    }

    @Test func anAppleMailForward() throws {
        let mail = try parse(
            """
            From: resident@example.org
            Subject: Fwd: Council tax refund

            Begin forwarded message:

            From: "HMRC Refunds" <refund@hmrc-refund.example>
            Subject: Council tax refund
            Date: 3 March 2025 at 09:12:44 GMT
            To: resident@example.org

            You are owed £312.50. Claim: https://hmrc-refund.example/claim
            """)
        #expect(mail.text == "")
        let refund = try #require(mail.forwarded.first)
        #expect(refund.from == MailAddress(name: "HMRC Refunds", address: "refund@hmrc-refund.example"))
        #expect(refund.date == "3 March 2025 at 09:12:44 GMT")
        #expect(refund.text == "You are owed £312.50. Claim: https://hmrc-refund.example/claim")
        #expect(refund.links == ["https://hmrc-refund.example/claim"])
    }

    @Test func aQuotedForwardEndsWhereTheQuotingEnds() throws {
        let mail = try parse(
            """
            From: resident@example.org

            Look at this:

            > ---------- Forwarded message ---------
            > From: Mayor <mayor.fake@example.net>
            > Subject: Quick favour
            >
            > Can you buy vouchers? https://vouchers.example/
            >
            > > Begin forwarded message:
            > >
            > > From: Deputy <deputy@example.net>
            > > Subject: Vouchers
            > >
            > > Use https://deeper.example/ please

            My own words again, https://own.example/
            """)
        #expect(mail.text == "Look at this:\n\n\nMy own words again, https://own.example/")
        #expect(mail.links == ["https://own.example/"])
        let favour = try #require(mail.forwarded.first)
        #expect(favour.subject == "Quick favour")
        #expect(favour.from?.address == "mayor.fake@example.net")
        #expect(favour.text == "Can you buy vouchers? https://vouchers.example/")
        #expect(favour.links == ["https://vouchers.example/"])
        let deeper = try #require(favour.forwarded.first)
        #expect(deeper.subject == "Vouchers")
        #expect(deeper.from?.name == "Deputy")
        #expect(deeper.links == ["https://deeper.example/"])
    }

    @Test func aGmailForwardInsideAnOutlookForwardIsAChain() throws {
        let mail = try parse(
            """
            From: clerk@oakbridge.example

            FYI

            From: Jane Resident <jane@example.org>
            Sent: 04 March 2025 08:00
            To: clerk@oakbridge.example
            Subject: FW: Are you free?

            This came to me.

            ---------- Forwarded message ---------
            From: Cllr Priya Sharma <priya.sharma.mayor.oakbridge@gmail.com>
            Subject: Are you free?

            I need gift cards https://cards.example/
            """)
        #expect(mail.text == "FYI")
        let jane = try #require(mail.forwarded.first)
        #expect(jane.from?.address == "jane@example.org")
        #expect(jane.text == "This came to me.")
        #expect(jane.links.isEmpty)
        let scam = try #require(jane.forwarded.first)
        #expect(scam.from?.address == "priya.sharma.mayor.oakbridge@gmail.com")
        #expect(scam.links == ["https://cards.example/"])
    }

    @Test func anHTMLForwardKeepsItsHrefsWithTheForwardedBlock() throws {
        let mail = try parse(
            """
            From: resident@example.org
            Content-Type: multipart/alternative; boundary=alt

            --alt
            Content-Type: text/plain; charset=UTF-8

            Scam below https://report.example/

            ---------- Forwarded message ---------
            From: Mayor <mayor.fake@example.net>
            Subject: Favour

            Click here
            --alt
            Content-Type: text/html; charset=UTF-8

            <div>Scam below <a href="https://report.example/">report</a></div><br>
            <div class="gmail_quote">---------- Forwarded message ---------<br>
            From: <strong>Mayor</strong> &lt;<a href="mailto:mayor.fake@example.net">mayor.fake@example.net</a>&gt;<br>
            Subject: Favour<br><br>
            <a href="https://scam.example/hidden">Click here</a></div>
            --alt--
            """)
        #expect(mail.links == ["https://report.example/"])
        let favour = try #require(mail.forwarded.first)
        #expect(favour.text == "Click here")
        #expect(favour.links == ["https://scam.example/hidden"])
        #expect(mail.forwarded.count == 1)
    }
}

@Suite("Reading received mail: hostile input")
struct ReceivedMailHostileTests {
    @Test func aTenMegabyteBodyIsReadWhole() throws {
        let line = "Dear resident, your council tax refund is waiting. Reply now to claim it before Friday.\n"
        var body = String(repeating: line, count: 10_000_000 / line.utf8.count)
        body += "https://late.example/end\n"
        let bytes = raw("From: a@x.example\nSubject: big\n\n" + body)
        let mail = try ReceivedMail(parsing: bytes)
        #expect(mail.links == ["https://late.example/end"])
        #expect(mail.text.utf8.count == 1 << 20)
        #expect(mail.problems == ["the text is \(body.utf8.count - 1) bytes long; only the first 1048576 were kept"])
    }

    @Test func tenMegabytesOfBase64AndQuotedPrintableAreDecoded() throws {
        let text = String(repeating: "Gift cards needed urgently, café £50 each. ", count: 110_000)
        let base64 = Data(text.utf8).base64EncodedString(options: .lineLength76Characters)
        let html = String(
            repeating: "<p>Your parking fine of =C2=A350 is overdue. Pay at <a href=3D\"https://pay.example/\">our =\nportal</a> &amp; avoid court.</p>\n",
            count: 26_000)
        let message = "From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n"
            + "Content-Type: text/plain; charset=utf-8\n\n" + base64 + "\n--b\nContent-Type: text/html; charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n" + html + "\n--b--\n"
        let bytes = raw(message)
        #expect(bytes.count > 10_000_000)
        let mail = try ReceivedMail(parsing: bytes)
        #expect(mail.text.hasPrefix("Gift cards needed urgently, café £50 each. Gift cards"))
        #expect(mail.links == ["https://pay.example/"])
    }

    @Test func deepNestingStopsAtTheLimit() throws {
        var message = "From: a@x.example\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 0..<20 {
            message += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n"
        }
        message += "--b20\nContent-Type: text/plain\n\ndeep text\n"
        let mail = try parse(message)
        #expect(!mail.text.contains("deep text"))
        #expect(mail.problems.contains("part 1.1.1.1.1.1.1.1 (multipart/mixed) is nested deeper than 8 levels; skipped"))

        #expect(mail.skipped)
        let shallow = try parse(message, limits: .init(maxDepth: 30))
        #expect(shallow.text == "deep text")
        #expect(!shallow.skipped)
    }

    @Test func deeplyNestedAttachedMessagesStopAtTheLimit() throws {
        var message = "From: deep@x.example\nSubject: bottom\n\nbottom text"
        for level in 0..<12 {
            message = "From: l\(level)@x.example\nContent-Type: message/rfc822\n\n" + message
        }
        var mail = try parse(message)
        // The message on top says so: what is skipped deep down may be the scam a resident passed on.
        #expect(mail.skipped)
        var depth = 0
        while let next = mail.forwarded.first {
            mail = next
            depth += 1
        }
        #expect(depth == 8)
        #expect(mail.problems == ["the body (message/rfc822) is nested deeper than 8 levels; skipped"])
    }

    @Test func tooManyPartsAreCut() throws {
        var message = "From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n"
        for index in 0..<500 { message += "--b\nContent-Type: text/plain\n\npart \(index)\n" }
        message += "--b--\n"
        let mail = try parse(message, limits: .init(maxParts: 10))
        #expect(mail.text.components(separatedBy: "\n\n").count == 9)
        #expect(mail.problems == ["the message has more than 10 parts; the rest were skipped"])
    }

    @Test func headersOnly() throws {
        let mail = try parse("From: a@x.example\nSubject: nothing else")
        #expect(mail.subject == "nothing else")
        #expect(mail.text == "")
        #expect(mail.problems == ["the message has headers only, no body"])
    }

    @Test func nulBytesAreDropped() throws {
        let bytes = raw("From: a@x.example\nSubject: nu\0l\n\nhel\0lo https://a.exa\0mple/\n")
        let mail = try ReceivedMail(parsing: bytes)
        #expect(mail.subject == "nul")
        #expect(mail.text == "hello https://a.example/")
        #expect(mail.problems.first == "the message held 3 NUL bytes; they were removed")
    }

    @Test(arguments: ["\r", "\n", "\r\n"])
    func anyLineEndingIsRead(ending: String) throws {
        let text = ["From: a@x.example", "Subject: s", " folded", "Content-Type: multipart/mixed; boundary=b", "",
                    "--b", "", "one", "two", "--b--", ""].joined(separator: ending)
        let mail = try ReceivedMail(parsing: Array(text.utf8))
        #expect(mail.subject == "s folded")
        #expect(mail.text == "one\ntwo")
        #expect(mail.problems.isEmpty)
    }

    @Test func aOneMegabyteHeaderLineIsCut() throws {
        let long = String(repeating: "A", count: 1 << 20)
        let bytes = raw("From: a@x.example\nSubject: \(long)\nX-Junk: \(long)\n\nbody")
        let mail = try ReceivedMail(parsing: bytes)
        #expect(mail.subject.utf8.count == MailHeaders.maxValueBytes)
        #expect(mail.text == "body")
        #expect(mail.problems.contains("the subject header is 1048576 bytes long; only the first 65536 were read"))
    }

    @Test func terminalEscapesAreRemovedFromTheText() throws {
        let mail = try parse("From: a@x.example\n\nsafe\u{1B}[2J text\u{7}")
        #expect(mail.text == "safe[2J text")
    }

    @Test func textBeyondTheLimitIsCutOnACharacterBoundary() throws {
        let mail = try parse("From: a@x.example\n\néééé https://after.example/", limits: .init(maxTextBytes: 5))
        #expect(mail.text == "éé")
        #expect(mail.links == ["https://after.example/"])
        #expect(mail.problems == ["the text is 31 bytes long; only the first 4 were kept"])
    }

    @Test func unreadableMessagesThrow() {
        #expect(parseError([])?.code == .empty)
        #expect(parseError(raw("From: a@x.example\n\nbig"), limits: .init(maxBytes: 10))?.code == .tooLarge)
        #expect(parseError([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))?.code == .notText)
        #expect(parseError(raw("Just some words\nwith no headers at all"))?.code == .noHeaders)
        #expect(parseError(raw("no header here"))?.reason == "the message has no header lines")
    }

    @Test func aBrokenAttachedMessageIsAProblemNotAFailure() throws {
        let mail = try parse(
            """
            From: a@x.example
            Content-Type: multipart/mixed; boundary=b

            --b

            outer text
            --b
            Content-Type: message/rfc822

            not a message at all
            --b--
            """)
        #expect(mail.text == "outer text")
        #expect(mail.forwarded.isEmpty)
        #expect(mail.problems == ["part 2 (message/rfc822) could not be read: the message has no header lines"])
    }
}
