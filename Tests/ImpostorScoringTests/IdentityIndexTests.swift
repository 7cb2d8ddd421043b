import ImpostorCore
import ImpostorText
import Testing
@testable import ImpostorScoring

@Suite struct IdentityIndexTests {
    @Test func findsTheCouncilAmongManyWithoutComparingAll() throws {
        let folder = try Folder()
        var identities: [Identity] = []
        for i in 0..<2000 {
            identities.append(Identity(id: "c\(i)", name: "Place\(i) Town Council", place: "Place\(String(i, radix: 26))x"))
        }
        identities.append(thornbury)
        let lists = try WordLists.shipped()
        let vocabulary = Vocabulary(lists, folder: folder)
        let index = IdentityIndex(identities.map { ProtectedIdentity($0, folder: folder, vocabulary: vocabulary, lists: lists) })
        let hits = index.candidates(texts: [folder.fold("Thornbrury Town Council").compact], words: [])
        #expect(hits.count <= 12)
        #expect(hits.contains(identities.count - 1))
    }

    /// The short sorted list gives what sorting every score would: ties on score go to the lower number.
    @Test func theBestFewAreWhatAFullSortGives() {
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var scores: [Int: Double] = [:]
            // Few distinct values, so that ties are common.
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                scores[Int.random(in: 0..<200, using: &random)] = Double(Int.random(in: 0...6, using: &random)) / 6
            }
            let limit = round % 15
            let sorted = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(limit).map(\.key)
            #expect(IdentityIndex.best(scores, limit: limit) == sorted, "limit \(limit), scores \(scores)")
        }
    }

    /// A text given twice counts twice, as two passes over it would.
    @Test func aRepeatedTextCountsForEachTime() throws {
        let folder = try Folder()
        let lists = try WordLists.shipped()
        let vocabulary = Vocabulary(lists, folder: folder)
        let place = Identity(id: "csh", name: "Chipping Sodbury Heath Parish Council", place: "Chipping Sodbury Heath")
        let index = IdentityIndex([place].map { ProtectedIdentity($0, folder: folder, vocabulary: vocabulary, lists: lists) })
        // 18 trigrams, two typos allowed: 12 needed. "chippings" has 7 of them, so once is too few and twice enough.
        let text = folder.fold("Chippings").compact
        #expect(index.candidates(texts: [text], words: []).isEmpty)
        #expect(index.candidates(texts: [text, text], words: []) == [0])
        #expect(index.candidates(texts: [text, "x", text], words: []) == [0])
    }
}
