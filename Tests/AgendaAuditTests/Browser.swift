import Foundation

/// Headless Chromium (Debian's `chromium`) for tests that look at a page as
/// a browser renders it. The browser's own background traffic is switched
/// off and every connection goes to a dead loopback proxy, so nothing
/// leaves the machine; the net log tells which requests the page made.
enum Browser {
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Page {
        var dom: String
        /// URLs the page itself requested (not the browser's own services).
        var pageRequests: [String]
    }

    static let isolationFlags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--no-first-run", "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings",
        "--metrics-recording-only",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,SpellCheck",
        "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    ]

    /// Renders `url` and returns the serialised DOM; optionally saves a screenshot.
    static func load(_ url: String, screenshot: String? = nil) throws -> Page {
        guard let chromium = path else { throw BrowserError.missing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let netLog = folder.appendingPathComponent("netlog.json").path
        let domFile = folder.appendingPathComponent("dom.html")
        var arguments = isolationFlags + ["--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                                          "--log-net-log=\(netLog)", "--dump-dom", url]
        try run(chromium, arguments, stdout: domFile)
        if let screenshot {
            arguments = isolationFlags + ["--user-data-dir=\(folder.appendingPathComponent("profile2").path)",
                                          "--window-size=1280,1600", "--screenshot=\(screenshot)", url]
            try run(chromium, arguments, stdout: folder.appendingPathComponent("shot.log"))
        }
        let dom = try String(contentsOf: domFile, encoding: .utf8)
        return Page(dom: dom, pageRequests: try pageRequests(netLog))
    }

    private static func run(_ executable: String, _ arguments: [String], stdout: URL) throws {
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        let handle = try FileHandle(forWritingTo: stdout)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Bounded: a browser that hangs is killed after 60 seconds.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw BrowserError.timeout
        }
    }

    /// Requests whose network isolation key is the page's (file://) origin.
    private static func pageRequests(_ netLog: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: netLog), !data.isEmpty else { return [] }
        // Chromium may leave the log without its closing brackets when killed; parse what is there.
        var json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        if json == nil, var text = String(data: data, encoding: .utf8) {
            while let last = text.last, last == "," || last.isWhitespace { text.removeLast() }
            json = try? JSONSerialization.jsonObject(with: Data((text + "]}").utf8)) as? [String: Any]
        }
        let events = json?["events"] as? [[String: Any]] ?? []
        var urls: [String] = []
        for event in events {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String else { continue }
            let key = params["network_isolation_key"] as? String ?? ""
            let initiator = params["initiator"] as? String ?? ""
            if key.contains("file://") || initiator == "null" || initiator.hasPrefix("http://127.0.0.1") {
                urls.append(url)
            }
        }
        return urls
    }

    enum BrowserError: Error, CustomStringConvertible {
        case missing, timeout
        var description: String {
            switch self {
            case .missing: return "chromium not found: apt-get install chromium (.ci/run installs it)"
            case .timeout: return "chromium did not finish within 60 seconds"
            }
        }
    }
}
