import Testing
@testable import ImpostorScoring

@Suite struct WebAddressesTests {
    /// The byte scan that skips most bios never skips one with an address: on random text built from
    /// what addresses and sentences are made of, `read` gives what reading every character gives.
    @Test func skippingABioWithoutAnAddressChangesNothing() {
        let pieces = ["a", "Z", "7", ".", ". ", "-", "@", "/", ":", "https://", "www", "gov", "uk", "com", " ", "\n", "ü",
                      "é", "İ", "\u{301}", "٣", "…", ",", "!", "_", "?", "#", "co", "council", "mailto:", "8080",
                      ".uk", ".com", "oakbridge.gov", ".org.uk", ".x-y", ".ü", ".7"]
        var random = SystemRandomNumberGenerator()
        var withAddress = 0
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let read = WebAddresses.read(text), scanned = WebAddresses.scan(text)
            #expect(read.prose == scanned.prose && read.addresses == scanned.addresses, "\(text.debugDescription)")
            if !scanned.addresses.isEmpty { withAddress += 1 }
        }
        #expect(withAddress > 250, "the random texts must hold addresses often enough to test anything")
        #expect(WebAddresses.read("Grants at chorleytc.co.uk. Apply now.").addresses == ["chorleytc.co.uk"])
        #expect(WebAddresses.read("Hello. Official page.").addresses.isEmpty)
    }
}
