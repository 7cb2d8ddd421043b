import ImpostorCore

extension Drafter {
    /// The Mastodon report for the case, its comment the notice's description (fitted to 1,000).
    ///
    /// `accountID` is the account's id on the council's own server, which the sender resolves first.
    public func mastodonReport(
        for draft: DraftCase, accountID: String, forward: Bool = true, ruleIDs: [Int] = [], statusIDs: [String] = []
    ) throws(DraftError) -> MastodonReport {
        guard draft.suspect.platform == .mastodon else {
            throw DraftError(.wrongPlatform, "the account is on \(draft.suspect.platform), not Mastodon: report it with `impostor notice` instead")
        }
        let id = accountID.trimmingSpaces()
        guard !id.isEmpty else {
            throw DraftError(.missingAccountID,
                             "a Mastodon report needs the account's id on the council's server: resolve \(draft.suspect.handle) there first")
        }
        let notice = notice(for: draft, platform: .mastodon)
        guard notice.fits else {
            throw DraftError(.tooLong, "the report comment is \(notice.descriptionLength) of \(notice.descriptionLimit) "
                             + "even at its shortest: shorten the notice-reason template")
        }
        return MastodonReport(accountID: id, comment: notice.description, ruleIDs: ruleIDs, statusIDs: statusIDs,
                              forward: forward)
    }

    /// The Bluesky report for the case, its reason the notice's description (fitted to 2,000 graphemes).
    public func blueskyReport(for draft: DraftCase, reasonType: BlueskyReport.ReasonType = .impersonation)
        throws(DraftError) -> BlueskyReport
    {
        guard draft.suspect.platform == .bluesky else {
            throw DraftError(.wrongPlatform, "the account is on \(draft.suspect.platform), not Bluesky: report it with `impostor notice` instead")
        }
        let did = SuspectText.clean(draft.suspect.id)
        guard did.hasPrefix("did:"), did.count > 4, !did.contains(" ") else {
            throw DraftError(.missingDID, "the case has no DID for \(draft.suspect.handle) (its id is \"\(did)\"): fetch the profile from Bluesky again")
        }
        let notice = notice(for: draft, platform: .bluesky)
        guard notice.fits else {
            throw DraftError(.tooLong, "the report reason is \(notice.descriptionLength) of \(notice.descriptionLimit) "
                             + "even at its shortest: shorten the notice-reason template")
        }
        return BlueskyReport(reasonType: reasonType, did: did, reason: notice.description)
    }
}
