import ImpostorCore

/// The sources one run fetches, built from a watchlist's `[[source]]` entries.
public struct FetchPlan: Sendable {
    public var sources: [any ProfileSource]
    /// Entries that could not be built (a missing key, an unreadable key file): failed summaries,
    /// so they show in the report while the other sources run.
    public var problems: [SourceSummary]

    public init(sources: [any ProfileSource], problems: [SourceSummary] = []) {
        self.sources = sources
        self.problems = problems
    }

    /// Builds every entry of `watchlist`, or only those of `kind`.
    public static func make(watchlist: Watchlist, kind: String? = nil) -> FetchPlan {
        let queries = QueryPlanner.queries(for: watchlist.identities)
        var plan = FetchPlan(sources: [])
        for entry in watchlist.settings.sources where kind == nil || entry.kind == kind {
            let options = SourceOptions(settings: entry, directory: watchlist.directory)
            do {
                plan.sources.append(try source(options, queries: queries, identities: watchlist.identities))
            } catch {
                plan.problems.append(SourceSummary(kind: entry.kind, location: entry.location, errors: [error]))
            }
        }
        return plan
    }

    private static func source(_ options: SourceOptions, queries: [String], identities: [Identity]) throws(FetchError)
        -> any ProfileSource
    {
        switch options.settings.kind {
        case "bluesky": return try BlueskySource(options: options, queries: queries, identities: identities)
        case "mastodon": return try MastodonSource(options: options, queries: queries, identities: identities)
        case "youtube": return try YouTubeSource(options: options, queries: queries, identities: identities)
        case "x": return try XSource(options: options, identities: identities)
        case "instagram": return try InstagramSource(options: options, identities: identities)
        case "facebook": return try FacebookSource(options: options, identities: identities)
        case "listing": return try ListingSource(options: options)
        case "link": return try LinkSource(options: options)
        case "websearch": return try WebSearchSource(options: options, identities: identities)
        default:
            throw FetchError(.configuration, "\(options.settings.location): unknown source kind \"\(options.settings.kind)\"")
        }
    }
}
