/// The council's own accounts that `impostor notice --submit` reports through, from the council
/// file's `[reporting]` table. Only the paths of the secret files are kept, never the secrets.
///
///     [reporting]
///     mastodon_token_file = "/etc/impostor/secrets/oakbridge-mastodon-token"
///     bluesky_app_password_file = "/etc/impostor/secrets/oakbridge-bluesky-app-password"
///
/// The accounts default to the council's first `[[official]]` Mastodon and Bluesky accounts.
public struct ReportingAccounts: Hashable, Sendable, Codable {
    /// The council's Mastodon account ("@oakbridge@mastodon.social"), when not its official one.
    public var mastodonAccount: String?
    /// The server's web address when it is not the account's domain ("https://social.example.org").
    public var mastodonServer: String?
    /// A file whose first line is that account's access token (scopes `read:search` and `write:reports`).
    public var mastodonTokenFile: String?
    /// The council's Bluesky handle or DID, when not its official one.
    public var blueskyAccount: String?
    /// A file whose first line is an app password for that account (Settings → Privacy and security → App passwords).
    public var blueskyAppPasswordFile: String?
    /// The PDS the account lives on; `https://bsky.social` serves every account Bluesky hosts.
    public var blueskyService: String?
    /// The moderation service reports go to, as `did#service` (default: Bluesky's own).
    public var blueskyModerationService: String?

    public init() {}
}

extension Identity {
    /// The account reports on `platform` go through: the `[reporting]` one, else the first official one.
    public func reportingAccount(on platform: Platform) -> String? {
        let explicit: String? = switch platform {
        case .mastodon: reporting?.mastodonAccount
        case .bluesky: reporting?.blueskyAccount
        default: nil
        }
        return explicit ?? officials.first { $0.platform == platform }?.handle
    }
}
