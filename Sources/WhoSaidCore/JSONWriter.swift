/// A small, fast JSON writer that keeps keys in the order they are written, so that every JSON
/// Lines record has one stable, readable shape (Foundation's encoder orders keys by hash on Linux).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init() { bytes.reserveCapacity(4096) }

    public mutating func beginObject() { value(); bytes.append(0x7B); needsComma.append(false) }
    public mutating func endObject() { bytes.append(0x7D); needsComma.removeLast() }
    public mutating func beginArray() { value(); bytes.append(0x5B); needsComma.append(false) }
    public mutating func endArray() { bytes.append(0x5D); needsComma.removeLast() }

    /// Writes `"key":`; the next value belongs to it.
    public mutating func key(_ k: String) {
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
        needsComma[needsComma.count - 1] = false
        appendString(k)
        bytes.append(0x3A)
    }

    public mutating func string(_ s: String?) {
        value()
        guard let s else { bytes += Array("null".utf8); return }
        appendString(s)
    }

    public mutating func int(_ n: Int) { value(); bytes += Array(String(n).utf8) }
    public mutating func double(_ d: Double) {
        value()
        if d.isFinite {
            bytes += Array((d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
        } else {
            bytes += Array("null".utf8)
        }
    }
    public mutating func bool(_ b: Bool) { value(); bytes += Array((b ? "true" : "false").utf8) }
    public mutating func null() { value(); bytes += Array("null".utf8) }

    public mutating func field(_ k: String, _ s: String?) { key(k); string(s) }
    public mutating func field(_ k: String, _ n: Int) { key(k); int(n) }
    public mutating func field(_ k: String, _ n: Int?) {
        key(k)
        if let n { int(n) } else { null() }
    }
    public mutating func field(_ k: String, _ strings: [String]) {
        key(k)
        beginArray()
        for s in strings { string(s) }
        endArray()
    }
    public mutating func field(_ k: String, _ ranges: [TextRange]) {
        key(k)
        beginArray()
        for r in ranges { range(r) }
        endArray()
    }

    public mutating func range(_ r: TextRange) {
        beginObject()
        field("start", r.start)
        field("end", r.end)
        endObject()
    }

    /// Marks a value written at the current level (commas between array items and fields).
    private mutating func value() {
        let top = needsComma.count - 1
        if needsComma[top] { bytes.append(0x2C) }
        needsComma[top] = true
    }

    private mutating func appendString(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}

extension Document {
    /// Writes the document's fields in their documented order (see docs/document-format.md).
    public func write(to w: inout JSONWriter) {
        w.field("id", id)
        w.field("path", path)
        w.field("url", url)
        w.field("title", title)
        w.field("authors", authors)
        w.field("published", published)
        w.field("outlet", outlet)
        w.field("wire", wire)
        w.field("language", language)
        w.field("text", text)
        w.field("paragraphs", paragraphs)
        let scalars = ScalarText(text)
        w.key("people")
        writeEntities(annotations.people, to: &w, personal: true)
        w.key("organizations")
        writeEntities(annotations.organizations, to: &w, personal: false)
        w.key("outlets")
        writeEntities(annotations.outlets, to: &w, personal: false)
        w.key("factions")
        writeEntities(annotations.factions, to: &w, personal: false)
        w.key("quotes")
        w.beginArray()
        for q in annotations.quotes { write(q, scalars: scalars, to: &w) }
        w.endArray()
    }

    private func writeEntities(_ entities: [Entity], to w: inout JSONWriter, personal: Bool) {
        w.beginArray()
        for e in entities {
            w.beginObject()
            w.field("id", e.id)
            w.field("name", e.name)
            w.field("aliases", e.aliases)
            w.field("mentions", e.mentions)
            if personal {
                w.field("roles", e.roles)
                w.field("affiliations", e.affiliations)
                w.field("factions", e.factions)
            }
            w.endObject()
        }
        w.endArray()
    }

    private func write(_ q: Quote, scalars: ScalarText, to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", q.id)
        w.field("kind", q.kind.rawValue)
        w.key("speaker")
        if let s = q.speaker {
            w.beginObject()
            w.field("name", s.name)
            w.field("type", s.type.rawValue)
            w.field("entity", s.entity)
            w.key("span")
            if let span = s.span { spanWithText(span, scalars, &w) } else { w.null() }
            w.endObject()
        } else {
            w.null()
        }
        w.key("cue")
        if let cue = q.cue { spanWithText(cue, scalars, &w) } else { w.null() }
        w.key("content")
        w.beginArray()
        for c in q.content { spanWithText(c, scalars, &w) }
        w.endArray()
        w.field("text", q.content.map { scalars[$0] }.joined(separator: " … "))
        w.field("via", q.via)
        w.key("confidence")
        w.double((q.confidence * 100).rounded() / 100)
        w.endObject()
    }

    private func spanWithText(_ r: TextRange, _ scalars: ScalarText, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("text", scalars[r])
        w.field("start", r.start)
        w.field("end", r.end)
        w.endObject()
    }

    /// The document as one JSON object on one line.
    public func jsonLine() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        write(to: &w)
        w.endObject()
        return w.bytes
    }
}

extension DocumentFailure {
    /// `{"path": ..., "error": ...}` on one line.
    public func jsonLine() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("path", path)
        w.field("error", error)
        w.endObject()
        return w.bytes
    }
}
