import CCurl
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves host names with the system resolver, for the checks that must see a host's addresses
/// before a proxy connects to it on impostor's behalf.
enum HostResolver {
    /// Every address `host` resolves to, as network-order bytes. `getaddrinfo` blocks, so it runs on
    /// a thread of its own, never on one of Swift's cooperative threads.
    static func addresses(of host: String) async -> Result<[[UInt8]], FetchError> {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: lookUp(host)) }.start()
        }
    }

    /// An address as a URL or CURLOPT_CONNECT_TO writes it: dotted IPv4, bracketed IPv6.
    static func text(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        guard inet_ntop(family, bytes, &buffer, socklen_t(buffer.count)) != nil else { return "" }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return bytes.count == 4 ? text : "[\(text)]"
    }

    private static func lookUp(_ host: String) -> Result<[[UInt8]], FetchError> {
        if let literal = AddressGuard.parse(host) { return .success([literal]) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let list else {
            let why = String(cString: gai_strerror(status))
            return .failure(FetchError(.connection, "cannot resolve \(host): \(why)"))
        }
        defer { freeaddrinfo(list) }
        var found: [[UInt8]] = []
        var next: UnsafeMutablePointer<addrinfo>? = list
        while let entry = next {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        var a = $0.pointee.sin_addr
                        found.append(withUnsafeBytes(of: &a) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        var a = $0.pointee.sin6_addr
                        found.append(withUnsafeBytes(of: &a) { Array($0) })
                    }
                default: break
                }
            }
            next = entry.pointee.ai_next
        }
        if found.isEmpty { return .failure(FetchError(.connection, "\(host) has no IPv4 or IPv6 address")) }
        return .success(found)
    }
}
