/// Which unnamed speakers are confined to the article that describes them.
///
/// A description picks out its referent only within its article: *a spokesman*, *one senior
/// official*, *The survey*, *the council's report*, *two administration officials* are someone (or
/// something) different in every article. Such a speaker is an entity of its article
/// (``ClaimAggregator`` keys it by the article), never merged with another article's speaker of the
/// same description. Named speakers (people, organisations, outlets, factions) and generic bare
/// plurals (*Republicans*, *Labour MPs*, *party officials*) merge across articles by name.
///
/// - An anonymous speaker (or one without a type) is always confined to its article.
/// - A group is confined when its name opens with a determiner, quantifier, number, pronoun or
///   possessive (*a*, *one*, *this*, *some*, *several*, *two*, *2,000*, *it*, *their*, *the board's*,
///   *Labour's*), or with *the* before a description (*The survey*, *the organisers*). *The* before a
///   proper name (*the Democrats*, *the Labour MPs*: its last word capitalised) names the group as it
///   would be without it.
public enum SpeakerScope {
    /// Words that, opening a description, make it one that picks its referent out in context.
    static let openers: Set<String> = [
        "a", "an", "one", "this", "that", "these", "those", "some", "several", "many", "most", "few", "fewer",
        "each", "every", "another", "any", "both", "all", "either", "neither", "no", "such", "certain", "various",
        "numerous", "other", "others", "his", "her", "its", "their", "our", "my", "your", "it", "they", "we", "he",
        "she", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens",
        "hundreds", "thousands", "millions", "half", "more",
    ]

    /// Whether a speaker of this kind (`group`, `anonymous`, …) under this name is confined to its article.
    public static func isArticleScoped(kind: String?, name: String) -> Bool {
        switch kind {
        case nil, "anonymous": return true
        case "group", "document": return opensAsDescription(name)
        default: return false
        }
    }

    /// Whether `name` opens with a determiner, quantifier, number, pronoun or possessive, or with *the*
    /// before something other than a proper name.
    static func opensAsDescription(_ name: String) -> Bool {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return false }
        let lower = bare(first)
        if isPossessive(first) || openers.contains(lower) { return true }
        if let digit = lower.unicodeScalars.first, digit.properties.numericType != nil { return true }
        guard lower == "the" else { return false }
        // `the` alone, `the board's report`, `the organisers`: descriptions; `the Democrats`: a name.
        guard words.count > 1, let last = words.last, !words.dropFirst().contains(where: isPossessive) else { return true }
        return last.first?.isUppercase != true
    }

    /// A word lower-cased without the punctuation around it.
    static func bare(_ word: String) -> String {
        String(word.lowercased().unicodeScalars.drop { !$0.properties.isAlphabetic && $0.properties.numericType == nil }
            .reversed().drop { !$0.properties.isAlphabetic && $0.properties.numericType == nil }.reversed()
            .map(Character.init))
    }

    /// Whether a word is a possessive (`council's`, `islands’`).
    static func isPossessive(_ word: String) -> Bool {
        withoutPossessive(word) != word
    }

    /// A word without its possessive ending (`council's` → `council`, `islands’` → `islands`).
    static func withoutPossessive(_ word: String) -> String {
        for ending in ["'s", "\u{2019}s", "'", "\u{2019}"] where word.count > ending.count && word.lowercased().hasSuffix(ending) {
            if ending.count == 1, word.dropLast().last?.lowercased() != "s" { continue }
            return String(word.dropLast(ending.count))
        }
        return word
    }
}
