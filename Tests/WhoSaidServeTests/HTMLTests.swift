import Testing
import WhoSaidAggregate

@testable import WhoSaidServe

/// The escaping writers and the chart, without a server.
@Suite struct HTMLTests {
    @Test func textAndAttributesAreEscaped() {
        var h = HTML()
        h.element("p", [("title", "\"onmouseover=alert(1) x='y'")], text: "<script>alert(1)</script> & more")
        #expect(h.output == "<p title=\"&quot;onmouseover=alert(1) x=&#39;y&#39;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>")
    }

    @Test func urlComponentsAreOneSegment() {
        #expect(Escape.urlComponent("/data/dump.jsonl:17") == "%2Fdata%2Fdump.jsonl%3A17")
        #expect(Escape.urlComponent("Renée Falconer & co?#") == "Ren%C3%A9e%20Falconer%20%26%20co%3F%23")
        #expect(Href.page(.search, [("speaker", "a&b=c"), ("about", nil), ("kind", "")]).value == "/?speaker=a%26b%3Dc")
        #expect(Href.article("/x/y.jsonl:3").value == "/articles/%2Fx%2Fy.jsonl%3A3")
    }

    @Test func longValuesAreCutWhenEchoed() {
        let long = String(repeating: "x", count: 100_000)
        #expect(Escape.brief(long).count == 81)
        #expect(throws: ServeError.self) { try Parameters([("speaker", long)]) }
    }

    @Test func chartsFillEveryPeriodAndEscapeLabels() {
        #expect(Chart.fill(["2023-11", "2024-02"]) == ["2023-11", "2023-12", "2024-01", "2024-02"])
        #expect(Chart.fill(["2019", "2021"]) == ["2019", "2020", "2021"])
        var h = HTML()
        Chart.bars(
            &h, series: [("<b>x</b>", [PeriodCount(period: "2024-01", count: 3)]), ("y", [PeriodCount(period: "2024-03", count: 1)])],
            unit: "claims", label: "a \"label\"")
        #expect(h.output.contains("<svg class=\"chart\""))
        #expect(h.output.filter { $0 == "<" }.count > 5)
        #expect(!h.output.contains("<b>"))
        #expect(h.output.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(h.output.contains("aria-label=\"a &quot;label&quot;\""))
        #expect(h.output.contains("2024-02"))  // the empty month between gets its place on the axis
    }
}
