import ImpostorCore

extension LogoIndex {
    /// Bump when the avatar forms, their hashing or the matching change: results cached under an older
    /// fingerprint are then computed again.
    static let formsVersion = 2

    /// Names this set of logos and the way avatars are compared with them: the same fingerprint means
    /// the same matches for the same picture. A logo added, changed or removed changes it.
    public var fingerprint: String {
        var h = ContentHash.Hasher()
        h.update(Array("forms \(Self.formsVersion) threshold \(Self.matchThreshold)\n".utf8))
        for r in references {
            h.update(Array("\(r.identity)\u{0}\(r.logo)\u{0}\(r.variant)\u{0}\(r.kind.rawValue)\u{0}\(r.hash.hex)\n".utf8))
        }
        return h.finalize().hex
    }
}
