/// Look-alikes that neither NFKC nor the UTS #39 skeleton turn into Latin letters.
enum LookalikeTable {
    /// Single characters: small capitals, IPA and Latin letters with strokes or hooks.
    static let letters: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("ᴀ", "a"), ("ʙ", "b"), ("ᴄ", "c"), ("ᴅ", "d"), ("ᴇ", "e"), ("ꜰ", "f"), ("ɢ", "g"), ("ʜ", "h"),
            ("ɪ", "i"), ("ᴊ", "j"), ("ᴋ", "k"), ("ʟ", "l"), ("ᴍ", "m"), ("ɴ", "n"), ("ᴏ", "o"), ("ᴘ", "p"),
            ("ꞯ", "q"), ("ʀ", "r"), ("ꜱ", "s"), ("ᴛ", "t"), ("ᴜ", "u"), ("ᴠ", "v"), ("ᴡ", "w"), ("ʏ", "y"),
            ("ᴢ", "z"), ("ᴑ", "o"), ("ᴓ", "o"), ("ł", "l"), ("ŀ", "l"), ("ø", "o"), ("đ", "d"), ("ħ", "h"),
            ("ŧ", "t"), ("ƀ", "b"), ("ı", "i"), ("ȷ", "j"), ("ɑ", "a"), ("ɡ", "g"), ("ß", "ss"), ("æ", "ae"),
            ("œ", "oe"), ("þ", "th"), ("ð", "d"), ("ſ", "s"), ("ʋ", "u"), ("ꙇ", "i"), ("ꬲ", "e"), ("ⲅ", "r"),
            ("ɩ", "i"), ("ɛ", "e"), ("ɔ", "c"), ("ʌ", "a"), ("ɯ", "w"), ("ƅ", "b"), ("ꮃ", "w"), ("ᴦ", "r"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (from, to) in pairs { table[from.unicodeScalars.first!] = to }
        return table
    }()

    /// Digits and symbols used as letters inside a word. "1", "!" and "|" read as "l" because i and l are one class.
    static let leet: [Unicode.Scalar: Character] = [
        "0": "o", "1": "l", "2": "z", "3": "e", "4": "a", "5": "s", "6": "b", "7": "t", "8": "b", "9": "g",
        "@": "a", "$": "s", "!": "l", "|": "l", "€": "e", "£": "e",
    ]

    /// Symbols that only count as letters between or beside letters (digits are handled per word).
    static let letterSymbols: Set<Unicode.Scalar> = ["@", "$", "!", "|", "€", "£"]

    /// Tick emoji that imitate verified badges.
    static let ticks: Set<UInt32> = [0x2714, 0x2705, 0x2611, 0x2713, 0x1F5F8]
}
