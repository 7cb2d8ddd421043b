import ImpostorCore
import ImpostorText
import Testing

@testable import ImpostorScoring

/// A word's class comes from one look-up, weighed as the lists rank them: a word in two lists takes
/// the stronger class.
@Suite struct WordClassTests {
    @Test func aWordInTwoListsTakesTheStrongerClass() throws {
        let folder = try Folder(limit: 256)
        let vocab = Vocabulary(try WordLists.shipped(), folder: folder)
        func classes(_ text: String) -> [WordClass] { WordClass.of(folder.fold(text).keys, vocab: vocab) }
        #expect(classes("cc") == [.abbreviation(kind: "city")])  // also an organisation
        #expect(classes("cllr") == [.councillor])  // also a title, which is ignored
        #expect(classes("community") == [.kind("community")])  // also an affix
        #expect(classes("fans") == [.negator])  // also an organisation
        #expect(classes("Mayor of Chorping 2024") == [.office("mayor"), .ignored, .other, .ignored])
        // A letter that makes an abbreviation with the next; a misspelt "council" read as one.
        #expect(classes("Chorping T C Councel") == [.other, .abbreviation(kind: "town"), .ignored, .council])
    }
}
