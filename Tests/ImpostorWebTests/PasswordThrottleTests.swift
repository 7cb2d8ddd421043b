import Foundation
import Testing

@testable import ImpostorWeb

/// The review password's lock-out, on a clock the test moves; and a platform's name as the page shows it.
@Suite struct PasswordThrottleTests {
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    @Test func anAddressWaitsOutTheWindowAfterTheLimitAndOthersDoNot() {
        let clock = Clock()
        let throttle = PasswordThrottle(limit: 3, window: 600, now: { clock.now })
        let a = "198.51.100.7"
        #expect(throttle.attempt(a) == .counted(last: false))
        clock.now += 60
        #expect(throttle.attempt(a) == .counted(last: false))
        // The right password is no failure: it leaves the count where it was.
        #expect(throttle.attempt(a) == .counted(last: true))
        throttle.succeeded(a)
        #expect(throttle.attempt(a) == .counted(last: true), "the third failure reaches the limit")
        // Locked until ten minutes after the first failure, whatever it sends meanwhile.
        #expect(throttle.attempt(a) == .wait(540))
        #expect(throttle.attempt("203.0.113.9") == .counted(last: false))
        clock.now += 541
        #expect(throttle.attempt(a) == .counted(last: true), "the first failure has left the window: two and this one make three")
        clock.now += 601
        #expect(throttle.attempt(a) == .counted(last: false))
    }

    /// A burst of guesses sent at once gets no more than the limit: each counts before its password is read.
    @Test func aBurstGetsNoMoreThanTheLimit() async {
        let throttle = PasswordThrottle(limit: 10, window: 600)
        let counted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 { group.addTask { if case .counted = throttle.attempt("192.0.2.1") { true } else { false } } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(counted == 10)
    }

    @Test func aPlatformNameOfTheListingsOwnShowsItsCodePoints() {
        #expect(Pages.platformName("x") == "X (Twitter)")
        #expect(Pages.platformName("facebook") == "Facebook")
        #expect(Pages.platformName("f\u{0430}cebook.com") == "f[U+0430]cebook.com")
        #expect(Pages.platformName("x\u{202E}moc") == "x[U+202E]moc")
    }
}
