import Foundation
import Testing
import WhoSaidAnalysis
import WhoSaidCore

/// The PolNeAR dev split, when present next to the repository (never copied into it).
let polnearDev: URL? = {
    for candidate in [repositoryRoot.appendingPathComponent("../shared/polnear/dev").standardizedFileURL,
                      URL(fileURLWithPath: "/work/shared/polnear/dev")]
    where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("text").path) {
        return candidate
    }
    return nil
}()

@Suite struct PolNeARAlignmentTests {
    /// Tokenizes every dev text, checks the invariants, and measures how many annotated span boundaries
    /// (source, cue and content starts and ends in gold.jsonl) fall on token boundaries.
    @Test(.enabled(if: polnearDev != nil))
    func devTextsKeepInvariantsAndSpanBoundariesFallOnTokenBoundaries() throws {
        let dev = try #require(polnearDev)
        let textDir = dev.appendingPathComponent("text")
        let files = try FileManager.default.contentsOfDirectory(atPath: textDir.path).filter { $0.hasSuffix(".txt") }
        #expect(!files.isEmpty)
        for file in files {
            let text = String(decoding: try Data(contentsOf: textDir.appendingPathComponent(file)), as: UTF8.self)
            let scalars = Array(text.unicodeScalars)
            let toks = Tokenizer().tokenize(scalars)
            #expect(invariantViolations(scalars, toks) == [], "\(file)")
            _ = SentenceSplitter().split(toks, in: scalars)
        }

        let gold = dev.appendingPathComponent("gold.jsonl")
        guard FileManager.default.fileExists(atPath: gold.path) else { return }
        var boundaries = 0
        var aligned = 0
        var byRole: [String: (Int, Int)] = [:]
        let lines = String(decoding: try Data(contentsOf: gold), as: UTF8.self).split(separator: "\n")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let toks = Tokenizer().tokenize(text)
            let starts = Set(toks.map(\.range.start))
            let ends = Set(toks.map(\.range.end))
            for attribution in object["attributions"] as? [[String: Any]] ?? [] {
                for role in ["source", "cue", "content"] {
                    for span in attribution[role] as? [[Int]] ?? [] where span.count == 2 {
                        let ok = (starts.contains(span[0]) ? 1 : 0) + (ends.contains(span[1]) ? 1 : 0)
                        boundaries += 2
                        aligned += ok
                        byRole[role, default: (0, 0)].0 += ok
                        byRole[role, default: (0, 0)].1 += 2
                    }
                }
            }
        }
        #expect(boundaries > 0)
        let share = Double(aligned) / Double(max(boundaries, 1))
        let detail = byRole.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.0)/\($0.value.1)" }.joined(separator: ", ")
        print("PolNeAR dev: \(aligned)/\(boundaries) span boundaries on token boundaries (\(String(format: "%.2f", share * 100))%); \(detail)")
        #expect(share >= 0.95, "only \(aligned) of \(boundaries) boundaries align")
    }
}
