#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import ImpostorCore

/// The questions `impostor init` asks at a terminal, in plain words; each answer is checked as it
/// is given and asked again when it cannot be used.
struct Interview {
    let words: WordLists
    var given: CouncilAnswers
    let askOfficials: Bool
    let askPeople: Bool

    func run() -> CouncilAnswers {
        var a = given
        say("Setting up impostor for one council. Press Enter to skip a question that says so; Ctrl-D stops without writing anything.\n")
        a.name = ask("The council's full name, as on its letterhead (e.g. Oakbridge Town Council)", current: a.name) { text in
            CouncilSetup.reading(text, words: words).place.isEmpty
                ? "impostor cannot tell the place from that; write the full name, e.g. Oakbridge Town Council or Cyngor Tref Aberteifi"
                : nil
        }
        let kind = CouncilSetup.reading(a.name, words: words).kind
        a.area = ask("Its county or district (e.g. Wiltshire)", current: a.area) { $0.isEmpty ? "the county or district tells it apart from namesakes" : nil }
        a.website = ask("Its website (e.g. https://www.oakbridge-tc.gov.uk), or Enter if it has none", current: a.website ?? "", optional: true) { text in
            guard !text.isEmpty else { return nil }
            let problem = Self.problem(CouncilAnswers(name: a.name, area: a.area, website: text), words: words, question: "website")
            return problem
        }
        if askOfficials {
            say("Its own accounts, so impostor never reports them. Paste the link to each (e.g. https://bsky.app/profile/oakbridge-tc.gov.uk), one a line; an empty line when done.")
            while true {
                let line = ask("  Account link", current: "", optional: true) { text in
                    text.isEmpty || CouncilSetup.account(text) != nil ? nil
                        : "that is not a link impostor can read; paste the address of the account's page"
                }
                if line.isEmpty { break }
                a.officials.append(line)
            }
        }
        if askPeople {
            let chairRole = kind == "town council" || kind == "city council" ? "Mayor" : "Chair"
            let chair = ask("The \(chairRole)'s name as they sign it (e.g. Cllr Priya Sharma), or Enter to skip", current: "", optional: true) { _ in nil }
            if !chair.isEmpty { a.people.append(Person(name: chair, role: chairRole)) }
            let clerkRole = kind == "town council" ? "Town Clerk" : "Clerk"
            let clerk = ask("The \(clerkRole)'s name, or Enter to skip", current: "", optional: true) { _ in nil }
            if !clerk.isEmpty { a.people.append(Person(name: clerk, role: clerkRole)) }
        }
        let logo = ask("The logo or crest file (PNG, JPEG, WebP or GIF), or Enter to skip", current: a.logo ?? "", optional: true) { text in
            guard !text.isEmpty else { return nil }
            return RegularFile.exists(text) ? Self.problem(CouncilAnswers(name: a.name, area: a.area, logo: text), words: words, question: "logo")
                : "there is no file at \(text)"
        }
        a.logo = logo.isEmpty ? nil : logo
        return a
    }

    /// The problem `make` finds with one question's answer, if any.
    static func problem(_ answers: CouncilAnswers, words: WordLists, question: String) -> String? {
        do {
            _ = try CouncilSetup.make(answers, words: words)
            return nil
        } catch {
            return error.problems.first { $0.question == question }?.message
        }
    }

    /// Asks until `check` accepts the answer; an answer given as a flag is offered as the default.
    private func ask(_ question: String, current: String, optional: Bool = false, check: (String) -> String?) -> String {
        while true {
            say(question + (current.isEmpty ? "" : " [\(current)]") + ": ", newline: false)
            guard let line = readLine(strippingNewline: true) else {
                say("\nStopped; nothing was written.")
                Impostor.exit(withError: ExitCode(ExitCodes.configuration))
            }
            var answer = line.trimmingSpaces()
            if answer.isEmpty { answer = current }
            if answer.isEmpty && !optional {
                say("  This one is needed.")
                continue
            }
            if let problem = check(answer) {
                say("  \(problem)")
                continue
            }
            return answer
        }
    }

    private func say(_ text: String, newline: Bool = true) {
        Console.writeAll(STDOUT_FILENO, newline ? text + "\n" : text)
    }
}
