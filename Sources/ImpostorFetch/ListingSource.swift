import Foundation
import ImpostorCore

/// Profile listings in the `score` input format (JSON lines, a JSON array or CSV), from a file or
/// from URLs: exports, third-party feeds, residents' reports. A bad record is reported with its
/// line and the others are kept.
struct ListingSource: ProfileSource {
    let kind = "listing"
    let location: String
    let paths: [String]
    let urls: [String]
    let concurrency: Int

    init(options: SourceOptions) throws(FetchError) {
        location = options.settings.location
        paths = (try options.strings("path")).map(options.path)
        urls = (try options.strings("url")) + (try options.strings("urls"))
        concurrency = try options.integer("concurrency", default: 8, range: 1...64)
        if paths.isEmpty && urls.isEmpty {
            throw FetchError(.configuration, "\(location): the listing source needs `path` or `url`")
        }
    }

    /// A listing file larger than this is refused rather than read into memory.
    static let maxListingBytes = 256 << 20

    func run(_ context: SourceContext) async -> [Profile] {
        var profiles: [Profile] = []
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try RegularFile.read(path, maxBytes: Self.maxListingBytes)
            } catch {
                context.fail(FetchError(.file, "cannot read the listing: \(error.description)"))
                continue
            }
            context.stats.page()
            let folder = (path as NSString).deletingLastPathComponent
            for var profile in read(String(decoding: bytes, as: UTF8.self), name: path, context: context) {
                // A picture named in a local listing is a file inside the listing's folder.
                if let avatar = profile.avatar, !avatar.isEmpty, !URLParts.isWebAddress(avatar) {
                    do {
                        profile.avatarFile = try RegularFile.resolve(avatar, inside: folder)
                    } catch {
                        profile.avatar = nil
                        context.fail(FetchError(.file, "\(path): the avatar of \(profile.handle.prefix(80)): \(error.description)"))
                    }
                }
                profiles.append(profile)
            }
        }
        profiles = await context.pass(profiles)
        // URLs are fetched `concurrency` at a time and their profiles kept in the order configured.
        var pages = [[Profile]](repeating: [], count: urls.count)
        await withTaskGroup(of: (Int, [Profile]).self) { group in
            var next = 0
            func addNext() {
                guard next < urls.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await fetch(urls[index], context: context)) }
            }
            for _ in 0..<concurrency { addNext() }
            for await (index, found) in group {
                pages[index] = await context.pass(found)
                addNext()
            }
        }
        return profiles + pages.joined()
    }

    private func fetch(_ url: String, context: SourceContext) async -> [Profile] {
        do {
            let response = try await context.session.get(HTTPRequest(url: url), stats: context.stats, cacheNamespace: "listing")
            context.stats.page()
            try SourceContext.requireOK(response, url: url)
            guard !ProfileListing.isUTF16(Array(response.body.prefix(8))) else {
                context.fail(FetchError(.badResponse, "\(FetchError.redact(url)) is UTF-16 text; the listing must be UTF-8"))
                return []
            }
            return read(response.text, name: FetchError.redact(url), context: context)
        } catch {
            context.fail(error)
            return []
        }
    }

    private func read(_ text: String, name: String, context: SourceContext) -> [Profile] {
        let text = ProfileListing.withLineFeeds(text)
        let format = ProfileListing.format(of: text, fileName: name)
        var profiles: [Profile] = []
        for row in ProfileListing.rows(text, format: format) {
            switch row.result {
            case .success(let profile): profiles.append(profile)
            case .failure(let problem):
                context.fail(FetchError(.badResponse, "\(name) line \(row.line): \(problem.message)"))
            }
        }
        return profiles
    }
}
