/// The image kinds impostor reads, told apart by their first bytes: a file name or a server's
/// content type is only a claim.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, gif, webp

    public init?(sniffing b: [UInt8]) {
        if b.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if b.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            self = .png
        } else if b.starts(with: Array("GIF8".utf8)) {
            self = .gif
        } else if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            self = .webp
        } else {
            return nil
        }
    }

    public var mimeType: String { "image/" + rawValue }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
}
