import CLibXML2

private let libxmlReady: Void = {
    xmlInitParser()
}()

/// Parses HTML with libxml2 and copies out a ``PageModel``: parse → walk → copy out → free, all in
/// one call, so no libxml2 pointer escapes.
enum PageParser {
    /// Deeper markup than this is refused: no real page needs it, and it is how pathological input
    /// looks.
    static let maxDepth = 5_000

    static let options = Int32(
        bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | UInt32(XML_PARSE_IGNORE_ENC.rawValue))

    /// Parses and frees the tree, doing nothing else: the baseline extraction is compared against.
    static func parseAndFree(utf8 html: [UInt8]) -> Bool {
        _ = libxmlReady
        let doc = html.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return false }
        xmlFreeDoc(doc)
        return true
    }

    /// Streams the page through libxml2's HTML parser as SAX events: no tree is built (so neither
    /// its allocation nor libxml2's tree-depth cut-off at 256 levels applies), and the events feed a
    /// ``Walker`` that keeps only what body finding needs.
    static func parse(utf8 html: [UInt8], url: String?) throws -> PageModel {
        _ = libxmlReady
        let box = WalkerBox()
        var handler = htmlSAXHandler()
        handler.startElement = { ctx, name, atts in
            guard let name, let box = WalkerBox.from(ctx) else { return }
            box.walker.start(name, atts)
            if box.walker.tooDeep { xmlStopParser(ctx?.assumingMemoryBound(to: xmlParserCtxt.self)) }
        }
        handler.endElement = { ctx, _ in WalkerBox.from(ctx)?.walker.end() }
        handler.characters = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            WalkerBox.from(ctx)?.walker.characters(ch, Int(len))
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        let status = html.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                clibxml2_html_sax_parse(
                    chars.baseAddress, Int32(chars.count), &handler, Unmanaged.passUnretained(box).toOpaque(), options)
            }
        }
        guard status == 0 else { throw ExtractionError.parserFailed }
        if box.walker.tooDeep { throw ExtractionError.nestingTooDeep(limit: PageParser.maxDepth) }
        box.walker.finish()
        return box.walker.page
    }
}

/// Holds the walker for the C callbacks, which find it through the parser context's `_private`.
private final class WalkerBox {
    var walker = Walker()

    static func from(_ ctx: UnsafeMutableRawPointer?) -> WalkerBox? {
        guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self), let p = ctxt.pointee._private else {
            return nil
        }
        return Unmanaged<WalkerBox>.fromOpaque(p).takeUnretainedValue()
    }
}

/// Turns the parser's start, end and text events into a ``PageModel``.
private struct Walker {
    var page = PageModel()
    /// Set when the markup nests deeper than ``PageParser/maxDepth``; parsing stops.
    private(set) var tooDeep = false
    /// The text of the block being collected, UTF-8.
    private var buffer: [UInt8] = []
    private var bufferLength = 0
    private var bufferLinkLength = 0
    private var pendingSpace = false
    private var breaksInARow = 0
    /// Innermost open block element for each open element (index into page.nodes).
    private var blockOwners: [Int32] = []
    private var nodeStack: [Int32] = []
    private var attr = Attributes()

    /// What each open start event did, so its end event can undo it.
    private enum Opened {
        case node, nothing, head, skipped, capture
    }
    private var opened: [Opened] = []
    /// Depth inside a subtree being skipped (script, style, hidden elements, …).
    private var skipDepth = 0
    private var headDepth = 0
    /// Text captured verbatim for `<title>` or a JSON-LD script.
    private enum Capture { case none, title, jsonLD }
    private var capture = Capture.none
    private var captured: [UInt8] = []

    init() {
        buffer.reserveCapacity(4096)
    }

    mutating func start(_ name: UnsafePointer<UInt8>, _ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        if skipDepth > 0 { skipDepth += 1; return }
        if opened.count >= PageParser.maxDepth { tooDeep = true; skipDepth = 1; opened.append(.skipped); return }
        let tag = HTMLTag.identify(name)
        attr.read(atts, tag: tag)
        switch tag {
        case .head:
            headDepth += 1
            opened.append(.head)
            return
        case .script:
            if attr.isJSONLD { beginCapture(.jsonLD) } else { skip() }
            return
        case .title:
            if page.meta.titleTag == nil { beginCapture(.title) } else { skip() }
            return
        case .meta:
            recordMeta()
        case .link:
            if attr.rel == "canonical", let href = attr.href { page.meta.canonical = href }
        case .br:
            if headDepth == 0 { lineBreak() }
        case .time:
            if page.meta.firstTimeElement == nil, let dt = attr.datetime { page.meta.firstTimeElement = dt }
        case .html:
            if let lang = attr.lang { page.meta.htmlLang = lang }
        default:
            break
        }
        if headDepth > 0 || tag == .meta || tag == .link || tag == .br { opened.append(.nothing); return }
        if enter(tag) { opened.append(.node) } else if skipDepth == 0 { opened.append(.nothing) }
    }

    mutating func end() {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth > 0 { return }
        }
        guard let what = opened.popLast() else { return }
        switch what {
        case .node: leave()
        case .head: headDepth -= 1
        case .capture: endCapture()
        case .nothing, .skipped: break
        }
    }

    mutating func characters(_ ch: UnsafePointer<UInt8>, _ count: Int) {
        if skipDepth > 0 { return }
        if capture != .none { captured.append(contentsOf: UnsafeBufferPointer(start: ch, count: count)); return }
        if headDepth > 0 { return }
        text(ch, count)
    }

    /// Closes whatever the parser left open.
    mutating func finish() {
        flush()
        while !nodeStack.isEmpty { leave() }
    }

    private mutating func skip() {
        skipDepth = 1
        opened.append(.skipped)
    }

    private mutating func beginCapture(_ what: Capture) {
        capture = what
        captured.removeAll(keepingCapacity: true)
        opened.append(.capture)
    }

    private mutating func endCapture() {
        let s = String(decoding: captured, as: UTF8.self).trimmed()
        if !s.isEmpty {
            switch capture {
            case .title: page.meta.titleTag = s
            case .jsonLD: page.meta.jsonLD.append(s)
            case .none: break
            }
        }
        capture = .none
    }

    // MARK: Elements

    /// Records an element; returns whether it was recorded (its subtree is skipped otherwise).
    private mutating func enter(_ tag: HTMLTag) -> Bool {
        if tag == .img || tag == .picture || tag == .video {
            if let open = nodeStack.last { page.nodes[Int(open)].images += 1 }
            if tag != .img { skip() }
            return false
        }
        if tag.isDropped || attr.isHidden { skip(); return false }
        if tag == .hr || tag == .input { if tag == .hr { flush() }; return false }

        let parent = nodeStack.last ?? -1
        var ancestry: Ancestry = parent >= 0 ? page.nodes[Int(parent)].ancestry : []
        switch tag {
        case .figure: ancestry.insert(.figure)
        case .figcaption, .caption: ancestry.insert(.caption)
        case .blockquote: ancestry.insert(.blockquote)
        case .li, .dd, .dt: ancestry.insert(.listItem)
        case .table: ancestry.insert(.table)
        case .a: if attr.hasHref { ancestry.insert(.link) }
        case .header: ancestry.insert(.header)
        case .footer: ancestry.insert(.footer)
        case .nav: ancestry.insert(.nav)
        case .aside: ancestry.insert(.aside)
        case .form: ancestry.insert(.form)
        case .main: ancestry.insert(.main)
        case .pre: ancestry.insert(.pre)
        case .label: ancestry.insert(.label)
        case .h1, .h2, .h3, .h4, .h5, .h6: ancestry.insert(.heading)
        default: break
        }
        let hint = attr.hint
        if attr.isArticleBodyProp { ancestry.insert(.articleBodyProp) }

        if tag.isBlock { flush() }
        let index = Int32(page.nodes.count)
        page.nodes.append(
            PageNode(
                parent: parent, tag: tag, depth: Int32(nodeStack.count), hint: hint, ancestry: ancestry,
                firstBlock: Int32(page.blocks.count)))
        if parent >= 0 { page.nodes[Int(parent)].childCount += 1 }
        nodeStack.append(index)
        blockOwners.append(tag.isBlock ? index : (blockOwners.last ?? index))
        return true
    }

    private mutating func leave() {
        guard let index = nodeStack.popLast() else { return }
        if page.nodes[Int(index)].tag.isBlock { flush() }
        blockOwners.removeLast()
        page.nodes[Int(index)].endBlock = Int32(page.blocks.count)
        let parent = page.nodes[Int(index)].parent
        if parent >= 0 { page.nodes[Int(parent)].images += page.nodes[Int(index)].images }
    }

    // MARK: Text

    private mutating func text(_ content: UnsafePointer<UInt8>, _ count: Int) {
        guard let current = nodeStack.last else { return }
        let inLink = page.nodes[Int(current)].ancestry.contains(.link)
        let preformatted = page.nodes[Int(current)].ancestry.contains(.pre)
        var p = content
        let end = content + count
        while p < end {
            let c = p.pointee
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                if preformatted && c == 0x0A { appendNewline() } else if !buffer.isEmpty { pendingSpace = true }
                p += 1
                continue
            }
            if c == 0xC2 && p + 1 < end && p[1] == 0xA0 {  // no-break space
                if !buffer.isEmpty { pendingSpace = true }
                p += 2
                continue
            }
            if c < 0x20 || c == 0x7F { p += 1; continue }  // control characters
            if c == 0xC2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9F {
                // C1 controls: numeric references like &#146; mean windows-1252 characters to browsers.
                appendScalar(windows1252C1(p[1]), inLink: inLink)
                p += 2
                continue
            }
            startCharacter(inLink: inLink)
            buffer.append(c)
            if c & 0xC0 != 0x80 {
                bufferLength += 1
                if inLink { bufferLinkLength += 1 }
            }
            p += 1
        }
    }

    private mutating func appendNewline() {
        guard !buffer.isEmpty else { return }
        pendingSpace = false
        if buffer.last != 0x0A {
            buffer.append(0x0A)
            bufferLength += 1
        }
    }

    /// `<br>`: a line break; two in a row end the paragraph.
    private mutating func lineBreak() {
        breaksInARow += 1
        if breaksInARow >= 2 { flush() } else { appendNewline() }
    }

    /// Ends the current block and stores it.
    private mutating func flush() {
        breaksInARow = 0
        pendingSpace = false
        while let last = buffer.last, last == 0x0A || last == 0x20 {
            buffer.removeLast()
            bufferLength -= 1
        }
        guard !buffer.isEmpty, let owner = blockOwners.last else {
            buffer.removeAll(keepingCapacity: true)
            bufferLength = 0
            bufferLinkLength = 0
            return
        }
        let ownerNode = page.nodes[Int(owner)]
        page.blocks.append(
            TextBlock(
                node: owner, text: String(decoding: buffer, as: UTF8.self), length: bufferLength,
                linkLength: min(bufferLinkLength, bufferLength), ancestry: ownerNode.ancestry, tag: ownerNode.tag))
        buffer.removeAll(keepingCapacity: true)
        bufferLength = 0
        bufferLinkLength = 0
    }

    // MARK: Metadata

    private mutating func recordMeta() {
        guard let key = attr.metaKey, let content = attr.content else { return }
        page.meta.tags.append((key, content))
    }

    /// Before a visible character: writes the pending space, if any, and ends a run of `<br>`s.
    @inline(__always)
    private mutating func startCharacter(inLink: Bool) {
        if pendingSpace {
            buffer.append(0x20)
            bufferLength += 1
            if inLink { bufferLinkLength += 1 }
            pendingSpace = false
        }
        breaksInARow = 0
    }

    /// Appends one scalar (from a mapped C1 control) to the block, with any pending space.
    private mutating func appendScalar(_ scalar: Unicode.Scalar?, inLink: Bool) {
        guard let scalar else { return }
        startCharacter(inLink: inLink)
        buffer.append(contentsOf: UTF8.encode(scalar)!)
        bufferLength += 1
        if inLink { bufferLinkLength += 1 }
    }

    /// The windows-1252 character for a C1 control byte (0x80–0x9F), nil for the five undefined ones.
    private func windows1252C1(_ byte: UInt8) -> Unicode.Scalar? {
        let decoded = CharsetDecoder.windows1252ToUTF8([byte])
        let scalar = String(decoding: decoded, as: UTF8.self).unicodeScalars.first
        return scalar == "\u{FFFD}" ? nil : scalar
    }
}

/// The attributes of one element that matter here, read without allocating for the others.
private struct Attributes {
    var hint: Int8 = 0
    var isHidden = false
    var isJSONLD = false
    var isArticleBodyProp = false
    var hasHref = false
    var href: String?
    var rel: String?
    var lang: String?
    var datetime: String?
    var metaKey: String?
    var content: String?
    private var classID: [UInt8] = []
    private var hintCache: [UInt64: Int8] = [:]

    mutating func read(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, tag: HTMLTag) {
        hint = 0
        isHidden = false
        isJSONLD = false
        isArticleBodyProp = false
        hasHref = false
        href = nil
        rel = nil
        lang = nil
        datetime = nil
        metaKey = nil
        content = nil
        classID.removeAll(keepingCapacity: true)
        var role: [UInt8] = []
        var i = 0
        while let atts, let name = atts[i] {
            let value = atts[i + 1]
            i += 2
            switch (name[0], strlen8(name)) {
            case (0x63, 5) where same(name, "class"), (0x69, 2) where same(name, "id"):
                if let value { appendLowercased(value, to: &classID); classID.append(0x20) }
            case (0x72, 4) where same(name, "role"):
                if let value { appendLowercased(value, to: &role) }
            case (0x68, 6) where same(name, "hidden"):
                isHidden = true
            case (0x61, 11) where same(name, "aria-hidden"):
                if let value, same(value, "true") { isHidden = true }
            case (0x73, 5) where same(name, "style"):
                if let value, hidesElement(value) { isHidden = true }
            case (0x74, 4) where same(name, "type"):
                if tag == .script, let value { isJSONLD = lowercasedString(value).contains("ld+json") }
            case (0x68, 4) where same(name, "href"):
                hasHref = true
                if tag == .link, let value { href = String(cString: value) }
            case (0x72, 3) where same(name, "rel"):
                if let value { rel = lowercasedString(value) }
            case (0x6C, 4) where same(name, "lang"):
                if let value { lang = String(cString: value) }
            case (0x64, 8) where same(name, "datetime"):
                if let value { datetime = String(cString: value) }
            case (0x69, 8) where same(name, "itemprop"):
                if let value {
                    let v = lowercasedString(value)
                    if v == "articlebody" || v == "text" && tag != .meta { isArticleBodyProp = true }
                    if tag == .meta, metaKey == nil { metaKey = v }
                }
            case (0x6E, 4) where same(name, "name"), (0x70, 8) where same(name, "property"),
                (0x68, 10) where same(name, "http-equiv"):
                if tag == .meta, let value { metaKey = lowercasedString(value) }
            case (0x63, 7) where same(name, "content"):
                if tag == .meta, let value { content = String(cString: value).trimmed() }
            default:
                break
            }
        }
        if !classID.isEmpty || !role.isEmpty {
            // Templates repeat the same class names many times over: score each combination once.
            let key = BoilerplateHints.fnv(classID[...]) ^ (BoilerplateHints.fnv(role[...]) &* 31)
            if let cached = hintCache[key] {
                hint = cached
            } else {
                hint = BoilerplateHints.score(classID: classID, role: role, tag: tag)
                hintCache[key] = hint
            }
        }
        if isArticleBodyProp { hint = max(hint, 3) }
    }

    private func hidesElement(_ style: UnsafePointer<UInt8>) -> Bool {
        var bytes: [UInt8] = []
        var p = style
        while p.pointee != 0 {
            let c = p.pointee
            if c != 0x20 { bytes.append(c >= 65 && c <= 90 ? c + 32 : c) }
            p += 1
        }
        return bytes.contains(subsequence: Array("display:none".utf8))
            || bytes.contains(subsequence: Array("visibility:hidden".utf8))
    }
}

// MARK: - C string helpers

@inline(__always)
private func strlen8(_ s: UnsafePointer<UInt8>) -> Int {
    var n = 0
    while s[n] != 0 { n += 1 }
    return n
}

@inline(__always)
private func same(_ s: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    let l = literal.utf8Start
    for i in 0..<n {
        let c = s[i]
        let lower = c >= 65 && c <= 90 ? c + 32 : c
        if lower != l[i] { return false }
    }
    return s[n] == 0
}

private func appendLowercased(_ s: UnsafePointer<UInt8>, to out: inout [UInt8]) {
    var p = s
    while p.pointee != 0 {
        let c = p.pointee
        out.append(c >= 65 && c <= 90 ? c + 32 : c)
        p += 1
    }
}

private func lowercasedString(_ s: UnsafePointer<UInt8>) -> String {
    var bytes: [UInt8] = []
    appendLowercased(s, to: &bytes)
    return String(decoding: bytes, as: UTF8.self).trimmed()
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        firstIndex(of: needle) != nil
    }

    func firstIndex(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = count - needle.count
        while i <= last {
            if self[i] == first {
                var k = 1
                while k < needle.count && self[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing whitespace (Unicode White_Space).
    func trimmed() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
