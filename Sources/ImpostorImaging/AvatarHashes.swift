/// One avatar hashed in the forms a copy of a logo may need before it lines up with the
/// original: as is, with margins and frames trimmed, with a round frame's corners whitened,
/// the biggest squarish region of a screenshot, and the top three quarters (above a banner).
public struct AvatarHashes: Hashable, Sendable {
    /// One way of looking at the avatar.
    public struct Form: Hashable, Sendable {
        /// "whole", "trimmed", "round", "region", "top 75%", …
        public var name: String
        /// Whether it compares with whole-logo references or with top-crop references.
        public var kind: LogoIndex.Kind
        public var hash: PDQHash
    }

    /// Every form, useful or not; matching skips those below PDQ's quality floor.
    public var forms: [Form]

    /// The longest side an avatar is hashed at: PDQ reads a picture at 64 × 64, and each form below is
    /// a copy, so a big picture is shrunk once first rather than copied at full size.
    public static let longestSide = 1024

    /// Hashes a decoded avatar in every form.
    public init(_ image: Image) {
        let image = image.shrunk(toLongSide: Self.longestSide)
        var forms: [Form] = []
        let workspace = PDQWorkspace()
        func add(_ name: String, _ kind: LogoIndex.Kind, _ picture: Image) {
            let hash = PDQ.hash(picture, workspace: workspace)
            if !forms.contains(where: { $0.kind == kind && $0.hash == hash }) {
                forms.append(Form(name: name, kind: kind, hash: hash))
            }
        }
        add("whole", .full, image)
        let trimmed = image.trimmed()
        add("trimmed", .full, trimmed)
        if let round = trimmed.roundFrameWhitened() { add("round", .full, round) }
        // A screenshot: the biggest squarish thing on the page, unless it is most of the
        // picture. Only the biggest, because smaller things inside a picture are usually details
        // of it (a figure on a playing card), and hashing details invites chance matches.
        let area = image.width * image.height
        if let box = image.squarishRegions(limit: 1).first, box.width * box.height * 10 < area * 7,
            case let region = image.cropped(to: box).trimmed(), region != trimmed
        {
            // (Often the region is the trimmed avatar itself: then its forms are already there.)
            add("region", .full, region)
            if let round = region.roundFrameWhitened() { add("region round", .full, round) }
            // Resampled the same way as the logo's thumbnails, whatever size the page shows it at.
            add("region thumbnail", .thumbnail, region.shrunk(toWidth: 64, height: 64))
        }
        add("thumbnail", .thumbnail, image.shrunk(toWidth: 64, height: 64))
        add("trimmed thumbnail", .thumbnail, trimmed.shrunk(toWidth: 64, height: 64))
        add("top 75%", .top, image.top(LogoIndex.topFraction))
        add("trimmed top 75%", .top, trimmed.top(LogoIndex.topFraction))
        self.forms = forms
    }

    /// Reads, decodes and hashes an avatar file.
    public init(contentsOf path: String, decoder: ImageDecoder = ImageDecoder(limits: .avatar)) throws(ImageError) {
        self.init(try decoder.decode(contentsOf: path))
    }

    /// The plain PDQ hash of the avatar as is.
    public var whole: PDQHash { forms[0].hash }

    /// False when even the avatar as is was too flat to match on.
    public var isUseful: Bool { forms.contains { $0.hash.isUseful } }
}

extension Image {
    /// A square picture whose corners outside the inscribed circle share one non-white colour
    /// (a round avatar on a page or a dark frame) with those corners painted white, the way
    /// logo references are masked; nil when the corners are not such a frame.
    func roundFrameWhitened() -> Image? {
        guard width == height, width >= 16 else { return nil }
        let c = Double(width) / 2
        let outer = c * c
        var samples: [Int] = []
        for y in stride(from: 0, to: height, by: 2) {
            let dy = Double(y) + 0.5 - c
            for x in stride(from: 0, to: width, by: 2) {
                let dx = Double(x) + 0.5 - c
                // Only clearly outside the circle, clear of anti-aliased edges.
                if dx * dx + dy * dy > outer * 1.1 { samples.append(3 * (y * width + x)) }
            }
        }
        guard samples.count >= 8 else { return nil }
        let first = samples[0]
        let colour = RGB(rgb[first], rgb[first + 1], rgb[first + 2])
        guard colour != .white, difference(at: first, from: .white) > 48 else { return nil }
        let close = samples.filter { difference(at: $0, from: colour) <= 48 }.count
        guard close * 100 >= samples.count * 90 else { return nil }
        return circleMasked(outside: .white)
    }
}
