import ImpostorCore

/// One logo's reference hashes in the forms a copied avatar tends to take (trimmed, round,
/// zoomed in, cut square, top above a banner, turned a little, its negative, a part of it cut out on its own
/// (the emblem of a wordmark), and the eight rotations and mirrors), without
/// saying whose logo it is: what `LogoIndex` enrolls, and what the logo cache keeps per file.
public struct LogoForms: Hashable, Sendable {
    /// Changes whenever the same pixels would give different forms (PDQ, the list of forms or
    /// their names), so that forms cached by an older version are computed again.
    public static let version = 6

    /// The longest side a logo is hashed at. Each form is a copy of the picture: a 6,000-pixel crest took
    /// 870 MB at full size. Twice an avatar's (`AvatarHashes.longestSide`), so that the detail PDQ's filter
    /// keeps in a big logo is still there.
    public static let longestSide = 2048

    /// One enrolled hash.
    public struct Form: Hashable, Sendable {
        /// "whole", "trimmed", "circle", "centre 80%", "whole, mirrored", …
        public var variant: String
        public var kind: LogoIndex.Kind
        public var hash: PerceptualHash

        public init(variant: String, kind: LogoIndex.Kind, hash: PerceptualHash) {
            self.variant = variant
            self.kind = kind
            self.hash = hash
        }
    }

    /// The plain PDQ hash of the logo as it is, as `impostor hash` prints it.
    public var whole: PDQHash
    /// The decoded size in pixels.
    public var width: Int
    public var height: Int
    /// Every distinct form with quality of at least `PDQ.minimumUsefulQuality`; empty when the
    /// logo is too flat to match on.
    public var forms: [Form]

    /// True when no form of the logo had enough detail: it can never match.
    public var isFlat: Bool { forms.isEmpty }

    /// Forms already computed, for instance read back from a cache.
    public init(whole: PDQHash, width: Int, height: Int, forms: [Form]) {
        self.whole = whole
        self.width = width
        self.height = height
        self.forms = forms
    }

    /// Hashes a decoded logo in every form.
    public init(_ decoded: Image) {
        let image = decoded.shrunk(toLongSide: Self.longestSide)
        var forms: [Form] = []
        var seen = Set<PerceptualHash>()
        let workspace = PDQWorkspace()
        func enroll(_ variant: String, _ kind: LogoIndex.Kind, _ hash: PerceptualHash, quality: Int) {
            guard quality >= PDQ.minimumUsefulQuality, seen.insert(hash).inserted else { return }
            forms.append(Form(variant: variant, kind: kind, hash: hash))
        }
        @discardableResult
        func enrollAll(_ variant: String, _ kind: LogoIndex.Kind, _ picture: Image, dihedral: Bool = false) -> PDQHash {
            let spectrum = PDQ.spectrum(of: picture, workspace: workspace)
            let hash = spectrum.hash()
            enroll(variant, kind, hash, quality: spectrum.quality)
            guard dihedral else { return PDQHash(hash: hash, quality: spectrum.quality) }
            // Rotated and mirrored copies: extra references, compared by minimum distance. Hashed from moved pixels:
            // the variants PDQ derives from the coefficients missed a mirrored wordmark.
            for symmetry in Dihedral.allCases.dropFirst() {
                let turned = PDQ.spectrum(of: picture.transformed(symmetry), workspace: workspace)
                enroll("\(variant), \(symmetry.label)", kind, turned.hash(), quality: turned.quality)
            }
            return PDQHash(hash: hash, quality: spectrum.quality)
        }
        let trimmed = image.trimmed()
        let whole = enrollAll("whole", .full, image, dihedral: true)
        enrollAll("trimmed", .full, trimmed, dihedral: true)
        enrollAll("circle", .full, trimmed.circleMasked(outside: .white))
        // A crest pasted askew, a little either way: PDQ tells a picture turned 7° from its original.
        for degrees in [-12, -9, -6, -3, 3, 6, 9, 12] {
            enrollAll("trimmed, turned \(degrees)°", .full, trimmed.turned(by: Double(degrees), filling: .white).trimmed())
        }
        // Its negative, on a dark background: PDQ's bits all change when light and dark swap.
        enrollAll("trimmed, inverted", .full, trimmed.inverted())
        enrollAll("circle, inverted", .full, trimmed.circleMasked(outside: .white).inverted())
        // A part that stands apart, cut out for a square avatar: the emblem of a wordmark, the badge beside a name.
        // Only of a wide or tall logo, whose square avatar must leave something out: the parts of a square one are
        // plain shapes that look like too many other pictures.
        let area = trimmed.width * trimmed.height
        let (content, _) = image.trimmedContent()
        let long = max(content.width, content.height) * 2 >= min(content.width, content.height) * 3
        for (n, box) in (long ? trimmed.squarishRegions(limit: 2) : []).enumerated() where box.width * box.height * 10 < area * 7 {
            let part = trimmed.cropped(to: box).trimmed()
            enrollAll("part \(n + 1)", .full, part)
            enrollAll("part \(n + 1) circle", .full, part.paddedToSquare(with: .white).circleMasked(outside: .white))
        }
        for zoom in [0.8, 0.65] {
            let centre = trimmed.centreCrop(zoom)
            let percent = Int(zoom * 100)
            enrollAll("centre \(percent)%", .full, centre)
            enrollAll("circle \(percent)%", .full, centre.circleMasked(outside: .white))
        }
        // Platforms make avatars square by cutting the middle out of wide or tall logos.
        for (name, source) in [("square", image), ("trimmed square", content)] where source.width != source.height {
            let square = source.centreCrop(1)
            enrollAll(name, .full, square)
            enrollAll("\(name) circle", .full, square.circleMasked(outside: .white))
        }
        // A round avatar shown on a page of its own background colour: only what lies inside
        // the circle can be told from the page, so a screenshot's region is trimmed to that.
        let roundOnPage = image.centreCrop(1).circleMasked(outside: .white).trimmed()
        enrollAll("square circle, trimmed", .full, roundOnPage)
        enrollAll("square circle, trimmed thumbnail", .thumbnail, roundOnPage.shrunk(toWidth: 64, height: 64))
        enrollAll("thumbnail", .thumbnail, image.shrunk(toWidth: 64, height: 64))
        enrollAll("trimmed thumbnail", .thumbnail, trimmed.shrunk(toWidth: 64, height: 64))
        enrollAll("top 75%", .top, image.top(LogoIndex.topFraction))
        enrollAll("trimmed top 75%", .top, trimmed.top(LogoIndex.topFraction))
        self.init(whole: whole, width: decoded.width, height: decoded.height, forms: forms)
    }
}
