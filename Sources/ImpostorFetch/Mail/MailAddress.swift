import Foundation

/// A sender as a From line names them.
public struct MailAddress: Sendable, Hashable {
    /// The display name, decoded and on one line; empty when none was given. Impostors put the name of
    /// the person they pretend to be here, so it is kept exactly as decoded.
    public var name: String
    /// `local@domain`, the domain lower-cased; the local part is kept as written.
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}
