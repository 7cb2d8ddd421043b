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
}
