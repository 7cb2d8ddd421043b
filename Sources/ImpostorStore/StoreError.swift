import GRDB

/// A store failure: a code to match on and a reason a person can act on.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case cannotOpen = "cannot_open"
        case busy
        case corrupt
        case readOnly = "read_only"
        case notFound = "not_found"
        case invalidDecision = "invalid_decision"
        /// The thing to add is there already (a user's address).
        case exists
        case database
    }

    public var code: Code
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }

    static func wrapping(_ error: DatabaseError, doing what: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            StoreError(.busy, "could not \(what): the database stayed locked by another process; try again")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            StoreError(.corrupt, "could not \(what): the file is damaged or is not an impostor database (\(error.message ?? "corrupt"))")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            StoreError(.readOnly, "could not \(what): no permission to write there (\(error.message ?? "read-only"))")
        default:
            StoreError(.database, "could not \(what): \(error.message ?? "\(error)")")
        }
    }
}
