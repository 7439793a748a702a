import WhoSaidAggregate

/// Bar charts drawn by the server as inline SVG: readable without JavaScript, every label escaped.
enum Chart {
    /// How many colours the stylesheet defines (`.c0` … `.c7`); more series share the last.
    static let colours = 8

    /// A bar per period, stacked by series (one series: plain bars). Periods are months (`2024-03`)
    /// or years; every period between the first and the last gets a bar, months becoming years when
    /// there would be more than ten years of them.
    static func bars(_ h: inout HTML, series: [(name: String, counts: [PeriodCount])], unit: String, label: String) {
        var series = series
        var periods = Set(series.flatMap { $0.counts.map(\.period) })
        if periods.isEmpty {
            h.element("p", [("class", "muted")], text: "No dated \(unit) to chart.")
            return
        }
        var axis = fill(periods.sorted())
        if axis.count > 120, axis.first?.count == 7 {
            series = series.map { s in
                var years: [String: Int] = [:]
                for c in s.counts { years[String(c.period.prefix(4)), default: 0] += c.count }
                return (s.name, years.map { PeriodCount(period: $0.key, count: $0.value) })
            }
            periods = Set(series.flatMap { $0.counts.map(\.period) })
            axis = fill(periods.sorted())
        }
        let index = Dictionary(uniqueKeysWithValues: axis.enumerated().map { ($1, $0) })
        var stacks = Array(repeating: [Int](repeating: 0, count: series.count), count: axis.count)
        for (k, s) in series.enumerated() {
            for c in s.counts { if let i = index[c.period] { stacks[i][k] += c.count } }
        }
        let top = max(1, stacks.map { $0.reduce(0, +) }.max() ?? 1)

        let width = 760, height = 230, left = 44, right = 10, topMargin = 12, bottom = 34
        let plotWidth = width - left - right, plotHeight = height - topMargin - bottom
        let step = Double(plotWidth) / Double(axis.count)
        let barWidth = min(40, max(1.0, step * 0.8))
        h.open("svg", [
            ("class", "chart"), ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"),
            ("width", String(width)), ("height", String(height)), ("role", "img"), ("aria-label", label),
        ])
        h.element("title", text: label)
        // Axes and the scale: zero and the tallest bar.
        let baseline = topMargin + plotHeight
        h.open("line", [("x1", String(left)), ("y1", String(baseline)), ("x2", String(width - right)), ("y2", String(baseline)), ("stroke", "#999")])
        h.close("line")
        h.open("line", [("x1", String(left)), ("y1", String(topMargin)), ("x2", String(left)), ("y2", String(baseline)), ("stroke", "#999")])
        h.close("line")
        h.element("text", [("x", String(left - 6)), ("y", String(baseline)), ("text-anchor", "end")], text: "0")
        h.element("text", [("x", String(left - 6)), ("y", String(topMargin + 8)), ("text-anchor", "end")], text: String(top))
        for (i, period) in axis.enumerated() {
            let x = Double(left) + Double(i) * step + (step - barWidth) / 2
            var y = Double(baseline)
            for (k, count) in stacks[i].enumerated() where count > 0 {
                let barHeight = Double(plotHeight) * Double(count) / Double(top)
                y -= barHeight
                h.open("rect", [
                    ("class", "c\(min(k, colours - 1))"), ("x", format(x)), ("y", format(y)), ("width", format(barWidth)),
                    ("height", format(max(barHeight, 0.5))),
                ])
                let what = series.count > 1 ? " (\(series[k].name))" : ""
                h.element("title", text: "\(period): \(count) \(count == 1 ? String(unit.dropLast()) : unit)\(what)")
                h.close("rect")
            }
        }
        // At most twelve period labels, the first among them.
        let every = max(1, Int((Double(axis.count) / 12).rounded(.up)))
        for (i, period) in axis.enumerated() where i % every == 0 {
            let x = Double(left) + (Double(i) + 0.5) * step
            h.element("text", [("x", format(x)), ("y", String(baseline + 16)), ("text-anchor", "middle")], text: period)
        }
        h.close("svg")
        if series.count > 1 {
            h.element("p", [("class", "legend")]) { h in
                for (k, s) in series.enumerated() {
                    h.raw("<span><i class=\"c")
                    h.text(min(k, colours - 1))
                    h.raw("\"></i>")
                    h.text(s.name)
                    h.raw("</span>")
                }
            }
        }
    }

    /// Every month (or year) from the first period to the last.
    static func fill(_ sorted: [String]) -> [String] {
        guard let first = sorted.first, let last = sorted.last else { return [] }
        if first.count == 7, last.count == 7, var y = Int(first.prefix(4)), var m = Int(first.suffix(2)),
            let ly = Int(last.prefix(4)), let lm = Int(last.suffix(2)), (y, m) <= (ly, lm), ly - y < 200
        {
            var out: [String] = []
            while (y, m) <= (ly, lm) {
                out.append(String(format: "%04d-%02d", y, m))
                m += 1
                if m > 12 { m = 1; y += 1 }
            }
            return out
        }
        if first.count == 4, last.count == 4, let fy = Int(first), let ly = Int(last), fy <= ly, ly - fy < 500 {
            return (fy...ly).map { String(format: "%04d", $0) }
        }
        return sorted
    }

    static func format(_ x: Double) -> String { String(format: "%.1f", x) }

    /// The colours of the series, for the stylesheet.
    static let stylesheet = """
        .c0 { fill: #1f5fa8; background: #1f5fa8; } .c1 { fill: #d9822b; background: #d9822b; }
        .c2 { fill: #3d9a50; background: #3d9a50; } .c3 { fill: #b8405e; background: #b8405e; }
        .c4 { fill: #7b5ea7; background: #7b5ea7; } .c5 { fill: #2a9d9a; background: #2a9d9a; }
        .c6 { fill: #a0863a; background: #a0863a; } .c7 { fill: #7a7f86; background: #7a7f86; }
        """
}

import Foundation
