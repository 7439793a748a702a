import Foundation
import Testing
import WhoSaidAnalysis
import WhoSaidCore

private func tagged(_ text: String) -> EntityAnnotations { EntityTagger().tag(text) }

private func person(_ a: EntityAnnotations, _ name: String) -> Entity? { a.people.first { $0.name == name } }

/// The seed articles and their hand-made reference, when present next to the repository (never copied in).
private let seedsDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/seeds").standardizedFileURL

@Suite struct EntityTaggerTests {
    @Test func titlesAndHonorificsJoinTheFullName() {
        let a = tagged("Sir Keir Starmer met the unions on Monday. Later Sir Keir said he was pleased. Starmer added that Keir was a common name.")
        let p = person(a, "Keir Starmer")
        #expect(p != nil)
        #expect(a.people.count == 1)
        let aliases = Set(p?.aliases ?? [])
        #expect(aliases.isSuperset(of: ["Sir Keir Starmer", "Sir Keir", "Starmer", "Keir"]), "\(aliases)")
        #expect(p?.mentions.count == 4)
    }

    @Test func rolesBeforeTheName() {
        let a = tagged("As a result, says Labour donor John Mills, the party is lost. Former Labour MP Ruth Smeeth said it was vital.")
        #expect(person(a, "John Mills")?.roles == ["Labour donor"])
        #expect(person(a, "John Mills")?.affiliations == ["Labour"])
        #expect(person(a, "Ruth Smeeth")?.roles == ["Former Labour MP"])
        #expect(a.organizations.map(\.name) == ["Labour"])
    }

    @Test func outletBeforeARoleIsAnAffiliation() {
        let a = tagged("“It is over,” says Sky News political correspondent Lewis Goodall. Sky said so too.")
        let p = person(a, "Lewis Goodall")
        #expect(p?.roles == ["political correspondent"])
        #expect(p?.affiliations == ["Sky News"])
        #expect(a.outlets.first?.name == "Sky News")
        #expect(a.outlets.first?.aliases.contains("Sky") == true)
        #expect(a.outlets.first?.mentions.count == 2)
    }

    @Test func appositionsAndArticleRoles() {
        let a = tagged("Len McCluskey, a close Corbyn ally, may face removal as General Secretary of Unite. The comedian Eddie Izzard came fourth. Jeremy Corbyn smiled.")
        let len = person(a, "Len McCluskey")
        #expect(len?.roles.contains("a close Corbyn ally") == true)
        #expect(len?.roles.contains("General Secretary of Unite") == true)
        #expect(len?.affiliations.contains("Unite") == true)
        #expect(person(a, "Eddie Izzard")?.roles == ["comedian"])
        // Corbyn (before the full name) joins Jeremy Corbyn.
        #expect(person(a, "Jeremy Corbyn")?.mentions.count == 2)
    }

    @Test func founderOfAFactionLinksTheFaction() {
        let a = tagged("Long time Corbyn ally and founder of Momentum Jon Lansman was among three left-wingers elected. Lansman said it was his objective.")
        let p = person(a, "Jon Lansman")
        #expect(p?.roles.contains("founder of Momentum") == true)
        #expect(p?.factions.contains("Momentum") == true)
        #expect(p?.factions.contains("the left") == true)
        #expect(p?.aliases.contains("Lansman") == true)
    }

    @Test func anAppositionNamingAFactionLinksIt() {
        let a = tagged("Alma Reyes, a leading member of the Harbour First group, spoke first. Ines Okafor, a founder of the “Kelby Tomorrow” platform, spoke next.")
        #expect(person(a, "Alma Reyes")?.factions == ["Harbour First"])
        #expect(person(a, "Alma Reyes")?.roles == ["a leading member of the Harbour First group"])
        #expect(person(a, "Ines Okafor")?.factions == ["Kelby Tomorrow"])
    }

    @Test func quotedFactionsAndFactionBeforeAName() {
        let a = tagged("Labour’s left-leaning “Grassroots Voice” group won. Three stood on the pro-leadership “Labour to Win” platform, as did “soft left” Ann Black and the “Forward Together” slate.")
        let names = Set(a.factions.map(\.name))
        #expect(names.isSuperset(of: ["the left", "Grassroots Voice", "Labour to Win", "soft left", "Forward Together"]), "\(names)")
        #expect(person(a, "Ann Black")?.factions == ["soft left"])
    }

    @Test func eponymousFactionsLinkThePerson() {
        let a = tagged("Jeremy Corbyn spoke. Corbynite candidates won, following Momentum-backed campaigns.")
        #expect(person(a, "Jeremy Corbyn")?.factions == ["the left"])
        let momentum = a.factions.first { $0.name == "Momentum" }
        #expect(momentum != nil)
        // The mention covers "Momentum" only, not "-backed".
        if let m = momentum?.mentions.first {
            let text = "Jeremy Corbyn spoke. Corbynite candidates won, following Momentum-backed campaigns."
            #expect(text.unicodeScalars.slice(m) == "Momentum")
        }
    }

    @Test func servicesKeepsItsPlural() {
        let a = tagged("Quayside Marine Services said on Monday that the ferry would run.")
        #expect(a.organizations.map(\.name) == ["Quayside Marine Services"])
    }

    @Test func acronymsAreLinked() {
        let text = "Labour’s ruling National Executive Committee (NEC) met. The NEC then wrote to the Equality and Human Rights Commissions (EHRC). The EHRC replied."
        let a = tagged(text)
        let nec = a.organizations.first { $0.name == "National Executive Committee" }
        #expect(nec?.aliases.contains("NEC") == true)
        #expect(nec?.mentions.count == 3)
        let ehrc = a.organizations.first { $0.name == "Equality and Human Rights Commission" }
        #expect(ehrc?.mentions.count == 3)
        // Initials link an acronym to a name written out without brackets.
        let b = tagged("Left-wingers swept the National Executive Committee. The NEC decides.")
        #expect(b.organizations.first { $0.name == "National Executive Committee" }?.mentions.count == 2)
    }

    @Test func outletsFromTheListAndFromPatterns() {
        let a = tagged("Perhaps, says the London Evening Standard. In an interview in The Independent last year, she spoke. He told the Riverside Clarion. The Daily Gazette reported it.")
        let names = Set(a.outlets.map(\.name))
        #expect(names.isSuperset(of: ["London Evening Standard", "The Independent", "Riverside Clarion", "Daily Gazette"]), "\(names)")
        #expect(a.outlets.first { $0.name == "London Evening Standard" }?.aliases.contains("Evening Standard") == true)
    }

    @Test func headlinesAndCommonWordsAreNotPeople() {
        let a = tagged("Test Flight\nSpeed Read Rocket Maker Explodes Over Sea\nMany in the centre fear it. Perhaps most worrying, Members want change. Five of the nine won on Friday.")
        #expect(a.people.isEmpty, "\(a.people.map(\.name))")
        let b = tagged("Will Keir Starmer Have To Choose Between The EU And The US?")
        #expect(b.people.map(\.name) == ["Keir Starmer"])
    }

    @Test func titledSurnamesAndUnknownFirstNames() {
        let a = tagged("Mr Qwerty said the plan had failed. Asked why, Ms Zyx declined. Labour councillor Xanthe Ploughwright said no.")
        #expect(Set(a.people.map(\.name)) == ["Qwerty", "Zyx", "Xanthe Ploughwright"])
        #expect(person(a, "Qwerty")?.aliases == ["Mr Qwerty"])
        #expect(person(a, "Xanthe Ploughwright")?.roles == ["Labour councillor"])
    }

    @Test func mentionsAreInOrderAndFoundByRange() {
        let text = "Sir Keir Starmer thanked Momentum. Starmer told the BBC."
        let a = tagged(text)
        #expect(a.mentions.map(\.range.start) == a.mentions.map(\.range.start).sorted())
        #expect(a.mentions.map(\.kind) == [.person, .faction, .person, .outlet])
        let starmer = TextRange(start: 35, end: 42)
        #expect(a.entity(at: starmer)?.name == "Keir Starmer")
        #expect(a.entity(at: starmer)?.entityID == "p1")
        #expect(a.entity(at: TextRange(start: 0, end: 3))?.name == "Keir Starmer")
        #expect(a.entity(at: TextRange(start: 43, end: 47)) == nil)
    }

    @Test func surnameThatIsAListedNameStaysWithThePerson() {
        let a = tagged("Michael Bloomberg spoke to Reuters.")
        #expect(person(a, "Michael Bloomberg") != nil)
        #expect(a.outlets.map(\.name) == ["Reuters"])
    }

    @Test func taggingIsFast() {
        var text = ""
        for k in 0..<200 {
            text += "Labour donor John Mills\(k % 7 == 0 ? "" : "") said the NEC, led by Sir Keir Starmer, had “failed” the left. "
            text += "The comedian Eddie Izzard told the Riverside Clarion that Momentum-backed candidates won, says Sky News.\n\n"
        }
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(scalars)
        let sentences = SentenceSplitter().split(tokens, in: scalars)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let tagger = EntityTagger()
        print("EntityTagger: lexicons loaded in \(clock.now - loadStart)")
        var runs = 0
        let start = clock.now
        while runs < 3 || clock.now - start < .milliseconds(300) {
            _ = tagger.tag(text: text, scalars: scalars, tokens: tokens, sentences: sentences)
            runs += 1
        }
        let elapsed = clock.now - start
        let perToken = Double(elapsed.components.attoseconds) * 1e-9 / Double(runs * tokens.count)
            + Double(elapsed.components.seconds) * 1e9 / Double(runs * tokens.count)
        print("EntityTagger: \(tokens.count) tokens, \(String(format: "%.3f", perToken / 1000)) µs per token over \(runs) runs")
        // Debug builds are far slower than release; this only catches a blow-up.
        #expect(perToken < 50_000)
    }

    // MARK: - Seeds

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedsDirectory.appendingPathComponent("expected.json").path)))
    func seedArticles() throws {
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: seedsDirectory.appendingPathComponent("expected.json"))) as? [String: Any])
        let documents = try #require(expected["documents"] as? [[String: Any]])
        for doc in documents {
            let file = try #require(doc["file"] as? String)
            let raw = String(decoding: try Data(contentsOf: seedsDirectory.appendingPathComponent(file)), as: UTF8.self)
            // WhoSaidExtract is not a dependency of this test target, so stand in for its boilerplate removal:
            // drop the lines the reference lists as boilerplate and everything from the first related-article
            // separator (a line holding only "-").
            let drop = Set(doc["boilerplate_must_be_dropped"] as? [String] ?? [])
            var kept: [Substring] = []
            for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "-" { break }
                if drop.contains(String(line)) { continue }
                kept.append(line)
            }
            let a = tagged(kept.joined(separator: "\n"))
            print("\(file): people \(a.people.map { "\($0.name) \($0.aliases) roles \($0.roles) aff \($0.affiliations) fac \($0.factions)" })")
            print("\(file): organisations \(a.organizations.map { "\($0.name) \($0.aliases)" })")
            print("\(file): outlets \(a.outlets.map { "\($0.name) \($0.aliases)" })")
            print("\(file): factions \(a.factions.map { "\($0.name) \($0.aliases)" })")

            for p in doc["people"] as? [[String: Any]] ?? [] {
                let name = try #require(p["name"] as? String)
                guard let found = person(a, name) else {
                    Issue.record("\(file): person \(name) not found")
                    continue
                }
                for alias in p["aliases"] as? [String] ?? [] {
                    #expect(found.aliases.contains(alias), "\(file): \(name) alias \(alias)")
                }
                for role in p["roles"] as? [String] ?? [] {
                    #expect(found.roles.contains(role), "\(file): \(name) role \(role) in \(found.roles)")
                }
                for faction in p["factions"] as? [String] ?? [] {
                    #expect(found.factions.contains { loose($0) == loose(faction) }, "\(file): \(name) faction \(faction) in \(found.factions)")
                }
                if let affiliation = p["affiliation"] as? String {
                    #expect(found.affiliations.contains(affiliation), "\(file): \(name) affiliation \(affiliation)")
                }
            }
            for name in doc["people_not_in_article"] as? [String] ?? [] {
                #expect(person(a, name) == nil, "\(file): \(name) is not in the article")
            }
            for o in doc["outlets"] as? [[String: Any]] ?? [] {
                let name = try #require(o["name"] as? String)
                guard let found = a.outlets.first(where: { $0.name == name }) else {
                    Issue.record("\(file): outlet \(name) not found")
                    continue
                }
                for alias in o["aliases"] as? [String] ?? [] {
                    #expect(found.aliases.contains(alias), "\(file): outlet \(name) alias \(alias)")
                }
            }
            // Organisations in the reference include outlets and factions (Momentum); "Name (ACR)" gives an alias.
            let all = a.organizations + a.outlets + a.factions
            for entry in doc["organizations"] as? [String] ?? [] {
                var name = entry
                var acronym: String?
                if let open = entry.firstIndex(of: "("), entry.hasSuffix(")") {
                    name = String(entry[..<open]).trimmingCharacters(in: .whitespaces)
                    acronym = String(entry[entry.index(after: open)..<entry.index(before: entry.endIndex)])
                }
                guard let found = all.first(where: { $0.name == name }) else {
                    Issue.record("\(file): organisation \(name) not found")
                    continue
                }
                if let acronym { #expect(found.aliases.contains(acronym), "\(file): \(name) alias \(acronym)") }
            }
            // Factions: the head of each reference entry ("the left (left-wingers, …)") by name or surface form.
            for entry in doc["factions"] as? [String] ?? [] {
                let head = entry.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? entry
                #expect(a.factions.contains { loose($0.name) == loose(head) || $0.aliases.contains { loose($0) == loose(head) } },
                        "\(file): faction \(head)")
            }
        }
    }
}

/// Faction names compared without case and without a leading "the".
private func loose(_ s: String) -> String {
    var x = s.lowercased()
    if x.hasPrefix("the ") { x.removeFirst(4) }
    return x
}
