import WhoSaidCore

/// Finds the article body among a page's text blocks, with no per-site rules.
///
/// 1. Score containers the way Readability does: each paragraph-like block of real text gives its
///    parent, grandparent and further ancestors points (more for longer, comma-rich text), damped
///    by the container's link density and its class/id evidence. The best container wins, and
///    siblings that look like more of the same body are taken along.
/// 2. Inside the chosen containers, drop page furniture: navigation, share bars, related and "most
///    read" lists, newsletter boxes, captions and credits, link-dense lists and short link-only
///    blocks.
struct BodyFinder {
    let page: PageModel
    /// `textPrefix[i]` is the text length of blocks `0..<i`; likewise `linkPrefix`.
    private let textPrefix: [Int]
    private let linkPrefix: [Int]
    /// Likewise for prose outside furniture (see ``readsLikeProse(_:)``).
    private let paragraphPrefix: [Int]

    /// Whether each element is, or sits inside, marked page furniture: `nav`, `aside`, `footer`, or a
    /// furniture class name. A misnamed wrapper holding most of the page does not count.
    private let furniture: [Bool]

    init(page: PageModel) {
        self.page = page
        var t = [0], l = [0]
        t.reserveCapacity(page.blocks.count + 1)
        l.reserveCapacity(page.blocks.count + 1)
        for b in page.blocks {
            t.append(t.last! + b.length)
            l.append(l.last! + b.linkLength)
        }
        let total = t.last!
        var furniture = [Bool](repeating: false, count: page.nodes.count)
        for (i, n) in page.nodes.enumerated() {
            if n.parent >= 0 && furniture[Int(n.parent)] { furniture[i] = true; continue }
            let marked = n.hint <= -2 || n.tag == .nav || n.tag == .aside || n.tag == .footer
            guard marked, n.tag != .body, n.tag != .html else { continue }
            let size = t[Int(n.endBlock)] - t[Int(n.firstBlock)]
            furniture[i] = Double(size) < Double(total) * Tuning.misnamedWrapperShare
        }
        var g = [0]
        g.reserveCapacity(page.blocks.count + 1)
        for b in page.blocks {
            let prose = BodyFinder.readsLikeProse(b) && !furniture[Int(b.node)]
            g.append(g.last! + (prose ? b.length : 0))
        }
        textPrefix = t
        linkPrefix = l
        paragraphPrefix = g
        self.furniture = furniture
    }

    /// A block that reads like article prose: long enough, few links, not a caption or heading.
    static func readsLikeProse(_ b: TextBlock) -> Bool {
        b.length >= Tuning.minParagraphLength && b.linkDensity <= 0.5 && b.ancestry.isDisjoint(with: [.caption, .heading])
    }

    /// Text of body-like paragraphs in an element's subtree.
    func paragraphText(_ node: Int) -> Int {
        let n = page.nodes[node]
        return paragraphPrefix[Int(n.endBlock)] - paragraphPrefix[Int(n.firstBlock)]
    }

    // MARK: Subtree figures

    func textLength(_ node: Int) -> Int {
        let n = page.nodes[node]
        return textPrefix[Int(n.endBlock)] - textPrefix[Int(n.firstBlock)]
    }

    func linkLength(_ node: Int) -> Int {
        let n = page.nodes[node]
        return linkPrefix[Int(n.endBlock)] - linkPrefix[Int(n.firstBlock)]
    }

    func linkDensity(_ node: Int) -> Double {
        let t = textLength(node)
        return t == 0 ? 0 : Double(linkLength(node)) / Double(t)
    }

    // MARK: Container scoring

    /// Tunables, named so that every change is visible in one place.
    enum Tuning {
        /// A block shorter than this gives its ancestors no points.
        static let minParagraphLength = 25
        /// How far up a paragraph's points go, and how they shrink with distance.
        static let ancestorLevels = 5
        static let hintWeight = 8.0
        /// Siblings of the best container scoring at least this share of its score join it.
        static let siblingShare = 0.2
        /// Climb to the parent when it holds this much more body prose (share of ours, and at least
        /// this many characters).
        static let climbShare = 0.3
        static let climbMinimumGain = 150
        static let climbLevels = 4
        /// Another candidate scoring this share of the best one is a second part of a split body.
        static let splitBodyShare = 0.5
        /// A furniture-named element holding more than this share of the page's text is a wrapper.
        static let misnamedWrapperShare = 0.4
        /// An element with a picture and less text than this is the picture's caption and credit.
        static let captionLength = 300
        /// A block starting with the headline and shorter than this is the headline block.
        static let headlineBlockLength = 300
        /// "Published …" / "Updated …" lines are shorter than this.
        static let dateLineLength = 120
        /// The outlet's own sign-up and subscription prompts inside the body are shorter than this.
        static let promotionLength = 320
    }

    /// Points for each element, from the paragraphs inside it.
    func containerScores() -> [Double] {
        var scores = [Double](repeating: 0, count: page.nodes.count)
        var seeded = [Bool](repeating: false, count: page.nodes.count)
        for block in page.blocks {
            guard block.length >= Tuning.minParagraphLength, isParagraphLike(block) else { continue }
            if block.ancestry.contains(.caption) || block.ancestry.contains(.heading) { continue }
            if block.linkDensity > 0.5 { continue }
            var points = 1.0 + Double(commas(in: block.text)) + min(Double(block.length) / 100, 3)
            if block.ancestry.contains(.listItem) { points *= 0.5 }
            // Comment threads and sidebars hold real prose too; marked furniture counts for little.
            if furniture[Int(block.node)] { points *= 0.2 }
            var node = Int(block.tag == .p || block.tag == .pre || block.tag == .td || block.tag == .li
                ? page.nodes[Int(block.node)].parent : block.node)
            var level = 0
            while node >= 0 && level < Tuning.ancestorLevels {
                if !seeded[node] {
                    seeded[node] = true
                    scores[node] += baseScore(node)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
                scores[node] += points / divider
                node = Int(page.nodes[node].parent)
                level += 1
            }
        }
        for i in scores.indices where seeded[i] {
            scores[i] *= 1 - linkDensity(i)
        }
        return scores
    }

    private func isParagraphLike(_ block: TextBlock) -> Bool {
        switch block.tag {
        case .p, .pre, .td, .blockquote, .div, .section, .article, .main, .li, .dd, .center, .font, .span, .body,
            .form, .other:
            return true
        default:
            return false
        }
    }

    private func baseScore(_ node: Int) -> Double {
        let n = page.nodes[node]
        var s: Double
        switch n.tag {
        case .div, .article, .main, .section: s = 5
        case .pre, .td, .blockquote: s = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: s = -5
        default: s = 0
        }
        s += Double(n.hint) * Tuning.hintWeight
        if n.ancestry.contains(.articleBodyProp) { s += 10 }
        return s
    }

    private func commas(in text: String) -> Int {
        var n = 0
        for c in text.utf8 where c == 0x2C { n += 1 }
        return n
    }

    /// The best-scoring element: the core of the body.
    func core(scores: [Double]) -> Int? {
        guard let top = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[top] > 0 else { return nil }
        return top
    }

    /// The elements holding the article body, in document order, and the core element among them.
    func bodyContainers() -> (containers: [Int], core: Int)? {
        let scores = containerScores()
        guard let core = core(scores: scores) else { return nil }
        var top = core
        // Bodies split into several sibling blocks (around an ad or a pull quote): climb while the
        // parent holds much more body-like prose without becoming a page of links.
        // A lone child carries no information of its own: use its parent.
        while let parent = Optional(Int(page.nodes[top].parent)), parent >= 0, page.nodes[parent].childCount == 1,
            page.nodes[parent].tag != .body, page.nodes[parent].tag != .html
        {
            top = parent
        }
        // Bodies split into sibling blocks (around an ad or a subscription box) give two strong
        // candidates: take their common ancestor when it is close and not a page of links.
        let strong = scores.indices.filter {
            $0 != core && scores[$0] >= scores[core] * Tuning.splitBodyShare && !isAncestor($0, of: core)
                && !isAncestor(core, of: $0)
        }
        for other in strong.sorted(by: { scores[$0] > scores[$1] }) {
            guard let common = commonAncestor(top, other), isAncestor(common, of: top) else { continue }
            let levels = page.nodes[top].depth - page.nodes[common].depth
            let n = page.nodes[common]
            if levels <= Tuning.climbLevels, n.tag != .body, n.tag != .html, n.hint > -2, linkDensity(common) < 0.35 {
                top = common
            }
        }
        let parent = Int(page.nodes[top].parent)
        guard parent >= 0, top == core else { return ([top], core) }
        let threshold = max(10, scores[top] * Tuning.siblingShare)
        var result: [Int] = []
        for sibling in children(of: parent) {
            if sibling == top { result.append(sibling); continue }
            let n = page.nodes[sibling]
            if n.hint <= -2 || n.tag == .aside || n.tag == .nav || n.tag == .footer { continue }
            var bonus = 0.0
            if n.hint > 0 { bonus += scores[top] * 0.2 }
            if scores[sibling] + bonus >= threshold {
                result.append(sibling)
            } else if n.tag == .p {
                let len = textLength(sibling)
                let density = linkDensity(sibling)
                if len > 80 && density < 0.25 { result.append(sibling) }
            }
        }
        return (result, core)
    }

    /// A trace of body finding for one page, for tuning: the best containers and every block with
    /// its element path and whether it was kept.
    func debugDescription(title: String?) -> String {
        let scores = containerScores()
        var lines: [String] = []
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(6)
        for i in ranked { lines.append(String(format: "candidate %d %@ score %.1f len %d ld %.2f", i, path(i), scores[i], textLength(i), linkDensity(i))) }
        let found = bodyContainers()
        lines.append("containers: \(found?.containers.map { path($0) } ?? []) core: \(found.map { path($0.core) } ?? "-")")
        let kept = Set(bodyBlocks(title: title).map { $0.node })
        for b in page.blocks {
            let mark = kept.contains(b.node) ? "+" : "-"
            lines.append("\(mark) [\(path(Int(b.node)))] ld=\(String(format: "%.2f", b.linkDensity)) \(b.text.prefix(90))")
        }
        return lines.joined(separator: "\n")
    }

    private func path(_ node: Int) -> String {
        var parts: [String] = []
        var i = node
        while i >= 0 && parts.count < 6 {
            let n = page.nodes[i]
            parts.append("\(n.tag)\(n.hint != 0 ? "(\(n.hint))" : "")#\(i)")
            i = Int(n.parent)
        }
        return parts.reversed().joined(separator: ">")
    }

    /// Whether `a` is a proper ancestor of `b`.
    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var i = Int(page.nodes[b].parent)
        while i >= 0 {
            if i == a { return true }
            i = Int(page.nodes[i].parent)
        }
        return false
    }

    func commonAncestor(_ a: Int, _ b: Int) -> Int? {
        var seen = Set<Int>()
        var i = a
        while i >= 0 { seen.insert(i); i = Int(page.nodes[i].parent) }
        i = b
        while i >= 0 {
            if seen.contains(i) { return i }
            i = Int(page.nodes[i].parent)
        }
        return nil
    }

    private func children(of parent: Int) -> [Int] {
        // Children follow their parent in pre-order, between it and the end of its subtree.
        var out: [Int] = []
        var i = parent + 1
        let depth = page.nodes[parent].depth
        while i < page.nodes.count && page.nodes[i].depth > depth {
            if page.nodes[i].parent == parent { out.append(i) }
            i += 1
        }
        return out
    }

    // MARK: Cleaning inside the body

    /// The body's paragraphs: blocks inside the containers minus page furniture.
    func bodyBlocks(title: String?) -> [TextBlock] {
        guard let (containers, core) = bodyContainers() else { return [] }
        let coreProse = paragraphText(core)
        let titleKey = title?.titleKey
        // The core and its ancestors are the body whatever their class names say.
        var protected = Set<Int>()
        var a = core
        while a >= 0 { protected.insert(a); a = Int(page.nodes[a].parent) }
        var dropped = [Bool](repeating: false, count: page.nodes.count)
        var keptIndices: [Int] = []
        for container in containers {
            let c = page.nodes[container]
            // Decide once per element inside the container whether its subtree is furniture.
            var i = container + 1
            while i < page.nodes.count && page.nodes[i].depth > c.depth {
                let parent = Int(page.nodes[i].parent)
                if parent != container && dropped[parent] {
                    dropped[i] = true
                } else if !protected.contains(i) && isFurniture(i, coreProse: coreProse) {
                    dropped[i] = true
                }
                i += 1
            }
            for b in Int(c.firstBlock)..<Int(c.endBlock) {
                let block = page.blocks[b]
                if Int(block.node) != container && dropped[Int(block.node)] { continue }
                if keep(block, titleKey: titleKey) { keptIndices.append(b) }
            }
        }
        // A short label right before dropped furniture ("More stories", "Related") belongs to it.
        var out: [TextBlock] = []
        let kept = Set(keptIndices)
        for b in keptIndices {
            let block = page.blocks[b]
            if block.length < 60, !block.text.endsWithSentencePunctuation, b + 1 < page.blocks.count, !kept.contains(b + 1),
                page.blocks[b + 1].linkDensity > 0.3 || !kept.contains(where: { $0 > b })
            {
                continue
            }
            out.append(block)
        }
        return joinTableRows(out)
    }

    /// Byline and date lines shown above the body ("By Jane Doe", "Posted Tuesday, May 6, 2003"), for
    /// pages whose markup names neither.
    func visibleBylineAndDate(before firstBody: String?) -> (authors: [String], date: String?) {
        var authors: [String] = []
        var date: String?
        for block in page.blocks.prefix(400) {
            if block.text == firstBody { break }
            for line in block.text.split(separator: "\n") {
                let l = String(line).trimmed()
                guard l.count < 80 else { continue }
                if authors.isEmpty, l.hasPrefix("By ") || l.hasPrefix("by ") || l.hasPrefix("BY ") {
                    let names = PageMetadata.cleanAuthors([l]).filter(\.looksLikePersonName)
                    if !names.isEmpty { authors = names }
                } else if date == nil, let d = PublishedDate.normalize(l), l.count < 60 {
                    date = d
                }
            }
        }
        return (authors, date)
    }

    /// The outlet promoting itself inside the body: a sign-up prompt, or a request ("sign up",
    /// "subscribe", "click here") addressed to the reader ("your inbox", "free"). Same vocabulary as
    /// the text-dump cleaner.
    static func isPromotion(_ text: String) -> Bool {
        guard !TextDumpCleaner.hasQuotationMarks(text) else { return false }
        if TextDumpCleaner.isSignUpPrompt(text, words: TextDumpCleaner.wordCount(text)) { return true }
        let lower = text.lowercased()
        let asks = promotionRequests.contains { lower.contains($0) }
        return asks && TextDumpCleaner.readerAddressCount(text) >= 2
    }

    static let promotionRequests = ["sign up", "subscribe", "click here", "download the", "register now"]
    static let promotionStems: [[UInt8]] = ["sign", "subscri", "click", "download", "register", "newsletter", "inbox"]
        .map { Array($0.utf8) }
    /// First letters of the words that open date lines (``String/isDateLine``), either case.
    static let dateLineInitials: Set<UInt8> = Set("PpUuLlFfDdMm".utf8)
    static let longestAdLabel = adLabels.map(\.count).max() ?? 0

    /// Labels that mark an advertising slot.
    static let adLabels: Set<String> = ["advertisement", "advert", "advertising", "ad", "sponsored", "sponsored content"]

    /// Labels that introduce links to other stories.
    static let teaserLabels: Set<String> = [
        "related", "read more", "see more", "more", "also read", "read also", "don't miss", "do not miss",
        "recommended", "watch", "listen", "see also", "related story", "related stories", "related article",
        "related articles", "more on this", "further reading", "trending", "popular",
    ]

    /// Cells of one table row make one paragraph.
    private func joinTableRows(_ blocks: [TextBlock]) -> [TextBlock] {
        var out: [TextBlock] = []
        var lastRow = -1
        for block in blocks {
            let row = (block.tag == .td || block.tag == .th) ? Int(page.nodes[Int(block.node)].parent) : -1
            if row >= 0 && row == lastRow, var last = out.popLast() {
                last.text += " " + block.text
                last.length += 1 + block.length
                last.linkLength += block.linkLength
                out.append(last)
            } else {
                out.append(block)
            }
            lastRow = row
        }
        return out
    }

    private func isFurniture(_ node: Int, coreProse: Int) -> Bool {
        let n = page.nodes[node]
        switch n.tag {
        case .nav, .aside, .footer, .form, .figcaption, .caption, .menu, .label, .header: return true
        default: break
        }
        let text = textLength(node)
        let density = linkDensity(node)
        // Class names misfire (WordPress puts `tag-…` on every post); an element holding most of
        // the body's prose is not furniture whatever it is called.
        let holdsBody = paragraphText(node) * 2 >= coreProse
        if n.hint <= -2 && !holdsBody { return true }
        // A picture with its caption and credit.
        if n.images > 0 && text < Tuning.captionLength && n.tag != .p && !holdsBody { return true }
        let tableOrList = n.tag == .tr || n.tag == .td || n.tag == .th || n.tag == .li
        if n.hint == -1 && !holdsBody && !tableOrList && (text < 200 || density > 0.3) { return true }
        switch n.tag {
        case .ul, .ol, .dl, .div, .section, .table, .figure, .span, .other:
            if text > 0 && density > 0.5 && text < 2000 { return true }
            if density > 0.33 && text < 600 && n.tag != .span { return true }
        default:
            break
        }
        return false
    }

    /// Whether a block inside the body is body text. Runs for every block, so the cheap tests come
    /// first and string work is done only for short blocks that might match.
    private func keep(_ block: TextBlock, titleKey: String?) -> Bool {
        if block.ancestry.contains(.caption) { return false }
        // A paragraph of the body may be one link ("See it at …"); other link-heavy blocks are menus.
        if block.linkDensity > 0.6 && block.length < 300 && block.tag != .p { return false }
        if block.length <= BodyFinder.longestAdLabel, BodyFinder.adLabels.contains(block.text.lowercased()) {
            return false
        }
        if block.linkDensity > 0.5 {
            // Teasers for other stories: a shouted headline link, or "Related: …".
            if block.linkDensity > 0.9 && block.text.isShouted { return false }
            if let colon = block.text.firstIndex(of: ":"),
                BodyFinder.teaserLabels.contains(block.text[..<colon].lowercased().trimmed())
            {
                return false
            }
        }
        // The headline (the page's h1 is its headline, whatever the metadata title says), alone or
        // with its byline and date under it.
        if block.length < Tuning.headlineBlockLength {
            if block.tag == .h1 { return false }
            if let titleKey, block.text.asciiKeyPrefix(8) == titleKey.asciiKeyPrefix(8),
                String(block.text.firstLine).titleKey.isSimilarTitleKey(titleKey)
            {
                return false
            }
        }
        if block.length < Tuning.dateLineLength, block.text.utf8.first.map(BodyFinder.dateLineInitials.contains) == true,
            block.text.isDateLine
        {
            return false
        }
        if block.length < Tuning.promotionLength, block.text.mentionsPromotionASCII, BodyFinder.isPromotion(block.text) {
            return false
        }
        return true
    }
}

extension String {
    /// A headline reduced for comparison: lower-case letters and digits only.
    var titleKey: String {
        String(String.UnicodeScalarView(lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    /// The first `n` ASCII letters and digits, lower-cased: a cheap test before comparing title keys
    /// (two texts whose prefixes differ cannot have the same key).
    func asciiKeyPrefix(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        for b in utf8 {
            if b >= 0x80 { break }
            let c = b >= 65 && b <= 90 ? b + 32 : b
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                out.append(c)
                if out.count == n { break }
            }
        }
        return out
    }

    /// Whether two title keys name the same headline, allowing a site-name suffix on either.
    func isSimilarTitleKey(_ other: String) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        return self == other || (count > 15 && other.hasPrefix(self)) || (other.count > 15 && hasPrefix(other))
    }

    /// A cheap ASCII test before ``BodyFinder/isPromotion(_:)``: mentions signing up, subscribing,
    /// clicking, downloading, registering or a newsletter.
    var mentionsPromotionASCII: Bool {
        var bytes = Array(utf8)
        for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
        return BodyFinder.promotionStems.contains { bytes.firstIndex(of: $0) != nil }
    }
}

extension String {
    /// Ends like a sentence: `.`, `!`, `?`, `:`, an ellipsis or a closing quotation mark.
    var endsWithSentencePunctuation: Bool {
        guard let last = unicodeScalars.last else { return false }
        return ".!?:…\"”’)".unicodeScalars.contains(last)
    }
}

extension String {
    /// Written in capitals (at least 8 letters, none lower-case): a shouted headline.
    var isShouted: Bool {
        var letters = 0
        for u in unicodeScalars where u.properties.isAlphabetic {
            if u.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 8
    }
}

extension String {
    var firstLine: Substring { self[..<(firstIndex(of: "\n") ?? endIndex)] }

    /// A line giving the story's dates: "Published March 12, 2024", "Updated 9:10 a.m.", "Posted …".
    var isDateLine: Bool {
        let lower = self.lowercased()
        let openers = ["published", "updated", "posted", "last updated", "first published", "date:", "modified"]
        guard openers.contains(where: { lower.hasPrefix($0) }) else { return false }
        return ISODate.normalize(self) != nil || lower.contains(":") || lower.contains("ago")
    }
}

extension String {
    /// Two to four capitalised words: "Harold Penwick", "Mary-Ann de la Cruz" is not needed here.
    var looksLikePersonName: Bool {
        let words = split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { w in w.first.map { $0.isUppercase } ?? false }
    }
}
