import Testing
@testable import WhoSaidAnalysis

/// Verbs of doing that report nothing (session 8), on short texts written for the tests.
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
}
