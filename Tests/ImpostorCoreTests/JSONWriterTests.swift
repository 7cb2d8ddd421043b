import Foundation
import TestScratch
import Testing

@testable import ImpostorCore

/// The hand-written JSON of assessments against Foundation's encoder of the same values.
@Suite struct JSONWriterTests {
    /// Strings that need escaping, or that an encoder might mangle.
    static let awkward = [
        "", "plain", "quote \" and backslash \\", "slash / stays", "tab\tnew\nline\r", "bell \u{7} nul \u{0} esc \u{1B}",
        "Ōakbridge Tоwn Council", "emoji 🏛️ and ZWJ \u{200D}", "line sep \u{2028} para \u{2029}", "del \u{7F}",
        "C1 \u{85} \u{9B}31m", "bidi \u{202E}lCT\u{202C} \u{2066}x\u{2069} \u{200F}", "bom \u{FEFF}", "Gŵyl ŷd",
    ]

    static func assessment(_ i: Int) -> Assessment {
        var rng = SplitMix(seed: UInt64(i))
        func text() -> String { awkward[Int(rng.next() % UInt64(awkward.count))] }
        func maybe() -> String? { rng.next() % 2 == 0 ? nil : text() }
        let weights: [Double] = [5, -2.5, 0.1 + 0.2, 1e-7, 0, -0.0001, 123_456.789]
        let reasons = (0..<Int(rng.next() % 4)).map { _ in
            Reason(signal: Signal(rawValue: text()), identity: maybe(), matched: maybe(), folded: maybe(),
                   weight: weights[Int(rng.next() % UInt64(weights.count))], detail: text(),
                   distance: rng.next() % 3 == 0 ? Int(rng.next() % 5) : nil)
        }
        return Assessment(
            id: text(), platform: Platform(rawValue: "x"), handle: text(), score: Double(rng.next() % 10_001) / 10_000,
            verdict: Verdict.allCases[Int(rng.next() % UInt64(Verdict.allCases.count))], identity: maybe(),
            target: rng.next() % 3 == 0 ? nil : .council, reasons: reasons)
    }

    @Test func eachLineReadsBackAsTheEncodersDoes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for i in 0..<500 {
            let a = Self.assessment(i)
            let mine = try JSONSerialization.jsonObject(with: Data(a.jsonLine.utf8)) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: encoder.encode(a)) as? NSDictionary
            #expect(mine != nil && mine == theirs, "\(a.jsonLine)")
            #expect(!a.jsonLine.contains("\n"))
            let reasons = try JSONDecoder().decode([Reason].self, from: Data(Reason.jsonArray(a.reasons).utf8))
            #expect(reasons == a.reasons)
        }
    }

    /// What a terminal acts on or reorders, or a reader takes for a line break, is never written raw: an
    /// echoed handle cannot move the cursor or turn a clerk's screen around.
    @Test func controlsAndMarksOfDirectionAreEscaped() {
        for text in Self.awkward {
            var writer = JSONWriter()
            writer.string(text)
            let written = String(decoding: writer.bytes, as: UTF8.self)
            #expect(!written.unicodeScalars.contains { JSONWriter.escaped($0) }, "\(written.debugDescription)")
        }
        var writer = JSONWriter()
        writer.string("a\u{202E}b\u{9B}c ŵ")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\u202eb\u009bc ŵ""#)
    }
}
