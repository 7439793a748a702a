import WhoSaidCore

/// The word lists coreference reads: the usual gender of first names (`first-name-genders.tsv`) and the
/// head nouns of descriptions that point back to a named entity (`coreference-nouns.tsv`).
struct CoreferenceLexicon: Sendable {
    enum Gender: Sendable, Equatable {
        case male, female
    }

    /// What a description's head noun refers to.
    enum HeadClass: Sendable, Equatable {
        case person(Gender?)
        case outlet
        case organization
        case document
    }

    var genders = StringTable<Bool>([:])  // true: female
    var heads: [String: HeadClass] = [:]

    static let shared = CoreferenceLexicon(loading: true)

    init() {}

    init(loading: Bool) {
        var g: [String: Bool] = [:]
        for line in EntityLexicon.lines(EntityLexicon.resource("first-name-genders", "tsv")) {
            let cols = line.split(separator: "\t")
            guard cols.count == 2 else { continue }
            g[String(cols[0])] = cols[1] == "f"
        }
        genders = StringTable(g)
        for line in EntityLexicon.lines(EntityLexicon.resource("coreference-nouns", "tsv")) {
            let cols = line.split(separator: "\t")
            guard cols.count == 2 else { continue }
            let cls: HeadClass
            switch cols[1] {
            case "person": cls = .person(nil)
            case "person-m": cls = .person(.male)
            case "person-f": cls = .person(.female)
            case "outlet": cls = .outlet
            case "organization": cls = .organization
            case "document": cls = .document
            default: continue
            }
            heads[String(cols[0])] = cls
        }
    }

    /// The usual gender of a first name (lower case), if the census lists show one clearly.
    func gender(ofFirstName name: String) -> Gender? {
        guard let female = genders[name] else { return nil }
        return female ? .female : .male
    }

    /// The class of a head noun (lower case), singular or plural (`officials` is not a person noun).
    func headClass(_ noun: String) -> HeadClass? {
        if let c = heads[noun] { return c }
        if noun.hasSuffix("-old") { return .person(nil) }  // `the 56-year-old`
        return nil
    }
}
