/// Welsh writes the article "yr" as "'r" after a vowel: "Mae'r Cyngor" (the Council is), "i'r dref". Read
/// as one word, "mae'r" is "maer", the Mayor. So an apostrophe after a letter, then "r", then the end of
/// the word, is dropped with the "r": "mae cyngor", "diolch i maer", "cinio maer". Any other apostrophe
/// folds away ("What's", "O'Reilly").
struct ArticleR {
    private enum State { case none, apostrophe, r(at: Int) }
    private var state = State.none

    /// Whether an "'r" waits on the next character: only then need it be looked at.
    var pending: Bool {
        if case .r = state { return true }
        return false
    }

    mutating func apostrophe(afterLetter: Bool) {
        state = afterLetter ? .apostrophe : .none
    }

    /// A unit was added at `at`; `isR` when it is the letter r.
    mutating func added(isR: Bool, at: Int) {
        if case .apostrophe = state, isR { state = .r(at: at) } else if case .r = state {} else { state = .none }
    }

    /// Before the next character, or at the end: the "r" to drop (as a break), when that character ends the word.
    mutating func articleToDrop(endsWord: Bool) -> Int? {
        guard case .r(let at) = state else { return nil }
        state = .none
        return endsWord ? at : nil
    }
}
