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

    init(page: PageModel) {
        self.page = page
        var t = [0], l = [0]
        t.reserveCapacity(page.blocks.count + 1)
        l.reserveCapacity(page.blocks.count + 1)
        for b in page.blocks {
            t.append(t.last! + b.length)
            l.append(l.last! + b.linkLength)
        }
        textPrefix = t
        linkPrefix = l
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

    /// The elements holding the article body, in document order.
    func bodyContainers() -> [Int] {
        let scores = containerScores()
        guard var top = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[top] > 0 else { return [] }
        // A lone child carries no information of its own: use its parent.
        while page.nodes[top].parent >= 0, page.nodes[Int(page.nodes[top].parent)].childCount == 1,
            page.nodes[Int(page.nodes[top].parent)].tag != .body, page.nodes[Int(page.nodes[top].parent)].tag != .html
        {
            top = Int(page.nodes[top].parent)
        }
        let parent = Int(page.nodes[top].parent)
        guard parent >= 0 else { return [top] }
        let threshold = max(10, scores[top] * Tuning.siblingShare)
        var result: [Int] = []
        for sibling in children(of: parent) {
            if sibling == top { result.append(sibling); continue }
            let n = page.nodes[sibling]
            if n.hint < 0 || n.ancestry.contains(.nav) || n.tag == .aside || n.tag == .nav || n.tag == .footer {
                continue
            }
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
        return result
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
        let containers = bodyContainers()
        guard !containers.isEmpty else { return [] }
        var dropped = [Bool](repeating: false, count: page.nodes.count)
        var out: [TextBlock] = []
        for container in containers {
            let c = page.nodes[container]
            let end = c.depth
            // Decide once per element inside the container whether its subtree is furniture.
            var i = container + 1
            while i < page.nodes.count && page.nodes[i].depth > end {
                let parent = Int(page.nodes[i].parent)
                if parent != container && dropped[parent] { dropped[i] = true } else if isFurniture(i) { dropped[i] = true }
                i += 1
            }
            for b in Int(c.firstBlock)..<Int(c.endBlock) {
                let block = page.blocks[b]
                if Int(block.node) != container && dropped[Int(block.node)] { continue }
                if keep(block, title: title) { out.append(block) }
            }
        }
        return out
    }

    private func isFurniture(_ node: Int) -> Bool {
        let n = page.nodes[node]
        switch n.tag {
        case .nav, .aside, .footer, .form, .figcaption, .caption, .menu, .label: return true
        case .header:
            return true
        default: break
        }
        if n.hint < 0 && !n.ancestry.contains(.articleBodyProp) { return true }
        if n.hint < 0 && n.hint <= -2 { return true }
        let text = textLength(node)
        switch n.tag {
        case .ul, .ol, .dl, .div, .section, .table, .figure, .span, .other:
            let density = linkDensity(node)
            if text > 0 && density > 0.5 && text < 2000 { return true }
            if density > 0.33 && text < 600 && n.tag != .span { return true }
        default:
            break
        }
        return false
    }

    private func keep(_ block: TextBlock, title: String?) -> Bool {
        if block.ancestry.contains(.caption) { return false }
        if block.linkDensity > 0.6 && block.length < 300 { return false }
        if block.tag == .h1, let title, block.text.similarTitle(to: title) { return false }
        return true
    }
}

extension String {
    /// Whether two titles are the same headline up to case, punctuation and a site-name suffix.
    func similarTitle(to other: String) -> Bool {
        let a = self.lowercased().filter { $0.isLetter || $0.isNumber }
        let b = other.lowercased().filter { $0.isLetter || $0.isNumber }
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a == b || (a.count > 15 && b.hasPrefix(a)) || (b.count > 15 && a.hasPrefix(b))
    }
}
