import Foundation
import ImpostorCore

/// A person who signs in to the review page of a shared store: a council's clerk, or an administrator
/// of the service who sees every council.
public struct Clerk: Sendable, Hashable {
    public var id: Int64
    /// Lower case; the name decisions are recorded under.
    public var email: String
    public var admin: Bool
    /// The councils (watchlist identities) a clerk who is not an administrator may see.
    public var councils: [String]

    public init(id: Int64, email: String, admin: Bool, councils: [String]) {
        self.id = id
        self.email = email
        self.admin = admin
        self.councils = councils
    }

    public var scope: CouncilScope { admin ? .all : .only(Set(councils)) }
}

/// What a sign-in needs of the store: clerks, their password hashes and sessions, and the failed
/// attempts that throttle guessing. Only the shared (PostgreSQL) store keeps them; a single council's
/// machine is reached on loopback, without a login.
public protocol ClerkStore: Sendable {
    /// Adds a clerk; refused when the address is taken.
    func addClerk(email: String, passwordHash: String, admin: Bool, councils: [String], at now: Date)
        async throws(StoreError) -> Clerk
    func clerks() async throws(StoreError) -> [Clerk]
    /// False when there was no such clerk. Their sessions end with them.
    func removeClerk(email: String) async throws(StoreError) -> Bool
    /// Sets a new password and ends every session of the clerk; false when there is no such clerk.
    func resetPassword(email: String, passwordHash: String, at now: Date) async throws(StoreError) -> Bool
    /// The clerk and their password hash, for checking a sign-in.
    func credentials(email: String) async throws(StoreError) -> (clerk: Clerk, passwordHash: String)?

    /// Keeps a session under the hash of its token (the token itself is only ever in the browser).
    func openSession(tokenHash: String, clerk: Int64, expires: Date, at now: Date) async throws(StoreError)
    /// The clerk a live session belongs to.
    func session(tokenHash: String, at now: Date) async throws(StoreError) -> Clerk?
    func closeSession(tokenHash: String) async throws(StoreError)

    /// Notes a sign-in attempt under each key (an account, an address) before its password is checked.
    func noteSignInAttempt(_ attempt: String, keys: [String], at now: Date) async throws(StoreError)
    /// Attempts since `since` for each key, those in flight included.
    func failedSignIns(keys: [String], since: Date) async throws(StoreError) -> [String: Int]
    /// A successful sign-in: its own attempt is forgotten, and so are the failures under `keys`.
    func signInSucceeded(_ attempt: String, clearing keys: [String]) async throws(StoreError)
}

/// The digest's addressees for a council: its own clerks.
public protocol ClerkDirectory: Sendable {
    func clerkEmails(council: String) async throws(StoreError) -> [String]
}

extension Clerk {
    /// An address as stored: trimmed and lower case. Nil when it is not a plausible e-mail address.
    public static func normalised(email: String) -> String? {
        let e = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard e.count <= 254, let at = e.firstIndex(of: "@"), at != e.startIndex, e.index(after: at) != e.endIndex,
              e.filter({ $0 == "@" }).count == 1, !e.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" })
        else { return nil }
        return e
    }
}
