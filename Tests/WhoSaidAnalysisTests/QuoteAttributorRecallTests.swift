import Foundation
import Testing
import WhoSaidCore
@testable import WhoSaidAnalysis

/// Attributions the candidates used to miss (session 6, recall), on short texts written for the tests.
@Suite struct QuoteAttributorRecallTests {
    @Test func anInvertedSourceWithAnAppositiveReportsTheClauseBeforeIt() {
        let said = describe("The ferry will run again from Friday, said Alma Reyes, a spokeswoman for the harbour board.")
        #expect(said.count == 1)
        #expect(said.first?.speaker == "Alma Reyes, a spokeswoman for the harbour board")
        #expect(said.first?.content == ["The ferry will run again from Friday"])
        let according = describe(
            "Fares on the night crossing will rise by a third, according to Tom Baird, head of the ferry workers union.")
        #expect(according.first?.speaker == "Tom Baird, head of the ferry workers union")
        #expect(according.first?.content == ["Fares on the night crossing will rise by a third"])
        // After a short opener, or before quoted words, what follows the source is what was said.
        let opener = describe("As a result, says fisherman Tom Vale, the board is “out of touch with the quay.”")
        #expect(opener.first?.content == ["the board is “out of touch with the quay.”"])
    }

    @Test func aHeadlineOpeningWithANameAndAColonIsAnAttribution() {
        let found = describe("Mayor Reyes: Ferry Fares Must Not Rise This Winter\n\nThe mayor spoke to the council on Monday.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Mayor Reyes")
        #expect(found.first?.cue == ":")
        #expect(found.first?.content == ["Ferry Fares Must Not Rise This Winter"])
        // Labels and titles are no sources.
        #expect(describe("Breaking: Ferry Fares Will Rise This Winter\n\nThe council met on Monday.").isEmpty)
        #expect(describe("UPDATE: Ferry Fares Will Rise This Winter\n\nThe council met on Monday.").isEmpty)
        #expect(describe("Trouble Over Fares: Ferry Prices Will Rise This Winter\n\nThe council met on Monday.").isEmpty)
        // Only the headline.
        #expect(describe("Ferry fares\n\nMayor Reyes: Ferry Fares Must Not Rise This Winter").isEmpty)
    }

    @Test func aNamedSourceClosingTheSentenceAfterItsClauseIsKept() {
        // The model alone scores this one below its threshold.
        let found = describe(
            "The arrangement suited the harbour because the operator's lenders would add money to the repair fund, "
                + "said Mr. Baird, the lawyer for the harbour board.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Mr. Baird, the lawyer for the harbour board")
        #expect(found.first?.content == [
            "The arrangement suited the harbour because the operator's lenders would add money to the repair fund",
        ])
    }

    @Test func reportedSpeechAfterANamedSourceIsKeptFromALowerScore() {
        // The model alone scores this one below its reported-speech threshold.
        let found = describe("Reyes mentioned the broken lights on the pier as examples of the board's neglect.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Reyes")
        #expect(found.first?.cue == "mentioned")
        #expect(found.first?.content == ["the broken lights on the pier as examples of the board's neglect"])
    }

    @Test func aTranscriptsSpeakerLabelsAreAttributions() {
        let found = describe(
            "The board published the exchange.\n\n\"REYES: Will the night ferry run this winter?\n\n"
                + "\"BAIRD: Only on Fridays, and only if the harbour stays open.\n\nThe meeting ended at noon.")
        #expect(found.count == 2)
        #expect(found.first?.speaker == "REYES")
        #expect(found.first?.cue == ":")
        #expect(found.first?.content == ["Will the night ferry run this winter"])
        #expect(found.last?.speaker == "BAIRD")
        #expect(found.last?.content == ["Only on Fridays, and only if the harbour stays open"])
        // A lone label is no speaker.
        #expect(describe("The ferry runs again.\n\nUPDATE: The night ferry will run this winter, the board said.").allSatisfy {
            $0.speaker != "UPDATE"
        })
        // Nor are two editors' labels a transcript.
        let labelled = describe(
            "UPDATE: The night ferry will run this winter.\n\nThe board met on Monday.\n\n"
                + "CORRECTION: An earlier version gave the wrong date for the meeting.")
        #expect(labelled.allSatisfy { $0.speaker != "UPDATE" && $0.speaker != "CORRECTION" })
    }

    @Test func accordingToADescriptionOpeningWithAnyLowerCaseWordReportsItsSentence() {
        let opening = describe("According to harbour records, the night ferry carried fewer than a hundred passengers in March.")
        #expect(opening.count == 1)
        #expect(opening.first?.speaker == "harbour records")
        #expect(opening.first?.content == ["the night ferry carried fewer than a hundred passengers in March"])
        let closing = describe("The driver left the car on the quay before dawn, according to port police.")
        #expect(closing.count == 1)
        #expect(closing.first?.speaker == "port police")
        #expect(closing.first?.content == ["The driver left the car on the quay before dawn"])
    }

    @Test func aDescribedAccordingToSourceRunsOverASlashAndPastSixteenTokens() {
        // A slash between two names stays inside the source (it used to end it, and `released` became the cue).
        let slash = describe("Support for the ferry levy fell over the summer, according to a Westbrook News/Harlow College poll released last week.")
        #expect(slash.count == 1)
        #expect(slash.first?.cue == "according to")
        #expect(slash.first?.speaker == "a Westbrook News/Harlow College poll released last week")
        #expect(slash.first?.content == ["Support for the ferry levy fell over the summer"])
        // A long description (over 16 tokens) runs to the comma that ends its clause.
        let long = describe(
            "According to a 40-page complaint filed by the harbour board of Westbrook and a shorter one by the ferry workers union, the operator kept the fares.")
        #expect(long.first?.speaker == "a 40-page complaint filed by the harbour board of Westbrook and a shorter one by the ferry workers union")
        #expect(long.first?.content == ["the operator kept the fares"])
    }

    @Test func anAccordingToSourceOpeningWithAnAdjectiveRunsToTheEndOfItsClause() {
        // Neither a determiner nor a plural noun opens it; it used to stop at `results` and the attribution was lost.
        let found = describe("Turnout in the north fell below half, according to unofficial results tallied through Wednesday afternoon.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "unofficial results tallied through Wednesday afternoon")
        #expect(found.first?.content == ["Turnout in the north fell below half"])
    }

    @Test func anAccordingToSourceMayOpenWithAPossessiveName() {
        // The capitalised name used to keep it from being a described source, and the attribution was lost.
        let found = describe("Fares rose by a third, according to Westbrook Media's fare tracker.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Westbrook Media's fare tracker")
        #expect(found.first?.content == ["Fares rose by a third"])
    }

    @Test func aSentenceOpeningAccordingToMayFollowAShortAdverbialOpener() {
        let found = describe("In addition, according to the department, nearly nine thousand more workers should get the bonus.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "the department")
        #expect(found.first?.content == ["nearly nine thousand more workers should get the bonus"])
    }

    @Test func aCueWordInsideTheSubjectGivesWayToTheVerbAfterIt() {
        // `campaign` and `released` are cue words, but here they belong to the subject of the verb that reports.
        let adviser = describe("“That was a mistake,” the mayor's former campaign adviser said.")
        #expect(adviser.count == 1)
        #expect(adviser.first?.cue == "said")
        #expect(adviser.first?.speaker == "the mayor's former campaign adviser")
        let plans = describe("The Reyes campaign plans to send the mayor to every ward before the vote.")
        #expect(plans.first?.cue == "plans")
        #expect(plans.first?.speaker == "The Reyes campaign")
        let report = describe("A harbour board report released last year found that the ferry lost money.")
        #expect(report.first?.cue == "found")
        #expect(report.first?.content == ["that the ferry lost money"])
    }

    @Test func reportedSpeechEndsBeforeALaterAttributionInItsClause() {
        let found = describe(
            "The harbour workers say the night crossing loses money, and the mayor said the early boats should run more often.")
        #expect(found.count == 2)
        #expect(found.first?.speaker == "The harbour workers")
        #expect(found.first?.content == ["the night crossing loses money"])
        #expect(found.last?.speaker == "the mayor")
        #expect(found.last?.content == ["the early boats should run more often"])
    }
}
