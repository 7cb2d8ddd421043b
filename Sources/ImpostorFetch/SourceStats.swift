import Synchronization

/// Counters one source fills while it runs; read once at the end for its summary.
public final class SourceStats: Sendable {
    private struct Counts {
        var pages = 0
        var waits = 0
        var waited: Duration = .zero
    }

    private let counts = Mutex(Counts())
    private let onPage: (@Sendable (Int) -> Void)?

    /// `onPage` receives the page count after each page, for a progress display.
    public init(onPage: (@Sendable (Int) -> Void)? = nil) {
        self.onPage = onPage
    }

    /// Counts one page or document fetched.
    public func page() {
        let pages = counts.withLock { c -> Int in
            c.pages += 1
            return c.pages
        }
        onPage?(pages)
    }

    /// Counts one pause made to honour a rate limit.
    public func wait(_ duration: Duration) {
        counts.withLock {
            $0.waits += 1
            $0.waited += duration
        }
    }

    public var pages: Int { counts.withLock { $0.pages } }
    public var waits: Int { counts.withLock { $0.waits } }
    public var waited: Duration { counts.withLock { $0.waited } }
}
