import Foundation
import ImpostorCore
import Testing

@testable import ImpostorDrafts

/// Drafts for mail sent in the Mayor's name: reports to the sender's provider and the national
/// scam-mail service, and warnings about e-mails rather than an account.
@Suite struct MailDraftTests {
    static func scam(from address: String) -> DraftCase {
        DraftCase(
            council: Fixtures.council, target: .person(name: "Cllr Priya Sharma", role: "Mayor"),
            suspect: DraftCase.Suspect(
                platform: .email, id: address, handle: address, displayName: "Cllr Priya Sharma",
                profileURL: "mailto:" + address,
                bio: "Are you free?\nAre you free at the moment? I need you to get some gift cards for me, I'll reimburse you.",
                createdAt: nil),
            evidence: Fixtures.evidence, firstSeen: Fixtures.firstSeen, drafted: Fixtures.drafted)
    }

    @Test func warningsSpeakOfEmailsFromTheMayorNotOfAnAccount() {
        let draft = Self.scam(from: "priya.sharma.mayor.oakbridge@gmail.com")
        for warning in Fixtures.drafter.warnings(for: draft) {
            #expect(warning.text.contains("e-mails claiming to be from") || warning.text.contains("scam e-mails"),
                    "\(warning.channel): \(warning.text)")
            #expect(!warning.text.contains("fake account"), "\(warning.channel)")
            #expect(warning.fits, "\(warning.channel) is \(warning.length) of \(warning.limit)")
            #expect(DraftLint.check(warning, case: draft).isEmpty, "\(warning.channel): \(DraftLint.check(warning, case: draft))")
        }
        let x = Fixtures.drafter.warning(for: draft, channel: .x).text
        #expect(x.contains("e-mails claiming to be from our Mayor"), "\(x)")
    }

    @Test func theReportGoesToTheProviderAndToTheNationalScamMailService() {
        let gmail = Fixtures.drafter.notice(for: Self.scam(from: "priya.sharma.mayor.oakbridge@gmail.com"))
        #expect(gmail.route.form == "https://support.google.com/mail/contact/abuse")
        #expect(gmail.text.contains("Report to Gmail (Google)"))
        #expect(gmail.text.contains("report@phishing.gov.uk"))
        #expect(gmail.fields.contains { $0.label == "The sender's address" && $0.value.contains("gmail.com") })
        #expect(DraftLint.check(gmail, case: Self.scam(from: "priya.sharma.mayor.oakbridge@gmail.com")).isEmpty)

        let outlook = Fixtures.drafter.notice(for: Self.scam(from: "mayor.oakbridge@hotmail.co.uk"))
        #expect(outlook.text.contains("abuse@outlook.com") && outlook.text.contains("report@phishing.gov.uk"))
        // A domain impostor knows nothing of may be the fraudster's own: no report goes to it.
        let other = Fixtures.drafter.notice(for: Self.scam(from: "mayor@oakbridge-council.example"))
        #expect(!other.text.contains("abuse@oakbridge-council.example"))
        #expect(other.text.contains("report@phishing.gov.uk"))
        #expect(!other.route.confirmed)
    }
}
