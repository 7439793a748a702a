import Foundation
import Testing
import WhoSaidCore

@Suite struct TextBuilderTests {
    @Test func paragraphsAreSeparatedByABlankLineAndRangesCountCodePoints() {
        var b = TextBuilder()
        b.append(paragraph: "Intro 🗳️ text.")
        b.append(paragraph: "   ")
        b.append(paragraph: "“Café prices are up,” Dupont said.")
        #expect(b.text == "Intro 🗳️ text.\n\n“Café prices are up,” Dupont said.")
        #expect(b.paragraphs.count == 2)
        let doc = Document(id: "x", path: "x", text: b.text, paragraphs: b.paragraphs)
        #expect(doc[b.paragraphs[0]] == "Intro 🗳️ text.")
        #expect(doc[b.paragraphs[1]] == "“Café prices are up,” Dupont said.")
        // 🗳️ is two code points (ballot box + variation selector).
        #expect(b.paragraphs[0] == TextRange(start: 0, end: 14))
        #expect(b.paragraphs[1].start == 16)
    }

    @Test func scalarTextSlicesByCodePoint() {
        let t = ScalarText("Intro 🗳️ text. “Café prices are up,” Dupont told reporters.")
        #expect(t[TextRange(start: 37, end: 43)] == "Dupont")
    }
}

@Suite struct JSONWriterTests {
    @Test func documentJSONKeepsKeyOrderAndEscapes() {
        let doc = Document(id: "a", path: "p\"q", title: "Tab\there\nline", text: "x", paragraphs: [TextRange(start: 0, end: 1)])
        let line = String(decoding: doc.jsonLine(), as: UTF8.self)
        #expect(line == #"{"id":"a","path":"p\"q","url":null,"title":"Tab\there\nline","authors":[],"published":null,"outlet":null,"wire":null,"language":null,"text":"x","paragraphs":[{"start":0,"end":1}],"people":[],"organizations":[],"outlets":[],"factions":[],"quotes":[]}"#)
    }

    @Test func theWireIsWrittenAndReadBack() throws {
        var doc = Document(id: "a", path: "p", outlet: "Harbour Evening Post", text: "x", paragraphs: [])
        doc.wire = "Associated Press"
        let line = doc.jsonLine()
        #expect(String(decoding: line, as: UTF8.self).contains(#""outlet":"Harbour Evening Post","wire":"Associated Press","#))
        let back = try JSONDecoder().decode(Document.self, from: Data(line))
        #expect(back.wire == "Associated Press" && back.outlet == "Harbour Evening Post")
        // Documents written before the field existed have none.
        let old = #"{"id":"a","path":"p","url":null,"title":null,"authors":[],"published":null,"outlet":null,"language":null,"text":"x","paragraphs":[]}"#
        #expect(try JSONDecoder().decode(Document.self, from: Data(old.utf8)).wire == nil)
    }
}
