/// Text made safe inside HTML: the characters that start markup or an entity written as entities.
public enum HTMLEscaping {
    /// `&`, `<` and `>` always; `"` and `'` too unless `quotes` is false, for text that can never stand
    /// in an attribute and would otherwise read "King&#39;s Lynn" where it is taken as plain text.
    public static func escape(_ text: String, quotes: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
