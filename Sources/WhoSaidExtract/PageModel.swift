/// A page reduced to what body finding needs, copied out of libxml2's tree: the elements (with their
/// ancestry, tag and class/id hints) and the text blocks in document order.
///
/// No C pointer survives into this model, so everything after parsing is plain Swift and can be
/// unit-tested on hand-built pages.
struct PageModel: Sendable {
    var nodes: [PageNode] = []
    var blocks: [TextBlock] = []
    var meta = PageMetaTags()
}

/// Bits of ancestry every element inherits, so a block knows at once what it sits in.
struct Ancestry: OptionSet, Sendable {
    let rawValue: UInt32
    static let figure = Ancestry(rawValue: 1 << 0)
    static let blockquote = Ancestry(rawValue: 1 << 1)
    static let listItem = Ancestry(rawValue: 1 << 2)
    static let table = Ancestry(rawValue: 1 << 3)
    static let link = Ancestry(rawValue: 1 << 4)
    static let header = Ancestry(rawValue: 1 << 5)
    static let footer = Ancestry(rawValue: 1 << 6)
    static let nav = Ancestry(rawValue: 1 << 7)
    static let aside = Ancestry(rawValue: 1 << 8)
    static let form = Ancestry(rawValue: 1 << 9)
    static let articleBodyProp = Ancestry(rawValue: 1 << 13)
    static let heading = Ancestry(rawValue: 1 << 14)
    static let caption = Ancestry(rawValue: 1 << 15)
    static let main = Ancestry(rawValue: 1 << 16)
    static let pre = Ancestry(rawValue: 1 << 17)
    static let label = Ancestry(rawValue: 1 << 19)
}

struct PageNode: Sendable {
    var parent: Int32
    var tag: HTMLTag
    var depth: Int32
    /// Class, id, role and itemprop evidence: negative for boilerplate, positive for article body.
    var hint: Int8
    /// What this element and its ancestors are (includes the element itself).
    var ancestry: Ancestry
    /// Blocks of this element's subtree: `firstBlock..<endBlock` (blocks are in document order).
    var firstBlock: Int32 = 0
    var endBlock: Int32 = 0
    /// Number of element children, for link and list density.
    var childCount: Int32 = 0
    /// Images in this element's subtree.
    var images: Int32 = 0
}

struct TextBlock: Sendable {
    /// The innermost block-level element holding the text.
    var node: Int32
    var text: String
    /// Length in code points.
    var length: Int
    /// Code points of `text` inside links.
    var linkLength: Int
    var ancestry: Ancestry
    var tag: HTMLTag

    var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
}

/// What the page says about itself: meta tags, JSON-LD, title, canonical link, language.
struct PageMetaTags: Sendable {
    /// `(name or property or itemprop, lower-cased; content)` in document order.
    var tags: [(key: String, value: String)] = []
    var jsonLD: [String] = []
    var titleTag: String?
    var canonical: String?
    var htmlLang: String?
    /// `datetime` of the first `<time>` element in the body.
    var firstTimeElement: String?

    func first(_ keys: String...) -> String? {
        for key in keys {
            if let v = tags.first(where: { $0.key == key && !$0.value.isEmpty })?.value { return v }
        }
        return nil
    }

    func all(_ key: String) -> [String] { tags.filter { $0.key == key && !$0.value.isEmpty }.map(\.value) }
}
