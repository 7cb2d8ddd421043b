#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses connections to addresses a stranger's URL must not reach: loopback, private, link-local,
/// carrier-grade NAT, multicast, reserved and cloud metadata addresses.
///
/// Without a proxy the check runs on each resolved address just before curl opens a socket, so it
/// covers every redirect hop and a DNS answer that changes between look-ups (rebinding). Behind a
/// proxy the socket goes to the proxy, so each hop's host is resolved and checked before the proxy
/// is asked for it (`CurlHTTPClient.sendGuarded`).
public struct AddressGuard: Sendable, Hashable {
    /// When true, every address is allowed (the `allow_private_addresses` setting).
    public var allowPrivate: Bool
    /// Numeric addresses allowed even though they are private, e.g. a test server on 127.0.0.1.
    public var exceptions: Set<[UInt8]>

    public init(allowPrivate: Bool = false, exceptions: [String] = []) {
        self.allowPrivate = allowPrivate
        self.exceptions = Set(exceptions.compactMap(Self.parse))
    }

    /// Why `bytes` (4 or 16 bytes, network order) is refused, or nil when it is allowed.
    public func refusal(for bytes: [UInt8]) -> String? {
        if allowPrivate || exceptions.contains(bytes) { return nil }
        return Self.classify(bytes)
    }

    /// The kind of non-public address `bytes` is, or nil for a public one.
    public static func classify(_ bytes: [UInt8]) -> String? {
        if bytes.count == 4 { return classifyV4(bytes) }
        guard bytes.count == 16 else { return "an address of unknown family" }
        if bytes.allSatisfy({ $0 == 0 }) { return "the unspecified address" }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "a loopback address" }
        // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address to check.
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
            return classifyV4(Array(bytes[12..<16]))
        }
        if bytes[0..<12] == [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] { return classifyV4(Array(bytes[12..<16])) }
        // 6to4 (2002:a.b.c.d::/48) embeds one too.
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return classifyV4(Array(bytes[2..<6])) }
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return "a link-local address" }
        if bytes[0] & 0xfe == 0xfc { return "a private (unique local) address" }  // includes fd00:ec2::254, AWS metadata
        if bytes[0] == 0xff { return "a multicast address" }
        return nil
    }

    private static func classifyV4(_ b: [UInt8]) -> String? {
        switch (b[0], b[1]) {
        case (0, _): return "a 'this network' address"
        case (10, _): return "a private address"
        case (100, 64...127): return "a carrier-grade NAT address"  // also Alibaba's metadata 100.100.100.200
        case (127, _): return "a loopback address"
        case (169, 254): return "a link-local or cloud metadata address"
        case (172, 16...31): return "a private address"
        case (192, 168): return "a private address"
        case (192, 0) where b[2] == 0: return "a reserved (IETF protocol) address"
        case (198, 18...19): return "a benchmarking address"
        case (224...239, _): return "a multicast address"
        case (240...255, _): return "a reserved or broadcast address"
        default: return nil
        }
    }

    /// Parses a numeric IPv4 or IPv6 address into its network-order bytes.
    public static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
