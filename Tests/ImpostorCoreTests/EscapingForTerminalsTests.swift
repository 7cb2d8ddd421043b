import Foundation
import ImpostorCore
import Testing

/// Encoded JSON with marks of direction and C1 controls escaped, as `score` writes them; the text means the same.
struct EscapingForTerminalsTests {
    @Test func marksOfDirectionAreEscapedAndTheJSONMeansTheSame() throws {
        let text = "{\"file\":\"logo\u{202E}gnp.exe\u{85}\",\"n\":1}"
        let escaped = text.escapingForTerminals()
        #expect(escaped == "{\"file\":\"logo\\u202egnp.exe\\u0085\",\"n\":1}")
        let a = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: Any]
        #expect(a?["file"] as? String == b?["file"] as? String && b?["file"] != nil)
        #expect("{\"plain\":\"Oakbridge\"}".escapingForTerminals() == "{\"plain\":\"Oakbridge\"}")
    }
}
