import Foundation
import Testing
@testable import WhoSaidExtract

/// The package root: this file is `<root>/Tests/WhoSaidExtractTests/TextDumpCleanerTests.swift`.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
/// Seed dumps shared between projects; absent outside the shared workspace.
private let seedsDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
private let corpusDirectory = packageRoot.appendingPathComponent("corpus/text").path

/// The lines of `dump` the cleaner keeps, trimmed.
private func cleaned(_ dump: String) -> [String] {
    let lines = dump.components(separatedBy: "\n")
    return TextDumpCleaner.clean(lines).kept.map { lines[$0].trimmingCharacters(in: .whitespaces) }
}

private func outlet(_ dump: String) -> String? {
    TextDumpCleaner.clean(dump.components(separatedBy: "\n")).outlet
}

// All dumps below are invented: an invented outlet, invented places and people.

@Suite struct TextDumpCleanerRuleTests {
    @Test func plainArticleKeepsEveryLine() {
        let dump = """
            Harbour board delays vote on dredging plan
            Members want more time to study the cost

            The Kellsport harbour board put off a vote on dredging the inner basin on Tuesday.
            Chair Nessa Quayle said members needed another month.
            “We are not going to rush a decision that costs this much,” she said.
            """
        #expect(cleaned(dump) == dump.components(separatedBy: "\n").filter { !$0.isEmpty })
    }

    @Test func signUpPromptAndItsBlurbAreDropped() {
        let dump = """
            Harbour board delays vote on dredging plan
            The Kellsport harbour board put off a vote on dredging the inner basin on Tuesday.
            Subscribe to The Harbour Courier
            Local stories and what they mean for you, free every morning.
            Chair Nessa Quayle said members needed another month.
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan",
            "The Kellsport harbour board put off a vote on dredging the inner basin on Tuesday.",
            "Chair Nessa Quayle said members needed another month.",
        ])
    }

    @Test func newsletterPromptWithPossessiveOutletIsDropped() {
        let dump = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            Sign up for The Harbour Courier's Daily Newsletter
            Get our top stories delivered to your inbox.
            The vote will now take place in March.
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "The board met for four hours.",
            "The vote will now take place in March.",
        ])
        #expect(outlet(dump) == "The Harbour Courier")
    }

    @Test func repeatedLineIsDroppedAfterItsFirstCopy() {
        let dump = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            Members asked for an independent survey.
            Members asked for an independent survey.
            The vote will now take place in March.
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "The board met for four hours.",
            "Members asked for an independent survey.", "The vote will now take place in March.",
        ])
    }

    @Test func relatedArticlesTailWithSeparatorsIsDropped() {
        let dump = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            The vote will now take place in March.
            More from the Courier
            -
            Lifeboat crew rescue two kayakers off Gull Point
            News The pair were spotted by a walker on the cliff path
            By Tomos Brannigan, The Harbour Courier Published
            -
            Why the fish market is moving
            Explainer Traders weigh up the new site by the ring road
            By Orla Penhale, The Harbour Courier Published
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "The board met for four hours.",
            "The vote will now take place in March.",
        ])
    }

    @Test func cardsWithoutBylinesNeedThreeToCountAsATail() {
        let article = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            * * *
            The vote will now take place in March.
            """
        #expect(cleaned(article).count == 3, "a section break before one short section is not a list")
        let tail = article + """

            -
            Lifeboat crew rescue two kayakers
            -
            Why the fish market is moving
            -
            Ten walks along the estuary
            """
        #expect(cleaned(tail).count == 3)
    }

    @Test func sectionBreaksInsideTheArticleKeepTheSections() {
        let dump = """
            A winter on the lightship
            Six weeks off the coast with the last crew of the Corrie Bank
            The wind had not dropped for three days when the relief boat finally came alongside.
            * * *
            The crew of four work two weeks on and two weeks off.
            Engineer Piran Lusk has done it for nineteen years.
            * * *
            By March the lightship will be towed away for scrap.
            """
        #expect(cleaned(dump) == [
            "A winter on the lightship", "Six weeks off the coast with the last crew of the Corrie Bank",
            "The wind had not dropped for three days when the relief boat finally came alongside.",
            "The crew of four work two weeks on and two weeks off.", "Engineer Piran Lusk has done it for nineteen years.",
            "By March the lightship will be towed away for scrap.",
        ])
    }

    @Test func bylineSpacedTailWithoutSeparatorsIsDropped() {
        let dump = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            The vote will now take place in March.
            Lifeboat crew rescue two kayakers off Gull Point
            The pair were spotted by a walker on the cliff path
            By Tomos Brannigan, The Harbour Courier Published
            Why the fish market is moving
            Traders weigh up the new site by the ring road
            By Orla Penhale, The Harbour Courier Published
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "The board met for four hours.",
            "The vote will now take place in March.",
        ])
    }

    @Test func anotherStorysBylineIsDroppedWherever() {
        let dump = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            By Orla Penhale, The Harbour Courier Published 3 March
            The vote will now take place in March.
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "The board met for four hours.",
            "The vote will now take place in March.",
        ])
    }

    @Test func adsAndShareAndFollowButtonsAreDropped() {
        let dump = """
            Harbour board delays vote on dredging plan
            Share this article
            The board met for four hours.
            Advertisement
            Members asked for an independent survey.
            Advertisement
            Follow us on Facebook
            Read more: Dredging in the estuary explained
            The vote will now take place in March.
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "The board met for four hours.",
            "Members asked for an independent survey.", "The vote will now take place in March.",
        ])
    }

    @Test func shortLineBetweenDroppedBoxesIsDropped() {
        let dump = """
            Harbour board delays vote on dredging plan
            The board met for four hours.
            The vote will now take place in March.
            Sign up for Weekend Reads
            Long reads and local picks every Saturday.
            -
            Lifeboat crew rescue two kayakers off Gull Point
            By Tomos Brannigan, The Harbour Courier Published
            """
        #expect(cleaned(dump).last == "The vote will now take place in March.")
    }

    @Test func shortParagraphsSubheadingsAndQuotesSurvive() {
        let dump = """
            Harbour board delays vote on dredging plan
            Members want more time

            The board met for four hours on Tuesday.
            What happens next
            The vote will now take place in March.
            Subscribe to The Harbour Courier
            “You cannot dredge your way out of a silt problem,” said Nessa Quayle.
            She declined to say more.
            Newsletters from the harbour office will explain the plan to residents, the board said.
            The basin was last dredged in 1998.
            Sign up for our newsletter
            “Your inbox is not where this debate belongs,” Quayle added.
            Advertisement
            Short paragraph.
            Advertisement
            Why it matters
            """
        let kept = cleaned(dump)
        for line in [
            "Harbour board delays vote on dredging plan", "Members want more time", "What happens next",
            "“You cannot dredge your way out of a silt problem,” said Nessa Quayle.", "She declined to say more.",
            "Newsletters from the harbour office will explain the plan to residents, the board said.",
            "“Your inbox is not where this debate belongs,” Quayle added.", "Short paragraph.", "Why it matters",
        ] {
            #expect(kept.contains(line), "\(line)")
        }
        #expect(!kept.contains("Subscribe to The Harbour Courier"))
        #expect(!kept.contains("Sign up for our newsletter"))
        #expect(!kept.contains("Advertisement"))
    }

    @Test func standfirstIsKeptEvenWhenItRepeatsLater() {
        let dump = """
            Harbour board delays vote on dredging plan
            Members want more time
            The board met for four hours on Tuesday.
            Members want more time
            """
        #expect(cleaned(dump) == [
            "Harbour board delays vote on dredging plan", "Members want more time",
            "The board met for four hours on Tuesday.",
        ])
    }
}

@Suite struct TextDumpCleanerOutletTests {
    @Test func subscribePromptNamesTheOutlet() {
        #expect(outlet("Headline\nBody text.\nSubscribe to The Harbour Courier for £1 a week") == "The Harbour Courier")
    }

    @Test func editionSuffixIsStrippedWhenTheNameAlsoStandsAlone() {
        let dump = """
            Headline
            Body text.
            Subscribe to The Harbour Courier
            -
            Lifeboat crew rescue two kayakers
            By Tomos Brannigan, The Harbour Courier UK Published
            -
            Why the fish market is moving
            By Orla Penhale, The Harbour Courier US Published
            """
        #expect(outlet(dump) == "The Harbour Courier")
    }

    @Test func editionSuffixStaysWhenTheNameNeverStandsAlone() {
        let dump = """
            Headline
            Body text.
            -
            Lifeboat crew rescue two kayakers
            By Tomos Brannigan, The Harbour Courier UK Published
            -
            Why the fish market is moving
            By Orla Penhale, The Harbour Courier UK Published
            """
        #expect(outlet(dump) == "The Harbour Courier UK")
    }

    @Test func noPublisherInTheBoilerplateMeansNoOutlet() {
        #expect(outlet("Headline\nBody text.\nSign up for our newsletter\nAdvertisement") == nil)
        #expect(outlet("Headline\nThe Harbour Courier reported on Monday that the ferry was late.") == nil)
    }
}

@Suite struct TextDumpSampleTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusDirectory)))
    func ferryStrikeSampleExtractsAsRecorded() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: corpusDirectory + "/harbour-courier-ferry-strike.txt"))
        let expected = try String(
            contentsOfFile: corpusDirectory + "/harbour-courier-ferry-strike.expected", encoding: .utf8)
        let result = try TextDumpExtractor(verbatim: false).extract(Array(input))
        #expect(result.text == expected)
        #expect(result.outlet == "The Harbour Courier")
        #expect(result.title == "Ferry crews walk out as Kellsport harbour talks collapse")
    }

    /// Checks the hand-made expectations for the shared seed dumps: boilerplate gone, quotes intact.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedsDirectory + "/expected.json")))
    func seedDumpsLoseBoilerplateAndKeepQuotes() throws {
        let json = try Data(contentsOf: URL(fileURLWithPath: seedsDirectory + "/expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let documents = try #require(root["documents"] as? [[String: Any]])
        #expect(!documents.isEmpty)
        for document in documents {
            let file = try #require(document["file"] as? String)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: seedsDirectory + "/" + file))
            let result = try TextDumpExtractor(verbatim: false).extract(Array(bytes))
            for line in document["boilerplate_must_be_dropped"] as? [String] ?? [] {
                #expect(!result.text.contains(line), "\(file): boilerplate kept: \(line)")
            }
            for quote in document["quotes"] as? [[String: Any]] ?? [] {
                let contents: [String]
                if let one = quote["content"] as? String {
                    contents = [one]
                } else {
                    contents = try #require(quote["content"] as? [String])
                }
                for content in contents {
                    #expect(result.text.contains(content), "\(file): quote lost: \(content)")
                }
            }
            if file.hasPrefix("000_") {
                #expect(result.outlet == "The Week")
            }
        }
    }
}
