import Foundation
import TestScratch
import Testing

@testable import ImpostorCore

/// The byte reader of plain JSON objects reads exactly what JSONSerialization reads, and leaves it
/// everything else.
@Suite struct PlainJSONObjectTests {
    /// JSONSerialization's reading of `bytes` as an object of strings, each as its UTF-8 bytes (String's
    /// == would take canonically equivalent texts for equal, and the output must not change by a byte).
    static func foundation(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        ((try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) as? [String: String])?
            .mapValues { Array($0.utf8) }
    }

    static func plain(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        bytes.withUnsafeBufferPointer { PlainJSONObject.fields(bytes: $0) }?.mapValues { Array($0.utf8) }
    }

    @Test func readsPlainObjectsAsFoundationDoes() throws {
        let lines = [
            #"{"platform": "x", "id": "s1", "handle": "chorpingtc", "display_name": "C‍hor‍ping TC", "bio": ""}"#,
            #"  {"id":"1","bio":"Mіllmouth 🏛️ del \#u{7F} sep \#u{2028}"}  "#, "{}", " { } ", "{\"a\":\"b\"}\r",
            "{\"id\": \"e\u{301} decomposed\", \"bio\": \"\u{E9} composed\"}",
        ]
        for line in lines {
            let got = try #require(Self.plain(Array(line.utf8)), "\(line)")
            #expect(got == Self.foundation(Array(line.utf8)), "\(line)")
            #expect(PlainJSONObject.fields(Substring(line)) != nil, "\(line)")
        }
    }

    @Test func leavesEverythingElseToFoundation() {
        let others = [
            #"{"id": "a\"b"}"#, #"{"id": "a\u0041"}"#, #"{"id": 5}"#, #"{"id": null}"#, #"{"id": true}"#,
            #"{"id": {"a": "b"}}"#, #"{"id": ["a"]}"#, #"{"id": "a", "id": "b"}"#, "{\"id\": \"tab\there\"}",
            #"{"id": "a",}"#, #"{"id": "a"} x"#, #"{"id" "a"}"#, #"["a"]"#, #""a""#, "", #"{"id": "a""#, #"{"id": "a}"#,
        ]
        for line in others { #expect(PlainJSONObject.fields(Substring(line)) == nil, "\(line)") }
        // Bytes that are not UTF-8: an overlong "/", a lone continuation byte, an encoded surrogate.
        for bad: [UInt8] in [[0xC0, 0xAF], [0x80], [0xED, 0xA0, 0x80]] {
            #expect(Self.plain(Array(#"{"id": ""#.utf8) + bad + Array(#""}"#.utf8)) == nil)
        }
    }

    /// Lines with bytes changed at random: whatever the byte reader accepts, Foundation reads the same.
    @Test func mutatedLinesReadTheSameOrAreLeftAlone() {
        let seed = Array(#"{"platform": "x", "id": "s1", "handle": "ab", "bio": "Tоwn é"}"#.utf8)
        let alphabet = Array(#"{}[]":,\ "ab0-nul"#.utf8) + [0x00, 0x09, 0x0A, 0xC3, 0xA9, 0xFF]
        var rng = SplitMix(seed: 99)
        func next(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var accepted = 0
        for _ in 0..<3000 {
            var line = seed
            for _ in 0..<(1 + next(3)) {
                switch next(3) {
                case 0: line[next(line.count)] = alphabet[next(alphabet.count)]
                case 1: line.insert(alphabet[next(alphabet.count)], at: next(line.count + 1))
                default: if line.count > 1 { line.remove(at: next(line.count)) }
                }
            }
            guard let plain = Self.plain(line) else { continue }
            accepted += 1
            #expect(plain == Self.foundation(line), "\(String(decoding: line, as: UTF8.self))")
        }
        // Some mutations leave a plain object (a letter changed inside a string), or this proves nothing.
        #expect(accepted > 100)
    }
}
