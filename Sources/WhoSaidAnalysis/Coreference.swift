import WhoSaidCore

/// Coreference for speakers: the people, organisations and outlets a document names, and what a short
/// reference to one of them stands for.
///
/// - **People** are found as full names in the text (a known first name followed by capitalised words:
///   `Rosaly Lopes`, `Owen John Marsh`), as the entity tagger's people, and as the names speakers are
///   given. Each has a surname, the usual gender of its first name, and the roles the text gives it.
/// - **Mentions** of a person are the places where its surname is written (`Lopes`, `LOPES`, `Sam Ortiz`);
///   a surname two people share goes to the one the first name before it names, else to the one the
///   document names most.
/// - A **surname or a titled name** (`Ortiz`, `Mr. King`) names the person with that surname.
/// - A **pronoun** (`he`, `she`) stands for the person it agrees with in gender that is most salient
///   where it is written: mentioned in the nearest sentences, as a subject, as the last speaker, and not
///   only inside someone's quotation.
/// - A **definite description** (`the mayor`, `the 56-year-old`, `the newspaper`, `the company`) stands
///   for the nearest entity before it of the kind its head noun names, preferring a person whose roles
///   hold that noun.
struct Coreference {
    typealias Gender = CoreferenceLexicon.Gender

    struct Person {
        var name: String
        var surname: String
        var first: String?
        var gender: Gender?
        var roles: Set<String>
        var count: Int
        var firstOffset: Int
        var entity: String?

        /// The surname as the full name writes it (`Clinton`).
        var surnameAsWritten: String {
            var words = name.split(separator: " ")
            while words.count > 1, let l = words.last, Coreference.suffixes.contains(l.lowercased()) { words.removeLast() }
            return String(words.last ?? "")
        }
    }

    struct Mention {
        var offset: Int
        var sentence: Int
        var person: Int
        /// The first person mentioned in its sentence.
        var subject: Bool
        /// Inside a quotation: the words of someone else.
        var quoted: Bool
    }

    /// How a pronoun's candidates are weighed: each sentence between the pronoun and a person's latest
    /// mention costs 1; these add to it. Chosen on half A of the dev sets (`scripts/eval-speakers`) and
    /// checked on half B, which they also raise.
    struct Salience {
        /// The person is the first one named in the sentence of that mention (the subject, mostly).
        var subject = 0.6
        /// The person spoke last (a `she said` goes on with the same speaker).
        var lastSpeaker = 1.5
        /// The person's gender is known and agrees.
        var knownGender = 0.3
        /// Sentences outside quotations looked back over.
        var window = 5
    }

    static let salience = Salience()

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let sentences: [Sentence]
    let entities: EntityAnnotations
    private(set) var people: [Person] = []
    private(set) var bySurname: [String: [Int]] = [:]
    /// Every person by surname while they are being found (``bySurname`` then keeps the full names).
    private var peopleBySurname: [String: [Int]] = [:]
    private(set) var mentions: [Mention] = []
    /// Quotation spans: the content of the document's direct quotes.
    private let quotations: [TextRange]
    /// Each sentence's number among the sentences outside quotations (a sentence inside one has the
    /// number of the narrative sentence before it).
    private var narrative: [Int] = []

    /// Head nouns any company or body answers to (`the company`); others (`the council`) must be in
    /// the name of the body they stand for.
    private static let genericBodies: Set<String> = [
        "company", "firm", "group", "organization", "organisation", "business", "corporation", "conglomerate",
        "retailer", "airline", "carmaker", "automaker", "manufacturer", "startup", "start-up", "giant", "operator",
        "insurer", "lender", "provider", "developer", "publisher", "studio", "label", "utility", "regulator",
        "watchdog", "charity", "campaign",
    ]

    private static let particles: Set<String> = ["de", "van", "der", "von", "da", "di", "le", "la", "bin", "al", "del", "du", "ter"]
    static let suffixes: Set<String> = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]

    init(scalars: [Unicode.Scalar], tokens: [Token], sentences: [Sentence], entities: EntityAnnotations, quotes: [Quote]) {
        self.scalars = scalars
        self.tokens = tokens
        self.sentences = sentences
        self.entities = entities
        quotations = quotes.filter { $0.kind != .indirect }.flatMap(\.content).sorted { $0.start < $1.start }
        var n = 0
        narrative.reserveCapacity(sentences.count)
        for sentence in sentences {
            if !(isQuoted(sentence.range.start) && isQuoted(max(sentence.range.start, sentence.range.end - 2))) { n += 1 }
            narrative.append(n)
        }
        findPeople(quotes: quotes)
        findMentions()
    }

    // MARK: - People

    private mutating func findPeople(quotes: [Quote]) {
        let firstNames = EntityLexicon.shared.firstNames
        var i = 0
        while i < tokens.count {
            guard isCapitalisedWord(i), firstNames.contains(tokens[i].norm) else { i += 1; continue }
            var j = i + 1
            var last = i
            while j < tokens.count, j - i < 5, tokens[j].spaceBefore == .space {
                if isCapitalisedWord(j) || isInitial(j) {
                    if StopWords.english.contains(tokens[j].norm) { break }
                    last = j
                } else if Self.particles.contains(tokens[j].norm), j + 1 < tokens.count, isCapitalisedWord(j + 1) {
                    // `Ludwig van Beethoven`
                } else {
                    break
                }
                j += 1
            }
            if last > i, !isInitial(last), !namesBody(tokens[i].range.start, tokens[last].range.end) {
                add(name: text(tokens[i].range.start, tokens[last].range.end), at: tokens[i].range.start, entity: nil)
            }
            i = max(j, i + 1)
        }
        var aliasKeys: [(String, String)] = []
        for p in entities.people {
            let name = stripTitles(p.name)
            add(name: name, at: p.mentions.first?.start ?? 0, entity: p.id, roles: p.roles)
            // `Mr. Ban` for Ban Ki-moon: a one-word alias the tagger joined to the person is a surname too.
            for a in p.aliases {
                let words = stripTitles(a).split(separator: " ")
                if words.count == 1, normalised(String(words[0])) != normalised(String(name.split(separator: " ").last ?? "")) {
                    aliasKeys.append((normalised(String(words[0])), name))
                }
            }
        }
        for q in quotes {
            guard let s = q.speaker, s.type == .person, let span = s.span, let name = personName(in: span) else { continue }
            if name.split(separator: " ").count >= 2 { add(name: name, at: span.start, entity: nil) }
        }
        for (k, p) in people.enumerated() {
            bySurname[p.surname, default: []].append(k)
        }
        for (key, name) in aliasKeys where bySurname[key] == nil {
            if let k = people.firstIndex(where: { $0.name == name }) { bySurname[key] = [k] }
        }
        // A one-word person whose word is the surname of a full name is that person.
        for (key, list) in bySurname where list.count > 1 {
            let full = list.filter { people[$0].first != nil }
            if !full.isEmpty { bySurname[key] = full }
        }
    }

    /// Whether an organisation, outlet or faction the tagger found overlaps these offsets (`Al Qaeda`
    /// opens with a first name but names no person).
    private func namesBody(_ start: Int, _ end: Int) -> Bool {
        var k = entities.firstMention(endingAfter: start)
        while k < entities.mentions.count, entities.mentions[k].range.start < end {
            if entities.mentions[k].kind != .person { return true }
            k += 1
        }
        return false
    }

    private mutating func add(name raw: String, at offset: Int, entity: String?, roles: [String] = []) {
        let words = raw.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty, words.count <= 5 else { return }
        var core = words
        while let l = core.last, core.count > 1, Self.suffixes.contains(l.lowercased()) || l == "," { core.removeLast() }
        let surname = normalised(core.last!)
        guard surname.unicodeScalars.count >= 2 else { return }
        let first = core.count > 1 ? normalised(core[0]) : nil
        let name = words.joined(separator: " ")
        let roleWords = Set(roles.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
        // The same person written with or without a middle name or initial: the longer form is kept.
        if let k = peopleBySurname[surname]?.first(where: { people[$0].first == first || people[$0].name == name }) {
            people[k].count += 1
            people[k].roles.formUnion(roleWords)
            if entity != nil, people[k].entity == nil { people[k].entity = entity }
            if name.unicodeScalars.count > people[k].name.unicodeScalars.count, first != nil { people[k].name = name }
            return
        }
        let gender = first.flatMap { CoreferenceLexicon.shared.gender(ofFirstName: $0) }
        peopleBySurname[surname, default: []].append(people.count)
        people.append(Person(name: name, surname: surname, first: first, gender: gender, roles: roleWords, count: 1,
                             firstOffset: offset, entity: entity))
    }

    // MARK: - Mentions

    private mutating func findMentions() {
        var sentence = 0
        var lastSentenceWithMention = -1
        for i in tokens.indices {
            let t = tokens[i]
            while sentence + 1 < sentences.count, sentences[sentence].range.end <= t.range.start { sentence += 1 }
            guard t.kind == .word, isCapitalisedWord(i) || isAllCaps(i), let list = bySurname[t.norm] else { continue }
            // Only the last word of a name is its mention (`Sam Ortiz` is one mention, at `Ortiz`).
            if i + 1 < tokens.count, tokens[i + 1].spaceBefore == .space, isCapitalisedWord(i + 1),
                bySurname[tokens[i + 1].norm] != nil
            {
                continue
            }
            let before = i > 0 && tokens[i].spaceBefore == .space ? tokens[i - 1].norm : ""
            let person = choose(list, firstName: before)
            let subject = lastSentenceWithMention != sentence
            lastSentenceWithMention = sentence
            mentions.append(Mention(offset: t.range.start, sentence: sentence, person: person, subject: subject,
                                    quoted: isQuoted(t.range.start)))
        }
    }

    /// Of the people sharing a surname, the one a first name (or honorific) before it names, else the
    /// one named most often, else the first named.
    private func choose(_ list: [Int], firstName: String, gender: Gender? = nil) -> Int {
        if list.count == 1 { return list[0] }
        if let k = list.first(where: { people[$0].first == firstName }) { return k }
        var candidates = list
        let g = gender ?? Self.honorificGender(firstName)
        if let g {
            let agreeing = candidates.filter { people[$0].gender == nil || people[$0].gender == g }
            if !agreeing.isEmpty { candidates = agreeing }
        }
        return candidates.max { a, b in
            (people[a].count, -people[a].firstOffset) < (people[b].count, -people[b].firstOffset)
        }!
    }

    private static func honorificGender(_ word: String) -> Gender? {
        switch word {
        case "mr.", "mr", "sir", "lord": return .male
        case "mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady": return .female
        default: return nil
        }
    }

    // MARK: - Naming

    /// The person a written name stands for (`Ortiz`, `Mr. King`, `PENCE`, `Sam Ortiz`), if the document
    /// names exactly one that fits, or one that fits best.
    func person(named raw: String) -> Person? {
        let words = raw.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return nil }
        var core = words
        while let l = core.last, core.count > 1, Self.suffixes.contains(l.lowercased()) { core.removeLast() }
        let surname = normalised(core.last!)
        guard let list = bySurname[surname] else {
            return core.count == 1 ? familyNameFirst(surname) ?? writtenFullName(surname) : nil
        }
        let opener = core.count > 1 ? normalised(core[0]) : ""
        if core.count > 1, Self.honorificGender(opener) == nil {
            // A full name: only a person with the same first name (or its initial) is the same.
            let same = list.filter { k in
                guard let f = people[k].first else { return false }
                return f == opener || (opener.unicodeScalars.count <= 2 && f.first == opener.first)
            }
            return same.first.map { people[$0] }
        }
        return people[choose(list, firstName: opener)]
    }

    /// `Liu` → Liu Xiaming, `Ban` → Ban Ki-moon: a family name written first, as the document's one
    /// two-word name that opens with it shows (a word before it is dropped: `Britain Liu Xiaming`).
    private func familyNameFirst(_ word: String) -> Person? {
        var found: Person?
        for p in people {
            let words = p.name.split(separator: " ").map(String.init)
            guard let k = words.firstIndex(where: { normalised($0) == word }), k == words.count - 2 else { continue }
            let name = words[k...].joined(separator: " ")
            if let f = found, f.name != name { return nil }
            found = Person(name: name, surname: word, first: nil, gender: p.gender, roles: p.roles, count: p.count,
                           firstOffset: p.firstOffset, entity: k == 0 ? p.entity : nil)
        }
        return found
    }

    /// `Brooke` → Ally Brooke where no first name the census lists knows opens the full name: the
    /// capitalised word most often written right before the surname (no title, description or
    /// function word), if there is one.
    private func writtenFullName(_ surname: String) -> Person? {
        var counts: [String: Int] = [:]
        var firstAt: [String: Int] = [:]
        for i in tokens.indices.dropFirst() where tokens[i].norm == surname && isCapitalisedWord(i) && tokens[i].spaceBefore == .space {
            let p = i - 1
            guard isCapitalisedWord(p), !StopWords.english.contains(tokens[p].norm),
                EntityLexicon.shared.wordClass[tokens[p].norm] == nil, CoreferenceLexicon.shared.headClass(tokens[p].norm) == nil
            else { continue }
            let name = text(tokens[p].range.start, tokens[i].range.end)
            counts[name, default: 0] += 1
            if firstAt[name] == nil { firstAt[name] = tokens[p].range.start }
        }
        guard let best = counts.max(by: { ($0.value, -firstAt[$0.key]!) < ($1.value, -firstAt[$1.key]!) }) else { return nil }
        let first = String(best.key.split(separator: " ")[0]).lowercased()
        return Person(name: best.key, surname: surname, first: first,
                      gender: CoreferenceLexicon.shared.gender(ofFirstName: first), roles: [], count: best.value,
                      firstOffset: firstAt[best.key]!, entity: nil)
    }

    /// The name of a person inside a speaker's phrase, without titles, roles, age, place or verb:
    /// `South Dakota Gov. Kristi Noem` → Kristi Noem; `Mr. King, 82,` → King; `Taylor Swift posted on
    /// Twitter` → Taylor Swift; `planetary geologist Rosaly Lopes of NASA's JPL` → Rosaly Lopes.
    func personName(in span: TextRange) -> String? {
        var lo = firstToken(startingAt: span.start)
        var best: (Int, Int)?
        var start: Int?
        while lo < tokens.count, tokens[lo].range.start < span.end {
            let t = tokens[lo]
            let cls = EntityLexicon.shared.wordClass[t.norm]
            // After an honorific or a first name, a title word is the name (`Mr. King`, `Charlie King`).
            let afterHonorific = lo > 0 && tokens[lo].range.start > span.start
                && (EntityLexicon.shared.wordClass[tokens[lo - 1].norm]?.contains(.honorific) == true
                    || (start != nil && EntityLexicon.shared.firstNames.contains(tokens[lo - 1].norm)))
            let isTitle = !afterHonorific && ((cls != nil && (cls!.contains(.honorific) || cls!.contains(.office) || cls!.contains(.role)))
                || isTitleAbbreviation(lo) || CoreferenceLexicon.shared.headClass(t.norm) != nil || isCompoundModifier(lo))
            if isTitle {
                // A name before a title only qualified it (`Former DNC chairman`, `Former White House Doctor`).
                start = nil
                best = nil
            } else if isCapitalisedWord(lo) || isAllCaps(lo)
                || (isInitial(lo) && (start != nil || (lo + 1 < tokens.count && (isCapitalisedWord(lo + 1) || isInitial(lo + 1)))))
                || (start != nil && Self.particles.contains(t.norm) && lo + 1 < tokens.count && isCapitalisedWord(lo + 1))
                || (start != nil && Self.suffixes.contains(t.norm))
            {
                if start == nil {
                    if StopWords.english.contains(t.norm) { lo += 1; continue }
                    start = lo
                }
                best = (start!, lo)
            } else {
                if best != nil { break }
                start = nil
            }
            if lo + 1 < tokens.count, tokens[lo + 1].spaceBefore != .space, tokens[lo + 1].kind != .abbreviation,
                best != nil, tokens[lo + 1].norm != "-"
            {
                break
            }
            lo += 1
        }
        guard let (a, b) = best else { return nil }
        return text(tokens[a].range.start, tokens[b].range.end)
    }

    /// A body named after the person it belongs to (`Clinton's campaign`, `her campaign`, `the Obama
    /// administration`): `<surname> campaign`, with the possessor resolved (a pronoun by salience, a
    /// surname or full name to the person), or nil. `pronounGender` resolves `his` and `her`.
    func possessedBody(_ span: TextRange, lastSpeaker: Int?, knownGenders: [Int: Gender]) -> String? {
        var k = firstToken(startingAt: span.start)
        var end = k
        while end < tokens.count, tokens[end].range.end <= span.end { end += 1 }
        guard end - k >= 2, Self.possessedBodies.contains(tokens[end - 1].norm) else { return nil }
        let noun = tokens[end - 1].norm
        if tokens[k].norm == "the" { k += 1 }
        var possessor: String?
        let first = tokens[k].norm
        if end - k == 2, first == "his" || first == "her" {
            let gender: Gender = first == "his" ? .male : .female
            if let found = scoredPerson(before: span.start, sentence: sentenceIndex(span.start), gender: gender,
                                        lastSpeaker: lastSpeaker, knownGenders: knownGenders) {
                possessor = people[found.person].surnameAsWritten
            }
        } else {
            // `Clinton's`, `Hillary Clinton's`, `the Obama`: capitalised words up to the noun.
            var last = end - 1
            if last - 1 >= k, tokens[last - 1].norm == "'s" || tokens[last - 1].norm == "'" { last -= 1 }
            guard last > k, (k..<last).allSatisfy({ isCapitalisedWord($0) }) else { return nil }
            let written = text(tokens[k].range.start, tokens[last - 1].range.end)
            possessor = person(named: written)?.surnameAsWritten ?? (last - k == 1 ? written : nil)
        }
        guard let possessor else { return nil }
        return "\(possessor) \(noun)"
    }

    /// The full name an acronym stands for where the document spells it out (`S.E.C.` → Securities and
    /// Exchange Commission, `DNC` → Democratic National Committee): capitalised words whose initials are
    /// its letters, joined by `of`, `and`, `for`, `the`, `on` or `&`.
    func spelledOut(_ acronym: String) -> String? {
        let letters = Array(acronym.unicodeScalars.filter { $0 != "." && $0 != "&" }.map { Character($0) })
        guard letters.count >= 2, letters.count <= 6, letters.allSatisfy({ $0.isUppercase }) else { return nil }
        let connectors: Set<String> = ["of", "and", "for", "the", "on", "&", "in"]
        for i in tokens.indices where isCapitalisedWord(i) && Character(scalars[tokens[i].range.start]) == letters[0] {
            var k = i + 1
            var matched = 1
            var last = i
            while matched < letters.count, k < tokens.count, tokens[k].spaceBefore == .space {
                if connectors.contains(tokens[k].norm), !isCapitalisedWord(k) || tokens[k].norm == "&" { k += 1; continue }
                guard isCapitalisedWord(k), Character(scalars[tokens[k].range.start]) == letters[matched] else { break }
                matched += 1
                last = k
                k += 1
            }
            guard matched == letters.count else { continue }
            // The run ends there: no further capitalised word continues the name.
            if k < tokens.count, tokens[k].spaceBefore == .space, isCapitalisedWord(k) { continue }
            return text(tokens[i].range.start, tokens[last].range.end)
        }
        return nil
    }

    /// Someone described through another person (`Pagliano's lawyer`, `her husband`): the person the
    /// document gives that role, if one, else nil; `isPossessive` tells whether the span is such a
    /// description at all.
    func describedThroughAnother(_ span: TextRange) -> (isPossessive: Bool, person: Person?) {
        let k = firstToken(startingAt: span.start)
        var end = k
        while end < tokens.count, tokens[end].range.end <= span.end { end += 1 }
        guard end - k >= 2, let cls = CoreferenceLexicon.shared.headClass(tokens[end - 1].norm), case .person = cls,
            let apostrophe = (k..<(end - 1)).first(where: { tokens[$0].norm == "'s" || tokens[$0].norm == "'" }),
            apostrophe > k, apostrophe == end - 2 || apostrophe == end - 3
        else { return (false, nil) }
        let noun = tokens[end - 1].norm
        let holders = people.filter { $0.roles.contains(noun) }
        return (true, holders.count == 1 ? holders[0] : nil)
    }

    /// Bodies a person has (`her campaign`).
    private static let possessedBodies: Set<String> = ["campaign", "administration", "team"]

    /// The person, organisation or outlet a definite description stands for (`the mayor`, `The network`,
    /// `the 34-year-old mother of three`), the nearest of its kind before `span`.
    func describedEntity(_ span: TextRange) -> (name: String, type: Speaker.Kind, entity: String?)? {
        let lo = firstToken(startingAt: span.start)
        guard lo < tokens.count else { return nil }
        let sentence = sentenceIndex(span.start)
        // A headline speaks of the story's protagonist before naming them (`Former party chairman calls
        // for …`): a description opening the first sentence stands for the entity the document names most.
        let headline = sentence == 0 && !["a", "an", "one", "some"].contains(tokens[lo].norm)
        // `…,” actor said.`: a role noun alone, its article dropped, points back as `the actor` does.
        let bare = lo + 1 < tokens.count && tokens[lo + 1].range.start >= span.end && !isCapitalisedWord(lo)
            && CoreferenceLexicon.shared.headClass(tokens[lo].norm) != nil
        guard headline || bare || ["the", "this", "that"].contains(tokens[lo].norm) else { return nil }
        let opener = ["the", "this", "that"].contains(tokens[lo].norm) ? lo + 1 : lo
        // Only a person is spoken of so (`actor said`; `company said` is no such reference).
        if bare, !headline, !isPersonNoun(tokens[lo].norm) { return nil }
        // The head noun: the last word before a preposition, comma, relative or the span's end.
        var head: Int?
        var k = opener
        while k < tokens.count, tokens[k].range.start < span.end {
            let n = tokens[k].norm
            if ["of", "at", "for", "in", "from", "with", "on", ",", "who", "which", "and", "("].contains(n) { break }
            // `the victim's mother`: someone described through another is not that other.
            if n == "'s" || n == "'" { return nil }
            // `Latvian journalist Dainis Ivans`: a description followed by a name is the name's.
            if head != nil, isCapitalisedWord(k), tokens[k].norm != "the" { return nil }
            if CoreferenceLexicon.shared.headClass(n) != nil {
                head = k
            } else if head != nil, !isCapitalisedWord(k) {
                break  // `the president declined to`: the head is the last known noun of the first run
            }
            k += 1
        }
        guard let h = head, let cls = CoreferenceLexicon.shared.headClass(tokens[h].norm) else { return nil }
        if headline {
            return protagonist(cls)
        }
        switch cls {
        case .person(let gender):
            let candidates = mentions.filter { $0.offset < span.start && $0.sentence >= sentence - 6 && !$0.quoted }
            let noun = tokens[h].norm
            if let m = candidates.last(where: { people[$0.person].roles.contains(noun) }) {
                let p = people[m.person]
                return (p.name, .person, p.entity)
            }
            if let k = bestPerson(before: span.start, sentence: sentence, gender: gender, lastSpeaker: nil) {
                let p = people[k]
                return (p.name, .person, p.entity)
            }
            return nil
        case .outlet, .organization:
            // `the company`, `the newspaper`: any body of that kind; `the council`, `the education
            // department`: one whose name holds the head noun, and the more of the other words the better.
            let want: Entity.Kind = cls == .outlet ? .outlet : .organization
            let noun = tokens[h].norm
            let generic = cls == .outlet || Self.genericBodies.contains(noun)
            let words = Set(tokens[opener..<h].filter { $0.kind == .word }.map(\.norm))
            let upTo = entities.firstMention(endingAfter: span.start)
            var best: (score: Int, mention: EntityMention)?
            for m in entities.mentions[..<upTo].reversed() where m.kind == want {
                if span.start - m.range.end > 3000 { break }
                let name = Set(m.name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                if !generic && !name.contains(noun) { continue }
                let score = words.intersection(name).count
                if best == nil || score > best!.score { best = (score, m) }
            }
            guard let m = best?.mention else { return nil }
            return (m.name, want == .outlet ? .outlet : .organization, m.entityID)
        case .document:
            return nil
        }
    }

    /// Whether a description names a document speaking (`The survey`, `a new Harlow poll`, `figures from
    /// the council`): its head noun, the last of the first run of nouns the lexicon knows, is one.
    func describesDocument(_ span: TextRange) -> Bool {
        var k = firstToken(startingAt: span.start)
        var head: CoreferenceLexicon.HeadClass?
        while k < tokens.count, tokens[k].range.start < span.end {
            let n = tokens[k].norm
            if ["of", "at", "for", "in", "from", "with", "on", ",", "who", "which", "and", "(", "by", "published"].contains(n) { break }
            if let c = CoreferenceLexicon.shared.headClass(n) ?? CoreferenceLexicon.shared.headClass(Self.singular(n)) {
                head = c
            } else if head != nil, !isCapitalisedWord(k) {
                break  // `report released in March`: the phrase ends at a word that is no name and no head
            }
            k += 1
        }
        return head == .document
    }

    private static func singular(_ noun: String) -> String {
        noun.hasSuffix("s") && noun.count > 3 ? String(noun.dropLast()) : noun
    }

    private func isPersonNoun(_ noun: String) -> Bool {
        if case .person = CoreferenceLexicon.shared.headClass(noun) { return true }
        return false
    }

    /// The person an interview is with: the one the document names most outside quotations.
    func interviewee() -> Person? {
        protagonist(.person(nil)).flatMap { found in people.first { $0.name == found.name } }
    }

    /// The entity of a head noun's class that the document names most (the first named, of equals).
    private func protagonist(_ cls: CoreferenceLexicon.HeadClass) -> (name: String, type: Speaker.Kind, entity: String?)? {
        switch cls {
        case .person(let gender):
            var counts: [Int: Int] = [:]
            for m in mentions where !m.quoted { counts[m.person, default: 0] += 1 }
            let agreeing = counts.keys.filter { gender == nil || people[$0].gender == nil || people[$0].gender == gender }
            guard let k = agreeing.max(by: { (counts[$0]!, -people[$0].firstOffset) < (counts[$1]!, -people[$1].firstOffset) })
            else { return nil }
            return (people[k].name, .person, people[k].entity)
        case .outlet, .organization:
            let list = cls == .outlet ? entities.outlets : entities.organizations
            guard let e = list.max(by: { ($0.mentions.count, -($0.mentions.first?.start ?? 0)) < ($1.mentions.count, -($1.mentions.first?.start ?? 0)) })
            else { return nil }
            return (e.name, cls == .outlet ? .outlet : .organization, e.id)
        case .document:
            return nil
        }
    }

    /// The person a `he` or `she` at `offset` stands for: of the people mentioned in the sentences before
    /// (and its own, before it), the most salient that agrees in gender.
    func pronoun(at offset: Int, gender: Gender?, lastSpeaker: Int?, knownGenders: [Int: Gender]) -> (person: Int, score: Double)? {
        scoredPerson(before: offset, sentence: sentenceIndex(offset), gender: gender, lastSpeaker: lastSpeaker, knownGenders: knownGenders)
    }

    /// The salience of an unnamed speaker (`One prominent figure from the left said …`) for a pronoun at
    /// `offset`, when it spoke last at `spokeAt`: scored as a named person's mention would be.
    func salienceOfLastSpeaker(at spokeAt: Int, forPronounAt offset: Int) -> Double? {
        let distance = narrative[sentenceIndex(offset)] - narrative[sentenceIndex(spokeAt)]
        guard distance <= Self.salience.window else { return nil }
        return -Double(distance) + Self.salience.subject + Self.salience.lastSpeaker
    }

    private func bestPerson(
        before offset: Int, sentence: Int, gender: Gender?, lastSpeaker: Int?, knownGenders: [Int: Gender] = [:]
    ) -> Int? {
        scoredPerson(before: offset, sentence: sentence, gender: gender, lastSpeaker: lastSpeaker, knownGenders: knownGenders)?.person
    }

    private func scoredPerson(
        before offset: Int, sentence: Int, gender: Gender?, lastSpeaker: Int?, knownGenders: [Int: Gender] = [:]
    ) -> (person: Int, score: Double)? {
        var best: (score: Double, person: Int)?
        var seen: Set<Int> = []
        let quotedHere = isQuoted(offset)
        for m in mentions.reversed() where m.offset < offset {
            // Sentences inside quotations do not count: a long quote keeps its speaker near.
            let distance = narrative[sentence] - narrative[m.sentence]
            if distance > Self.salience.window { break }
            // Someone named only inside another's quotation is not what a pronoun outside it stands for.
            if m.quoted && !quotedHere { continue }
            if seen.contains(m.person) { continue }
            seen.insert(m.person)
            let g = people[m.person].gender ?? knownGenders[m.person]
            if let gender, let g, g != gender { continue }
            var score = -Double(distance)
            if m.subject { score += Self.salience.subject }
            if m.quoted && !quotedHere { score -= 1.5 }
            if m.person == lastSpeaker { score += Self.salience.lastSpeaker }
            if g != nil && gender != nil { score += Self.salience.knownGender }
            if best == nil || score > best!.score { best = (score, m.person) }
        }
        return best.map { ($0.person, $0.score) }
    }

    // MARK: - Text

    func sentenceIndex(_ offset: Int) -> Int {
        let lo = sentences.partitionPoint { $0.range.end <= offset }
        return min(lo, max(0, sentences.count - 1))
    }

    func isQuoted(_ offset: Int) -> Bool {
        let lo = quotations.partitionPoint { $0.start <= offset }
        // Quotations may nest or overlap: look back over the few that start before.
        var k = lo - 1
        while k >= 0, k >= lo - 4 {
            if quotations[k].start <= offset && offset < quotations[k].end { return true }
            k -= 1
        }
        return false
    }

    private func firstToken(startingAt offset: Int) -> Int {
        tokens.partitionPoint { $0.range.end <= offset }
    }

    private func isCapitalisedWord(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, Self.isUpper(scalars[t.range.start]) else { return false }
        // Not all capitals (`NASA` is no first or last name here; see isAllCaps).
        return t.range.count == 1 || Self.isLower(scalars[t.range.start + 1])
            || (t.range.count > 2 && scalars[t.range.start + 1] == "'")
    }

    private func isAllCaps(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.range.count >= 2 else { return false }
        return scalars[t.range.start..<t.range.end].allSatisfy { !Self.isLower($0) }
    }

    /// Letter case, with ASCII answered without Unicode's property tables (this runs for every token).
    @inline(__always) private static func isUpper(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }

    @inline(__always) private static func isLower(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x61 && c.value <= 0x7A) : c.properties.isLowercase
    }

    /// `Korean-born`, `Botox-maker`, `Co-moderator`, `Brooklyn-based`: a capitalised word joined by a
    /// hyphen to a lower-case one describes, it does not name (`Ki-moon` keeps its second capital... or
    /// is a name after a first part that is one: only a known describing second part counts).
    private func isCompoundModifier(_ i: Int) -> Bool {
        let t = tokens[i]
        guard let dash = t.norm.firstIndex(of: "-") else { return false }
        let rest = t.norm[t.norm.index(after: dash)...]
        return Self.describingParts.contains(String(rest)) || CoreferenceLexicon.shared.headClass(String(rest)) != nil
            || EntityLexicon.shared.wordClass[String(rest)] != nil
    }

    /// Second parts of compounds that describe someone (`Korean-born`, `Texas-based`).
    private static let describingParts: Set<String> = [
        "born", "based", "bred", "raised", "led", "backed", "owned", "run", "turned", "elect", "maker", "moderator",
        "founder", "host", "star", "winning", "nominated", "affiliated", "aligned", "leaning",
    ]

    /// `J.`, `G.K.`: an initial inside a name.
    private func isInitial(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .abbreviation || t.kind == .word else { return false }
        let s = scalars[t.range.start..<t.range.end]
        return s.count <= 4 && s.last == "." && s.first!.properties.isUppercase && !isTitleAbbreviation(i)
            && s.filter({ $0 != "." }).allSatisfy { $0.properties.isUppercase }
    }

    /// `Gov.`, `Rep.`, `Del.`: a capitalised abbreviation before a name is a title.
    private func isTitleAbbreviation(_ i: Int) -> Bool {
        let t = tokens[i]
        let s = scalars[t.range.start..<t.range.end]
        guard s.count >= 3, s.count <= 6, s.last == "." || t.kind == .abbreviation, s.first!.properties.isUppercase else {
            return false
        }
        return s.dropFirst().dropLast().allSatisfy { $0.properties.isLowercase }
    }

    private func stripTitles(_ name: String) -> String {
        var words = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        while words.count > 1, let cls = EntityLexicon.shared.wordClass[words[0].lowercased()],
            cls.contains(.honorific) || cls.contains(.office)
        {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    private func normalised(_ word: String) -> String {
        var w = word.lowercased()
        if w.unicodeScalars.contains("\u{2019}") { w = String(String.UnicodeScalarView(w.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 })) }
        if w.hasSuffix("'s") { w.removeLast(2) }
        return w
    }

    /// The text between two offsets, with every run of whitespace (a no-break space, a line break) as
    /// one space, as a name is written.
    func text(_ start: Int, _ end: Int) -> String {
        Self.singleSpaced(String(String.UnicodeScalarView(scalars[start..<end])))
    }

    static func singleSpaced(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) || s.contains("  ") else { return s }
        return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
