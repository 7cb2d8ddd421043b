/// The word lists a council may add to in its file's `[words]` table, so impostor reads the council's
/// own words (in any language) as it reads its built-in ones:
///
///     [words]
///     council = ["cyngor"]
///     affixes = ["cymru", "swyddfa"]
///     offices_mayor = ["maer"]
///
/// The scoring stage decides what each list means; the parser only checks the names.
public enum CouncilWords {
    /// Every list a council may add to:
    /// - `council`: words for "council";
    /// - `affixes`: words impostors put around a council's name ("official", "news", "updates");
    /// - `negators`: words that say an account is not the council ("watchdog", "parody", "unofficial");
    /// - `organisations`: words of clubs, schools and groups that share the place's name;
    /// - `offices_mayor`, `offices_chair`, `offices_clerk`: the names of those offices;
    /// - `kinds_town`, `kinds_parish`, `kinds_community`, `kinds_city`: the words of each kind of council;
    /// - `disclaimers`: phrases a bio uses to say it is not the council ("not the council");
    /// - `place_qualifiers`: words that make a place another one ("north", "upper", "new").
    public static let wordLists: [String] = [
        "council", "affixes", "negators", "organisations", "offices_mayor", "offices_chair", "offices_clerk",
        "kinds_town", "kinds_parish", "kinds_community", "kinds_city", "disclaimers", "place_qualifiers",
    ]
}
