import ImpostorCore

/// The PDQ hashes of a watchlist's logos, each enrolled in the forms a copied avatar tends to
/// take (see `LogoForms`), so one avatar can be checked against every council's logos by
/// minimum distance.
public struct LogoIndex: Sendable {
    /// Bits apart at or below which an avatar counts as a copy of a logo. Meta recommends 31 for
    /// one hash against one hash; this index compares several avatar forms with about 28
    /// forms of each logo, which multiplies the chances of a chance match, so the threshold is
    /// lower. Measured on 1,000 distinct clip-art logos (Benchmarks/imaging/RESULTS.md).
    public static let matchThreshold = 28

    /// The share of rows kept for banner-proof "top" forms.
    public static let topFraction = 0.75

    /// Which avatar forms a reference may be compared with.
    public enum Kind: String, Hashable, Sendable {
        /// The whole picture (after any trim or crop).
        case full
        /// Only the top rows, for copies with a banner across the bottom.
        case top
        /// Area-averaged to 64×64 first, so every size of copy is resampled the same way
        /// (PDQ's own filter does nothing below 128 px and small copies alias).
        case thumbnail
    }

    /// One enrolled hash of one logo.
    public struct Reference: Hashable, Sendable {
        public var identity: String
        public var logo: String
        /// "whole", "trimmed", "circle", "centre 80%", "whole, mirrored", …
        public var variant: String
        public var kind: Kind
        public var hash: PerceptualHash
    }

    /// A logo too flat to hash usefully (PDQ quality under 50): it can never match.
    public struct FlatLogo: Hashable, Sendable {
        public var identity: String
        public var logo: String
        public var quality: Int
    }

    /// Every enrolled hash.
    public private(set) var references: [Reference] = []
    /// Logos left out because their quality was too low; `impostor check` should warn about them.
    public private(set) var flatLogos: [FlatLogo] = []

    /// An empty index.
    public init() {}

    /// Reads, decodes and enrolls each logo file. The first file that cannot be decoded stops
    /// the load, with the file named in the error's reason.
    public init(
        logos: [(identity: String, logo: String, path: String)], decoder: ImageDecoder = ImageDecoder()
    ) throws(ImageError) {
        for entry in logos {
            let image: Image
            do {
                image = try decoder.decode(contentsOf: entry.path)
            } catch {
                throw ImageError(error.code, "\(entry.path): \(error.reason)")
            }
            add(identity: entry.identity, logo: entry.logo, image: image)
        }
    }

    /// Enrolls already-decoded logos.
    public init(logos: [(identity: String, logo: String, image: Image)]) {
        for entry in logos { add(identity: entry.identity, logo: entry.logo, image: entry.image) }
    }

    /// Enrolls one logo in all its forms.
    public mutating func add(identity: String, logo: String, image: Image) {
        add(identity: identity, logo: logo, forms: LogoForms(image))
    }

    /// Enrolls one logo whose forms are already computed (or were read from a cache).
    public mutating func add(identity: String, logo: String, forms: LogoForms) {
        guard !forms.isFlat else {
            flatLogos.append(FlatLogo(identity: identity, logo: logo, quality: forms.whole.quality))
            return
        }
        for form in forms.forms {
            references.append(
                Reference(identity: identity, logo: logo, variant: form.variant, kind: form.kind, hash: form.hash))
        }
    }

    /// The logos an avatar copies: at most one match per identity and logo (its nearest form),
    /// nearest first. Avatar forms below PDQ's quality floor are never compared.
    public func matches(avatar: AvatarHashes, threshold: Int = matchThreshold) -> [LogoMatch] {
        var best: [String: LogoMatch] = [:]
        let forms = avatar.forms.filter { $0.hash.isUseful }
        guard !forms.isEmpty else { return [] }
        for reference in references {
            for form in forms where form.kind == reference.kind {
                let distance = reference.hash.distance(to: form.hash.hash)
                guard distance <= threshold else { continue }
                let key = reference.identity + "\u{0}" + reference.logo
                if let current = best[key], current.distance <= distance { continue }
                let variant = form.name == "whole" ? reference.variant : "\(reference.variant) (avatar \(form.name))"
                best[key] = LogoMatch(
                    identity: reference.identity, logo: reference.logo, distance: distance, variant: variant)
            }
        }
        return best.values.sorted {
            ($0.distance, $0.identity, $0.logo) < ($1.distance, $1.identity, $1.logo)
        }
    }

    /// Hashes a decoded avatar and matches it.
    public func matches(avatar: Image, threshold: Int = matchThreshold) -> [LogoMatch] {
        matches(avatar: AvatarHashes(avatar), threshold: threshold)
    }
}
