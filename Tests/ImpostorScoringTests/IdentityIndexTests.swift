import Foundation
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
        let hits = index.candidates(texts: [folder.fold("Thornbrury Town Council").scalars], words: [])
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

    /// A council named whole is among the candidates however many other councils' three-letter
    /// initials the texts happen to hold, and a handle's trigrams count once though it is read twice
    /// (with and without its digits).
    @Test func aPlaceNamedWholeOutranksInitialsFoundByChance() throws {
        let folder = try Folder()
        let lists = try WordLists.shipped()
        let vocabulary = Vocabulary(lists, folder: folder)
        let name = folder.fold("Dunstead Parish Council").compact
        let handle = folder.fold("wendyfoster877").compact, trimmed = folder.fold("wendyfoster").compact
        // Twenty councils of three-word places whose initials are trigrams of the name or the handle.
        let chance = Array(Set(IdentityIndex.trigrams(name) + IdentityIndex.trigrams(trimmed))).sorted().prefix(20)
        var identities = chance.enumerated().map { n, gram in
            let letters = String(String.UnicodeScalarView((0..<3).map { Unicode.Scalar((gram >> (20 - 10 * UInt32($0))) & 0x3FF)! }))
            let place = letters.map { String($0).uppercased() + "orbury" }.joined(separator: " ")
            return Identity(id: "i\(n)", name: place + " Parish Council", place: place)
        }
        #expect(identities.count == 20)
        identities.append(Identity(id: "dunstead", name: "Dunstead Parish Council", place: "Dunstead"))
        let index = IdentityIndex(identities.map { ProtectedIdentity($0, folder: folder, vocabulary: vocabulary, lists: lists) })
        let hits = index.candidates(texts: [name, handle, trimmed].map { Array($0.unicodeScalars) }, words: [])
        #expect(hits.first == identities.count - 1, "\(hits)")
    }

    /// The postings find exactly what comparing every anchor of every council with the texts finds,
    /// ranked the same: places, domains and people built from a few syllables, so trigrams collide.
    /// The loop below is the brute-force reference, written out from the index's rules on purpose.
    @Test func thePostingsFindWhatComparingEveryAnchorFinds() throws {
        let folder = try Folder()
        let lists = try WordLists.shipped()
        let vocabulary = Vocabulary(lists, folder: folder)
        var random = SystemRandomNumberGenerator()
        let syllables = ["ing", "ham", "ton", "ford", "wick", "ley", "bury", "stone", "ash", "brook", "mere", "ing"]
        func word() -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined().capitalized
        }
        let councils = (0..<300).map { n in
            let place = (0..<Int.random(in: 1...3, using: &random)).map { _ in word() }.joined(separator: " ")
            return Identity(id: "c\(n)", name: place + " Parish Council", place: place,
                            domains: [place.lowercased().replacingOccurrences(of: " ", with: "") + "pc.gov.uk"],
                            people: [Person(name: word() + " " + word(), role: "Clerk")])
        }
        let protected = councils.map { ProtectedIdentity($0, folder: folder, vocabulary: vocabulary, lists: lists) }
        let index = IdentityIndex(protected)
        for _ in 0..<200 {
            let texts = [folder.fold(word() + " " + word() + " Parish Council").compact, folder.fold(word() + "123").compact]
            let grams = Set(texts.flatMap(IdentityIndex.trigrams))
            var byPlace: [Int: Double] = [:], byPerson: [Int: Double] = [:]
            for (n, p) in protected.enumerated() {
                var anchors = [(p.placeCompact, false, 1.0)]
                if let initials = p.placeInitials, initials.count >= 3 { anchors.append((initials, false, 0.5)) }
                anchors += p.domainKeys.map { ($0, false, 1.0) } + p.people.map { ($0.compact, true, 1.0) }
                var added = Set<String>()
                for (s, person, weight) in anchors where !s.isEmpty && added.insert(s).inserted {
                    let own = Set(IdentityIndex.trigrams(s))
                    let shared = own.intersection(grams).count
                    guard shared >= max(1, own.count - 3 * ProtectedIdentity.placeTolerance(s.unicodeScalars.count)) else { continue }
                    let share = Double(shared) / Double(own.count) * weight
                    if person { byPerson[n] = max(byPerson[n] ?? 0, share) } else { byPlace[n] = max(byPlace[n] ?? 0, share) }
                }
            }
            let places = IdentityIndex.best(byPlace, limit: 12)
            let expected = places + IdentityIndex.best(byPerson.filter { !places.contains($0.key) }, limit: 12)
            #expect(index.candidates(texts: texts.map { Array($0.unicodeScalars) }, words: []) == expected, "\(texts)")
        }
    }

    /// Initials written apart are joined by words one character long, counted by bytes only when all
    /// are ASCII: the shortcut agrees with counting characters.
    @Test func oneCharacterByBytesAgreesWithCountingCharacters() {
        for word in ["a", "7", "", "ab", "é", "e\u{301}", "ł", "🇬🇧", "👍🏽", "ab\u{301}", "ж"] {
            #expect(IdentityIndex.isOneCharacter(word) == (word.count == 1), "\(Array(word.unicodeScalars))")
        }
    }
}
