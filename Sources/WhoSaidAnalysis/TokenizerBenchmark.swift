/// Tokenizer throughput, for `scripts/bench` (run it on a release build).
public enum TokenizerBenchmark {
    /// The number of whitespace-separated words in `text` (what `wc -w` counts).
    public static func wordCount(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for x in text.unicodeScalars {
            let space = CC.of(x.value) & CC.space != 0
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words
    }

    /// Tokenizes `text` repeatedly for at least `minimumSeconds` (and at least `minimumRuns` times) and
    /// returns whitespace-separated words per second on this thread, counting the conversion of the
    /// string to scalars.
    public static func wordsPerSecond(text: String, minimumSeconds: Double = 1.0, minimumRuns: Int = 3) -> Double {
        let words = wordCount(text)
        guard words > 0 else { return 0 }
        let tokenizer = Tokenizer()
        let clock = ContinuousClock()
        var runs = 0
        var checksum = 0
        let start = clock.now
        var elapsed = Duration.zero
        while runs < minimumRuns || elapsed < .milliseconds(Int64(minimumSeconds * 1000)) {
            checksum &+= tokenizer.tokenize(text).count
            runs += 1
            elapsed = clock.now - start
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        precondition(checksum > 0)
        return Double(words * runs) / seconds
    }
}
