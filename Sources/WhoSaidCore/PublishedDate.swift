/// Publication dates as pages and feeds write them, normalised to ISO 8601, and the UTC key that
/// orders them.
///
/// ``normalize(_:language:)`` reads ISO 8601 (with or without time and zone), RFC 2822
/// (`Tue, 19 Nov 2019 10:00:00 GMT`), month names in either order (`Nov 19, 2019`, `19 November
/// 2019`, `Tuesday, November 19th, 2019`), a time before or after the date (`7:07 PM EST Nov 19,
/// 2019`), numeric dates (`19/11/2019`, `11/19/2019`, `19.11.2019`, `2019/11/19`), compact
/// `20191119`, and Unix seconds or milliseconds. It gives `2019-11-19` for a date alone, or
/// `2019-11-19T19:07:00-05:00` with the time, and the zone when the text gives one. Dates that cannot
/// be (`2024-13-45`, `2019-02-30`) and text holding no date give nil.
///
/// A numeric date whose day and month could swap (`05/06/2019`) is read day first when the page's
/// language is other than American English (`en-GB`, `fr`, `de`), and month first otherwise (`en-US`,
/// plain `en`, or no language). When one of the two numbers exceeds 12, it is the day whatever the
/// language.
///
/// ``sortKey(_:)`` turns such a date into one string shape that compares as instants do: the UTC
/// date and time (`2019-11-20T00:07:00Z`) when there is a time, the date alone otherwise (a date
/// alone sorts before every time of its day). A time without a zone is taken as UTC.
public enum PublishedDate {
    /// Years accepted as publication dates.
    static let years = 1800...2200

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Zone abbreviations news pages print, as minutes east of UTC (not `IST`, which is Irish or Indian). `ET`, `CT`, `MT` and `PT` (no
    /// standard or daylight letter) are resolved by the date, with the US daylight-saving rule.
    private static let zones: [String: Int] = [
        "z": 0, "gmt": 0, "utc": 0, "ut": 0, "wet": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120,
        "eest": 180, "msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "aest": 600, "aedt": 660, "jst": 540,
        "kst": 540, "sgt": 480, "hkt": 480, "nzst": 720, "nzdt": 780,
    ]
    private static let usZones: [String: Int] = ["et": -300, "ct": -360, "mt": -420, "pt": -480]

    /// The date of `raw` in ISO 8601, or nil when it holds none. `language` is the page's BCP 47 tag,
    /// used only for numeric dates whose day and month could swap.
    public static func normalize(_ raw: String, language: String? = nil) -> String? {
        parse(raw, language: language)?.iso
    }

    /// The UTC sort key of a date in any form ``normalize(_:language:)`` reads: `YYYY-MM-DD` for a date
    /// alone, `YYYY-MM-DDTHH:MM:SSZ` for a date and time.
    public static func sortKey(_ raw: String) -> String? {
        parse(raw, language: nil)?.utcKey
    }

    /// Whether a year, month and day exist (`2019-02-29` does not, `2020-02-29` does).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        years.contains(year) && (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    // MARK: Parsed dates

    struct Parsed: Equatable {
        var year: Int, month: Int, day: Int
        /// Hours, minutes and seconds, when the text gives a time.
        var time: (hour: Int, minute: Int, second: Int)?
        /// The zone, when the text gives one.
        var zone: Zone?

        static func == (a: Parsed, b: Parsed) -> Bool {
            a.year == b.year && a.month == b.month && a.day == b.day && a.zone == b.zone
                && a.time?.hour == b.time?.hour && a.time?.minute == b.time?.minute && a.time?.second == b.time?.second
        }

        var date: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

        var iso: String {
            guard let time else { return date }
            return date + "T" + clock(time) + (zone?.text ?? "")
        }

        var utcKey: String {
            guard let time else { return date }
            // Days since 1970-01-01, then the time shifted by the zone.
            var minutes = PublishedDate.days(year: year, month: month, day: day) * 1440 + time.hour * 60 + time.minute
            minutes -= zone?.minutes ?? 0
            let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
            let (y, m, d) = PublishedDate.civil(days: days)
            let rest = minutes - days * 1440
            return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + clock((rest / 60, rest % 60, time.second)) + "Z"
        }

        private func clock(_ t: (hour: Int, minute: Int, second: Int)) -> String {
            pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2)
        }
    }

    /// A zone: minutes east of UTC, and how it is written (`Z`, `+01:00`; `+00:00` stays as written).
    struct Zone: Equatable {
        var minutes: Int
        var text: String

        init(minutes: Int, text: String? = nil) {
            self.minutes = minutes
            self.text = text ?? (minutes == 0 ? "Z" : Zone.offset(minutes))
        }

        static func offset(_ minutes: Int) -> String {
            (minutes < 0 ? "-" : "+") + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func parse(_ raw: String, language: String?) -> Parsed? {
        let s = String(raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !s.isEmpty, s.count <= 200 else { return nil }
        let chars = Array(s.utf8)
        if chars.allSatisfy(isDigit) { return parseDigits(chars) }
        if chars.count >= 8, chars[0..<4].allSatisfy(isDigit), chars[4] == UInt8(ascii: "-") {
            return parseISO(chars)
        }
        return parseText(s, language: language)
    }

    // MARK: Digits alone: 20191119, Unix seconds or milliseconds

    private static func parseDigits(_ chars: [UInt8]) -> Parsed? {
        let value = chars.reduce(0) { $0 &* 10 &+ Int($1 - 48) }
        if chars.count == 8 {
            let y = value / 10_000, m = value / 100 % 100, d = value % 100
            return isValid(year: y, month: m, day: d) ? Parsed(year: y, month: m, day: d) : nil
        }
        var seconds: Int
        switch chars.count {
        case 9, 10: seconds = value
        case 12, 13: seconds = value / 1000
        default: return nil
        }
        let days = seconds / 86_400
        seconds -= days * 86_400
        let (y, m, d) = civil(days: days)
        guard years.contains(y) else { return nil }
        return Parsed(year: y, month: m, day: d, time: (seconds / 3600, seconds / 60 % 60, seconds % 60), zone: Zone(minutes: 0))
    }

    // MARK: ISO 8601: 2019-11-19, 2019-11-19T10:00:00.000+01:00, 2019-11-19 07:45

    private static func parseISO(_ c: [UInt8]) -> Parsed? {
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= c.count, c[from..<(from + count)].allSatisfy(isDigit) else { return nil }
            return c[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let y = number(0, 4), let m = number(5, 2), c.count >= 10, c[7] == UInt8(ascii: "-"), let d = number(8, 2)
        else { return nil }
        guard isValid(year: y, month: m, day: d) else { return nil }
        var parsed = Parsed(year: y, month: m, day: d)
        guard c.count >= 16, c[10] == UInt8(ascii: "T") || c[10] == UInt8(ascii: " "), let hh = number(11, 2),
            c[13] == UInt8(ascii: ":"), let mm = number(14, 2)
        else { return c.count == 10 || !isDigit(c[10]) ? parsed : nil }
        var i = 16
        var ss = 0
        if i < c.count, c[i] == UInt8(ascii: ":"), let sec = number(i + 1, 2) { ss = sec; i += 3 }
        while i < c.count, c[i] == UInt8(ascii: ".") || c[i] == UInt8(ascii: ",") || isDigit(c[i]) { i += 1 }  // fractions
        while i < c.count, c[i] == UInt8(ascii: " ") { i += 1 }
        guard hh < 24, mm < 60, ss < 60 else { return parsed }
        parsed.time = (hh, mm, ss)
        if i < c.count {
            let rest = String(decoding: c[i...], as: UTF8.self)
            parsed.zone = isoZone(rest) ?? zoneWord(rest.lowercased(), year: y, month: m, day: d)
        }
        return parsed
    }

    /// `Z`, `+01:00`, `-0500`, `+01`; `+00:00` is kept as written rather than made `Z`.
    private static func isoZone(_ s: String) -> Zone? {
        let c = Array(s.utf8)
        if c == [UInt8(ascii: "Z")] || c == [UInt8(ascii: "z")] { return Zone(minutes: 0) }
        guard let sign = c.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = c.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(isDigit), c.count <= 6 else { return nil }
        let hours = Int(digits[digits.startIndex] - 48) * 10 + Int(digits[digits.startIndex + 1] - 48)
        let minutes = digits.count == 4 ? Int(digits[digits.startIndex + 2] - 48) * 10 + Int(digits[digits.startIndex + 3] - 48) : 0
        guard hours <= 14, minutes < 60 else { return nil }
        let offset = (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
        return Zone(minutes: offset, text: Zone.offset(offset))
    }

    /// A named zone (`GMT`, `EST`, `ET`), or `GMT+1`/`UTC-05:00`.
    private static func zoneWord(_ word: String, year: Int, month: Int, day: Int) -> Zone? {
        let w = word.filter { $0 != "." }
        if let offset = zones[w] { return Zone(minutes: offset) }
        if let standard = usZones[w] {
            return Zone(minutes: standard + (usDaylight(year: year, month: month, day: day) ? 60 : 0))
        }
        for prefix in ["gmt", "utc"] where w.hasPrefix(prefix) {
            let rest = w.dropFirst(prefix.count)
            if let zone = isoZone(String(rest)) { return Zone(minutes: zone.minutes) }
            if let sign = rest.first, sign == "+" || sign == "-", let hours = Int(rest.dropFirst()), (1...14).contains(hours) {
                return Zone(minutes: hours * 60 * (sign == "-" ? -1 : 1))
            }
        }
        return nil
    }

    // MARK: Text: Tue, 19 Nov 2019 10:00:00 GMT; 7:07 PM EST Nov 19, 2019; 19/11/2019

    private enum Piece: Equatable {
        case number(Int, digits: Int)
        case word(String)
        /// A separator character between two pieces (`/`, `.`, `-`, `:`, `,`, `+`).
        case mark(Character)
    }

    private static func pieces(_ s: String) -> [Piece] {
        var out: [Piece] = []
        var word = "", digits = ""
        func flush() {
            if !word.isEmpty { out.append(.word(word.lowercased())); word = "" }
            if !digits.isEmpty { out.append(.number(Int(digits) ?? -1, digits: digits.count)); digits = "" }
        }
        for ch in s {
            if ch.isASCII, ch.isNumber {
                if !word.isEmpty { flush() }
                digits.append(ch)
            } else if ch.isLetter {
                if !digits.isEmpty { flush() }
                word.append(ch)
            } else {
                flush()
                if "/.-:,+".contains(ch) { out.append(.mark(ch)) }
            }
        }
        flush()
        return out
    }

    private static func parseText(_ s: String, language: String?) -> Parsed? {
        var p = pieces(s)
        // The time first, wherever it is (so `7:07` is never taken for the 7th), then its zone.
        var time: (hour: Int, minute: Int, second: Int)?
        var zoneText: [Piece] = []
        var i = 0
        while i + 2 < p.count, time == nil {
            if case .number(let h, let hd) = p[i], hd <= 2, p[i + 1] == .mark(":"), case .number(let m, 2) = p[i + 2] {
                var end = i + 3
                var second = 0
                if end + 1 < p.count, p[end] == .mark(":"), case .number(let sec, 2) = p[end + 1] { second = sec; end += 2 }
                if end + 1 < p.count, p[end] == .mark("."), case .number = p[end + 1] { end += 2 }  // fractions
                var hour = h
                // am / pm, a.m. / p.m.
                var meridiem: String?
                if end < p.count, case .word(let w) = p[end], w == "am" || w == "pm" { meridiem = w; end += 1 }
                else if end + 2 < p.count, case .word(let a) = p[end], a == "a" || a == "p", p[end + 1] == .mark("."),
                    case .word("m") = p[end + 2]
                {
                    meridiem = a + "m"
                    end += 3
                    if end < p.count, p[end] == .mark(".") { end += 1 }
                }
                if let meridiem {
                    guard (1...12).contains(hour) else { return nil }
                    hour = hour % 12 + (meridiem == "pm" ? 12 : 0)
                }
                guard hour < 24, m < 60, second < 60 else { return nil }
                time = (hour, m, second)
                // A zone right after: a word (`EST`, `GMT`), a numeric offset (`+0000`, `-05:00`), or both (`GMT+1`).
                var z = end
                var named = false
                if z < p.count, case .word(let w) = p[z], zones[w] != nil || usZones[w] != nil {
                    zoneText.append(p[z]); z += 1
                    named = w == "gmt" || w == "utc"
                }
                // An offset: `+0000`, `-05:00`, or after GMT/UTC `+1` (never `- 19` of a date that follows).
                if z + 1 < p.count, p[z] == .mark("+") || p[z] == .mark("-"), case .number(_, let zd) = p[z + 1] {
                    let colon = zd == 2 && z + 3 < p.count && p[z + 2] == .mark(":") && { if case .number(_, 2) = p[z + 3] { return true } else { return false } }()
                    if colon || zd == 4 || (named && zd <= 2) {
                        zoneText += p[z..<(z + (colon ? 4 : 2))]
                        z += colon ? 4 : 2
                    }
                }
                p.removeSubrange(i..<z)
            } else {
                i += 1
            }
        }
        guard var parsed = textDate(p, language: language) else { return nil }
        if let time {
            parsed.time = time
            parsed.zone = zone(of: zoneText, year: parsed.year, month: parsed.month, day: parsed.day)
        }
        return parsed
    }

    private static func zone(of pieces: [Piece], year: Int, month: Int, day: Int) -> Zone? {
        var text = ""
        for piece in pieces {
            switch piece {
            case .word(let w): text += w
            case .mark(let c): text.append(c)
            case .number(let n, let digits): text += pad(n, digits)
            }
        }
        guard !text.isEmpty else { return nil }
        if let zone = isoZone(text) { return zone }
        return zoneWord(text, year: year, month: month, day: day)
    }

    /// The date among pieces with the time taken out: numeric (`19/11/2019`, `2019/11/19`,
    /// `19.11.2019`) or with a month name (`Nov 19, 2019`, `19th November 2019`).
    private static func textDate(_ p: [Piece], language: String?) -> Parsed? {
        // Numeric: three numbers joined by one separator, repeated.
        for i in stride(from: 0, to: p.count - 4, by: 1) {
            guard case .number(let a, let ad) = p[i], case .mark(let sep) = p[i + 1], "/.-".contains(sep),
                case .number(let b, let bd) = p[i + 2], p[i + 3] == .mark(sep), case .number(let c, let cd) = p[i + 4],
                bd <= 2
            else { continue }
            if ad == 4, cd <= 2 { return valid(year: a, month: b, day: c) }
            guard ad <= 2, cd == 4 || cd == 2 else { continue }
            let year = cd == 4 ? c : (c < 70 ? 2000 + c : 1900 + c)
            let dayFirst: Bool
            if a > 12 { dayFirst = true } else if b > 12 { dayFirst = false } else { dayFirst = readsDayFirst(language, separator: sep) }
            return dayFirst ? valid(year: year, month: b, day: a) : valid(year: year, month: a, day: b)
        }
        // A month name; the day is the number of one or two digits next to it, the year one of four.
        guard let at = p.firstIndex(where: { if case .word(let w) = $0 { return month(w) != nil } else { return false } }),
            case .word(let name) = p[at], let month = month(name)
        else { return nil }
        var year: Int?
        for piece in p { if case .number(let n, 4) = piece, years.contains(n) { year = n; break } }
        guard let year else { return nil }
        func day(at j: Int) -> Int? {
            guard p.indices.contains(j), case .number(let n, let digits) = p[j], digits <= 2, (1...31).contains(n) else { return nil }
            return n
        }
        // `Nov 19, 2019` / `November 19th`; `19 Nov` / `19th of November`; skipping a `.` (`Nov. 19`).
        var after = at + 1
        if after < p.count, p[after] == .mark(".") { after += 1 }
        var before = at - 1
        if before >= 0, case .word("of") = p[before] { before -= 1 }
        if before >= 0, case .word(let w) = p[before], ["st", "nd", "rd", "th"].contains(w) { before -= 1 }
        if before >= 0, p[before] == .mark(".") { before -= 1 }  // 19. November 2019
        guard let d = day(at: after) ?? day(at: before) else { return nil }
        return valid(year: year, month: month, day: d)
    }

    private static func valid(year: Int, month: Int, day: Int) -> Parsed? {
        isValid(year: year, month: month, day: day) ? Parsed(year: year, month: month, day: day) : nil
    }

    /// The month a word names: its full name, or an abbreviation of three letters or more (`Sept`).
    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// Whether an ambiguous numeric date (`05/06/2019`) is day first: American English and pages that
    /// name no language are month first with a slash; every other language, and dots, day first.
    static func readsDayFirst(_ language: String?, separator: Character) -> Bool {
        if separator == "." { return true }
        guard let language = language?.lowercased(), !language.isEmpty else { return false }
        if language == "en" || language.hasPrefix("en-us") || language.hasPrefix("en_us") { return false }
        return true
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, no Foundation)

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// US daylight saving time (second Sunday of March to first Sunday of November), by date.
    static func usDaylight(year: Int, month: Int, day: Int) -> Bool {
        guard (3...11).contains(month) else { return false }
        if (4...10).contains(month) { return true }
        // Weekday of the 1st (0 = Sunday): 1970-01-01 was a Thursday.
        let first = ((days(year: year, month: month, day: 1) % 7) + 11) % 7
        let firstSunday = 1 + (7 - first) % 7
        return month == 3 ? day >= firstSunday + 7 : day < firstSunday
    }
}
