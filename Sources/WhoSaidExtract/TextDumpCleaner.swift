/// Decides which lines of a scraped text dump are the article and which are page boilerplate.
enum TextDumpCleaner {
    struct Cleaning: Sendable {
        /// Indices of the lines to keep, in order.
        var kept: [Int]
        /// The outlet the boilerplate names, if it names one.
        var outlet: String?
    }

    static func clean(_ lines: [String]) -> Cleaning {
        var seen = Set<String>()
        var kept: [Int] = []
        for (i, line) in lines.enumerated() {
            let t = line.trimmed()
            if t.isEmpty || !seen.insert(t).inserted { continue }
            kept.append(i)
        }
        return Cleaning(kept: kept, outlet: nil)
    }
}
