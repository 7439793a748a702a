import Testing
import WhoSaidAggregate
import WhoSaidStore

/// `ClaimFilter.newestFirst` and `offset`, which the search page pages with: the listing order of
/// `query` turned round (undated claims still last), through every way in (all claims, a speaker, a
/// source's three, a faction).
@Suite struct NewestFirstTests {
    @Test(arguments: [nil, "speaker:Arthur Bensley", "source:Sky News", "source:The Westmoor Post", "faction:Labour Forward"])
    func newestFirstIsTheListingOrderTurnedRound(_ filter: String?) throws {
        let query = ClaimQuery(store: try SQLiteStore(path: try Fixture.store().path, create: false, readOnly: true))
        var f = ClaimFilter()
        if let filter {
            let parts = filter.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts[0] {
            case "speaker": f.speaker = parts[1]
            case "source": f.source = parts[1]
            default: f.faction = parts[1]
            }
        }
        f.sort = .oldest
        let ascending = try query.claims(f)
        #expect(!ascending.isEmpty)
        let expected = ascending.filter { $0.firstReported != nil }.reversed() + ascending.filter { $0.firstReported == nil }.reversed()
        var newest = f
        newest.newestFirst = true
        #expect(try query.claims(newest).map(\.id) == expected.map(\.id))
        for (offset, limit) in [(0, 3), (2, 3), (expected.count - 1, 5)] {
            newest.offset = offset
            newest.limit = limit
            #expect(try query.claims(newest).map(\.id) == Array(expected.map(\.id).dropFirst(offset).prefix(limit)))
        }
    }
}
