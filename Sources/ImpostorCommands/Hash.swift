import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorImaging

extension Impostor {
    /// `impostor hash FILE…`: the PDQ hash and quality of each image, one line per file.
    struct Hash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prints the PDQ perceptual hash and quality of each image (JPEG, PNG, WebP, GIF).",
            discussion: """
                Quality below \(PDQ.minimumUsefulQuality) means the picture is too flat to match on. \
                A file that cannot be decoded prints an error and the others still print; \
                the exit status is then 1.
                """
        )

        @Argument(help: "Image files to hash.")
        var files: [String]

        @Flag(help: "Print one JSON object per file instead of text.")
        var json = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Give at least one image file.") }
        }

        func run() async throws {
            let decoder = ImageDecoder()
            var failures = 0
            for file in files {
                let line: Line
                do {
                    let image = try decoder.decode(contentsOf: file)
                    let result = PDQ.hash(image)
                    line = Line(
                        file: file, pdq: result.hash.hex, quality: result.quality, width: image.width,
                        height: image.height, error: nil, reason: nil)
                } catch {
                    failures += 1
                    line = Line(
                        file: file, pdq: nil, quality: nil, width: nil, height: nil, error: error.code.rawValue,
                        reason: error.reason)
                }
                emit(line)
            }
            if failures > 0 { throw ExitCode(1) }
        }

        /// One file's outcome, as printed.
        struct Line: Encodable {
            var file: String
            var pdq: String?
            var quality: Int?
            var width: Int?
            var height: Int?
            var error: String?
            var reason: String?
        }

        private func emit(_ line: Line) {
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = (try? encoder.encode(line)) ?? Data("{}".utf8)
                // A file name is anyone's: its marks of direction are escaped, as `score` escapes a profile's.
                print(String(decoding: data, as: UTF8.self).escapingForTerminals())
            } else if let pdq = line.pdq, let quality = line.quality {
                print("pdq:\(pdq) quality=\(quality)  \(Terminal.safe(line.file))")
            } else {
                var stderr = StandardError()
                print("impostor hash: \(Terminal.safe(line.file)): \(Terminal.message(line.reason ?? "cannot decode"))", to: &stderr)
            }
        }
    }
}

/// Standard error as a `TextOutputStream`, so per-file errors stay off stdout.
private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
