import Foundation
import ImpostorCore
import TestScratch
import Testing

@Suite struct RegularFileTests {
    let folder = Scratch.path("regular-file")

    init() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/listing/pictures", withIntermediateDirectories: true)
        try Data("picture".utf8).write(to: URL(fileURLWithPath: folder + "/listing/pictures/a.png"))
        try Data("outside".utf8).write(to: URL(fileURLWithPath: folder + "/outside.png"))
        try fm.createSymbolicLink(atPath: folder + "/listing/out.png", withDestinationPath: folder + "/outside.png")
        try fm.createSymbolicLink(atPath: folder + "/listing/in.png", withDestinationPath: "pictures/a.png")
        try fm.createSymbolicLink(atPath: folder + "/listing/up", withDestinationPath: folder)
    }

    @Test func namesInsideTheFolderResolve() throws {
        let root = try #require(RegularFile.realPath(folder + "/listing"))
        #expect(try RegularFile.resolve("pictures/a.png", inside: folder + "/listing") == root + "/pictures/a.png")
        #expect(try RegularFile.resolve("./pictures//a.png", inside: folder + "/listing") == root + "/pictures/a.png")
        // A link that stays inside is followed.
        #expect(try RegularFile.resolve("in.png", inside: folder + "/listing") == root + "/pictures/a.png")
    }

    @Test(arguments: ["../outside.png", "pictures/../../outside.png", "out.png", "up/outside.png", "/etc/passwd",
                      "pictures", "missing.png", "", "/dev/zero"])
    func namesThatLeaveTheFolderOrAreNoFileAreRefused(_ name: String) {
        #expect(throws: RegularFile.Problem.self) { try RegularFile.resolve(name, inside: folder + "/listing") }
    }

    @Test func anAbsolutePathIsReadOnlyInsideAnAllowedFolder() throws {
        let a = folder + "/listing/pictures/a.png"
        #expect(try RegularFile.resolve(a, inside: folder + "/elsewhere", alsoInside: [folder + "/listing"]) != "")
        #expect(throws: RegularFile.Problem.self) {
            try RegularFile.resolve(folder + "/outside.png", inside: folder + "/listing", alsoInside: [folder + "/listing/pictures"])
        }
    }

    @Test func pipesDevicesAndFoldersAreRefusedWithoutWaiting() throws {
        #expect(mkfifo(folder + "/pipe", 0o600) == 0)
        for path in [folder + "/pipe", "/dev/zero", folder] {
            #expect(throws: RegularFile.Problem.self) { try RegularFile.read(path, maxBytes: 1 << 20) }
        }
        let big = try #require(throws: RegularFile.Problem.self) { try RegularFile.read(folder + "/outside.png", maxBytes: 3) }
        #expect(big.isTooLarge)
        #expect(try RegularFile.read(folder + "/outside.png", maxBytes: 100) == Array("outside".utf8))
    }

    @Test func relativePathsBecomeAbsolute() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(RegularFile.absolute("watchlist") == cwd + "/watchlist")
        #expect(RegularFile.absolute("./watchlist/") == cwd + "/watchlist")
        #expect(RegularFile.absolute("/srv//impostor/./watchlist") == "/srv/impostor/watchlist")
    }
}

@Suite struct RedactionTests {
    @Test func everyFormOfARegisteredSecretIsTakenOut() {
        let secret = "k3y/with+odd=chars&more-\(UUID().uuidString)"
        let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let lowerHex = encoded.replacing(/%[0-9A-F]{2}/) { $0.output.lowercased() }
        #expect(Redaction.apply("key=\(secret)").contains(secret), "not yet registered")
        Redaction.register(secret)
        for text in ["GET /search?key=\(encoded)&q=x", "GET /search?key=\(lowerHex)",
                     #"{"echo":"\#(secret.replacingOccurrences(of: "/", with: "\\/"))"}"#, "Bearer \(secret)"] {
            let out = Redaction.apply(text)
            #expect(out.contains("[redacted]"), "\(text)")
            #expect(!out.contains(secret) && !out.contains(encoded) && !out.contains(lowerHex), "\(out)")
        }
        // Other tests register secrets of their own in the same process ("secret" among them).
        let plain = "nothing to hide \(UUID().uuidString)"
        #expect(Redaction.apply(plain) == plain)
    }

    @Test func shortValuesAreNotSecrets() {
        Redaction.register("abc")
        #expect(Redaction.apply("abc abcdef") == "abc abcdef")
    }
}
