import Foundation

/// What the web check answers before it reads a request: the response
/// headers every answer carries, and the refusal of a request that names
/// another host (DNS rebinding) or comes from another site's form.
public struct RequestGuard: Sendable {
    /// The policy for the page itself: no scripts, nothing loaded from
    /// elsewhere, forms only to this server, never inside a frame.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Sent on every response of `serve`, whatever its status.
    public static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]

    /// The address `serve` was told to listen on (`--host`).
    public let boundHost: String
    /// Extra names this machine answers to (for a wildcard bind: its host name).
    public let extraNames: Set<String>

    public init(boundHost: String, extraNames: Set<String> = []) {
        self.boundHost = Self.normalized(boundHost)
        self.extraNames = Set(extraNames.map(Self.normalized))
    }

    /// 0.0.0.0 or ::, every interface.
    public var isWildcard: Bool { boundHost == "0.0.0.0" || boundHost == "::" || boundHost.isEmpty }

    /// Only this computer can connect.
    public var isLoopbackOnly: Bool {
        boundHost == "localhost" || boundHost == "::1" || boundHost.hasPrefix("127.")
    }

    /// The host name of a `Host` header or an origin's authority: lowercased, without port, brackets or final dot.
    static func hostName(_ authority: Substring) -> String {
        var name = authority
        if name.hasPrefix("[") {
            name = name.dropFirst().prefix(while: { $0 != "]" })
        } else if let colon = name.lastIndex(of: ":"), name.firstIndex(of: ":") == colon {
            name = name[..<colon]
        }
        return normalized(String(name))
    }

    static func normalized(_ name: String) -> String {
        var name = name.lowercased().trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }

    static func isIPLiteral(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    /// Whether a `Host` header names this server: the bound address, localhost
    /// or a loopback address; for a wildcard bind also any IP address and this
    /// machine's name. Anything else is a name that was made to point here.
    public func admits(host: String?) -> Bool {
        guard let host, !host.isEmpty, host.utf8.count <= 300 else { return false }
        let name = Self.hostName(Substring(host))
        if name.isEmpty { return false }
        if name == "localhost" || name == "::1" || name.hasPrefix("127.") && Self.isIPLiteral(name) { return true }
        if name == boundHost || extraNames.contains(name) { return true }
        return isWildcard && Self.isIPLiteral(name)
    }

    /// Whether a form post comes from this server's own page. A browser says
    /// where a request comes from in `Sec-Fetch-Site`; that decides when it is
    /// there (`same-origin`, or `none` for a request the user made). Without
    /// it, `Origin` must name this server: with `Referrer-Policy: no-referrer`
    /// a browser sends `Origin: null` even for its own form, so `null` passes
    /// only with `Sec-Fetch-Site: same-origin`. A post with neither header is
    /// not from a browser page and is let through.
    public func admits(origin: String?, fetchSite: String?, host: String?) -> Bool {
        if let fetchSite = fetchSite?.lowercased().trimmingCharacters(in: .whitespaces) {
            return fetchSite == "same-origin" || fetchSite == "none"
        }
        guard let origin else { return true }
        let lowered = origin.lowercased()
        guard lowered.hasPrefix("http://"), let host else { return false }
        return lowered.dropFirst("http://".count) == Substring(host.lowercased())
    }
}
