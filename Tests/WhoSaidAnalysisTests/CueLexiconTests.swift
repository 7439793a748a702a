import Testing
@testable import WhoSaidAnalysis

/// Cue stems: the fallback that proposes candidates at inflections the lexicon never saw twice.
@Suite struct CueLexiconTests {
    @Test func inflectionsShareAStem() {
        let groups = [
            ["warn", "warns", "warned", "warning"], ["argue", "argues", "argued", "arguing"],
            ["call", "calls", "called", "calling"], ["admit", "admits", "admitted", "admitting"],
            ["deny", "denies", "denied"], ["stress", "stresses", "stressed", "stressing"],
            ["say", "says", "said", "saying"], ["tell", "told", "tells"],
        ]
        for group in groups {
            let stems = Set(group.map(CueLexicon.stem))
            #expect(stems.count == 1, "\(group) → \(stems)")
        }
        #expect(CueLexicon.stem("noted") != CueLexicon.stem("nothing"))
        #expect(CueLexicon.stem("U.S.") == "U.S.")
    }

    @Test func headSkipsAuxiliariesAndAdverbs() {
        #expect(CueLexicon.head(["has", "also", "detailed"]) == 2)
        #expect(CueLexicon.head(["is", "not", "expected"]) == 2)
        #expect(CueLexicon.head(["has", "repeatedly", "said"]) == 2)
        #expect(CueLexicon.head(["according", "to"]) == 0)
    }

    @Test func stemFallbackProposesUnseenInflections() {
        let stems = CueLexicon.readStems(
            "stem\thead\tcue_count\toccurrences\tprecision\tsource_after\tcontent_quote\nwarn\twarned\t40\t60\t0.667\t0.05\t0.3\n",
            minimumCount: 2, minimumPrecision: 0.05)
        let lexicon = CueLexicon(forms: [CueLexicon.Form(tokens: ["said"], precision: 0.8, sourceAfter: 0.1)], stems: stems)
        let warns = lexicon.matches(["she", "warns", "that"], at: 1)
        #expect(warns.count == 1)
        #expect(warns.first?.tokens == ["warns"])
        #expect(warns.first?.key == "~warn")
        #expect(lexicon.matches(["she", "said", "that"], at: 1).map(\.tokens) == [["said"]])
        #expect(lexicon.matches(["the", "warden", "left"], at: 1).isEmpty)
    }

    @Test func longestFormIsTheFirstMatchWithoutTheStemFallback() {
        let stems = CueLexicon.readStems(
            "stem\thead\tcue_count\toccurrences\tprecision\tsource_after\tcontent_quote\nwarn\twarned\t40\t60\t0.667\t0.05\t0.3\n",
            minimumCount: 2, minimumPrecision: 0.05)
        let lexicon = CueLexicon(
            forms: [
                CueLexicon.Form(tokens: ["said"], precision: 0.8, sourceAfter: 0.1),
                CueLexicon.Form(tokens: ["said", "in", "a", "statement"], precision: 0.9, sourceAfter: 0.1),
            ], stems: stems)
        let norms = ["she", "said", "in", "a", "statement", "she", "warns", "said"]
        #expect(lexicon.longestForm(norms, at: 1)?.tokens == ["said", "in", "a", "statement"])
        #expect(lexicon.longestForm(norms, at: 7)?.tokens == ["said"])
        #expect(lexicon.longestForm(norms, at: 6) == nil)
        #expect(lexicon.matches(norms, at: 6).count == 1)
        for i in norms.indices {
            #expect(lexicon.longestForm(norms, at: i)?.tokens == lexicon.matches(norms, at: i).first { !$0.key.hasPrefix("~") }?.tokens)
        }
    }

    @Test func bundledCandidatesCarryStems() {
        #expect(!CueLexicon.candidates.stems.isEmpty)
        #expect(CueLexicon.shared.stems.isEmpty)
    }
}
