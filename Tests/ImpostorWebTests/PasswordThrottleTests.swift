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
        #expect(!throttle.failed("198.51.100.7"))
        clock.now += 60
        #expect(!throttle.failed("198.51.100.7"))
        #expect(throttle.wait(for: "198.51.100.7") == nil)
        #expect(throttle.failed("198.51.100.7"), "the third failure reaches the limit")
        // Locked until ten minutes after the first failure, whatever it sends meanwhile.
        #expect(throttle.wait(for: "198.51.100.7") == 540)
        #expect(throttle.wait(for: "203.0.113.9") == nil)
        clock.now += 541
        #expect(throttle.wait(for: "198.51.100.7") == nil, "the first failure has left the window")
        #expect(throttle.failed("198.51.100.7"), "two within the window and this one make three again")
        clock.now += 601
        #expect(throttle.wait(for: "198.51.100.7") == nil)
    }

    @Test func aPlatformNameOfTheListingsOwnShowsItsCodePoints() {
        #expect(Pages.platformName("x") == "X (Twitter)")
        #expect(Pages.platformName("facebook") == "Facebook")
        #expect(Pages.platformName("f\u{0430}cebook.com") == "f[U+0430]cebook.com")
        #expect(Pages.platformName("x\u{202E}moc") == "x[U+202E]moc")
    }
}
