import Testing
import WhoSaidAnalysis
import WhoSaidCore

@Suite struct SentenceSplitterTests {
    @Test func plainSentences() {
        #expect(sentences("The vote passed. It was close! Was it fair? Nobody knows… Then silence.") ==
                ["The vote passed.", "It was close!", "Was it fair?", "Nobody knows…", "Then silence."])
    }

    @Test func quotesContinuingTheSentence() {
        #expect(sentences("“We won,” he said. “Why?” she asked. \"No!\" they shouted.") ==
                ["“We won,” he said.", "“Why?” she asked.", "\"No!\" they shouted."])
    }

    @Test func closingQuoteAfterTheStopBelongsToTheSentenceBefore() {
        #expect(sentences("He said: “We won.” Then he left.") == ["He said: “We won.”", "Then he left."])
        #expect(sentences("He called it ‘a disaster.’ Others agreed.") == ["He called it ‘a disaster.’", "Others agreed."])
        #expect(sentences("(It was late.) The vote came.") == ["(It was late.)", "The vote came."])
        #expect(sentences("It was over.” “Not yet,” she said.") == ["It was over.”", "“Not yet,” she said."])
    }

    @Test func titlesMonthsAndNumberAbbreviationsNeverEndASentence() {
        #expect(sentences("Mr. Smith met Sen. Jones and Gov. Brown on Sept. 11 at No. 10 Downing St. They talked.") ==
                ["Mr. Smith met Sen. Jones and Gov. Brown on Sept. 11 at No. 10 Downing St. They talked."])
        #expect(sentences("Dr. No. 5 is here.") == ["Dr. No. 5 is here."])
    }

    @Test func initials() {
        #expect(sentences("J. K. Rowling wrote it. George W. Bush read it.") ==
                ["J. K. Rowling wrote it.", "George W. Bush read it."])
        #expect(sentences("Ask J. A. Smith.") == ["Ask J. A. Smith."])
    }

    @Test func abbreviationsThatMayEndASentence() {
        // The heuristic: split only before a capitalised common sentence opener.
        #expect(sentences("It was made in the U.S. The factory closed.") ==
                ["It was made in the U.S.", "The factory closed."])
        #expect(sentences("The U.S. Senate voted. The U.K. Parliament did too.") ==
                ["The U.S. Senate voted.", "The U.K. Parliament did too."])
        #expect(sentences("We met at 9 a.m. The talks began.") == ["We met at 9 a.m.", "The talks began."])
        #expect(sentences("Apples, pears etc. But not plums.") == ["Apples, pears etc.", "But not plums."])
        #expect(sentences("He works for Acme Inc. He is happy.") == ["He works for Acme Inc.", "He is happy."])
        #expect(sentences("e.g. this and i.e. that") == ["e.g. this and i.e. that"])
        // The documented miss: a capitalised word that is not a common opener does not split.
        #expect(sentences("It was made in the U.S. Senators disagreed.").count == 1)
    }

    @Test func numbersAndDecimals() {
        #expect(sentences("Growth was 3.5 percent. The deficit hit $1.5 trillion. 2016 was worse.") ==
                ["Growth was 3.5 percent.", "The deficit hit $1.5 trillion.", "2016 was worse."])
    }

    @Test func ellipses() {
        #expect(sentences("He paused... Then he spoke. It was... fine.") ==
                ["He paused...", "Then he spoke.", "It was... fine."])
        #expect(sentences("Wait… What?") == ["Wait…", "What?"])
    }

    @Test func lowerCaseAfterStopDoesNotSplit() {
        #expect(sentences("The rate fell to 2 p.c. and rose. Version 2.0 shipped.") ==
                ["The rate fell to 2 p.c. and rose.", "Version 2.0 shipped."])
        #expect(sentences("See Fig. 3 below.") == ["See Fig. 3 below."])
    }

    @Test func lineAndParagraphBreaksAlwaysSplit() {
        #expect(sentences("Headline without a stop\n\nFirst paragraph, no stop\nA second line\r\nthird line") ==
                ["Headline without a stop", "First paragraph, no stop", "A second line", "third line"])
        #expect(sentences("Mr.\nSmith") == ["Mr.", "Smith"])
    }

    @Test func noSpaceNoSplit() {
        #expect(sentences("He left.The end.").count == 1)
        #expect(sentences("A sentence?!? Another one.") == ["A sentence?!?", "Another one."])
    }

    @Test func sentenceRangesAndTokenRanges() {
        let text = "  One. Two.  "
        let s = SentenceSplitter().split(text)
        #expect(s.map(\.range) == [TextRange(start: 2, end: 6), TextRange(start: 7, end: 11)])
        #expect(s.map(\.tokens) == [0..<2, 2..<4])
    }
}
