import ImpostorCore

extension SuspectText {
    /// The characters that start markup or an entity (`&`, `<`, `>`) written as HTML entities, so a name
    /// like `<img src=x onerror=alert(1)>` reads as text wherever the draft is pasted.
    ///
    /// The website warning is plain text to paste, but a council website's editor, or the CMS behind
    /// it, may take pasted text as HTML: what the suspect chose goes in escaped. Quotes stay as they
    /// are: the draft is the text of a page, never an attribute, and names such as "King's Lynn" or
    /// "Bishop's Stortford" would otherwise read "King&#39;s" where the editor takes text as text.
    public static func escapeHTML(_ text: String) -> String {
        HTMLEscaping.escape(text, quotes: false)
    }
}
