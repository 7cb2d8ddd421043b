import CImage
import ImpostorCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes JPEG, PNG, WebP and the first frame of GIF through the system libraries (TurboJPEG,
/// libpng, libwebp, giflib) behind the CImage shim. The format comes from the bytes, never the
/// file name; oversized files and declared sizes are refused before any pixel buffer exists.
public struct ImageDecoder: Sendable {
    /// The most the decoder will accept, so a hostile file cannot exhaust memory.
    public struct Limits: Hashable, Sendable {
        /// Bytes of encoded data.
        public var maxBytes: Int
        /// Declared width × height.
        public var maxPixels: Int

        public init(maxBytes: Int = 20 * 1024 * 1024, maxPixels: Int = 40_000_000) {
            self.maxBytes = maxBytes
            self.maxPixels = maxPixels
        }

        /// For avatars, which come from strangers: platforms serve them at 1080 pixels or less, and a
        /// 16 KB file may declare 6000 × 6000 (hundreds of megabytes once decoded and hashed).
        public static let avatar = Limits(maxBytes: 5 << 20, maxPixels: 4096 * 4096)
    }

    /// The container formats the decoder recognises.
    public enum Format: String, Hashable, Sendable {
        case jpeg, png, webp, gif
    }

    /// What the header says, read without decoding any pixels.
    public struct Header: Hashable, Sendable {
        public var format: Format
        public var width: Int
        public var height: Int
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads the format and declared size, refusing what `limits` forbids.
    public func header(of bytes: [UInt8]) throws(ImageError) -> Header {
        var info = cimage_info()
        try probe(bytes, into: &info)
        return Header(format: Self.format(info.format), width: Int(info.width), height: Int(info.height))
    }

    /// Decodes encoded bytes into RGB pixels, alpha composited onto white.
    public func decode(_ bytes: [UInt8]) throws(ImageError) -> Image {
        var info = cimage_info()
        try probe(bytes, into: &info)
        let width = Int(info.width)
        let height = Int(info.height)
        let count = width * height * 3
        var status: Int32 = 0
        let pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            status = bytes.withUnsafeBufferPointer { data in
                cimage_decode_rgb(data.baseAddress, data.count, &info, buffer.baseAddress, count)
            }
            // On failure the contents are garbage, but they are thrown away below.
            initialised = count
        }
        try Self.check(status, info)
        return Image(width: width, height: height, rgb: pixels)
    }

    /// Reads and decodes a file, refusing it before reading when it is over the byte limit.
    public func decode(contentsOf path: String) throws(ImageError) -> Image {
        try decode(readFile(path))
    }

    /// Reads a whole regular file, checking its size first.
    public func readFile(_ path: String) throws(ImageError) -> [UInt8] {
        do {
            return try RegularFile.read(path, maxBytes: limits.maxBytes)
        } catch {
            throw ImageError(error.isTooLarge ? .fileTooLarge : .unreadable, error.description)
        }
    }

    private func probe(_ bytes: [UInt8], into info: inout cimage_info) throws(ImageError) {
        let status = bytes.withUnsafeBufferPointer { data in
            cimage_probe(data.baseAddress, data.count, limits.maxBytes, Int64(limits.maxPixels), &info)
        }
        try Self.check(status, info)
    }

    /// The one place CImage's status codes become Swift errors.
    private static func check(_ status: Int32, _ info: cimage_info) throws(ImageError) {
        guard status != CIMAGE_OK.rawValue else { return }
        let message = withUnsafeBytes(of: info.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let code: ImageError.Code =
            switch cimage_status(rawValue: UInt32(status)) {
            case CIMAGE_ERR_EMPTY: .empty
            case CIMAGE_ERR_FILE_TOO_LARGE: .fileTooLarge
            case CIMAGE_ERR_UNSUPPORTED: .unsupportedFormat
            case CIMAGE_ERR_TOO_MANY_PIXELS: .tooManyPixels
            case CIMAGE_ERR_NO_MEMORY: .outOfMemory
            default: .corrupt
            }
        throw ImageError(code, message.isEmpty ? "the image could not be decoded" : message)
    }

    private static func format(_ raw: Int32) -> Format {
        switch cimage_format(rawValue: UInt32(raw)) {
        case CIMAGE_FORMAT_JPEG: .jpeg
        case CIMAGE_FORMAT_PNG: .png
        case CIMAGE_FORMAT_WEBP: .webp
        default: .gif
        }
    }
}
