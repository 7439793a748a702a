import Testing
@testable import WhoSaidAnalysis

/// Verbs of doing that report nothing, cue forms ending with a preposition, and `told` with only its
/// hearer after it (session 8), on short texts written for the tests.
@Suite struct NonSpeechCuesTests {
    @Test func aVerbOfDoingIsNoCue() {
        #expect(describe("Undaunted, Mr. Ames hired an investment banker and lawyers to rescue his idea.").isEmpty)
        #expect(describe("In 2019, Reyes and Ortiz foolishly withdrew all of the city's inspectors from the port.").isEmpty)
        #expect(describe("Ames withdrew the harbour bill last week.").isEmpty)
        #expect(describe("Dr. Quill monitored the talks for the ferry union.").isEmpty)
    }

    @Test func aCueSpanRunningPastTheVerbOfDoingIsKept() {
        let portray = describe("Reyes attempted to portray the ferry as a “lifeline” for the islands.")
        #expect(portray.first?.cue == "attempted to portray")
        #expect(portray.first?.content == ["the ferry as a “lifeline”"])
    }

    @Test func aCueEndingWithAPrepositionTakesNoSourceAfterIt() {
        let of = describe(
            "“Their strategy is very clear: to look like a serious partner,” Anna Quill, a senior fellow at the Lakeside Institute, said of the council."
        )
        #expect(of.count == 1)
        #expect(of.first?.speaker == "Anna Quill, a senior fellow at the Lakeside Institute,")
        #expect(of.first?.cue == "said")
        #expect(of.first?.content == ["“Their strategy is very clear: to look like a serious partner,”"])
        // With its source before it, the longer form stays.
        let about = describe("Ortiz complained about the harbour fees at the meeting.")
        #expect(about.first?.speaker == "Ortiz")
        #expect(about.first?.cue == "complained about")
    }

    @Test func toldAndItsHearerEndingTheSentenceReportTheClauseBefore() {
        let told = describe("The old pier was worth saving, Sen. Ada Quill told The Harbour Herald on Thursday.")
        #expect(told.count == 1)
        #expect(told.first?.speaker == "Sen. Ada Quill")
        #expect(told.first?.content == ["The old pier was worth saving"])
        // A clause after the hearer is still the content.
        let clause = describe("Quill told The Harbour Herald she planned to stay on the board.")
        #expect(clause.first?.content.first?.hasSuffix("she planned to stay on the board") == true)
    }

    @Test func theHearerOfToldStaysOutOfTheContent() {
        let clause = describe("Quill told The Harbour Herald on Thursday she planned to stay on the board.")
        #expect(clause.first?.speaker == "Quill")
        #expect(clause.first?.content == ["she planned to stay on the board"])
        let quoted = describe("Reyes told reporters, “The pier stays open.”")
        #expect(quoted.first?.content == ["“The pier stays open.”"])
        // No subject after the hearer: the content runs on from the cue.
        let infinitive = describe("Reyes told the crowd to go home before the storm.")
        #expect(infinitive.first?.content.first?.hasPrefix("the crowd") ?? true)
    }

    @Test func toldTakesNoInvertedSource() {
        let told = describe(
            "“What he cannot do is be a visible presence in the harbour talks,” Anna Quill, a political scientist at Lakeside University, told The Harbour Herald."
        )
        #expect(told.count == 1)
        #expect(told.first?.speaker == "Anna Quill, a political scientist at Lakeside University,")
        #expect(told.first?.cue == "told")
        #expect(told.first?.content == ["“What he cannot do is be a visible presence in the harbour talks,”"])
    }
}
