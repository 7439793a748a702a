import Testing
@testable import WhoSaidAnalysis

/// The quick string-keyed table answers exactly as the dictionary it is built from, canonical
/// equivalence included.
@Suite struct StringTableTests {
    @Test func answersAsTheDictionary() {
        var dictionary: [String: Int] = [:]
        for (k, word) in ["said", "told", "key|n1=say|that", "according", "p1=<s>", "", "a longer feature name past fifteen bytes"].enumerated() {
            dictionary[word] = k
        }
        // Non-ASCII keys: one composed (é), one written with the Kelvin sign, canonically `K`.
        dictionary["caf\u{E9}"] = 10
        dictionary["\u{212A}elvin"] = 11
        let table = StringTable(dictionary)
        let probes = [
            "said", "told", "key|n1=say|that", "according", "p1=<s>", "", "a longer feature name past fifteen bytes",
            "says", "sai", "saidx", "caf\u{E9}", "cafe\u{301}", "cafe", "Kelvin", "\u{212A}elvin", "kelvin", "Warned",
        ]
        for probe in probes {
            #expect(table[probe] == dictionary[probe], "\(probe)")
        }
        #expect(table["Kelvin"] == 11)
        #expect(table["cafe\u{301}"] == 10)
    }

    /// Keys of every length around the eight-byte words the hash reads, and probes one byte off
    /// (changed, added, dropped), answer as the dictionary; non-ASCII bytes anywhere give no hash.
    @Test func keysAcrossWordBoundaries() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz|=<>0123456789".utf8)
        var dictionary: [String: Int] = [:]
        for n in 0...40 {
            dictionary[String(decoding: alphabet.prefix(n), as: UTF8.self)] = n
        }
        let table = StringTable(dictionary)
        for n in 0...40 {
            let key = Array(alphabet.prefix(n))
            #expect(table[String(decoding: key, as: UTF8.self)] == n)
            if n > 0 {
                var changed = key
                changed[n - 1] ^= 0x20
                #expect(table[String(decoding: changed, as: UTF8.self)] == dictionary[String(decoding: changed, as: UTF8.self)])
                #expect(table[String(decoding: key + [0], as: UTF8.self)] == nil)
            }
            #expect(table[String(decoding: key, as: UTF8.self) + "\u{E9}"] == nil)
            var accented = key
            accented.insert(contentsOf: Array("\u{E9}".utf8), at: n / 2)
            #expect(StringTable<Int>.asciiHash(String(decoding: accented, as: UTF8.self)) == nil)
        }
        #expect(StringTable<Int>.asciiHash("key|src|content=say|pron|before") != StringTable<Int>.asciiHash("key|src|content=say|pron|befors"))
    }

    /// Many keys looked up at once give what one lookup each gives, in order, non-ASCII keys included.
    @Test func forEachValueAnswersAsTheSubscript() {
        var dictionary: [String: Double] = [:]
        for (k, word) in ["bias", "key|n1=say|that", "p1=<s>", "src|content=pron|reportAfter", "caf\u{E9}"].enumerated() {
            dictionary[word] = Double(k) + 0.5
        }
        let table = StringTable(dictionary)
        let probes = ["bias", "nope", "cafe\u{301}", "key|n1=say|that", "", "src|content=pron|reportAfter", "p1=<s>", "p1=<s"]
        var got: [Double?] = []
        table.forEachValue(probes) { got.append($0) }
        #expect(got == probes.map { table[$0] })
        #expect(got == [0.5, nil, 4.5, 1.5, nil, 3.5, 2.5, nil])
        var none: [Double?] = []
        StringTable<Double>([:]).forEachValue(probes) { none.append($0) }
        #expect(none == probes.map { _ in nil })
    }

    @Test func setsFromMembers() {
        let table = StringTable(members: ["has", "also", "would"])
        #expect(table.contains("also"))
        #expect(!table.contains("said"))
        #expect(CueLexicon.auxiliaries.contains("hasn't"))
        #expect(StopWords.english.contains("the"))
    }

    /// Stems computed in a buffer on the stack, as before: irregular forms, `-ies`, `-ing`, `-ed`, `-es`,
    /// `-s`, a final `e` and a doubled consonant.
    @Test func stemsUnchanged() {
        let expected = [
            "said": "say", "told": "tel", "denies": "deny", "denied": "deny", "warning": "warn", "sing": "sing",
            "warned": "warn", "stresses": "stres", "stressed": "stres", "argues": "argu", "calls": "cal",
            "admitted": "admit", "focus": "focus", "tennis": "tennis", "noted": "not", "nothing": "noth",
            "U.S.": "U.S.", "vote": "vot", "written": "writ", "it's": "it's", "bring": "bring",
        ]
        for (word, stem) in expected { #expect(CueLexicon.stem(word) == stem, "\(word)") }
    }
}

/// The cue tagger adds only rows with a weight, reading them all before adding: the same tags and
/// margins as adding every row in turn.
@Suite struct CueTaggerRowTests {
    @Test func zeroRowsAndGatheredRowsScoreAsBefore() {
        let tokens = Tokenizer().tokenize("Mara Quill, the mayor of Tollbridge, has repeatedly said the ferry will run.")
        let scalars = Array("Mara Quill, the mayor of Tollbridge, has repeatedly said the ferry will run.".unicodeScalars)
        let sentences = SentenceSplitter().split(tokens, in: scalars)
        guard let tagger = CueTagger.shared else { return }
        let (tags, margins) = tagger.tagWithMargins(tokens: tokens, scalars: scalars, sentences: sentences, lexicon: .candidates)
        // The same sums the straightforward way: every feature's row, in order.
        expectStraightforwardSums(tagger, tokens, scalars, sentences, tags, margins)
        #expect(tags.contains(CueTagger.begin))
    }

    /// A norm's hash read from its storage in place is the byte-by-byte FNV-1a hash the weights were
    /// trained with, for small and long, ASCII and non-ASCII strings.
    @Test func stringHashIsTheByteHash() {
        for word in ["", "said", "repeatedly", "a-much-longer-hyphenated-norm", "caf\u{E9}", "\u{201C}", "Zo\u{EB}-Ann"] {
            #expect(CueTagger.hash(word) == CueTagger.hash(Array(word.utf8)), "\(word)")
        }
        #expect(CueTagger.hash("said") != CueTagger.hash("says"))
    }

    @Test func nonzeroRowsFollowTheWeights() {
        var tagger = CueTagger(bits: 8)
        tagger.weights[5 * 3 + 1] = 1.25
        let tokens = Tokenizer().tokenize("Ines Varga said so.")
        _ = tagger.tag(tokens: tokens, scalars: Array("Ines Varga said so.".unicodeScalars),
            sentences: SentenceSplitter().split(tokens, in: Array("Ines Varga said so.".unicodeScalars)), lexicon: .candidates)
        #expect(tagger.nonzero[0] == 1 << 5)
        #expect(tagger.zeroRow == 0)
        tagger.weights[1] = -0.5
        #expect(tagger.zeroRow == 1)
        tagger.weights[5 * 3 + 1] = 0
        #expect(tagger.nonzero[0] == 1)
    }

    /// Static scores summed for a whole sentence first, zero rows read through the shared zero row:
    /// the same tags and margins as the straightforward sums, with a row next to a zero row given
    /// weights (so that reading the wrong row would change a score).
    @Test func zeroRowReadsScoreAsBefore() {
        guard var tagger = CueTagger.shared else { return }
        let text = "“The ferry runs,” Odile Brenner told reporters on Tuesday, and the council has since denied it."
        let tokens = Tokenizer().tokenize(text)
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceSplitter().split(tokens, in: scalars)
        let zero = tagger.zeroRow
        #expect(tagger.weights[zero * 3] == 0 && tagger.weights[zero * 3 + 1] == 0 && tagger.weights[zero * 3 + 2] == 0)
        tagger.weights[(zero + 1) * 3 + 1] += 0.25
        let (tags, margins) = tagger.tagWithMargins(tokens: tokens, scalars: scalars, sentences: sentences, lexicon: .candidates)
        expectStraightforwardSums(tagger, tokens, scalars, sentences, tags, margins)
    }

    /// Decodes every sentence again the straightforward way (every feature's row added in turn) and expects
    /// the tags and `B` margins the tagger gave.
    func expectStraightforwardSums(
        _ tagger: CueTagger, _ tokens: [Token], _ scalars: [Unicode.Scalar], _ sentences: [Sentence],
        _ tags: [UInt8], _ margins: [Float]
    ) {
        let v = CueTagger.view(tokens: tokens, scalars: scalars, lexicon: .candidates)
        for s in sentences {
            var prev = CueTagger.outside
            var prev2 = CueTagger.outside
            for i in s.tokens {
                if prev == CueTagger.outside, !v.opens[i] { prev2 = prev; continue }
                var fs: [UInt64] = []
                CueTagger.staticFeatures(i, lo: s.tokens.lowerBound, hi: s.tokens.upperBound, v, into: &fs)
                CueTagger.tagFeatures(i, v, prev: prev, prev2: prev2, into: &fs)
                var score: (Float, Float, Float) = (0, 0, 0)
                for f in fs {
                    let r = tagger.row(f) * 3
                    score.0 += tagger.weights[r]
                    score.1 += tagger.weights[r + 1]
                    score.2 += tagger.weights[r + 2]
                }
                let t = CueTagger.decide(score, prev: prev)
                #expect(tags[i] == t)
                if t == CueTagger.begin { #expect(margins[i] == score.1 - max(score.0, score.2)) }
                prev2 = prev
                prev = t
            }
        }
    }
}

/// Strings built from code points in one pass equal the ones built through a scalar view.
@Suite struct ScalarStringTests {
    @Test func sameStringAsTheScalarView() {
        for text in ["", "Odile Brenner", "“We’ll see,” said Odile — café au lait…", "e\u{301}t\u{E9} 👩🏽‍💻 €5"] {
            let scalars = Array(text.unicodeScalars)
            #expect(String(scalars: scalars) == String(String.UnicodeScalarView(scalars)))
            #expect(Array(String(scalars: scalars).utf8) == Array(text.utf8))
            if !scalars.isEmpty { #expect(String(scalars: scalars[1...].prefix(4)) == String(String.UnicodeScalarView(scalars[1...].prefix(4)))) }
        }
    }
}

/// The entity lexicon's string tables answer as the dictionary and set they replace.
@Suite struct EntityLexiconTableTests {
    @Test func rootChildrenAndWordListsAsBefore() {
        let lex = EntityLexicon.shared
        #expect(!lex.nodes[0].children.isEmpty)
        for (word, node) in lex.nodes[0].children { #expect(lex.rootChildren[word] == node, "\(word)") }
        #expect(lex.rootChildren["zzqx-not-a-listed-word"] == nil)
        let names = EntityLexicon.lines(EntityLexicon.resource("first-names", "txt")).map { $0.lowercased() }
        for name in names.prefix(200) { #expect(lex.firstNames.contains(name), "\(name)") }
        #expect(!lex.firstNames.contains("zzqx"))
        #expect(lex.wordClass["zzqx"] == nil)
    }
}
