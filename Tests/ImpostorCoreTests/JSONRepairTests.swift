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

    /// What the platform says of the account, as fetch writes it and as a CSV export gives it; a bought tick is no verification.
    @Test func thePlatformsVerificationAndParodyLabelAreRead() throws {
        let lines = [
            #"{"platform":"x","id":"1","handle":"a","verified_type":"government","parody":false}"#,
            #"{"platform":"x","id":"2","handle":"b","verified_type":"blue","parody":true}"#,
            #"{"platform":"x","id":"3","handle":"c","verified_type":7,"parody":"maybe"}"#,
        ]
        let json = try ProfileListing.rows(ofLines: lines.enumerated().map { ($0 + 1, Substring($1)) }).map { try $0.result.get() }
        #expect(json.map(\.verifiedAs) == [.government, nil, nil])
        #expect(json.map(\.parody) == [false, true, nil])
        let csv = try ProfileListing.rows("platform,id,handle,verified_type,parody\nx,4,d,Business,yes\nx,5,e,,\n", format: .csv)
            .map { try $0.result.get() }
        #expect(csv.map(\.verifiedAs) == [.business, nil] && csv.map(\.parody) == [true, nil])
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

/// A JSON array with one element JSON cannot read loses only that element, and every id comes back as given.
@Suite struct JSONArrayListingTests {
    @Test func oneElementNestedTooDeepCostsOnlyItself() throws {
        let deep = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        let text = """
            [{"platform":"x","id":"a","display_name":"Oakbridge Town Council","bio":"a [bracket] and a \\"quote\\", in a string"},
             {"platform":"x","id":"deep","display_name":"n","bio":\(deep)},
             {"platform":"x","id":" b ","display_name":"Mayor of Oakbridge"}]
            """
        let rows = ProfileListing.rows(text, format: .jsonArray)
        #expect(rows.map(\.line) == [1, 2, 3])
        #expect(try rows[0].result.get().bio == #"a [bracket] and a "quote", in a string"#)
        guard case .failure(let error) = rows[1].result else { Issue.record("the deep element was read"); return }
        #expect(error.id == "deep")
        #expect(try rows[2].result.get().id == " b ", "the id as given, spaces and all")
    }

    /// A listing of millions of tiny records is handed on a batch at a time, numbered through the whole file,
    /// so that it is never held as a row per record: an attacker's 4 MB array of zeros once took 1 GB.
    @Test func aLongListingComesInBatches() {
        let count = ProfileListing.batchSize * 2 + 7
        let zeros = "[" + Array(repeating: "0", count: count).joined(separator: ",") + "]"
        let blankRows = "platform,id,handle\n" + String(repeating: ",,\n\n", count: count) + "x,last,h\n"
        for (text, format, rows) in [(zeros, ProfileListing.Format.jsonArray, count), (blankRows, .csv, 1)] {
            var sizes: [Int] = [], lines: [Int] = []
            ProfileListing.forEachBatch(text, format: format) { batch in
                sizes.append(batch.count)
                lines += batch.map(\.line)
            }
            #expect(sizes.allSatisfy { $0 <= ProfileListing.batchSize } && sizes.reduce(0, +) == rows, "\(format): \(sizes)")
            #expect(format == .csv ? lines == [count * 2 + 2] : lines == Array(1...count), "\(format)")
        }
        // A wrapper of many profiles is one element, and its rows are handed on a batch at a time too.
        var sizes: [Int] = []
        ProfileListing.forEachBatch("{\"profiles\": [" + zeros.dropFirst().dropLast() + "]}", format: .jsonArray) { sizes.append($0.count) }
        #expect(sizes.allSatisfy { $0 <= ProfileListing.batchSize } && sizes.reduce(0, +) == count, "\(sizes)")
        // A row of a million commas is one record, and an error, not a million fields.
        var rows: [ProfileListing.Row] = []
        ProfileListing.forEachBatch("platform,id,handle\nx,1,a" + String(repeating: ",", count: 1_000_000) + "\nx,2,b\n", format: .csv) { rows += $0 }
        #expect(rows.map(\.line) == [2, 3] && (try? rows[1].result.get().id) == "2")
        guard case .failure(let error) = rows.first?.result else { Issue.record("the long row was read"); return }
        #expect(error.message.contains("more than 1000 fields"), "\(error.message)")
    }

    /// An array cut short or damaged keeps the profiles before the damage, and says where it breaks off.
    @Test func anArrayThatDoesNotCloseKeepsWhatComesBefore() {
        let a = #"{"platform":"x","id":"a","handle":"h"}"#, b = #"{"platform":"x","id":"b","handle":"h"}"#
        for (text, read) in [("[\(a)", ["a"]), ("[\(a),,\(b)]", ["a"]), ("[\(a)] trailing", ["a"]), ("[\(a), \(b), {\"id\":\"c\",\"bio\":\"]", ["a", "b"]),
                             (#"[{"id":"a","bio":"]"#, [])] {
            let rows = ProfileListing.rows(text, format: .jsonArray)
            #expect(rows.compactMap { try? $0.result.get().id } == read, "\(text)")
            #expect(rows.count == read.count + 1, "\(text)")
            #expect(rows.last.map { (try? $0.result.get()) == nil && $0.line == read.count + 1 } == true)
        }
        #expect(JSONArrayElements.split(#"[ 1 , "x,]" , {"a":[1,2]} ]"#)?.elements == ["1", #""x,]""#, #"{"a":[1,2]}"#])
        #expect(JSONArrayElements.split(#"[ 1 , "x,]" , {"a":[1,2]} ]"#)?.closes == true)
        #expect(JSONArrayElements.split("[ ]")?.elements == [])
        #expect(JSONArrayElements.split("x{}") == nil)
    }

    /// A listing saved as one JSON document rather than JSON lines is read all the same: an object
    /// pretty-printed, objects one after another as `jq` prints them, or profiles wrapped in an object.
    @Test(arguments: [
        "{\n  \"platform\": \"x\",\n  \"id\": \"a\",\n  \"handle\": \"h\"\n}\n",
        "{\n  \"profiles\": [\n    {\"platform\": \"x\", \"id\": \"a\", \"handle\": \"h\"},\n    {\"platform\": \"x\", \"id\": \"b\", \"handle\": \"h\"}\n  ]\n}",
        #"{"data": [{"platform": "x", "id": "a", "handle": "h"}, {"platform": "x", "id": "b", "handle": "h"}], "meta": {"count": 2}}"# + "\n",
        "{\n  \"platform\": \"x\",\n  \"id\": \"a\", \"handle\": \"h\"\n}\n{\n  \"platform\": \"x\",\n  \"id\": \"b\", \"handle\": \"h\"\n}\n",
    ])
    func aListingWrittenAsOneDocumentIsRead(text: String) {
        #expect(ProfileListing.format(of: text) == .jsonArray)
        let ids = ProfileListing.rows(text, format: ProfileListing.format(of: text)).map { try? $0.result.get().id }
        #expect(ids == (text.contains("\"b\"") ? ["a", "b"] : ["a"]), "\(text)")
    }

    /// JSON lines stay JSON lines, a damaged first line among them; objects that break off say so.
    @Test func jsonLinesAreNotTakenForADocument() {
        let lines = #"{"platform":"x","id":"a","tags":["t"]}"# + "\n" + #"{"platform":"x","id":"b"}"# + "\n"
        #expect(ProfileListing.format(of: lines) == .jsonLines)
        #expect(ProfileListing.format(of: #"{"platform":"x","id":"a","bio":"cut"# + "\n" + #"{"platform":"x","id":"b"}"#) == .jsonLines)
        let broken = ProfileListing.rows("{\n \"platform\": \"x\", \"id\": \"a\", \"handle\": \"h\"\n}\n{\n \"platform\": \"x\",", format: .jsonArray)
        #expect(broken.count == 2 && (try? broken[0].result.get().id) == "a" && (try? broken[1].result.get()) == nil)
    }

    /// Old Mac files end their lines in a lone CR: each line is still a record, in every format.
    @Test func linesEndingInALoneCarriageReturnAreLines() {
        let jsonl = #"{"platform":"x","id":"a","handle":"h"}"# + "\r" + #"{"platform":"x","id":"b","handle":"h"}"# + "\r"
        #expect(ProfileListing.rows(jsonl, format: .jsonLines).map { try? $0.result.get().id } == ["a", "b"])
        let csv = "platform,id,handle\rx,a,h1\rx,b,h2\r"
        #expect(ProfileListing.rows(csv, format: .csv).map { try? $0.result.get().id } == ["a", "b"])
        #expect(ProfileListing.withLineFeeds("a\rb\r\nc\r") == "a\nb\r\nc\n")
        // Lines ended one way, then another: every record is read, none joined to the one before.
        let mixed = "platform,id,handle\r\nx,a,h1\r\nx,b,h2\rx,c,h3\nx,d,h4\r"
        #expect(ProfileListing.rows(mixed, format: .csv).map { try? $0.result.get().id } == ["a", "b", "c", "d"])
        // A header naming a column twice is refused, saying which: two ids for one profile are a guess.
        let twice = ProfileListing.rows("platform,id,ID,handle\nx,a,b,h\n", format: .csv)
        guard case .failure(let error) = twice.first?.result, twice.count == 1 else { Issue.record("a doubled column was read"); return }
        #expect(error.message.contains("names id more than once"))
        let lines = #"{"platform":"x","id":"a","handle":"h"}"# + "\r\n" + #"{"platform":"x","id":"b","handle":"h"}"# + "\r"
            + #"{"platform":"x","id":"c","handle":"h"}"#
        #expect(ProfileListing.rows(lines, format: .jsonLines).map { try? $0.result.get().id } == ["a", "b", "c"])
    }

    /// A wrapper read as people and tools write them: beside an "errors" list, with an element that is no
    /// profile (named, the rest read), empty, or two wrappers one after another; an object that wraps nothing
    /// says what it lacks. Objects one after another go on after a damaged one; blank lines before a
    /// pretty-printed object do not make it JSON lines; white space alone is no listing.
    @Test func documentsAreReadElementByElement() {
        let p = { (id: String) in #"{"platform":"x","id":"\#(id)","handle":"h"}"# }
        func ids(_ text: String) -> [String?] {
            ProfileListing.rows(text, format: ProfileListing.format(of: text)).map { try? $0.result.get().id }
        }
        #expect(ids("{\"profiles\": [\(p("a")), \(p("b"))], \"errors\": [{\"detail\": \"x\"}]}") == ["a", "b"])
        #expect(ids("{\"profiles\": [\(p("a")), null, \(p("b"))]}") == ["a", nil, "b"])
        #expect(ids("{\"profiles\": []}").isEmpty)
        #expect(ids("{\"profiles\": [\(p("a"))]}\n{\"profiles\": [\(p("b"))]}\n") == ["a", "b"])
        // Lists under two wrapper names are both read; objects run together on one line are each read, and
        // what follows the last whole one is an error of its own.
        #expect(ids("{\"profiles\": [\(p("a"))], \"data\": [\(p("b")), \(p("c"))]}") == ["a", "b", "c"])
        #expect(ProfileListing.rows("\(p("a"))\(p("b"))\n\(p("c"))\n", format: .jsonLines).map { try? $0.result.get().id } == ["a", "b", "c"])
        let cut = ProfileListing.rows("\(p("a")) {\"platform\":\"x\",\"id\":\"b\n", format: .jsonLines)
        #expect(cut.map { try? $0.result.get().id } == ["a", nil] && cut.map(\.line) == [1, 1])
        let none = ProfileListing.rows("{\"note\": \"hello\"}\n", format: .jsonArray)
        guard case .failure(let error) = none.first?.result else { Issue.record("an object of nothing was read"); return }
        #expect(error.message.contains("neither a profile"))
        let damaged = "{\n \"platform\": \"x\", \"id\": \"a\", \"handle\": \"h\"\n}\n{\n \"platform\": \"x\", \"bio\": \"unclosed\n}\n"
            + "{\n \"platform\": \"x\", \"id\": \"c\", \"handle\": \"h\"\n}\n"
        #expect(ids(damaged) == ["a", nil, "c"])
        let blank = String(repeating: " \n", count: 60) + "{\n  \"platform\": \"x\",\n  \"id\": \"a\",\n  \"handle\": \"h\"\n}\n"
        #expect(ProfileListing.format(of: blank) == .jsonArray && ids(blank) == ["a"])
        #expect(ProfileListing.rows(" \n\t\n", format: .csv).isEmpty)
        // A wrapper JSON cannot read whole keeps the profiles before the damage, and one cut short those before
        // the cut; objects one after another in a Windows file go on after a damaged one.
        #expect(ids(#"{"profiles":[{"platform":"x","id":"a","handle":"h"},{"platform":"x","id":"b",}]}"#) == ["a", nil])
        #expect(ids("{\n  \"profiles\": [\n    \(p("a")),\n    \(p("b")),\n    {\"platform\": \"x\", \"id\": \"c") == ["a", "b", nil])
        #expect(ids(damaged.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")) == ["a", nil, "c"])
    }

    /// A stray first line before JSON lines does not make the listing CSV; a CSV header still does; an array
    /// saved as .jsonl is read as an array; UTF-16 is told apart.
    @Test func theFormatIsReadFromTheLinesNotOnlyTheFirstCharacter() {
        let jsonl = "Profiles for Oakbridge\n{\"platform\":\"x\",\"id\":\"1\",\"handle\":\"a\"}\n"
        #expect(ProfileListing.format(of: jsonl, fileName: "listing.txt") == .jsonLines)
        #expect(ProfileListing.format(of: "platform,id,handle,bio\nx,1,a,\"{not json}\"\n") == .csv)
        #expect(ProfileListing.format(of: "[\n  {\"id\": \"1\"}\n]", fileName: "listing.jsonl") == .jsonArray)
        #expect(ProfileListing.isUTF16([0xFF, 0xFE, 0x7B, 0x00]))
        #expect(ProfileListing.isUTF16(Array("{\"id\"".utf8).flatMap { [$0, 0] }))
        #expect(!ProfileListing.isUTF16(Array("{\"id\":\"1\"}".utf8)))
    }
}
