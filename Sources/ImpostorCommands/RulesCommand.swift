import ArgumentParser
import ImpostorCore
import ImpostorScoring

extension Impostor {
    /// `impostor rules`: the detection rules as a table, for a clerk who wants to know why, and for a
    /// newcomer who wants to add one.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the rules impostor weighs an account by, with their weights.",
            discussion: """
                Every account starts at the prior below; each rule that fires adds its weight (log-odds).
                At zero or above the account is a suspect and becomes a case for the clerk. Rules that
                read the display name's claim count only once: the strongest.

                The words the rules read by are in impostor's vocabulary files (vocabulary/en.toml,
                cy.toml, gd.toml, kw.toml); a council adds its own under [words] in its file.
                """)

        @Flag(help: "Print tab-separated values: signal, weight, summary.")
        var tsv = false

        func run() throws {
            let rows = RuleTable.rows
            if tsv {
                for row in rows {
                    Console.out("\(row.signal)\t\(row.weight)\t\(row.summary)")
                    for v in row.variants { Console.out("\(row.signal)\t\(v.weight)\t… \(v.when)") }
                }
                return
            }
            Console.out("prior \(RuleTable.prior): an account with no evidence")
            let width = rows.map(\.signal.rawValue.count).max() ?? 0
            for row in rows {
                let weight = (row.weight > 0 ? "+" : "") + String(row.weight)
                let padded = row.signal.rawValue + String(repeating: " ", count: width - row.signal.rawValue.count)
                Console.out("\(padded)  \(weight.padding(5))  \(row.summary)")
                for v in row.variants {
                    let w = (v.weight > 0 ? "+" : "") + String(v.weight)
                    Console.out(String(repeating: " ", count: width) + "  \(w.padding(5))  … \(v.when)")
                }
            }
        }
    }
}

extension String {
    fileprivate func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
