import Foundation
import GRDB
import ImpostorCore

/// One of the council's own accounts, as its watchlist names it.
public struct OfficialKey: Sendable, Hashable {
    public var identity: String
    public var platform: Platform
    public var handle: String

    public init(identity: String, platform: Platform, handle: String) {
        self.identity = identity
        self.platform = platform
        self.handle = platform.canonicalHandle(handle)
    }
}

/// Whether an official account was there the last time it was looked at.
enum OfficialState: String {
    case present
    case gone
}

/// What one look at an official account did.
public enum OfficialOutcome: Sendable, Hashable {
    /// Seen for the first time: it is now the baseline.
    case baseline
    /// As the baseline.
    case unchanged
    /// Changed or gone since the baseline: an alert was raised (or raised again) now.
    case alert(caseID: Int64, changes: [String])
    /// Still as it was when the alert was raised: nothing new to say.
    case alerted(caseID: Int64)
}

extension Store {
    /// Compares an official account with its baseline, the last state the council accepted. The first
    /// sighting becomes the baseline unless the scorer read it as hijacked; a change, or such a reading,
    /// opens a takeover alert (or reopens it), once per new state.
    public func watchOfficial(_ key: OfficialKey, seen o: Observation, run: Int64?, at now: Date = Date())
        throws(StoreError) -> OfficialOutcome
    {
        try write { db in
            var official = try Self.official(key, db: db)
            let known = try official.accountId.flatMap { try AccountRecord.fetchOne(db, key: $0) }
            let holder = try AccountRecord.filter(Column("platform") == key.platform.rawValue && Column("stable_id") == o.profile.id)
                .fetchOne(db)
            let hijack = Self.hijackNote(o)
            var changes: [String] = []
            var account: AccountRecord
            if var known, known.stableId != o.profile.id {
                if known.stableId.hasPrefix(Self.placeholderPrefix) && holder == nil {
                    // Watched before it was ever seen: the placeholder becomes the real account.
                    known.stableId = o.profile.id
                    account = known
                } else {
                    // Another account holds the handle now: the council's was renamed or deleted and
                    // someone took its name. Everything after this compares with the new holder.
                    changes.append("@\(key.handle) now belongs to a different account (id \(o.profile.id.prefix(80)), "
                        + "before \(known.stableId.prefix(80)))")
                    account = try holder ?? Self.newAccount(o.profile, platform: key.platform, now: now, db: db)
                }
            } else {
                account = try known ?? holder ?? Self.newAccount(o.profile, platform: key.platform, now: now, db: db)
            }
            account.lastSeen = now
            if !o.profile.url.isEmpty { account.url = o.profile.url }
            account.goneAt = nil
            account.goneReason = nil
            try account.update(db)
            let (current, _) = try Self.sighting(of: o, account: account.id!, now: now, db: db)
            let wasGone = official.state == OfficialState.gone.rawValue
            official.accountId = account.id
            official.checkedAt = now
            official.state = OfficialState.present.rawValue
            official.alertedGone = false

            let outcome: OfficialOutcome
            if let baselineID = official.baselineSnapshotId, let baseline = try SnapshotRecord.fetchOne(db, key: baselineID) {
                if Self.onlyShortLinksExpanded(from: baseline, to: current) {
                    official.baselineSnapshotId = current.id
                } else {
                    changes += Self.changes(from: baseline, to: current)
                }
                // Beside other changes only: alone, it was there when the clerk accepted this state.
                if let hijack, !changes.isEmpty { changes.append(hijack) }
                if wasGone { changes.insert("the account is back after it had gone", at: 0) }
                outcome = try Self.alert(&official, account: account, changes: changes, key: key, run: run, now: now, db: db)
            } else {
                // A face that already reads as hijacked is no baseline to come back to.
                if let hijack { changes.append(hijack) } else { official.baselineSnapshotId = current.id }
                // Never seen before it went: its return is news, but there is nothing to compare.
                if wasGone { changes.append("the account is back") }
                outcome = changes.isEmpty ? .baseline
                    : try Self.alert(&official, account: account, changes: changes, key: key, run: run, now: now, db: db)
            }
            try official.update(db)
            return outcome
        }
    }

    /// Raises the alert for `changes`, unless the same changes were already raised; clears it when
    /// there are none (the account went back to its baseline).
    static func alert(_ official: inout OfficialAccountRecord, account: AccountRecord, changes: [String], key: OfficialKey,
                      run: Int64?, now: Date, db: Database) throws -> OfficialOutcome {
        guard !changes.isEmpty else {
            official.alertedChanges = nil
            return .unchanged
        }
        // Alerts are told apart by what changed, not by which stored row saw it: a search that finds
        // the account again is not news.
        let said = changes.joined(separator: "; ")
        if official.alertedChanges == said, let id = try caseID(platform: key.platform, stableID: account.stableId, db: db) {
            return .alerted(caseID: id)
        }
        official.alertedChanges = said
        let id = try raiseTakeover(account: account.id!, identity: key.identity, changes: changes, run: run, now: now, db: db)
        return .alert(caseID: id, changes: changes)
    }

    static let placeholderPrefix = "official:"

    static func newAccount(_ p: Profile, platform: Platform, now: Date, db: Database) throws -> AccountRecord {
        var new = AccountRecord(platform: platform.rawValue, stableId: p.id, url: p.url, firstSeen: now, lastSeen: now)
        try new.insert(db)
        return new
    }

    /// The platform says an official account is gone (deleted, suspended, not found): an alert, once.
    public func officialGone(_ key: OfficialKey, reason: String, url: String, run: Int64?, at now: Date = Date())
        throws(StoreError) -> OfficialOutcome
    {
        try write { db in
            var official = try Self.official(key, db: db)
            var account = try official.accountId.flatMap { try AccountRecord.fetchOne(db, key: $0) }
            let neverSeen = account == nil
            if account == nil {
                // The watchlist names an account impostor has never seen: the case needs one to hang on.
                var new = AccountRecord(platform: key.platform.rawValue, stableId: Self.placeholderPrefix + key.handle, url: url,
                                        firstSeen: now, lastSeen: now)
                if let existing = try AccountRecord.filter(Column("platform") == new.platform && Column("stable_id") == new.stableId)
                    .fetchOne(db)
                {
                    new = existing
                } else {
                    try new.insert(db)
                    var face = SnapshotRecord(accountId: new.id!, handle: key.handle, displayName: "", bio: "", url: url,
                                              firstSeen: now, lastSeen: now)
                    try face.insert(db)
                }
                account = new
                official.accountId = new.id
            }
            guard var account else { throw StoreError(.database, "the official account could not be stored") }
            official.checkedAt = now
            official.state = OfficialState.gone.rawValue
            if official.alertedGone, let id = try Self.caseID(platform: key.platform, stableID: account.stableId, db: db) {
                try official.update(db)
                return .alerted(caseID: id)
            }
            account.goneAt = now
            account.goneReason = Redaction.apply(String(reason.prefix(500)))
            try account.update(db)
            official.alertedGone = true
            official.alertedChanges = nil
            let change = neverSeen
                ? "the account could not be found (\(reason.prefix(200))); if its handle in the watchlist is wrong, correct it there"
                : "the account is gone: \(reason.prefix(200))"
            let id = try Self.raiseTakeover(account: account.id!, identity: key.identity, changes: [change], run: run,
                                            now: now, db: db)
            try official.update(db)
            return .alert(caseID: id, changes: [change])
        }
    }

    static func official(_ key: OfficialKey, db: Database) throws -> OfficialAccountRecord {
        if let found = try OfficialAccountRecord.filter(
            Column("identity") == key.identity && Column("platform") == key.platform.rawValue && Column("handle") == key.handle
        ).fetchOne(db) {
            return found
        }
        var new = OfficialAccountRecord(identity: key.identity, platform: key.platform.rawValue, handle: key.handle)
        try new.insert(db)
        return new
    }

    /// Opens the account's takeover alert, or brings it back to the top of the queue.
    static func raiseTakeover(account: Int64, identity: String, changes: [String], run: Int64?, now: Date,
                              db: Database) throws -> Int64 {
        let why = changes.joined(separator: "; ")
        if var c = try CaseRecord.filter(Column("account_id") == account).fetchOne(db) {
            let from = c.status
            c.kind = CaseKind.takeover.rawValue
            c.score = 1
            c.updatedAt = now
            c.status = CaseStatus.new.rawValue
            c.snoozedUntil = nil
            try c.update(db)
            try CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "takeover", fromStatus: from,
                                toStatus: CaseStatus.new.rawValue, reason: why).append(to: db)
            if from != CaseStatus.new.rawValue { try bump(db, run, reopened: 1) }
            return c.id!
        }
        var c = CaseRecord(accountId: account, identity: identity, status: CaseStatus.new.rawValue, score: 1,
                           openedAt: now, updatedAt: now, kind: CaseKind.takeover.rawValue)
        try c.insert(db)
        try CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "takeover",
                            toStatus: CaseStatus.new.rawValue, reason: why).append(to: db)
        try bump(db, run, opened: 1)
        return c.id!
    }

    /// The scorer's reason when an official account's name and bio say what a hijacker posts: news on a
    /// first sighting, which is then no baseline, and beside other changes against one.
    static func hijackNote(_ o: Observation) -> String? {
        o.assessment.reasons.first { $0.signal == .hijacked }?.detail
    }

    /// The clerk said the change was the council's own: the account as it is now is the new baseline.
    static func acceptOfficialState(accountID: Int64, snapshot: Int64?, db: Database) throws {
        try db.execute(sql: """
            UPDATE official_account SET baseline_snapshot_id = coalesce(?, baseline_snapshot_id),
              alerted_changes = NULL WHERE account_id = ?
            """, arguments: [snapshot, accountID])
    }

    /// What differs between the accepted state of an official account and the state seen now, in words
    /// that show before and after. Both sides may be an attacker's text: bounded here, escaped where shown.
    static func changes(from before: SnapshotRecord, to after: SnapshotRecord) -> [String] {
        func shown(_ s: String) -> String { "\"" + (s.count > 160 ? String(s.prefix(159)) + "…" : s) + "\"" }
        var out: [String] = []
        if before.displayName != after.displayName {
            out.append("the name changed from \(shown(before.displayName)) to \(shown(after.displayName))")
        }
        if before.handle.lowercased() != after.handle.lowercased() {
            out.append("the handle changed from @\(before.handle) to @\(after.handle)")
        }
        if avatarChanged(before.avatarHash, after.avatarHash) {
            out.append(after.avatarHash == nil ? "the picture was removed" : "the picture changed")
        }
        let linksBefore = links(in: before.bio), linksAfter = links(in: after.bio)
        if before.bio != after.bio {
            out.append("the bio changed from \(shown(before.bio)) to \(shown(after.bio))")
        }
        let added = linksAfter.subtracting(linksBefore).sorted(), dropped = linksBefore.subtracting(linksAfter).sorted()
        if !added.isEmpty { out.append("new links: \(added.prefix(5).joined(separator: ", "))") }
        if !dropped.isEmpty { out.append("links removed: \(dropped.prefix(5).joined(separator: ", "))") }
        return out
    }

    /// Whether `after` is `before` as impostor now reads X's bios, t.co links as the addresses they stand
    /// for and the website after them, and nothing else changed: a baseline taken before that reading is
    /// taken again, not raised as a takeover.
    static func onlyShortLinksExpanded(from before: SnapshotRecord, to after: SnapshotRecord) -> Bool {
        func words(_ text: String) -> [Substring] {
            text.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("https://") && !$0.hasPrefix("http://") }
        }
        var rest = after
        rest.bio = before.bio
        return before.bio.contains("https://t.co/") && !after.bio.contains("https://t.co/") && words(before.bio) == words(after.bio)
            && changes(from: before, to: rest).isEmpty
    }

    /// The web addresses a bio gives, without scheme, "www." or trailing punctuation, lower-cased.
    static func links(in text: String) -> Set<String> {
        var found: Set<String> = []
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) {
            var w = word.lowercased()
            while let last = w.last, ".,;:!?)]}'".contains(last) { w.removeLast() }
            for scheme in ["https://", "http://"] where w.hasPrefix(scheme) { w.removeFirst(scheme.count) }
            if w.hasPrefix("www.") { w.removeFirst(4) }
            let host = w.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            // A host has a dot and a letter after its last dot: "1.5" and "e.g" (too short) are not links.
            guard let dot = host.lastIndex(of: "."), host.distance(from: dot, to: host.endIndex) > 2,
                host[host.index(after: dot)...].allSatisfy(\.isLetter), !host.contains("@")
            else { continue }
            while w.hasSuffix("/") { w.removeLast() }
            found.insert(w)
        }
        return found
    }
}
