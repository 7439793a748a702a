import WhoSaidCore

/// Names each quote's speaker after the entity its mention belongs to: `Sky` → Sky News (outlet),
/// `Lansman` → Jon Lansman (person); a pronoun → the entity of the speaker it stands for; an
/// anonymous `spokesman` → the organisation last speaking (`Momentum spokesman`).
struct SpeakerResolver {
    let entities: EntityAnnotations
    let scalars: [Unicode.Scalar]
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    /// The byline, for `I` outside any quotation in a first-person piece.
    var authors: [String] = []
    /// The publication, for an editorial `we`.
    var outlet: String?

    func resolve(_ quotes: [Quote]) -> [Quote] {
        var out = quotes
        let coref = Coreference(scalars: scalars, tokens: tokens, sentences: sentences, entities: entities, quotes: quotes)
        var lastNamed: Speaker?
        var lastOrganization: Speaker?
        var lastSpeakerPerson: Int?
        var knownGenders: [Int: Coreference.Gender] = [:]
        var recentSpeakers: [Speaker] = []
        // The last speaker, when it was described rather than named (`a spokesman`).
        var lastUnnamed: Speaker?
        // Whether a speaker may be a `he` (or a `she`): the gender of their first name, or the pronoun
        // already resolved to them, does not disagree.
        func agrees(_ s: Speaker, _ gender: Coreference.Gender) -> Bool {
            guard s.type == .person, let name = s.name, let k = coref.people.firstIndex(where: { $0.name == name }) else {
                return s.type == .anonymous || s.type == .person
            }
            let g = coref.people[k].gender ?? knownGenders[k]
            return g == nil || g == gender
        }
        // The document's words, split and indexed once when a quote first needs them (``usedAsOrganisation``).
        var documentWords: DocumentWords?
        // Quotes in the order their speakers are written: a pronoun looks back from where it is.
        let order = out.indices.sorted { (out[$0].speaker?.span?.start ?? Int.max) < (out[$1].speaker?.span?.start ?? Int.max) }
        var firstPerson: [Int] = []
        for i in order {
            guard var speaker = out[i].speaker, let span = speaker.span else { continue }
            let surface = text(span)
            let lower = surface.lowercased()
            if lower == "who", let antecedent = antecedent(of: span) {
                // `The petition was organised by Ruairi Calder, a fisherman from Brannock, who said`: the
                // relative stands for the person named just before it in its sentence (or the body named
                // right before its comma: `Democrats, who have argued`).
                speaker.name = antecedent.name
                speaker.type = kind(of: antecedent)
                speaker.entity = antecedent.entityID
                if speaker.type == .person, let p = coref.person(named: antecedent.name) { speaker.name = p.name }
                lastNamed = speaker
            } else if QuoteAttributor.interviewLabels.contains(surface), isTurnLabel(span) {
                // An interview: questions are the interviewer's (the byline's author, else the
                // publication), answers the interviewee's (the person the piece names most).
                if surface == "Q" || surface == "Question" {
                    if authors.count == 1 {
                        speaker.name = authors[0]
                        speaker.type = .person
                    } else if let outlet {
                        speaker.name = outlet
                        speaker.type = .outlet
                    } else {
                        speaker.leaveUnresolved()
                    }
                    speaker.entity = nil
                } else if let p = coref.interviewee() {
                    speaker.name = p.name
                    speaker.type = .person
                    speaker.entity = p.entity
                } else {
                    speaker.leaveUnresolved()
                }
            } else if ["i", "we", "me", "us", "my", "our"].contains(lower) {
                // Named once every other speaker is: the speaker of the quotation holding it.
                firstPerson.append(i)
                continue
            } else if lower == "it" || lower == "its" {
                // `it` stands for a body (an organisation, company or council), never a person: the body
                // that is the subject of the sentence before (named by the attributor; an organisation
                // mention ending it names it), or else the organisation or outlet last speaking, if any.
                if speaker.name != surface, speaker.type == .person {
                    // The attributor named `it` after a phrase that names a person: `it` is no person.
                    speaker.name = lastOrganization?.name
                    speaker.type = lastOrganization?.type ?? .anonymous
                    speaker.entity = lastOrganization?.entity
                } else if speaker.name != surface {
                    if speaker.type == .organization, let mention = entities.mentions.last(where: {
                        $0.range.end <= span.start && $0.kind != .person && (speaker.name ?? "").hasSuffix(text($0.range))
                    }) {
                        speaker.name = mention.name
                        speaker.type = kind(of: mention)
                        speaker.entity = mention.entityID
                    }
                } else if let previous = lastOrganization {
                    speaker.stand(for: previous)
                } else {
                    speaker.leaveUnresolved()
                }
            } else if let gender = Self.personalGender[lower] {
                // `he` and `she` stand for a person, never a body: the most salient one agreeing in gender.
                let named = coref.pronoun(at: span.start, gender: gender, lastSpeaker: lastSpeakerPerson, knownGenders: knownGenders)
                // An unnamed last speaker (`One prominent figure … said`) competes with the people named.
                if let last = lastUnnamed, last.type == .anonymous, agrees(last, gender),
                    let salience = coref.salienceOfLastSpeaker(at: last.span?.start ?? 0, forPronounAt: span.start),
                    named == nil || salience > named!.score
                {
                    speaker.stand(for: last)
                } else if let k = named?.person {
                    let p = coref.people[k]
                    speaker.name = p.name
                    speaker.type = .person
                    speaker.entity = p.entity ?? entityID(named: p.name)
                    if p.gender == nil { knownGenders[k] = gender }
                    lastSpeakerPerson = k
                } else if let previous = recentSpeakers.last(where: { agrees($0, gender) }) {
                    // No one agreeing in the sentences before: the last speaker who agrees.
                    speaker.stand(for: previous)
                } else {
                    speaker.leaveUnresolved()
                }
            } else if Self.indefinite.contains(lower) {
                // `someone`, `one`, `this`: the text does not say who.
                speaker.leaveUnresolved()
            } else if isPronoun(surface) {
                if let previous = lastNamed {
                    speaker.stand(for: previous)
                } else {
                    speaker.leaveUnresolved()
                }
            } else if let body = coref.possessedBody(span, lastSpeaker: lastSpeakerPerson, knownGenders: knownGenders) {
                // `Clinton's campaign`, `her campaign`: the organisation of the person named.
                speaker.name = body
                speaker.type = .organization
                speaker.entity = nil
            } else if case let (true, holder) = coref.describedThroughAnother(span) {
                // `Pagliano's lawyer` is not Pagliano: the person the article makes the lawyer, or unnamed.
                if let holder {
                    speaker.name = holder.name
                    speaker.type = .person
                    speaker.entity = holder.entity
                } else {
                    speaker.type = .anonymous
                }
            } else if let mention = namingMention(span) {
                speaker.name = mention.name
                speaker.entity = mention.entityID
                speaker.type = kind(of: mention)
                if speaker.type == .person {
                    if let p = coref.person(named: mention.name) {
                        speaker.name = p.name
                    } else if let n = coref.personName(in: mention.range) {
                        speaker.name = n
                    }
                }
            } else if let described = coref.describedEntity(span) {
                // `the mayor`, `the newspaper`: the entity named before that the description points back to.
                speaker.name = described.name
                speaker.type = described.type
                speaker.entity = described.entity ?? entityID(named: described.name)
            } else if speaker.type == .anonymous, let org = lastOrganization, let head = bareSpokesperson(surface) {
                // `Momentum hailed the results … A spokesman said` → a Momentum spokesman.
                speaker.name = "\(org.name ?? "") \(head)"
            } else if speaker.type == .person, !looksLikeName(surface) {
                speaker.type = .group
            } else if speaker.type == .person, usedAsOrganisation(surface, quote: out[i], words: &documentWords) {
                // `talks with the operator Bluewake Lines … Bluewake said it had offered`
                speaker.type = .organization
            } else if speaker.type == .person {
                // A name the entity tagger did not find: its person part, without titles, roles or verbs,
                // and the full name when the document gives it (`Lopes` → Rosaly Lopes).
                let words = surface.split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }
                if let n = coref.personName(in: span) {
                    if let p = coref.person(named: n) {
                        speaker.name = p.name
                        speaker.entity = p.entity
                    } else {
                        speaker.name = n
                    }
                } else if let first = words.first, Self.numberWords.contains(first.split(separator: "-").first.map(String.init) ?? first) {
                    // `Twenty-four percent said`: a share of people.
                    speaker.type = .group
                } else if let first = words.first, ["a", "an", "one", "another"].contains(first) {
                    // `a Democratic senator`, `An EU official`: one person described, not named; `A number
                    // of members`, `a group of` several.
                    let collective = words.count > 2 && ["number", "group", "couple", "handful", "few", "dozen"].contains(words[1])
                    speaker.type = collective ? .group : .anonymous
                }
                if let name = speaker.name, isAcronym(name), coref.person(named: name) == nil {
                    // `NASA`; but a role in capitals (`HOST:` in a transcript) is someone unnamed.
                    let role = CoreferenceLexicon.shared.headClass(name.lowercased()) != nil
                        || EntityLexicon.shared.wordClass[name.lowercased()] != nil
                    speaker.type = role ? .anonymous : .organization
                }
            }
            if let name = speaker.name, isAcronym(name), speaker.type != .person || coref.person(named: name) == nil,
                let full = coref.spelledOut(name)
            {
                // `the S.E.C.` where the article spells out the Securities and Exchange Commission.
                speaker.name = full
                if speaker.type == .person || speaker.type == .group { speaker.type = .organization }
            }
            if speaker.type == .group || speaker.type == .anonymous || speaker.type == .person, speaker.entity == nil,
                coref.describesDocument(span)
            {
                // `The survey found`, `a statement from the council said`: a document speaks.
                speaker.type = .document
            }
            if !isPronoun(surface) { lastNamed = speaker }
            if speaker.type == .person || speaker.type == .anonymous, speaker.name != nil {
                recentSpeakers.append(speaker)
                lastUnnamed = speaker.type == .anonymous ? speaker : nil
            }
            if speaker.type == .person, let name = speaker.name, let p = coref.person(named: name) {
                lastSpeakerPerson = coref.people.firstIndex { $0.name == p.name }
            }
            if speaker.type == .organization || speaker.type == .outlet { lastOrganization = speaker }
            speaker.name = speaker.name.map(Coreference.singleSpaced)
            out[i].speaker = speaker
        }
        // `I` and `we` inside a quotation are its speaker; outside any, `I` is the byline's author and
        // `we` the publication speaking.
        for i in firstPerson {
            guard var speaker = out[i].speaker, let span = speaker.span else { continue }
            let lower = text(span).lowercased()
            if let holder = out.first(where: { q in
                q.kind != .indirect && q.speaker?.name != nil && q.content.contains { $0.start <= span.start && span.end <= $0.end }
            }), let s = holder.speaker {
                speaker.stand(for: s)
            } else if lower == "i" || lower == "me", authors.count == 1 {
                speaker.name = authors[0]
                speaker.type = .person
                speaker.entity = nil
            } else if lower == "we" || lower == "us", let outlet {
                speaker.name = outlet
                speaker.type = .outlet
                speaker.entity = nil
            } else {
                speaker.leaveUnresolved()
            }
            out[i].speaker = speaker
        }
        for i in out.indices {
            out[i].via = medium(of: out[i])
            if out[i].kind == .mixed, quotesOnlyNames(out[i]) { out[i].kind = .indirect }
        }
        return out
    }

    /// Whether a label opens its paragraph and a colon follows it (`Q: Why now?`).
    private func isTurnLabel(_ span: TextRange) -> Bool {
        guard span.end < scalars.count, scalars[span.end] == ":" else { return false }
        var k = span.start - 1
        while k >= 0, scalars[k] == " " || scalars[k] == "\u{201C}" || scalars[k] == "\"" { k -= 1 }
        return k < 0 || scalars[k] == "\n"
    }

    /// The id of the tagged entity with this canonical name, if any.
    private func entityID(named name: String) -> String? {
        entities.people.first { $0.name == name }?.id
    }

    /// `NASA`, `VW`: a word in capitals is an organisation's initials, not a person.
    private func isAcronym(_ name: String) -> Bool {
        var scalars = Substring(name).unicodeScalars[...]
        if name.hasPrefix("the ") || name.hasPrefix("The ") { scalars = scalars.dropFirst(4) }
        var letters = 0
        var dotted = false
        for c in scalars {
            if c == "." { dotted = true; continue }
            if c == "&" { continue }
            guard c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase else { return false }
            letters += 1
            if letters > 6 { return false }
        }
        return letters >= 2 && letters <= (dotted ? 6 : 4)
    }

    /// Number words opening a share of people (`Sixty-six percent`, `Twenty-four of them`).
    private static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands", "dozens", "half",
    ]

    /// Whether every quotation inside a quote's content is a name in quotation marks (`the
    /// Momentum-backed “Common Ground” slate took every seat`), which quotes no one's words.
    private func quotesOnlyNames(_ quote: Quote) -> Bool {
        var found = false
        for part in quote.content {
            var k = part.start
            while k < part.end {
                let c = scalars[k]
                if c == "\u{2018}" { return false }
                guard c == "\u{201C}" || (c == "\"" && (k == part.start || scalars[k - 1] == " ")) else { k += 1; continue }
                guard let close = (k + 1..<part.end).first(where: { scalars[$0] == "\u{201D}" || scalars[$0] == "\"" }) else {
                    return false
                }
                let inner = TextRange(start: k + 1, end: close)
                guard let m = entities.entity(at: inner), m.kind != .person, m.range.start <= inner.start, m.range.end >= inner.end
                else { return false }
                found = true
                k = close + 1
            }
        }
        return found
    }

    /// Words that say a statement came through a medium (`in an interview with`, `told`, `writing in`).
    private static let mediumWords: Set<String> = [
        "interview", "interviews", "told", "tells", "telling", "writing", "wrote", "writes", "op-ed", "column",
        "article", "statement", "speaking", "spoke", "appearance", "appearing", "broadcast", "programme", "program",
        "show", "podcast", "letter", "piece", "essay", "said", "says", "saying",
    ]

    /// The outlet a quote came through, named in its sentence next to its cue (`In an interview in The
    /// Independent last year, Lansman said`, `she told the BBC`), not the outlet speaking itself.
    private func medium(of quote: Quote) -> String? {
        guard let cue = quote.cue else { return nil }
        let from = max(0, cue.start - 160)
        let to = min(scalars.count, cue.end + 100)
        let near = entities.mentions[entities.firstMention(endingAfter: from)...].prefix { $0.range.start < to }
        for m in near where m.kind == .outlet {
            if let span = quote.speaker?.span, m.range.overlaps(span) { continue }
            if quote.speaker?.entity == m.entityID { continue }
            if quote.content.contains(where: { $0.overlaps(m.range) }) { continue }
            // The same sentence: no sentence end between the mention and the cue.
            let between = m.range.end <= cue.start
                ? TextRange(start: m.range.end, end: cue.start) : TextRange(start: cue.end, end: max(cue.end, m.range.start))
            let gap = text(between)
            if gap.contains("\n") || gap.contains(". ") || gap.contains("? ") || gap.contains("! ") { continue }
            // A preposition (or `told`) right before the outlet, and a medium word shortly before that.
            let lead = text(TextRange(start: max(0, m.range.start - 60), end: m.range.start)).lowercased()
                .split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
            var words = lead
            if words.last == "the" { words.removeLast() }
            guard let last = words.last, ["with", "in", "on", "to", "told", "for"].contains(last) else { continue }
            if last == "told" || words.suffix(7).contains(where: Self.mediumWords.contains) { return m.name }
        }
        return nil
    }

    /// The mention naming the speaker of `span`: the one overlapping it most, or else the name opening
    /// it when a longer name in its apposition overlaps more (`Dario Ormsby, a founder of the Coastal
    /// Renewal platform,`).
    private func namingMention(_ span: TextRange) -> EntityMention? {
        let k = entities.firstMention(endingAfter: span.start)
        guard k < entities.mentions.count else { return nil }
        let inside = entities.mentions[k...].prefix { $0.range.start < span.end }
        // `Rep. Dale Hurlbut (R-Tenn.), who chairs the Freedom Caucus`: the person named first, with an
        // apposition or parenthesis after the name, is the speaker, not a longer name inside it.
        if let first = inside.first, first.kind == .person, first.range.end < span.end {
            let next = text(TextRange(start: first.range.end, end: min(span.end, first.range.end + 2)))
            if next.hasPrefix(",") || next.hasPrefix(" (") { return first }
        }
        // `Meridian News political correspondent Callum Reyes`: the name ending the phrase is its head,
        // even when a longer one (the outlet) comes before it.
        // (`The operations director, Anselm Greaves,`: a name ending the span before its comma.)
        var end = span.end
        while end > span.start, scalars[end - 1] == "," || scalars[end - 1] == " " { end -= 1 }
        let core = TextRange(start: span.start, end: end)
        if let head = inside.last(where: { $0.range.end == core.end }), covers(head.range, core) { return head }
        if let mention = entities.entity(at: span), covers(mention.range, span) { return mention }
        let opening = entities.mentions[k]
        return opening.range.start == span.start && covers(opening.range, span) ? opening : nil
    }

    /// The entity mention names the speaker when it is the head of the speaker's phrase (its last
    /// words: `Labour donor John Mills`, `the London Evening Standard`) or most of it, not a word
    /// inside a longer description (`Senior Labour figures`).
    private func covers(_ mention: TextRange, _ span: TextRange) -> Bool {
        guard mention.overlaps(span) else { return false }
        // `One prominent Labour figure from the left`: a mention inside a prepositional phrase is
        // not the head.
        if mention.start > span.start {
            let before = text(TextRange(start: span.start, end: mention.start)).lowercased()
                .split(whereSeparator: { !$0.isLetter }).suffix(2)
            if before.contains(where: { ["from", "of", "in", "on", "at", "for", "with", "by"].contains(String($0)) }) {
                return false
            }
        }
        // `Some Freedom Caucus members`: a name followed by a common noun only describes it.
        if mention.end < span.end {
            let rest = text(TextRange(start: mention.end, end: min(span.end, mention.end + 2)))
            if rest.hasPrefix(" "), rest.unicodeScalars.dropFirst().first?.properties.isLowercase == true { return false }
        }
        let shared = min(mention.end, span.end) - max(mention.start, span.start)
        if mention.end == span.end || shared * 2 >= span.count { return true }
        // `Wilma Stroud, who has worked at the branch since 1986,` and `Rep. Ada Quill (D-Ore.)`: a name
        // opening the span and followed by its apposition or parenthesis names the speaker.
        if mention.end < span.end {
            let next = text(TextRange(start: mention.end, end: min(span.end, mention.end + 2)))
            return next.hasPrefix(",") || next.hasPrefix(" (")
        }
        return false
    }

    /// `A spokesman`, `the spokeswoman`: someone speaking for an organisation the phrase leaves
    /// unnamed. Returns the head word.
    private func bareSpokesperson(_ s: String) -> String? {
        let words = s.lowercased().split(separator: " ").map(String.init)
        guard words.count == 2, ["a", "an", "the", "one"].contains(words[0]),
            ["spokesman", "spokeswoman", "spokesperson", "representative", "official", "source", "aide"].contains(words[1])
        else { return nil }
        return words[1]
    }

    /// A single capitalised word that no person of the document carries, that is no first name, and
    /// that speaks as a body does: its content opens with `it` (`Bluewake said it had offered`), or the
    /// word opens a longer name elsewhere in the text and never ends one (`the operator Bluewake Lines`,
    /// where a surname would follow a first name).
    private func usedAsOrganisation(_ s: String, quote: Quote, words cache: inout DocumentWords?) -> Bool {
        guard !s.contains(" "), s.unicodeScalars.count > 1, s.first?.isUppercase == true,
            s.dropFirst().allSatisfy({ $0.isLetter && $0.isLowercase }),
            !EntityLexicon.shared.firstNames.contains(s.lowercased())
        else { return false }
        if let first = quote.content.first {
            let opening = text(TextRange(start: first.start, end: min(first.end, first.start + 4)))
            if opening.lowercased().hasPrefix("it ") || opening.lowercased().hasPrefix("its ") { return true }
        }
        // Words as written between spaces: punctuation next to a word ends the name there.
        let index = cache ?? DocumentWords(String(scalars: scalars))
        cache = index
        let words = index.words
        func isName(_ w: Substring) -> Bool {
            w.first?.isUppercase == true && w.dropLast().allSatisfy({ $0.isLetter || $0 == "-" })
                && !StopWords.english.contains(String(w.lowercased().filter { $0.isLetter || $0 == "-" }))
        }
        var opens = false
        // A word starting with `s` starts with its first character: only those words are looked at.
        for k in index.byFirst[s.first!] ?? [] where words[k].hasPrefix(s) {
            let w = words[k]
            let rest = w.dropFirst(s.count)
            if k > 0, isName(words[k - 1]), words[k - 1].last?.isLetter == true { return false }
            if rest.isEmpty, k + 1 < words.count, isName(words[k + 1]) { opens = true }
        }
        return opens
    }

    /// A document's words as written between spaces, and where the words starting with each
    /// character are (`B` → the indices of `Bluewake`, `Bluewake's`, `But`, …, in text order).
    struct DocumentWords {
        var words: [Substring]
        var byFirst: [Character: [Int]] = [:]

        init(_ text: String) {
            words = Self.split(text) ?? text.split(whereSeparator: \.isWhitespace)
            for (k, w) in words.enumerated() { byFirst[w.first!, default: []].append(k) }
        }

        /// The words between whitespace, found scalar by scalar, or nil when the text holds a scalar
        /// that might join others into one character (a combining accent, a joiner, an emoji
        /// modifier): then only splitting by characters gives the same words. Below U+0300, in the
        /// punctuation block (`“`, `—`, `…`) and among currency signs (`€`) every scalar is a character
        /// of its own, so the two splits agree.
        static func split(_ text: String) -> [Substring]? {
            var words: [Substring] = []
            let view = text.unicodeScalars
            var i = view.startIndex
            var start: String.Index?
            while i != view.endIndex {
                let c = view[i]
                let v = c.value
                let space: Bool
                if v < 0x80 {
                    space = v == 32 || (v >= 9 && v <= 13)
                } else {
                    guard v < 0x300 || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x20A0...0x20CF).contains(v)
                    else { return nil }
                    space = c.properties.isWhitespace
                }
                if space {
                    if let s = start { words.append(text[s..<i]) }
                    start = nil
                } else if start == nil {
                    start = i
                }
                view.formIndex(after: &i)
            }
            if let s = start { words.append(text[s..<view.endIndex]) }
            return words
        }
    }

    private func kind(of mention: EntityMention) -> Speaker.Kind {
        switch mention.kind {
        case .person: return .person
        case .outlet: return .outlet
        case .organization: return .organization
        // A named faction that speaks (Momentum) speaks as an organisation; `the left` is a group.
        case .faction: return mention.name.first?.isUppercase == true ? .organization : .group
        }
    }

    /// What a relative `who` at `span` stands for: the mention right before its comma, or else the
    /// person mention nearest before it in its sentence (no sentence end or quotation between), or nil.
    private func antecedent(of span: TextRange) -> EntityMention? {
        var k = entities.firstMention(endingAfter: span.start) - 1
        while k >= 0 {
            let m = entities.mentions[k]
            let gap = text(TextRange(start: m.range.end, end: span.start))
            if m.kind != .person, gap.allSatisfy({ $0 == "," || $0 == " " }), gap.contains(",") { return m }
            if gap.contains("\n") || gap.contains(". ") || gap.contains("? ") || gap.contains("! ") || gap.contains("\u{201D}")
                || gap.contains("\"") || gap.unicodeScalars.count > 120
            {
                return nil
            }
            if m.kind == .person { return m }
            k -= 1
        }
        return nil
    }

    private func isPronoun(_ s: String) -> Bool {
        let lower = s.lowercased()
        return QuoteAttributor.pronouns.contains(lower) || QuoteAttributor.relatives.contains(lower)
            || Self.personalGender[lower] != nil || Self.indefinite.contains(lower)
            || ["they", "them", "their", "its", "my", "our", "me", "us"].contains(lower)
    }

    /// Third-person pronouns of a person, in any case, and the gender they agree with.
    private static let personalGender: [String: Coreference.Gender] = [
        "he": .male, "him": .male, "his": .male, "she": .female, "her": .female, "hers": .female,
    ]
    /// Pronouns that name no one the text points back to.
    private static let indefinite: Set<String> = [
        "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "one", "this", "that", "these", "those",
        "whom", "whose", "you", "your",
    ]

    /// A capitalised word other than a function word: `The survey` and `Others`, capitalised only
    /// because they open the sentence, are no names.
    private func looksLikeName(_ s: String) -> Bool {
        s.split(separator: " ").contains { $0.first?.isUppercase == true && !StopWords.english.contains($0.lowercased()) }
    }

    private func text(_ r: TextRange) -> String {
        String(scalars: scalars[r.start..<r.end])
    }
}

private extension Speaker {
    /// Names this speaker as `other` is named: a pronoun or relative standing for an earlier speaker.
    mutating func stand(for other: Speaker) {
        name = other.name
        type = other.type
        entity = other.entity
    }

    /// The text does not say who: no name (the words stay in `span`), typed anonymous.
    mutating func leaveUnresolved() {
        name = nil
        type = .anonymous
    }
}
