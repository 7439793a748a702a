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

    @Test func setsFromMembers() {
        let table = StringTable(members: ["has", "also", "would"])
        #expect(table.contains("also"))
        #expect(!table.contains("said"))
        #expect(CueLexicon.auxiliaryTable.contains("hasn't"))
        #expect(CueLexicon.stopWords.contains("the"))
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
