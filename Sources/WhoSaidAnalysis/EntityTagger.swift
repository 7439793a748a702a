import WhoSaidCore

/// One mention of an entity: where it is, which entity, and the entity's canonical name.
public struct EntityMention: Sendable, Equatable {
    public var range: TextRange
    /// The entity's id in ``EntityAnnotations`` (`p1`, `o1`, `m1`, `f1`).
    public var entityID: String
    public var kind: Entity.Kind
    /// The entity's canonical name.
    public var name: String

    public init(range: TextRange, entityID: String, kind: Entity.Kind, name: String) {
        self.range = range
        self.entityID = entityID
        self.kind = kind
        self.name = name
    }
}

/// What ``EntityTagger`` finds in one document.
public struct EntityAnnotations: Sendable {
    public var people: [Entity] = []
    public var organizations: [Entity] = []
    public var outlets: [Entity] = []
    public var factions: [Entity] = []
    /// Every mention found, in text order, with the entity it belongs to (for speaker resolution).
    public var mentions: [EntityMention] = []

    public init() {}

    /// The index of the first mention that ends after code point `offset` (`mentions.count` if none).
    /// Mentions do not overlap, so their ends are sorted as their starts are.
    public func firstMention(endingAfter offset: Int) -> Int {
        mentions.partitionPoint { $0.range.end <= offset }
    }

    /// The mention overlapping `range` the most (the earliest on a tie), or nil.
    public func entity(at range: TextRange) -> EntityMention? {
        let lo = firstMention(endingAfter: range.start)
        var best: EntityMention?
        var bestOverlap = 0
        var k = lo
        while k < mentions.count, mentions[k].range.start < max(range.end, range.start + 1) {
            let m = mentions[k]
            let overlap = min(m.range.end, range.end) - max(m.range.start, range.start)
            if overlap > bestOverlap || (best == nil && range.isEmpty && m.range.start <= range.start) {
                best = m
                bestOverlap = max(overlap, 0)
            }
            k += 1
        }
        return best
    }

    /// The entity with this id.
    public func entity(id: String) -> Entity? {
        guard let first = id.first else { return nil }
        let list: [Entity]
        switch first {
        case "p": list = people
        case "o": list = organizations
        case "m": list = outlets
        case "f": list = factions
        default: return nil
        }
        return list.first { $0.id == id }
    }
}

/// Finds people, organisations, media outlets and political factions in a tokenized document, groups each
/// entity's mentions (`Sir Keir`, `Starmer` and `Keir` join `Keir Starmer`), and keeps roles
/// (`Labour donor`, `a close Corbyn ally`), affiliations (`Sky News` for *Sky News political correspondent
/// Lewis Goodall*) and faction links (`“soft left” Ann Black`).
///
/// How, in order (one pass each over the tokens, hashed lookups on token norms, no regular expressions):
/// 1. Listed outlets, organisations and factions (`Resources/*.tsv`), longest match first, with their case
///    rules; `Momentum-backed` gives a mention of `Momentum`; `Corbynite` a mention of *the left* that also
///    links the document's Corbyn to it.
/// 2. Acronyms defined in brackets (`National Executive Committee (NEC)`), capitalised runs ending in an
///    organisation word (`… Committee`, `… Union`) or an outlet word (`… Gazette`, `… Times`), unknown outlets
///    after `told the`, `in an interview with`, `reported by`, and later bare acronyms (`the NEC`), also
///    matched by initials.
/// 3. Quoted faction names before `group`/`platform`/`slate`/… (found before the lexicon, with their later
///    bare uses: `the “Labour Forward” platform`, `Common Ground candidates`) and `the X wing`/`slate`/`caucus`;
///    outlets by their short name (`the Ledger`, `The Echo`).
/// 4. People: capitalised runs, less leading stop words, honorifics (`Sir`, `Mr`) and capitalised role
///    words (`MP`, `President`), accepted with two or more words when there is evidence: a listed first
///    name, an honorific or title, a role noun just before, a speech verb beside, or an apposition after.
///    Single words join a person already named (surname, or first name when only one person has it), or
///    make a person after an honorific (`Mr Smith`).
/// 5. Roles before the name (walking back over role nouns, modifiers, `of`, and entity mentions; an outlet at
///    its start becomes an affiliation), appositions (`, a close Corbyn ally,`), `as <role>` in the same
///    sentence, and faction links (a faction right before the name, `X was among … left-wingers`,
///    `the left …, with X`).
public struct EntityTagger: Sendable {
    let lexicon: EntityLexicon

    /// Loads the bundled lexicons (once per process).
    public init() {
        lexicon = EntityLexicon.shared
    }

    /// `outlet` is the document's own outlet as its page names it (`The Westmoor Post`), when known: its
    /// short name in the text (`The Echo understands`, `for the Ledger`) is a mention of it.
    public func tag(
        text: String, scalars: [Unicode.Scalar], tokens: [Token], sentences: [Sentence], outlet: String? = nil
    ) -> EntityAnnotations {
        var run = TaggingRun(lexicon, scalars, tokens, sentences)
        run.documentOutlet = outlet
        run.run()
        return run.result()
    }

    /// Tokenizes, splits and tags `text`.
    public func tag(_ text: String) -> EntityAnnotations {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(scalars)
        let sentences = SentenceSplitter().split(tokens, in: scalars)
        return tag(text: text, scalars: scalars, tokens: tokens, sentences: sentences)
    }
}

extension Array {
    /// The index of the first element for which `isBefore` is false, in an array where every element
    /// for which it is true comes first (a binary search; `count` when it holds for all).
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
