import Dispatch
import Foundation
import Testing
import ZIPFoundation
@testable import AgendaAudit

/// The hostile and broken inputs of the issue "Fast and unbreakable", each
/// with the behaviour it must keep. (More live next to the feature they
/// test: IngestTests, DocxTests, RubricTests, CLITests.)

@Suite("Hostile input: XML entities and nesting")
struct EntityTests {
    /// Counts TCP connections to a local port, so a test can show that no
    /// parser reached for the network. Connections are accepted and closed
    /// at once, so a parser that did connect fails fast instead of hanging.
    final class ConnectionCounter: @unchecked Sendable {
        let port: UInt16
        private let socketDescriptor: Int32
        private let lock = NSLock()
        private var connections = 0
        private var stopped = false
        private let done = DispatchSemaphore(value: 0)

        init() throws {
            #if os(Linux)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                    bind(descriptor, raw, length) == 0 && listen(descriptor, 16) == 0
                        && getsockname(descriptor, raw, &length) == 0
                }
            }
            guard descriptor >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
            socketDescriptor = descriptor
            port = UInt16(bigEndian: address.sin_port)
            let thread = Thread { [self] in
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                while !isStopped {
                    if poll(&poller, 1, 50) > 0 {
                        let client = accept(descriptor, nil, nil)
                        if client >= 0 {
                            close(client)
                            lock.lock()
                            connections += 1
                            lock.unlock()
                        }
                    }
                }
                done.signal()
            }
            thread.start()
        }

        private var isStopped: Bool {
            lock.lock()
            defer { lock.unlock() }
            return stopped
        }

        /// Stops listening and returns how many connections came in.
        func stop() -> Int {
            lock.lock()
            stopped = true
            lock.unlock()
            done.wait()
            close(socketDescriptor)
            lock.lock()
            defer { lock.unlock() }
            return connections
        }
    }

    static func docx(_ documentXML: String, at url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in [("[Content_Types].xml", DocxFixture.contentTypes), ("word/document.xml", documentXML)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Parses `xml` as .xhtml, .html and as the body of a .docx; returns each result's text, or nil for an error.
    static func readEveryWay(_ declarations: String, body: String) throws -> [String: String?] {
        let folder = TemporaryFolder()
        var texts: [String: String?] = [:]
        let markup = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n\(declarations)\n]>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Titel \(body)</title></head>"
            + "<body><h1>Kop \(body)</h1><p>Voor \(body) na.</p><p>Via het werkgeversservicepunt werven we kandidaten.</p></body></html>"
        for ext in ["xhtml", "html"] {
            let path = folder.write("entiteit.\(ext)", markup)
            let doc = try? Ingest.load(path: path)
            texts.updateValue(doc.map { $0.title + "\n" + $0.text + "\n" + $0.headings.map(\.text).joined() }, forKey: ext)
        }
        let word = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!DOCTYPE w:document [\n\(declarations)\n]>\n"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p><w:r><w:t>Voor \(body) na.</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>Via het werkgeversservicepunt werven we kandidaten.</w:t></w:r></w:p></w:body></w:document>"
        let url = folder.url.appendingPathComponent("entiteit.docx")
        try docx(word, at: url)
        texts.updateValue((try? Ingest.load(path: url.path)).map { $0.title + "\n" + $0.text }, forKey: "docx")
        return texts
    }

    @Test func externalEntitiesReadNoFileAndNoNetwork() throws {
        let server = try ConnectionCounter()
        let url = "http://127.0.0.1:\(server.port)"
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""
        let cases: [(declarations: String, body: String)] = [
            ("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">", "&xxe;"),
            ("<!ENTITY xxe SYSTEM \"\(url)/geheim.txt\">", "&xxe;"),
            ("<!ENTITY % dtd SYSTEM \"\(url)/extern.dtd\"> %dtd;", "tekst"),
            ("<!ENTITY % file SYSTEM \"file:///etc/passwd\"> <!ENTITY % wrap \"<!ENTITY leak '%file;'>\"> %wrap;", "&leak;"),
        ]
        for item in cases {
            for (kind, text) in try Self.readEveryWay(item.declarations, body: item.body) {
                // Either an error or text without the file's content.
                guard let text else { continue }
                #expect(!text.contains("root:"), "\(kind): \(item.declarations)")
                if let firstLine = passwd.split(separator: "\n").first, firstLine.count > 8 {
                    #expect(!text.contains(firstLine), "\(kind): \(item.declarations)")
                }
                #expect(text.contains("werkgeversservicepunt"), "\(kind): \(item.declarations)")
            }
        }
        // An external DTD by URL.
        let folder = TemporaryFolder()
        let external = folder.write("dtd.xhtml", "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"\(url)/xhtml.dtd\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Een alinea.</p></body></html>")
        #expect(try Ingest.load(path: external).passages.map(\.text) == ["Een alinea."])
        #expect(server.stop() == 0, "a parser connected to the network")
    }

    @Test func billionLaughsIsNotExpandedAnywhere() throws {
        var declarations = "<!ENTITY lol \"lol\">\n"
        var previous = "lol"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
            previous = "lol\(level)"
        }
        let clock = ContinuousClock()
        let started = clock.now
        // In the title, a heading and a paragraph of XHTML and HTML, and in a Word paragraph.
        let texts = try Self.readEveryWay(declarations, body: "&lol9;")
        #expect(clock.now - started < .seconds(30))
        #expect(texts.count == 3)
        for (kind, text) in texts {
            guard let text else { continue }
            #expect(text.unicodeScalars.count < 2_000, "\(kind): \(text.unicodeScalars.count) characters")
        }
    }

    @Test func tenThousandLevelsInWord() throws {
        let depth = 10_000
        let body = String(repeating: "<w:sdt><w:sdtContent>", count: depth)
            + "<w:p><w:r><w:t>Diep genest.</w:t></w:r></w:p>" + String(repeating: "</w:sdtContent></w:sdt>", count: depth)
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("diep.docx")
        try Self.docx(DocxFixture.document(body), at: url)
        // libxml2 stops at its depth limit: a clear error, no stack overflow.
        do {
            let doc = try Ingest.load(path: url.path)
            #expect(doc.passages.map(\.text) == ["Diep genest."])
        } catch {
            #expect(error == .unreadableDocument(detail: "corrupt"))
        }
    }
}
