import Foundation
import ImpostorCore
@testable import ImpostorStore
import Logging
import Testing
import TestScratch
@testable import ImpostorDaemon

@Suite("The daemon's pieces: log lines, settings, the digest's text, the scan lock")
struct DaemonPiecesTests {
    @Test func underSystemdEachLineStartsWithItsSyslogPriority() {
        let line = StderrLogHandler.format(level: .warning, message: "scan.source.error", metadata: ["source": "bluesky"],
                                           journal: true, date: Date())
        #expect(line == "<4>scan.source.error source=bluesky\n")
        let plain = StderrLogHandler.format(level: .info, message: "scan.start", metadata: [:], journal: false,
                                            date: Date(timeIntervalSince1970: 0))
        #expect(plain == "1970-01-01T00:00:00Z info scan.start\n")
    }

    @Test func hostileTextStaysOnOneLogLine() {
        let line = StderrLogHandler.format(level: .notice, message: "scan.case",
                                           metadata: ["handle": "evil\nFAKE <3>line\u{202E}"], journal: true, date: Date())
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.contains("\\u{A}") && line.contains("\\u{202E}"))
    }

    @Test func digestSettingsNeedAnAddressAndAnSMTPURL() throws {
        func settings(_ other: [String: ConfigValue]) throws(DaemonSettings.Problem) -> DaemonSettings {
            try DaemonSettings(watchlist: Watchlist(directory: "/etc/impostor", identities: [], settings: Settings(other: other)))
        }
        let none = try settings([:])
        #expect(none.digest == nil && none.listen == "127.0.0.1:8080" && none.scanIntervalMinutes == 60)
        let bad = #expect(throws: DaemonSettings.Problem.self) {
            try settings(["digest": .table(["to": .string("clerk@x.gov.uk"), "from": .string("a@x.gov.uk"), "smtp_url": .string("mail.x.gov.uk")])])
        }
        #expect(bad?.description.contains("smtp_url") == true)
        let injected = #expect(throws: DaemonSettings.Problem.self) {
            try settings(["digest": .table(["to": .string("clerk@x.gov.uk\r\nBcc: all@x"), "from": .string("a@x.gov.uk"),
                                            "smtp_url": .string("smtp://mail.x.gov.uk")])])
        }
        #expect(injected != nil)
        let good = try settings(["digest": .table(["to": .array([.string("clerk@x.gov.uk")]), "from": .string("a@x.gov.uk"),
                                                   "smtp_url": .string("smtp://mail.x.gov.uk:587"),
                                                   "password_file": .string("secrets/smtp")])])
        #expect(good.digest?.passwordFile == "/etc/impostor/secrets/smtp")
        #expect(good.digest?.requireTLS == true)
        #expect(throws: DaemonSettings.Problem.self) { try settings(["scan_interval_minutes": .integer(1)]) }
    }

    @Test func theDigestDefangsLinksAndNeutralisesProfileText() {
        let summary = CaseSummary(
            id: 7, platform: .x, stableID: "1", handle: "oakbridge\u{202E}tc", displayName: "Oakbridge\nTown Council",
            url: "https://x.com/oakbridgetc", identity: "oak", score: 0.97, status: .new, openedAt: Date(), updatedAt: Date())
        let c = ScanPass.NewCase(summary: summary, reasons: [Reason(signal: "name", weight: 3, detail: "the name reads as Oak")],
                                 reopened: "the name changed")
        let watchlist = Watchlist(directory: ".", identities: [Identity(id: "oak", name: "Oak Town Council")])
        let body = Digest.body([c], watchlist: watchlist, reviewURL: "http://127.0.0.1:8080", runID: 3)
        #expect(body.contains("hxxps://x.com/oakbridgetc"))
        #expect(!body.contains("https://x.com"))
        #expect(!body.contains("\u{202E}"))
        #expect(body.contains("Oakbridge Town Council"))
        #expect(body.contains("http://127.0.0.1:8080/cases/7"))
        #expect(body.contains("Back for review because the name changed"))
        #expect(Digest.subject([c], watchlist: watchlist) == "impostor: 1 new suspect account for Oak Town Council")
    }

    @Test func aTakeoverAlertLeadsTheDigestWithBeforeAndAfter() throws {
        let alert = CaseSummary(
            id: 9, platform: .bluesky, stableID: "did:plc:oak", handle: "oakbridge-tc.gov.uk", displayName: "FREE COUNCIL TAX",
            url: "https://bsky.app/profile/oakbridge-tc.gov.uk", identity: "oak", score: 1, status: .new, openedAt: Date(),
            updatedAt: Date(), kind: .takeover)
        let suspect = CaseSummary(
            id: 7, platform: .x, stableID: "1", handle: "oakbridgetc", displayName: "Oakbridge Town Council",
            url: "https://x.com/oakbridgetc", identity: "oak", score: 0.97, status: .new, openedAt: Date(), updatedAt: Date())
        let cases = [ScanPass.NewCase(summary: suspect, reasons: []),
                     ScanPass.NewCase(summary: alert, reasons: [],
                                      changes: ["the name changed from \"Oak Town Council\" to \"FREE COUNCIL TAX\u{202E}\""])]
        let watchlist = Watchlist(directory: ".", identities: [Identity(id: "oak", name: "Oak Town Council")])
        let body = Digest.body(cases, watchlist: watchlist, reviewURL: "http://127.0.0.1:8080", runID: 4)
        let alertAt = try #require(body.range(of: "ALERT: the council's own account @oakbridge-tc.gov.uk on Bluesky"))
        let suspectAt = try #require(body.range(of: "@oakbridgetc) on X"))
        #expect(alertAt.lowerBound < suspectAt.lowerBound)
        #expect(body.contains("from \"Oak Town Council\" to \"FREE COUNCIL TAX"))
        #expect(!body.contains("\u{202E}"))
        #expect(body.contains("http://127.0.0.1:8080/cases/9"))
        #expect(Digest.subject(cases, watchlist: watchlist).hasPrefix("impostor ALERT: Oak Town Council's own Bluesky account"))
    }

    @Test func theScanLockAdmitsOneHolderAndFreesOnRelease() throws {
        let path = Scratch.path("lock")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first: ScanLock? = try ScanLock(path: path, wait: false)
        let busy = #expect(throws: ScanLock.Busy.self) { _ = try ScanLock(path: path, wait: false) }
        #expect(busy?.holder.contains("pid \(getpid())") == true)
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { _ = try ScanLock(path: path, wait: false) }
    }
}
