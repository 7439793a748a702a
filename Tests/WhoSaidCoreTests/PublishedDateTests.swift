import Testing
@testable import WhoSaidCore

/// Publication dates in the forms pages and feeds write them (issue 14: dates).
@Suite struct PublishedDateTests {
    @Test(arguments: [
        // RFC 2822
        ("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00Z"),
        ("Tue, 19 Nov 2019 10:00:00 +0000", "2019-11-19T10:00:00+00:00"),
        ("Tue, 19 Nov 2019 05:00:00 -0500", "2019-11-19T05:00:00-05:00"),
        // ISO 8601, with and without time and zone
        ("2019-11-19", "2019-11-19"),
        ("2019-11-19T12:00:00Z", "2019-11-19T12:00:00Z"),
        ("2019-11-19T12:00:00.000+00:00", "2019-11-19T12:00:00+00:00"),
        ("2024-03-12T18:45:00-0500", "2024-03-12T18:45:00-05:00"),
        ("2019-11-19T07:45", "2019-11-19T07:45:00"),
        ("2019-11-19 07:45", "2019-11-19T07:45:00"),
        ("2019-11-19T12:00:00 GMT", "2019-11-19T12:00:00Z"),
        ("20191119", "2019-11-19"),
        // month names, either order
        ("Nov 19, 2019", "2019-11-19"),
        ("November 19, 2019", "2019-11-19"),
        ("19 November 2019", "2019-11-19"),
        ("Tuesday, 19th of November 2019", "2019-11-19"),
        ("Nov. 19, 2019", "2019-11-19"),
        ("Sept 3, 2019", "2019-09-03"),
        ("Posted Tuesday, May 6, 2003", "2003-05-06"),
        // a time before the date is not its day
        ("7:07 PM EST Nov 19, 2019", "2019-11-19T19:07:00-05:00"),
        ("Nov 19, 2019 7:07 a.m. ET", "2019-11-19T07:07:00-05:00"),
        ("Published June 3, 2024 at 9:15 p.m. ET", "2024-06-03T21:15:00-04:00"),
        ("12:30 AM GMT Jan 2, 2020", "2020-01-02T00:30:00Z"),
        // numeric dates
        ("19/11/2019", "2019-11-19"),
        ("11/19/2019", "2019-11-19"),
        ("19.11.2019", "2019-11-19"),
        ("2019/11/19", "2019-11-19"),
        ("11/19/2019 10:00 - 19/11/2019", "2019-11-19T10:00:00"),
        // Unix time
        ("1574157600", "2019-11-19T10:00:00Z"),
        ("1574157600000", "2019-11-19T10:00:00Z"),
    ])
    func normalizes(raw: String, iso: String) {
        #expect(PublishedDate.normalize(raw) == iso)
    }

    @Test func ambiguousNumericDatesFollowThePageLanguage() {
        #expect(PublishedDate.normalize("05/06/2019") == "2019-05-06", "no language: month first")
        #expect(PublishedDate.normalize("05/06/2019", language: "en-US") == "2019-05-06")
        #expect(PublishedDate.normalize("05/06/2019", language: "en") == "2019-05-06")
        #expect(PublishedDate.normalize("05/06/2019", language: "en-GB") == "2019-06-05")
        #expect(PublishedDate.normalize("05/06/2019", language: "fr") == "2019-06-05")
        // Unambiguous whatever the language.
        #expect(PublishedDate.normalize("19/11/2019", language: "en-US") == "2019-11-19")
        #expect(PublishedDate.normalize("11/19/2019", language: "en-GB") == "2019-11-19")
    }

    @Test(arguments: [
        "", "yesterday", "2024-13-45", "2019-02-30", "2019-13-45", "Page 3 of 12", "Updated 9:10 a.m.", "31/02/2019",
        "13/13/2019", "Mark 5, 2019", "25:00 Nov 19, 2019", "12345678",
    ])
    func rejects(raw: String) {
        #expect(PublishedDate.normalize(raw) == nil)
    }

    @Test func leapDays() {
        #expect(PublishedDate.normalize("2020-02-29") == "2020-02-29")
        #expect(PublishedDate.normalize("2019-02-29") == nil)
        #expect(PublishedDate.normalize("1900-02-29") == nil)
        #expect(PublishedDate.normalize("2000-02-29") == "2000-02-29")
    }

    @Test func sortKeysAreUTCInstants() {
        #expect(PublishedDate.sortKey("2019-11-19T23:30:00-05:00") == "2019-11-20T04:30:00Z")
        #expect(PublishedDate.sortKey("2019-11-20T01:00:00+02:00") == "2019-11-19T23:00:00Z")
        #expect(PublishedDate.sortKey("2020-01-01T00:30:00+01:00") == "2019-12-31T23:30:00Z")
        #expect(PublishedDate.sortKey("2019-11-19") == "2019-11-19")
        #expect(PublishedDate.sortKey("Tue, 19 Nov 2019 10:00:00 GMT") == "2019-11-19T10:00:00Z")
        #expect(PublishedDate.sortKey("2019-11-19T10:00:00") == "2019-11-19T10:00:00Z", "no zone: taken as UTC")
        #expect(PublishedDate.sortKey("not a date") == nil)
        // Keys of one shape compare as the instants do; a date alone sorts before its day's times.
        let keys = ["2019-11-19T10:00:00+01:00", "2019-11-19T09:30:00Z", "2019-11-19", "2019-11-18T23:59:00-05:00"]
            .compactMap(PublishedDate.sortKey)
        #expect(keys.sorted() == ["2019-11-19", "2019-11-19T04:59:00Z", "2019-11-19T09:00:00Z", "2019-11-19T09:30:00Z"])
    }

    @Test func usEasternTimeFollowsDaylightSaving() {
        #expect(PublishedDate.normalize("Mar 9, 2024 10:00 AM ET") == "2024-03-09T10:00:00-05:00")
        #expect(PublishedDate.normalize("Mar 10, 2024 10:00 AM ET") == "2024-03-10T10:00:00-04:00")
        #expect(PublishedDate.normalize("Nov 2, 2024 10:00 AM ET") == "2024-11-02T10:00:00-04:00")
        #expect(PublishedDate.normalize("Nov 3, 2024 10:00 AM ET") == "2024-11-03T10:00:00-05:00")
    }
}
