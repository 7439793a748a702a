/// A person, organisation, outlet or faction named in a document, with every mention of it.
public struct Entity: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case person, organization, outlet, faction
    }

    /// Unique within the document: `p1`, `o1`, `m1` (media outlet), `f1`.
    public var id: String
    public var kind: Kind
    /// The canonical name: the fullest form the document uses (`Keir Starmer` for *Sir Keir*,
    /// *Starmer*, *Keir*), or the outlet list's canonical name (`Sky News` for *Sky*).
    public var name: String
    /// Other surface forms seen in the document (`Sir Keir Starmer`, `Starmer`, `Sir Keir`).
    public var aliases: [String]
    public var mentions: [TextRange]
    /// Roles and appositions (`Labour donor`, `a close Corbyn ally`, `political correspondent`).
    public var roles: [String]
    /// Organisations or outlets the person speaks for or works for (`Sky News`).
    public var affiliations: [String]
    /// Factions the text links the entity to (`Momentum`, `the soft left`).
    public var factions: [String]

    public init(
        id: String, kind: Kind, name: String, aliases: [String] = [], mentions: [TextRange] = [],
        roles: [String] = [], affiliations: [String] = [], factions: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.mentions = mentions
        self.roles = roles
        self.affiliations = affiliations
        self.factions = factions
    }
}

/// One attribution: who (speaker), the words that attribute (cue), and what was said (content).
public struct Quote: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Content inside quotation marks.
        case direct
        /// Reported speech, belief or claim without quotation marks.
        case indirect
        /// Reported speech with quoted fragments.
        case mixed
    }

    public var id: String
    public var kind: Kind
    public var speaker: Speaker?
    /// The cue (`said`, `according to`, `warned`), when the text has one.
    public var cue: TextRange?
    /// The content, in one or more pieces (a quote split around its cue, or running over paragraphs).
    public var content: [TextRange]
    /// The medium the words came through (`The Independent` in *In an interview in The Independent, X said*).
    public var via: String?
    public var confidence: Double

    public init(
        id: String, kind: Kind, speaker: Speaker?, cue: TextRange?, content: [TextRange], via: String? = nil,
        confidence: Double
    ) {
        self.id = id
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
        self.content = content
        self.via = via
        self.confidence = confidence
    }
}

/// Who a quote is attributed to.
public struct Speaker: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case person, outlet, organization, group, anonymous
        /// A poll, report, study, statement, letter or post speaking (`a new Harlow poll`).
        case document
    }

    /// The resolved canonical name (`Jon Lansman` for *Lansman* or *he*; `Momentum spokesman` for
    /// *A spokesman*), or nil when the text does not say who (a `he` with no one before it): the words
    /// as written are then in `span`.
    public var name: String?
    public var type: Kind
    /// The id of the entity in this document, when the speaker is one.
    public var entity: String?
    /// The mention that names the speaker at this quote, as the text says it (a pronoun, a surname).
    public var span: TextRange?

    public init(name: String?, type: Kind, entity: String? = nil, span: TextRange? = nil) {
        self.name = name
        self.type = type
        self.entity = entity
        self.span = span
    }
}

/// What the analysis stage adds to a document.
public struct Annotations: Sendable, Codable, Equatable {
    public var people: [Entity] = []
    public var organizations: [Entity] = []
    public var outlets: [Entity] = []
    public var factions: [Entity] = []
    public var quotes: [Quote] = []

    public init() {}
}
