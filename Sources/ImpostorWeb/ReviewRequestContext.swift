import Hummingbird
import ImpostorStore
import NIOCore

/// Who is looking at the page, and so which councils' cases they may see and decide.
public struct Viewer: Sendable, Hashable {
    /// The name decisions are recorded under: the clerk's e-mail address, or on a single council's
    /// machine the name typed at the password prompt or the operating-system user.
    public var name: String
    public var scope: CouncilScope
    /// True when the viewer signed in with a session (and so can sign out).
    public var signedIn: Bool

    public init(name: String, scope: CouncilScope, signedIn: Bool) {
        self.name = name
        self.scope = scope
        self.signedIn = signedIn
    }
}

/// The review page's request context: Hummingbird's core, the peer's address (the sign-in throttle
/// counts failures per address), and the viewer a session named.
public struct ReviewRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public var viewer: Viewer?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        viewer = nil
    }

    /// The peer's IP address as text, for the throttle; "unknown" when there is none.
    var peer: String {
        remoteAddress?.ipAddress ?? remoteAddress?.pathname ?? "unknown"
    }
}
