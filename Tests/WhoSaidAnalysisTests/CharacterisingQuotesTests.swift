import Foundation
import Testing
import WhoSaidCore
@testable import WhoSaidAnalysis

/// Direct quotes the candidates used to miss (session 7), on short texts written for the tests.
@Suite struct CharacterisingQuotesTests {
    @Test func aVerbCharacterisingItsObjectAsQuotedWordsIsAnAttribution() {
        let admires = describe("Ames openly admires the general as a “strong leader,” comparing him favorably to the mayor.")
        #expect(admires.first?.speaker == "Ames")
        #expect(admires.first?.cue == "openly admires")
        #expect(admires.first?.content == ["the general as a “strong leader,”"])
        #expect(admires.first?.kind == .mixed)
        // Quotations joined by `and` are part of it.
        let goneAfter = describe("In recent weeks, Ames has gone after Ortiz as a “human leech” and a “spoiled brat.”")
        #expect(goneAfter.first?.speaker == "Ames")
        #expect(goneAfter.first?.cue == "has gone after")
        #expect(goneAfter.first?.content == ["Ortiz as a “human leech” and a “spoiled brat.”"])
        let rated = describe("The Ledger rated 32% of the council’s claims as “false” or “pants on fire,” compared to 11% of others.")
        #expect(rated.first?.speaker == "The Ledger")
        #expect(rated.first?.content == ["32% of the council’s claims as “false” or “pants on fire,”"])
        // No subject, no attribution; nor without `as` before the quotation.
        #expect(describe("It was a hearing about pounding the table as a “negotiating tactic” in the talks.").isEmpty)
        #expect(describe("Ames admires the general and his “strong hand” in the port talks.").isEmpty)
    }

    @Test func beenBeforeAParticipleInIngBelongsToTheCue() {
        let warning = describe("Mayor Reyes has been steadily warning that the old pier will fall into the harbour.")
        #expect(warning.first?.speaker == "Mayor Reyes")
        #expect(warning.first?.cue == "has been steadily warning")
        let pounding = describe("Reid has been steadily pounding Ortiz as a “con artist” in his speeches.")
        #expect(pounding.first?.speaker == "Reid")
        #expect(pounding.first?.cue == "has been steadily pounding")
    }

    @Test func aCapitalisedWordInsideANameIsNoCue() {
        // `Herald` (to herald) inside an outlet's name.
        let found = describe("“We have always welcomed ferries,” Reyes said on Harbour Herald Radio.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Reyes")
        #expect(found.first?.cue == "said")
    }

    @Test func aQuotationRightAfterTheCueIsNotTheOneClosingTheSentenceBefore() {
        let found = describe(
            "She says Ortiz stands for the “same rigged system that he claims he will change.” "
                + "She adds, “What kind of genius loses a billion dollars in a single year?”")
        let adds = found.first { $0.cue == "adds" }
        #expect(adds?.speaker == "She")
        #expect(adds?.content == ["“What kind of genius loses a billion dollars in a single year?”"])
        #expect(adds?.kind == .direct)
    }

    @Test func theFollowingStatementAndAColonIntroduceTheNextQuotation() {
        let found = describe(
            "On July 6, Reyes made the following comment:\n\n“For young people who left school, the jobless rate is 33 percent. "
                + "For the rest, it is 20 percent.”")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Reyes")
        #expect(found.first?.cue == "made the following comment:")
        #expect(found.first?.kind == .direct)
        #expect(found.first?.content.first?.hasPrefix("“For young people") == true)
    }

    @Test func thePlaceAParticipleLeadsThroughIsNoSource() {
        let found = describe("Protesters marching through the streets chanted “No more!” until midnight.")
        #expect(found.first?.speaker == "Protesters")
        #expect(found.first?.cue == "chanted")
    }

    @Test func aLexiconCueCharacterisingItsObjectReportsUpToTheQuotation() {
        let found = describe("Ortiz blasted Reyes as a “disgrace” during a rally at the harbour on Wednesday.")
        #expect(found.first?.speaker == "Ortiz")
        #expect(found.first?.cue == "blasted")
        #expect(found.first?.content == ["Reyes as a “disgrace”"])
    }
}
