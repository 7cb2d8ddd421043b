import ImpostorCore
import Testing

@testable import ImpostorScoring

/// Every rule's own examples, read against the example council: the table a newcomer extends.
@Suite struct RuleTableTests {
    static let scorer = try! Scorer(identities: [RuleExample.council])

    static var cases: [(String, RuleExample)] {
        Rules.all.flatMap { rule in rule.examples.map { (rule.signal.rawValue, $0) } }
    }

    @Test(arguments: cases)
    func example(signal: String, example: RuleExample) {
        let judged = Self.scorer.rankedAssessments(example.profile, logoMatches: example.logoMatches, limit: 1).first
        let signals = judged?.reasons.map(\.signal.rawValue) ?? []
        #expect(signals.contains(signal) == example.fires,
                "\(example.fires ? "should fire" : "should not fire") on \(example.name) @\(example.handle) «\(example.bio)»: \(signals)")
    }

    @Test func everyRuleHasCasesAndNonCases() {
        for rule in Rules.all {
            let examples = rule.examples
            let fires = examples.contains { $0.fires }, quiet = examples.contains { !$0.fires }
            #expect(fires, "\(rule.signal) has no example it fires on")
            #expect(quiet, "\(rule.signal) has no example it stays quiet on")
        }
    }

    @Test func signalsAreDistinctAndWeightsSigned() {
        let rows = RuleTable.rows
        #expect(Set(rows.map(\.signal)).count == rows.count)
        for rule in Rules.all { #expect(rule.weight != 0, "\(rule.signal) weighs nothing") }
        // The listed accounts' signals are in the table too: a clerk reading a takeover's reasons finds them.
        #expect(rows.contains { $0.signal == .official } && rows.contains { $0.signal == .hijacked && $0.weight > 0 })
    }

    @Test func logoDistanceTravelsTyped() {
        let example = RuleExample.fires("Oakbridge Town Council", logo: 17)
        let a = Self.scorer.assess(example.profile, logoMatches: example.logoMatches)
        #expect(a.reasons.first { $0.signal == .logo }?.distance == 17)
    }
}
