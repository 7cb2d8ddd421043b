import Testing
@testable import ImpostorText

@Suite struct FolderTests {
    let folder = try! Folder()

    /// Each pair: a trick seen on real impostor accounts, and the council name it must fold to.
    @Test(arguments: [
        ("Тhоrnbury Тоwn Cоuncil", "Cyrillic Т and о"),
        ("Thornbury Τοwn Council", "Greek Τ and ο"),
        ("Thornbury Town Cօuncil", "Armenian օ"),
        ("Thornbury Town Cᴏuncil", "small capital ᴏ"),
        ("𝐓𝐡𝐨𝐫𝐧𝐛𝐮𝐫𝐲 𝐓𝐨𝐰𝐧 𝐂𝐨𝐮𝐧𝐜𝐢𝐥", "mathematical bold"),
        ("𝕿𝖍𝖔𝖗𝖓𝖇𝖚𝖗𝖞 Town Council", "mathematical fraktur"),
        ("Ｔｈｏｒｎｂｕｒｙ Town Council", "fullwidth"),
        ("ⓉⓗⓄⓡⓝⓑⓤⓡⓨ Town Council", "circled"),
        ("ᴛʜᴏʀɴʙᴜʀʏ ᴛᴏᴡɴ ᴄᴏᴜɴᴄɪʟ", "small capitals"),
        ("Thorn\u{200B}bury Town Council", "zero-width space"),
        ("Thornbury\u{00AD} Town Coun\u{2060}cil", "soft hyphen and word joiner"),
        ("\u{202E}Thornbury Town Council", "right-to-left override"),
        ("Thornbúry Town Cõuncil", "diacritics"),
        ("Thornbury Town Cou\u{0301}ncil", "combining acute"),
        ("Thornbury Town CounciI", "capital I for l"),
        ("Thornbury Town Counci1", "digit one for l"),
        ("Th0rnbury T0wn C0uncil", "zero for o"),
        ("Thornbury Town Counc!l", "exclamation for i"),
        ("THORNBURY TOWN COUNCIL", "capitals"),
        ("ThornburyTownCouncil", "camel case"),
        ("Thornbury  Town   Council", "extra spaces"),
        ("Ꭲhornbury Town Council", "Cherokee Ꭲ"),
    ])
    func foldsToCouncilName(input: String, trick: String) {
        let folded = folder.fold(input)
        let plain = folder.fold("Thornbury Town Council")
        #expect(folded.compact == plain.compact, "\(trick): \(folded.readable)")
    }

    @Test func recordsCrossScriptLookalikes() {
        let folded = folder.fold("Thornbury Тоwn")
        let lookalikes = folded.findings.filter { $0.kind == .lookalike }
        #expect(lookalikes.count == 2)
        #expect(lookalikes.allSatisfy { $0.script == "Cyrl" })
        #expect(lookalikes.map(\.imitates) == ["t", "o"])
        #expect(lookalikes.first?.codePoint == "U+0422")
    }

    @Test func recordsInvisibleAndBidi() {
        let folded = folder.fold("Thorn\u{200B}bury\u{202E} Council")
        #expect(folded.findings.map(\.kind) == [.invisible, .bidiControl])
        #expect(folded.readable == "thornbury council")
    }

    @Test func recordsStyledAndLeet() {
        #expect(folder.fold("𝐓own").has(.styled))
        #expect(folder.fold("T0wn").has(.leet))
        #expect(folder.fold("Chi$lehurst").has(.leet))
        #expect(!folder.fold("Town 2026").has(.leet))
    }

    /// A symbol between a lower-case letter and a capital parts two words, by either path; between letters of
    /// one case it is a letter.
    @Test(arguments: [
        ("Oakbridge|Town|Council", ["oakbridge", "town", "council"]), ("Oakbridge@Town$Council", ["oakbridge", "town", "council"]),
        ("Oakbridge!TC", ["oakbridge", "tc"]), ("Chi$lehurst", ["chislehurst"]), ("PAR!SH", ["parlsh"]), ("Par!sh", ["parlsh"]),
        ("Oakbridge | Town", ["oakbridge", "town"]), ("Counc!I", ["councli"]), ("Upd@Il", ["updail"]),
    ])
    func aSymbolBeforeACapitalPartsWords(text: String, words: [String]) {
        #expect(folder.fold(text).words == words, "\(folder.fold(text).words)")
        #expect(folder.foldAnyText(text).words == words, "\(folder.foldAnyText(text).words)")
    }

    /// Welsh "'r" (the article after a vowel) folds away, else "Mae'r" reads as "maer", the Mayor; any other
    /// apostrophe folds away alone, by either path.
    @Test(arguments: [
        ("Mae'r Cyngor yn cyfarfod", ["mae", "cyngor", "yn", "cyfarfod"]), ("Mae’r Cyngor", ["mae", "cyngor"]),
        ("diolch i'r Maer", ["diolch", "i", "maer"]), ("drwy'r", ["drwy"]), ("Mae'r\u{301} x", ["maer", "x"]),
        ("Mae'r\u{200F} Cyngor", ["mae", "cyngor"]), ("Mae'r\u{AD} Cyngor", ["mae", "cyngor"]), ("Cinio'r Maer!", ["cinio", "maer"]),
        ("What's on", ["whats", "on"]), ("O'Reilly's", ["oreillys"]), ("they're here", ["theyre", "here"]), ("'r ysgol", ["r", "ysgol"]),
    ])
    func theWelshArticleIsAWordOfItsOwn(text: String, words: [String]) {
        #expect(folder.fold(text).words == words, "\(folder.fold(text).words)")
        #expect(folder.foldAnyText(text).words == words, "\(folder.foldAnyText(text).words)")
    }

    @Test func numbersStayNumbers() {
        #expect(folder.fold("Council 2026").keys == ["coundl", "2026"])
    }

    @Test(arguments: [("rn", "m"), ("vv", "w"), ("cl", "d"), ("nn", "m"), ("1", "l"), ("i", "l")])
    func multiLetterLookalikesShareAKey(a: String, b: String) {
        #expect(Folder.key("x\(a)x").key == Folder.key("x\(b)x").key)
    }

    @Test func tickEmojiIsAFindingNotAWord() {
        let folded = folder.fold("Thornbury Town Council ✅")
        #expect(folded.has(.tick))
        #expect(folded.words == ["thornbury", "town", "council"])
    }

    @Test func capsHugeInput() {
        let huge = String(repeating: "a", count: 100_000)
        let folded = folder.fold(huge)
        #expect(folded.truncated)
        #expect(folded.original.unicodeScalars.count == folder.limit)
    }

    /// Padding is no hiding place: thousands of invisible characters, spaces or dashes before a name
    /// neither count against the limit nor push the name out of it.
    @Test(arguments: [String(repeating: "\u{200B}", count: 5000), String(repeating: " ", count: 1030),
                      String(repeating: "- ", count: 2000), String(repeating: "\u{3000}", count: 3000)])
    func paddingDoesNotPushTheNameOut(_ padding: String) {
        let folded = folder.fold(padding + "Oakbridge Town Council")
        #expect(folded.words == ["oakbridge", "town", "council"])
        #expect(!folded.truncated)
    }

    /// A name written backwards behind thousands of right-to-left overrides still shows, and is read, the right way.
    @Test(arguments: [String(repeating: "\u{202E}", count: 4090), String(repeating: "\u{202A}\u{202C}", count: 2100),
                      String(repeating: "\u{200B}", count: 4096), String(repeating: "\u{202C}\u{2069}", count: 3000)])
    func aBackwardsNameBehindThousandsOfControlsIsReadAsShown(_ padding: String) {
        let shown = folder.displayOrder(padding + "\u{202E}licnuoC nwoT egdirbkaO")
        #expect(shown.map { folder.fold($0).words } == ["oakbridge", "town", "council"])
    }

    @Test func manyZerosDoNotExplode() {
        // Expansion-based normalisers blow up on repeated ambiguous characters; this must stay linear.
        let folded = folder.fold(String(repeating: "0", count: 500) + "x")
        #expect(folded.keys.count == 1)
    }

    @Test func htmlIsJustText() {
        let folded = folder.fold("<script>alert(1)</script> Town Council")
        #expect(folded.words.contains("script"))
        #expect(folded.words.suffix(2) == ["town", "council"])
    }

    /// Folding drops the full stop, so the words that open a sentence are kept: "Mayor of Oakbridge. Friends, …"
    /// is two sentences; "Chair of St. Agnes" is read as one name all the same, since only a window after a place
    /// stops at them.
    @Test func sentencesAreKept() {
        let text = folder.fold("Mayor of Oakbridge. Friends, my card was blocked!! Help?  Thanks;\nall x")
        #expect(text.words == ["mayor", "of", "oakbridge", "friends", "my", "card", "was", "blocked", "help", "thanks", "all", "x"])
        #expect(text.sentenceStarts == [3, 8, 9, 10])
        #expect(text.sentenceEnd(after: 2) == 3 && text.sentenceEnd(after: 10) == 12)
        let ascii = "Mayor of Oakbridge. Friends! my card... Help? x;\ny"
        #expect(folder.fold(ascii) == folder.foldAnyText(ascii))
        #expect(folder.fold(ascii).sentenceStarts == [3, 4, 6, 7, 8])
        #expect(folder.fold("Oakbridge Town Council").sentenceStarts.isEmpty)
    }

    /// The byte-by-byte path for ASCII gives what the general path gives, findings and all, on text
    /// built from what matters to it: capitals, digits, the symbols read as letters, apostrophes,
    /// spaces, punctuation and the letters of merged pairs.
    @Test func asciiTextFoldsAsAnyTextDoes() throws {
        let pieces = ["a", "b", "C", "T", "c", "l", "i", "I", "r", "n", "N", "v", "V", "m", "0", "1", "3", "7", "@", "$", "!", "|",
                      "'", " ", "  ", "-", ".", "?", ";", ". ", "\t", "\r\n", "\n", "Town", "Council", "TC", "x"]
        var random = SearchPatternTests.Random(state: 2024)
        let small = try Folder(limit: 12)
        for _ in 0..<4000 {
            let text = (0..<random.next(16)).map { _ in pieces[random.next(pieces.count)] }.joined()
            for f in [folder, small] {
                #expect(f.fold(text) == f.foldAnyText(text), "\(text.debugDescription) with limit \(f.limit)")
            }
            let word = String(text.filter { $0.isLetter || $0.isNumber })
            #expect(Folder.asciiKey(word) == Folder.anyKey(word), "\(word)")
        }
    }
}
