import Foundation
import Testing
@testable import AgendaAudit

/// The hot paths rewritten for speed (issue 15) give what the plain code gives.
@Suite("Hot paths")
struct HotPathTests {
    /// The JSON buffer grows past its capacity, escapes as before and hands its bytes out in pieces.
    @Test func jsonBufferGrowsAndDrains() throws {
        let text = String(repeating: "tekst \"met\" \\ en\n\u{01} é ", count: 300)
        var buffer = JSONBuffer(capacity: 1)
        buffer.beginObject()
        buffer.key("a"); buffer.strings([text, "", "x"])
        buffer.key("b"); buffer.int(-1234567); buffer.key("c"); buffer.double(2.5)
        buffer.key("d"); buffer.beginArray(); buffer.element(); buffer.beginObject(); buffer.endObject(); buffer.endArray()
        buffer.endObject()
        let expected = try JSONSerialization.data(withJSONObject: ["a": [text, "", "x"], "b": -1234567, "c": 2.5, "d": [[String: Int]()]],
                                                  options: [.sortedKeys])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(buffer.bytes)) as? NSDictionary)
        #expect(parsed == (try JSONSerialization.jsonObject(with: expected) as? NSDictionary))
        #expect(buffer.count == buffer.bytes.count)
        // Drained in two pieces, the bytes are those written in one.
        var pieces = JSONBuffer(capacity: 16)
        var drained: [UInt8] = []
        pieces.beginArray()
        pieces.element(); pieces.string(text)
        pieces.drain { drained.append(contentsOf: $0) }
        #expect(pieces.count == 0)
        pieces.element(); pieces.string("x")
        pieces.endArray()
        pieces.drain { drained.append(contentsOf: $0) }
        var whole = JSONBuffer()
        whole.strings([text, "x"])
        #expect(drained == whole.bytes)
    }
}
