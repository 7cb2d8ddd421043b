import Foundation
import ImpostorCore

/// Something a draft must hold whatever the council's templates say, and how the lint finds it.
///
/// The checks look for facts (links, numbers, names) where they can, and for a key word where the
/// element is advice: a council may reword "never send money", but not drop the word "money".
public enum RequiredElement: String, Sendable, Hashable, CaseIterable {
    /// The fake account, by handle or name.
    case impostor
    /// The council's official accounts: the one on this channel or the accounts page (all of them on the website).
    case officialAccounts = "official_accounts"
    /// Advice never to send money ("arian" in Welsh).
    case moneyAdvice = "money_advice"
    /// Where to report fraud: Report Fraud's number or website (Police Scotland 101 in Scotland).
    case reportFraud = "report_fraud"
    /// How to reach the clerk: phone or email (on X and Bluesky the accounts page will do).
    case clerkContact = "clerk_contact"
    /// A notice's link to the impersonating account.
    case impostorLink = "impostor_link"
    /// A notice's link to the council's official account or its accounts page.
    case officialLink = "official_link"
    /// A notice's evidence: the time impostor first saw the account.
    case evidence
    /// For a person impersonated: that impostor never stores identity documents.
    case idDocuments = "id_documents"

    /// What a warning on `channel` must hold.
    public static func forWarning(_ channel: Channel) -> [RequiredElement] {
        [.impostor, .officialAccounts, .moneyAdvice, .reportFraud, .clerkContact]
    }

    /// What a notice for `draft` must hold.
    public static func forNotice(_ draft: DraftCase) -> [RequiredElement] {
        // A takeover: the account is the council's own, and no one's ID is asked for.
        if draft.kind == .takeover { return draft.suspect.platform == .email ? [.impostor, .evidence] : [.impostor, .impostorLink, .evidence] }
        // Mail: the sender's address is the impostor, and no platform asks for the person's ID.
        if draft.suspect.platform == .email { return [.impostor, .officialLink, .evidence] }
        var elements: [RequiredElement] = [.impostor, .impostorLink, .officialLink, .evidence]
        if case .person = draft.target { elements.append(.idDocuments) }
        return elements
    }

    /// What the element is, for the lint's message.
    public var explanation: String {
        switch self {
        case .impostor: "the fake account's handle or name"
        case .officialAccounts: "the council's official accounts"
        case .moneyAdvice: "the advice never to send money (the word \"money\", in Welsh \"arian\")"
        case .reportFraud: "where to report fraud (Report Fraud, reportfraud.police.uk, 0300 123 2040)"
        case .clerkContact: "how to reach the clerk (phone or email)"
        case .impostorLink: "the link to the impersonating account"
        case .officialLink: "the link to the council's official account"
        case .evidence: "the evidence (when impostor first saw the account)"
        case .idDocuments: "that impostor never stores identity documents"
        }
    }

    /// Whether `text`, drafted for `draft` (on `channel`, for a warning), holds the element.
    public func isPresent(in text: String, case draft: DraftCase, channel: Channel? = nil) -> Bool {
        let c = draft.council
        let values = DraftValues(draft: draft)
        func has(_ s: String?) -> Bool {
            guard let s = s?.trimmingSpaces(), !s.isEmpty else { return false }
            return Self.containsWord(text, s)
        }
        switch self {
        case .impostor:
            // Drafts may cut the handle to 15 characters, never shorter.
            let shown = values.cleanHandle.isEmpty ? values.cleanName : values.cleanHandle
            var key = SuspectText.defang(String(shown.prefix(Fitter.minimumHandle)))
            if shown.count > Fitter.minimumHandle { key = String(key.dropLast()) }
            // The website quotes the suspect's text with markup escaped.
            if channel == .website { key = SuspectText.escapeHTML(key) }
            return !key.isEmpty && text.contains(key)
        case .officialAccounts:
            let others = draft.otherOfficials
            let shown = others.map { [AccountLinks.shownHandle($0), AccountLinks.url($0)] }
            if channel == .website {
                // The council's only account taken over: its accounts page is all there is to point to.
                if others.isEmpty { return draft.kind == .takeover && has(c.accountsLink) }
                return shown.allSatisfy { $0.contains(where: has) }
            }
            return shown.contains { $0.contains(where: has) } || has(c.accountsLink)
                || has(c.accountsLink.map(DraftValues.bareLink))
        case .moneyAdvice:
            // English or Welsh: a bilingual warning is checked one language at a time.
            let lowered = text.lowercased()
            return lowered.contains("money") || Self.containsWord(lowered, "arian")
        case .reportFraud:
            return c.nation == "scotland" ? (has("101") && text.contains("Police Scotland"))
                : (has("0300 123 2040") || has("reportfraud.police.uk"))
        case .clerkContact:
            if has(c.clerk?.phone) || has(c.clerk?.email) { return true }
            let linkWillDo = channel == .x || channel == .bluesky || (c.clerk?.phone == nil && c.clerk?.email == nil)
            return linkWillDo && (has(c.accountsLink) || has(c.accountsLink.map(DraftValues.bareLink)))
        case .impostorLink:
            return has(values.suspectURL)
        case .officialLink:
            // A notice for a platform the council is not on links its accounts page or website instead.
            return has(values.officialLink(on: draft.suspect.platform)) || c.officials.contains { has(AccountLinks.url($0)) }
                || has(c.accountsLink)
        case .evidence:
            return has(DraftDate.timestamp(draft.firstSeen))
        case .idDocuments:
            return text.lowercased().contains("never stores identity documents")
        }
    }

    /// Whether `text` holds `word` standing on its own: "@oakbridge-tc.gov.uk" is not found inside
    /// "clerk@oakbridge-tc.gov.uk", nor "101" inside "1010".
    static func containsWord(_ text: String, _ word: String) -> Bool {
        func joins(_ c: Character) -> Bool { c.isLetter || c.isNumber || "_@-/".contains(c) }
        var rest = text[...]
        while let r = rest.range(of: word) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            let next = after.flatMap { _ in text.index(r.upperBound, offsetBy: 1, limitedBy: text.endIndex) }
                .flatMap { $0 < text.endIndex ? text[$0] : nil }
            let dotJoins = after == "." && (next.map { $0.isLetter || $0.isNumber } ?? false)
            if !(before.map(joins) ?? false) && !(after.map(joins) ?? false) && !dotJoins { return true }
            rest = text[text.index(after: r.lowerBound)...]
        }
        return false
    }
}
