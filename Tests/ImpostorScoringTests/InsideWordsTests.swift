import ImpostorCore
import ImpostorText
import Testing

@testable import ImpostorScoring

/// The one-pass look-up of words inside glued words against a scan of the text per word.
@Suite struct InsideWordsTests {
    @Test func onePassFindsWhatAScanPerWordFinds() throws {
        let vocab = Vocabulary(try WordLists.shipped(), folder: try Folder())
        // Texts glued from pieces of the vocabulary's own words and stray letters, so words overlap.
        let pieces = vocab.insideNegators + vocab.councillor.sorted() + vocab.insideCouncil + vocab.insideRoles.map(\.word)
            + vocab.insideKinds.flatMap(\.forms) + ["a", "x", "tc", "oak", "bridge", "ll", "rn", "", "é"]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var checked = 0
        for _ in 0..<3000 {
            let text = (0..<(next() % 4)).map { _ -> String in
                let piece = pieces[next() % pieces.count]
                let cut = piece.isEmpty ? 0 : next() % (piece.count + 1)
                return next() % 3 == 0 ? String(piece.prefix(cut)) : piece
            }.joined()
            let found = vocab.inside.scan(text)
            #expect(found.negator == vocab.insideNegators.contains(where: text.holds), "\(text)")
            #expect(found.councillor == vocab.councillor.contains(where: { text.holds($0) }), "\(text)")
            #expect(found.council == vocab.insideCouncil.contains(where: text.holds), "\(text)")
            #expect(Set(found.kinds) == Set(vocab.insideKinds.filter { $0.forms.contains(where: text.holds) }.map(\.kind)), "\(text)")
            #expect(Set(found.offices) == Set(vocab.insideRoles.filter { text.holds($0.word) }.map(\.office)), "\(text)")
            if found.negator || found.council || !found.kinds.isEmpty { checked += 1 }
        }
        // The texts must hold words often enough for the comparison to mean something.
        #expect(checked > 500)
    }
}
