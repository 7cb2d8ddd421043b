import Foundation
import TestScratch
import ImpostorImaging
import ImpostorStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The review page in a real browser: headless Chromium, driven by Browser/review_walk.py, against the real
/// `impostor serve` binary on 127.0.0.1. The walk reports what the browser saw; this test judges it.
@Suite(.serialized) struct BrowserTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("impostor").path
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Browser/review_walk.py").path
    static let note = "Same crest as ours; reported by a resident <b>today</b>"

    @Test(.timeLimit(.minutes(10)))
    func aClerkConfirmsACaseAndProfileTextStaysText() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "no impostor binary at \(Self.binary)")
        let f = try ReviewFixture()
        let confirm = f.cases["plain"]!
        let (serve, port) = try await Self.startServe(f)
        defer { serve.stop() }

        let walk = try ChildProcess(
            "/usr/bin/env",
            [Python.interpreter, "-B", Self.driver, "--base", "http://127.0.0.1:\(port)", "--confirm", "\(confirm)",
             "--payload", "\(f.cases["payload"]!)", "--long", "\(f.cases["long"]!)", "--note", Self.note, "--out", f.folder.path],
            output: f.folder.path + "/walk.json", errors: f.folder.path + "/walk.log", parentDeath: "TERM")
        defer { walk.stop() }
        let status = await walk.wait(timeout: .seconds(480))
        try #require(status != nil, "the browser walk did not finish in 8 minutes: \(walk.log)")
        let output = try Data(contentsOf: URL(fileURLWithPath: walk.output))
        try #require(status == 0, "the walk failed: \(String(decoding: output, as: UTF8.self)) \(walk.log)")
        let seen = try JSONDecoder().decode(Walk.self, from: output)
        Self.keepScreenshots(from: f.folder.path)

        // The dialog listener works (the probe page's alert was caught), and no page of ours raised one.
        #expect(seen.probeDialogs == ["probe"])
        #expect(seen.dialogs == [])

        // The queue, and a real click through to the case.
        #expect(seen.queue.title == "Accounts to review · impostor")
        #expect(seen.queue.links.map(\.href).contains("/cases/\(confirm)"))
        #expect(seen.queue.links.map(\.text).contains(Payload.scriptName))
        #expect(seen.queue.counts.contains("New 4"))
        #expect(seen.afterClick == "/cases/\(confirm)")

        // The decision went through the browser's own form POST, with its CSRF cookie.
        #expect(seen.confirmChecked)
        #expect(seen.noteValue == Self.note)
        #expect(seen.afterSubmit.url == "/cases/\(confirm)?done=1", "\(seen.afterSubmit.heading): \(seen.afterSubmit.message ?? "")")
        #expect(seen.afterSubmit.notice == "Your decision is recorded.")
        #expect(seen.afterSubmit.status == "Confirmed impersonation")
        let detail = try #require(try f.store.caseDetail(confirm))
        #expect(detail.summary.status == .confirmed)
        let last = try #require(detail.events.last)
        #expect(last.action == "confirm" && last.toStatus == .confirmed)
        #expect(last.actor == Self.loginName())
        #expect(last.note == Self.note)

        // Names and bios holding markup and script are text in the DOM; nothing of theirs became an element.
        #expect(seen.payload.h1 == Payload.scriptName)
        #expect(seen.payload.handle == "@" + Payload.imageHandle)
        #expect(seen.payload.bio == "Official [U+202E]licnuoC nwoT[U+202C] news[U+200B][U+200B] <b>bold</b> & 'quoted' <a href=javascript:alert(1)>x</a>")
        #expect(seen.payload.scripts == 0)
        #expect(seen.payload.injectedImages == 0)
        #expect(seen.payload.eventAttributes == 0)
        #expect(Set(seen.payload.hiddenMarks) == ["[U+202E]", "[U+202C]", "[U+200B]"])

        // WCAG basics: every control labelled, text contrast AA, keyboard focus visible from the skip link on.
        #expect(seen.queueUnlabelled == [] && seen.caseUnlabelled == [])
        #expect(seen.queueLowContrast == [], "\(seen.queueLowContrast)")
        #expect(seen.caseLowContrast == [], "\(seen.caseLowContrast)")
        #expect(seen.queueFirstTab.cls == "skip")
        #expect(seen.caseTabs.first?.cls == "skip")
        let ids = seen.caseTabs.map(\.id)
        #expect(ids.contains("d-confirm") && ids.contains("note"))
        #expect(seen.caseTabs.last?.tag == "button")
        for focus in seen.caseTabs { #expect(focus.outline != "none", "no visible focus on \(focus)") }

        // A phone: no page scrolls sideways.
        #expect(seen.phone.count == 5)
        for (page, size) in seen.phone.sorted(by: { $0.key < $1.key }) {
            #expect(size.scrollWidth <= size.clientWidth, "\(page) overflows a 390 px screen: \(size)")
        }

        // The screenshot of the case page is a real picture.
        try Self.checkScreenshot(seen.screenshot)
    }

    /// `impostor serve` on a free port, once it accepts connections (three tries, in case a port is taken).
    /// With `directory`, it runs there and is given the watchlist as a path relative to it.
    static func startServe(_ f: ReviewFixture, directory: String? = nil, extra: [String] = []) async throws
        -> (ChildProcess, Int)
    {
        var logs: [String] = []
        let watchlist = directory.map { relativePath(ReviewFixture.watchlistDirectory, from: $0) }
            ?? ReviewFixture.watchlistDirectory
        for attempt in 1...3 {
            let port = try ChildProcess.freePort()
            let serve = try ChildProcess(
                binary, ["serve", "--watchlist", watchlist, "--db", f.store.path!, "--listen", "127.0.0.1:\(port)"] + extra,
                output: f.folder.path + "/serve-\(attempt).log", directory: directory)
            let deadline = ContinuousClock.now + .seconds(30)
            while serve.isRunning && ContinuousClock.now < deadline {
                if ChildProcess.accepts(port: port) { return (serve, port) }
                try await Task.sleep(for: .milliseconds(100))
            }
            serve.stop()
            logs.append(serve.log)
        }
        throw ChildProcess.ProcessError(message: "impostor serve did not start: \(logs.joined(separator: "\n"))")
    }

    /// `path` written relative to the folder `base` (both absolute).
    static func relativePath(_ path: String, from base: String) -> String {
        let a = path.split(separator: "/"), b = base.split(separator: "/")
        let shared = zip(a, b).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: b.count - shared) + a[shared...].map(String.init)).joined(separator: "/")
    }

    /// A PNG whose header is sound, that decodes, and that is not one flat colour.
    static func checkScreenshot(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        try #require(bytes.count > 33)
        let be = { (i: Int) in bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
        #expect(be(16) == 1280 && be(20) == 900)
        let image = try ImageDecoder().decode(bytes)
        #expect(image.width == 1280 && image.height == 900)
        var colours = Set<Int>()
        for i in stride(from: 0, to: image.rgb.count - 2, by: 3) {
            colours.insert(Int(image.rgb[i]) << 16 | Int(image.rgb[i + 1]) << 8 | Int(image.rgb[i + 2]))
            if colours.count > 50 { break }
        }
        #expect(colours.count > 50, "the screenshot has only \(colours.count) colours")
    }

    /// The name `impostor serve` records decisions under when nobody logs in: the OS user.
    static func loginName() -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// IMPOSTOR_SCREENSHOTS=DIR keeps the walk's screenshots for a person to look at (CI artefacts).
    static func keepScreenshots(from folder: String) {
        guard let keep = ProcessInfo.processInfo.environment["IMPOSTOR_SCREENSHOTS"], !keep.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".png") {
            try? FileManager.default.removeItem(atPath: keep + "/" + name)
            try? FileManager.default.copyItem(atPath: folder + "/" + name, toPath: keep + "/" + name)
        }
    }
}

/// What review_walk.py saw, as it prints it.
struct Walk: Decodable {
    struct Link: Decodable { var href: String; var text: String }
    struct Queue: Decodable { var title: String; var links: [Link]; var counts: [String] }
    struct Focus: Decodable { var tag: String; var id: String; var cls: String; var text: String; var outline: String }
    struct AfterSubmit: Decodable { var url: String; var heading: String; var message: String?; var notice: String?; var status: String? }
    struct Payload: Decodable {
        var h1: String, bio: String, handle: String
        var scripts: Int, injectedImages: Int, eventAttributes: Int
        var hiddenMarks: [String]
    }
    struct Overflow: Decodable { var scrollWidth: Int; var clientWidth: Int }
    struct Contrast: Decodable, Equatable { var text: String; var color: String; var background: String; var ratio: Double }

    var probeDialogs: [String]
    var queue: Queue
    var queueUnlabelled: [String]
    var queueLowContrast: [Contrast]
    var queueFirstTab: Focus
    var afterClick: String
    var confirmChecked: Bool
    var noteValue: String
    var afterSubmit: AfterSubmit
    var payload: Payload
    var caseUnlabelled: [String]
    var caseLowContrast: [Contrast]
    var screenshot: String
    var caseTabs: [Focus]
    var phone: [String: Overflow]
    var dialogs: [String]
}
