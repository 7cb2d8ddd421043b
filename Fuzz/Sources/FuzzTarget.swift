#if canImport(Glibc)
import Glibc
#endif
import ImpostorCore
import ImpostorFetch
import ImpostorImaging
import ImpostorText

/// The readers that take text or bytes from strangers, one fuzz target each. A target only has to
/// return: a crash, a hang or a memory error is the finding.
enum FuzzTarget: String, CaseIterable {
    case fold, jsonl, json, csv, council, settings, html, image, mail

    /// Chosen by `IMPOSTOR_FUZZ_TARGET`: libFuzzer keeps the command line for its own flags.
    static var selected: FuzzTarget? {
        guard let name = getenv("IMPOSTOR_FUZZ_TARGET") else { return nil }
        return FuzzTarget(rawValue: String(cString: name))
    }

    static let folder = try! Folder()
    /// Small limits, so the fuzzer spends its time in the decoders rather than in huge allocations.
    static let decoder = ImageDecoder(limits: .init(maxBytes: 1 << 20, maxPixels: 4_000_000))

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .fold:
            _ = Self.folder.fold(text).compact
        case .jsonl: _ = ProfileListing.rows(text, format: .jsonLines)
        case .json: _ = ProfileListing.rows(text, format: .jsonArray)
        case .csv: _ = ProfileListing.rows(text, format: .csv)
        case .council: _ = WatchlistLoader.parseCouncil(id: "fuzz", text: text, directory: "/nonexistent")
        case .settings: _ = WatchlistLoader.parseSettings(text: text)
        case .html: _ = HTML.text(text)
        case .image:
            if let image = try? Self.decoder.decode(bytes) { _ = AvatarHashes(image) }
        case .mail:
            if let mail = try? ReceivedMail(parsing: bytes) { _ = mail.links.compactMap(ProfileAddress.init(url:)) }
        }
    }
}
