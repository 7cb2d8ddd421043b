import Testing

@testable import ImpostorCore

/// A listing's line that JSON cannot read still says which profile it was, and one bad character
/// does not lose the profile.
@Suite struct JSONRepairTests {
    @Test func aLoneSurrogateIsOneBadCharacter() throws {
        let lines = [
            #"{"platform":"x","id":"a","handle":"h","display_name":"Oakbridge Town Council","bio":"Rebates \ud800 DM us"}"#,
            #"{"platform":"x","id":"b","handle":"h","bio":"pair \ud83c\udfdb and low \udc00 and \\ud800 written"}"#,
        ]
        let rows = ProfileListing.rows(ofLines: lines.enumerated().map { ($0 + 1, Substring($1)) })
        let first = try rows[0].result.get(), second = try rows[1].result.get()
        #expect(first.bio == "Rebates \u{FFFD} DM us" && first.displayName == "Oakbridge Town Council")
        #expect(second.bio == "pair 🏛 and low \u{FFFD} and \\ud800 written", "\(second.bio)")
        #expect(JSONRepair.withoutLoneSurrogates(#"{"bio":"\ud83c\udfdb \\ud800"}"#) == nil, "nothing to repair")
    }

    @Test func aLineJSONCannotReadNamesItsProfile() {
        let rows = ProfileListing.rows(ofLines: [
            (1, #"{"platform":"x", "id" : "s123", "followers": 1e400}"#), (2, #"{"id":"x\"y", "bio": }"#), (3, "not json"),
        ])
        #expect(rows.map { (try? $0.result.get()) == nil } == [true, true, true])
        let ids = rows.map { row -> String? in if case .failure(let e) = row.result { e.id } else { nil } }
        #expect(ids == ["s123", nil, nil], "\(ids)")
    }
}
