/// Decides which lines of a scraped text dump are the article and which are page boilerplate.
///
/// A text dump is what a scraper saved of a page: the headline, often a standfirst, the article's
/// paragraphs, and whatever page furniture the scraper could not tell apart from them. The rules are
/// structural wherever possible, so that they hold for any outlet:
///
/// - **Related-articles tail.** From the first separator line (a line with no letters or digits,
///   such as `-` or `* * *`) after which every block between separators reads as a story card (a few
///   short lines: headline, standfirst, byline), everything is dropped. Without separators, bylines
///   that recur at a fixed spacing near the end mark the same kind of list.
/// - **Other stories' bylines.** `By <Name>[, <Outlet>] Published …` is page metadata wherever it stands.
/// - **Repeated lines.** A line identical to an earlier one is dropped.
/// - **Sign-up prompts and their blurbs.** A short line that starts with a call to subscribe or sign up,
///   or names a newsletter or inbox, is dropped, and so is the promo blurb right after it when it
///   addresses the reader.
/// - **Furniture.** Short lines that are ads, share, follow or read-more buttons.
/// - **Sandwiched lines.** A short line (not a quote) between two lines dropped by the rules above is
///   part of the same box.
///
/// The headline (the first non-blank line) is always kept, and a standfirst straight under it is only
/// dropped when it is itself a prompt or byline. Lines with quotation marks are never dropped by the
/// context rules (blurb, sandwich), because quotes are what later stages look for.
///
/// The publisher is read from the same boilerplate: `Subscribe to X`, `Sign up for X's … Newsletter`
/// and `By Name, X Published` each vote for X.
enum TextDumpCleaner {
    struct Cleaning: Sendable {
        /// Indices of the lines to keep, in order.
        var kept: [Int]
        /// The outlet the boilerplate names, if it names one.
        var outlet: String?
    }

    /// Why a line was dropped. Only some reasons make the lines around them suspect (see ``isBread``).
    enum Reason: Equatable {
        case separator, tail, tailHeading, byline, signUpPrompt, blurb, furniture, duplicate, sandwiched
        /// Reasons strong enough that a short line between two of them is taken to belong to the same box.
        /// Furniture (an "Advertisement" slot) is left out: ads sit in the middle of articles, and the
        /// paragraphs between two of them are the article's.
        var isBread: Bool {
            switch self {
            case .separator, .furniture: return false
            default: return true
            }
        }
    }

    // MARK: - Vocabulary

    /// Generic web calls to sign up. A short line that starts with one of the first two, or mentions a
    /// newsletter or an inbox without being a sentence, is a sign-up prompt. No outlet names here.
    static let signUpStarts = ["subscribe", "sign up"]
    static let signUpWords: Set<String> = ["newsletter", "newsletters", "inbox"]

    /// Generic web page furniture: ads, share and follow buttons, links out, app and log-in prompts.
    /// A short line that starts with one of these (as whole words) is dropped.
    static let furnitureStarts = [
        "advertisement", "sponsored content", "share this", "share on", "follow us", "read more",
        "continue reading", "download the app", "download our app", "log in", "sign in", "click here",
    ]

    /// Words promo blurbs use to sell a newsletter to the reader. A line right after a sign-up prompt
    /// with two or more different ones is the prompt's blurb.
    static let readerAddressWords: Set<String> = [
        "you", "your", "our", "free", "get", "email", "inbox", "newsletter", "newsletters", "delivered",
        "daily", "weekly", "subscribe", "subscription", "sign",
    ]

    /// Edition suffixes outlets put after their name in bylines ("X UK", "X US"). Stripped from an
    /// outlet name only when the page also names the outlet without one.
    static let regionWords: Set<String> = [
        "US", "UK", "EU", "AU", "NZ", "IE", "CA", "IN", "Asia", "Europe", "Australia", "International",
    ]

    /// Words that mark a byline's date part.
    static let bylineDateWords: Set<String> = ["Published", "Updated"]

    // MARK: - Thresholds

    /// Prompts are button- or heading-sized.
    static let maxPromptWords = 12
    static let maxFurnitureWords = 10
    /// Blurbs are one or two sentences.
    static let maxBlurbWords = 40
    /// A line between two dropped lines is only taken with them when it is this short.
    static let maxSandwichedWords = 30
    /// Story cards in a related list: at most this many lines, each at most this many words.
    static let maxCardLines = 5
    static let maxCardLineWords = 60
    /// A card's headline, when it has no byline to show it is a card, is at most this long.
    static let maxCardHeadlineWords = 25
    /// A heading introducing the related list ("More from us").
    static let maxTailHeadingWords = 6

    // MARK: - Cleaning

    static func clean(_ lines: [String]) -> Cleaning {
        let text = lines.map { collapseSpaces($0.trimmed()) }
        let nb = text.indices.filter { !text[$0].isEmpty }   // positions → line indices
        guard !nb.isEmpty else { return Cleaning(kept: [], outlet: nil) }
        let n = nb.count
        let line = { (p: Int) in text[nb[p]] }
        let words = nb.map { wordCount(text[$0]) }

        // The headline, and a standfirst straight under it, are the page's own.
        var isProtected = Array(repeating: false, count: n)
        isProtected[0] = true
        if n > 1, nb[1] == nb[0] + 1 { isProtected[1] = true }

        var reason: [Reason?] = Array(repeating: nil, count: n)
        func dropped(_ p: Int) -> Bool { reason[p] != nil }

        // 1. Separator lines carry no words; they never belong to the article text.
        for p in 1..<max(n, 1) where isSeparator(line(p)) { reason[p] = .separator }

        // 2. The related-articles tail.
        let tail = separatorTail(n: n, line: line, words: words) ?? bylineTail(n: n, line: line, words: words)
        if let tail {
            for p in tail..<n where !isProtected[p] { reason[p] = .tail }
        }

        // 3. Line-by-line patterns: bylines, prompts, furniture, repeats.
        var seen = Set<String>()
        for p in 0..<n {
            let t = line(p)
            let firstCopy = seen.insert(t).inserted
            guard p > 0, reason[p] == nil else { continue }
            if isPublishedByline(t) {
                reason[p] = .byline
            } else if isSignUpPrompt(t, words: words[p]) {
                reason[p] = .signUpPrompt
            } else if isFurniture(t, words: words[p]) {
                reason[p] = .furniture
            } else if !firstCopy && !isProtected[p] {
                reason[p] = .duplicate
            }
        }

        // 4. The promo blurb right after a sign-up prompt.
        for p in 0..<n where reason[p] == .signUpPrompt {
            let q = p + 1
            guard q < n, !isProtected[q], reason[q] == nil, !hasQuotationMarks(line(q)),
                words[q] <= maxBlurbWords, readerAddressCount(line(q)) >= 2
            else { continue }
            reason[q] = .blurb
        }

        // 5. A heading left standing just before the tail introduces it ("Related stories").
        if let tail {
            var p = tail - 1
            while p > 0, dropped(p) { p -= 1 }
            let t = line(p)
            if p > 0, !isProtected[p], words[p] <= maxTailHeadingWords, !endsLikeSentence(t), !hasQuotationMarks(t) {
                reason[p] = .tailHeading
            }
        }

        // 6. Short lines sandwiched between dropped boxes, until nothing changes.
        var changed = true
        while changed {
            changed = false
            for p in 1..<max(n - 1, 1) where reason[p] == nil && !isProtected[p] {
                guard words[p] <= maxSandwichedWords, !hasQuotationMarks(line(p)),
                    let before = reason[p - 1], before.isBread, let after = reason[p + 1], after.isBread
                else { continue }
                reason[p] = .sandwiched
                changed = true
            }
        }

        let kept = (0..<n).filter { reason[$0] == nil }.map { nb[$0] }
        let boilerplate = (0..<n).filter { reason[$0] != nil }.map(line)
        return Cleaning(kept: kept, outlet: outlet(in: boilerplate))
    }

    // MARK: - The related-articles tail

    /// The earliest separator after which every block reads as a story card, as a position. A list
    /// needs a byline in one of its cards or at least three cards; separators with nothing after them
    /// qualify on their own.
    static func separatorTail(n: Int, line: (Int) -> String, words: [Int]) -> Int? {
        let separators = (1..<max(n, 1)).filter { isSeparator(line($0)) }
        // Walk the blocks from the end: once a block is not a card, no earlier separator can start the tail.
        var found: Int?
        var cards = 0
        var bylined = false
        for (i, s) in separators.enumerated().reversed() {
            let end = i + 1 < separators.count ? separators[i + 1] : n
            let block = Array((s + 1)..<end)
            if !block.isEmpty {
                guard isStoryCard(block, line: line, words: words) else { break }
                cards += 1
                bylined = bylined || block.contains { isByline(line($0)) }
            }
            if cards == 0 || bylined || cards >= 3 { found = s }
        }
        return found
    }

    /// A few short lines, bylined or led by a headline (a line that is not a sentence).
    static func isStoryCard(_ block: [Int], line: (Int) -> String, words: [Int]) -> Bool {
        guard block.count <= maxCardLines, block.allSatisfy({ words[$0] <= maxCardLineWords }) else { return false }
        if block.contains(where: { isByline(line($0)) }) { return true }
        let head = line(block[0])
        return words[block[0]] <= maxCardHeadlineWords && !endsLikeSentence(head)
    }

    /// Without separators: published-style bylines at a fixed spacing running to the end of the dump
    /// are a list of cards, each ending in its byline. Returns where the first card starts.
    static func bylineTail(n: Int, line: (Int) -> String, words: [Int]) -> Int? {
        let bylines = (2..<max(n, 2)).filter { isPublishedByline(line($0)) }
        guard bylines.count >= 2 else { return nil }
        let gaps = zip(bylines.dropFirst(), bylines).map { $0 - $1 }
        guard let gap = gaps.first, (2...maxCardLines).contains(gap), gaps.allSatisfy({ $0 == gap }) else { return nil }
        let start = bylines[0] - (gap - 1)
        guard start >= 2, n - 1 - bylines.last! < gap,
            (start..<n).allSatisfy({ words[$0] <= maxCardLineWords })
        else { return nil }
        return start
    }

    // MARK: - Line patterns

    /// A line with no letters or digits: `-`, `* * *`, `•`, `|`.
    static func isSeparator(_ t: String) -> Bool {
        !t.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// `By <Name>[, <Outlet>] Published …` (or `Updated`): a story's byline as listing pages print it.
    static func isPublishedByline(_ t: String) -> Bool { publishedByline(t) != nil }

    /// Any byline: a published-style one, or a short `By <Capitalised Name>` line.
    static func isByline(_ t: String) -> Bool {
        if isPublishedByline(t) { return true }
        let w = t.split(separator: " ")
        guard w.count >= 2, w.count <= 8, w[0] == "By" else { return false }
        return w.dropFirst().allSatisfy { isNameWord($0) } && !endsLikeSentence(t)
    }

    /// The name and outlet parts of a published-style byline.
    static func publishedByline(_ t: String) -> (name: String, outlet: String?)? {
        let w = t.split(separator: " ").map(String.init)
        guard w.count >= 3, w[0] == "By",
            let d = w.firstIndex(where: { bylineDateWords.contains($0.trimmingPunctuation) }), d >= 2,
            w.count - d <= 10
        else { return nil }
        let credit = w[1..<d].joined(separator: " ")
        let parts = credit.split(separator: ",").map { String($0).trimmed() }
        guard (1...2).contains(parts.count), parts.allSatisfy({ isNameRun($0) }) else { return nil }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    /// One to six capitalised words (particles such as "de" or "van" allowed), like a name or outlet.
    static func isNameRun(_ s: String) -> Bool {
        let w = s.split(separator: " ")
        return (1...6).contains(w.count) && isNameWord(w[0]) && w.allSatisfy { isNameWord($0) || nameParticles.contains(String($0)) }
    }

    static let nameParticles: Set<String> = ["de", "da", "di", "del", "van", "von", "der", "den", "la", "le", "of", "and", "&", "bin", "al"]

    static func isNameWord<S: StringProtocol>(_ w: S) -> Bool {
        guard let first = w.unicodeScalars.first else { return false }
        return first.properties.isUppercase || first.properties.numericType != nil
    }

    static func isSignUpPrompt(_ t: String, words: Int) -> Bool {
        guard words <= maxPromptWords, !hasQuotationMarks(t) else { return false }
        let lower = t.lowercased()
        if signUpStarts.contains(where: { startsWithWords(lower, $0) }) { return true }
        return !endsLikeSentence(t) && lowercaseWords(t).contains { signUpWords.contains($0) }
    }

    static func isFurniture(_ t: String, words: Int) -> Bool {
        guard words <= maxFurnitureWords, !hasQuotationMarks(t) else { return false }
        let lower = t.lowercased()
        return furnitureStarts.contains { startsWithWords(lower, $0) }
    }

    static func readerAddressCount(_ t: String) -> Int {
        Set(lowercaseWords(t).filter { readerAddressWords.contains($0) }).count
    }

    // MARK: - The outlet

    /// The outlet the boilerplate names most often: `Subscribe to X`, `Sign up for X's … Newsletter`,
    /// `By Name, X Published`. An edition suffix ("X UK") is merged into "X" when "X" also stands alone.
    static func outlet(in boilerplate: [String]) -> String? {
        var votes: [(name: String, count: Int)] = []
        func vote(_ name: String) {
            if let i = votes.firstIndex(where: { $0.name == name }) { votes[i].count += 1 } else { votes.append((name, 1)) }
        }
        for t in boilerplate {
            if let name = subscribeTarget(t) ?? newsletterOwner(t) { vote(name) }
            if let credit = publishedByline(t), let outlet = credit.outlet { vote(outlet) }
        }
        guard !votes.isEmpty else { return nil }
        var merged: [(name: String, count: Int)] = []
        for (name, count) in votes {
            var target = name
            if let base = withoutRegion(name),
                votes.contains(where: { $0.name == base }) || namedAlone(base, in: boilerplate)
            {
                target = base
            }
            if let i = merged.firstIndex(where: { $0.name == target }) { merged[i].count += count } else { merged.append((target, count)) }
        }
        let best = merged.map(\.count).max()!
        return merged.first { $0.count == best }?.name
    }

    /// X in "Subscribe to X[ for …| now| today]".
    static func subscribeTarget(_ t: String) -> String? {
        let prefix = "subscribe to "
        guard t.lowercased().hasPrefix(prefix) else { return nil }
        var rest = String(t.dropFirst(prefix.count))
        for stop in [" for ", " and ", " now", " today", " from ", ":", "!", ".", " –", " —", " - ", "|", ","] {
            if let r = rest.range(of: stop) { rest = String(rest[..<r.lowerBound]) }
        }
        rest = rest.trimmed()
        guard isNameRun(rest), !lowercaseWords(rest).contains(where: { signUpWords.contains($0) }) else { return nil }
        return rest
    }

    /// X in "Sign up for X's … Newsletter(s)" (or "Subscribe to X's …").
    static func newsletterOwner(_ t: String) -> String? {
        let lower = t.lowercased()
        guard lowercaseWords(t).contains(where: { $0 == "newsletter" || $0 == "newsletters" }) else { return nil }
        for prefix in ["sign up for ", "sign up to ", "subscribe to "] where lower.hasPrefix(prefix) {
            let rest = t.dropFirst(prefix.count)
            for apostrophe in ["'s ", "’s "] {
                if let r = rest.range(of: apostrophe) {
                    let owner = String(rest[..<r.lowerBound]).trimmed()
                    if isNameRun(owner) { return owner }
                }
            }
        }
        return nil
    }

    /// "X" for "X UK".
    static func withoutRegion(_ name: String) -> String? {
        var w = name.split(separator: " ")
        guard w.count >= 2, regionWords.contains(String(w.last!)) else { return nil }
        w.removeLast()
        return w.joined(separator: " ")
    }

    /// Whether `name` appears in the boilerplate followed by something other than an edition suffix.
    static func namedAlone(_ name: String, in boilerplate: [String]) -> Bool {
        for t in boilerplate {
            var search = t[...]
            while let r = search.range(of: name) {
                let after = search[r.upperBound...]
                let next = after.split(separator: " ").first.map { String($0).trimmingPunctuation } ?? ""
                let boundary = after.first.map { !($0.isLetter || $0.isNumber) } ?? true
                if boundary && !regionWords.contains(next) { return true }
                search = after
            }
        }
        return false
    }

    // MARK: - Text helpers

    static let quotationMarks: Set<Unicode.Scalar> = ["\"", "“", "”", "„", "«", "»", "‘"]

    /// Double quotation marks of any style, or an opening single curly quote.
    static func hasQuotationMarks(_ t: String) -> Bool {
        t.unicodeScalars.contains { quotationMarks.contains($0) }
    }

    /// Ends in `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets.
    static func endsLikeSentence(_ t: String) -> Bool {
        let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]", "»"]
        var s = t.unicodeScalars[...]
        while let last = s.last, closers.contains(last) { s = s.dropLast() }
        guard let last = s.last else { return false }
        return [".", "!", "?", "…"].contains(last)
    }

    static func wordCount(_ t: String) -> Int { t.split(whereSeparator: { $0.isWhitespace }).count }

    /// Lower-cased words, split at anything that is not a letter, digit or apostrophe.
    static func lowercaseWords(_ t: String) -> [String] {
        t.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }).map(String.init)
    }

    /// Whether `lower` starts with `phrase` followed by a non-letter (or the end).
    static func startsWithWords(_ lower: String, _ phrase: String) -> Bool {
        guard lower.hasPrefix(phrase) else { return false }
        guard let next = lower.dropFirst(phrase.count).first else { return true }
        return !(next.isLetter || next.isNumber)
    }

    /// Runs of whitespace inside a line become one space, so that repeats compare equal.
    static func collapseSpaces(_ t: String) -> String {
        t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension String {
    /// The string without leading and trailing punctuation.
    fileprivate var trimmingPunctuation: String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !$0.properties.isPunctuationLike }) else { return "" }
        let last = s.lastIndex(where: { !$0.properties.isPunctuationLike })!
        return String(s[first...last])
    }
}

extension Unicode.Scalar.Properties {
    fileprivate var isPunctuationLike: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
