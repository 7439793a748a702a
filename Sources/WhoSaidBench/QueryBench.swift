import Foundation
import GRDB
import WhoSaidAggregate
import WhoSaidStore

/// Latency of `whosaid query` filters on a store (in process, through ``ClaimQuery``, as the command
/// runs them): speaker, source, faction and full-text queries for the first 50 claims, each over up
/// to 50 names or words sampled evenly from the store itself. One untimed pass warms the page cache;
/// the timed pass gives p50, p95 and the maximum.
func benchQueries(_ arguments: [String]) {
    guard let path = arguments.first else {
        FileHandle.standardError.write(Data("usage: WhoSaidBench queries STORE.sqlite\n".utf8))
        exit(2)
    }
    do {
        let store = try SQLiteStore(path: path, create: false, readOnly: true)
        let counts = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM quotes") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? 0)
        }
        print("store: \(counts.0) quotes, \(counts.1) claims, \(counts.2) reports")
        if counts.0 < 1_000_000 {
            print("note: fewer than the 1,000,000 quotes the targets are set for (BENCH_STORE_ARTICLES sets the size)")
        }
        let samples = try QuerySamples(store: store, each: 50)
        let query = ClaimQuery(store: store)
        for (label, filters) in samples.filters {
            guard !filters.isEmpty else {
                print(String(format: "%-10@ no names of this kind in the store", label as NSString))
                continue
            }
            var rows = 0
            for f in filters { rows += (try? query.claims(f).count) ?? 0 }  // warm-up
            var times: [Double] = []
            rows = 0
            for f in filters {
                let start = now()
                rows += try query.claims(f).count
                times.append(now() - start)
            }
            times.sort()
            func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int((Double(times.count) * p).rounded(.up)) - 1)] }
            print(String(format: "%-10@ %3d queries, %5.1f claims each: p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms (target p95 <= 50 ms)",
                label as NSString, filters.count, Double(rows) / Double(filters.count),
                percentile(0.5) * 1000, percentile(0.95) * 1000, times.last! * 1000))
        }
    } catch {
        FileHandle.standardError.write(Data("whosaid-bench: \(error)\n".utf8))
        exit(1)
    }
}

/// Filters sampled evenly (by row id) from what the store holds.
struct QuerySamples {
    var filters: [(String, [ClaimFilter])] = []

    init(store: SQLiteStore, each: Int) throws {
        let (speakers, sources, factions, words) = try store.read { db -> ([String], [String], [String], [String]) in
            func spread(_ sql: String) throws -> [String] {
                let all = try String.fetchAll(db, sql: sql)
                guard all.count > each else { return all }
                return (0..<each).map { all[$0 * all.count / each] }
            }
            let speakers = try spread("""
                SELECT name FROM canonical_entities c WHERE kind = 'person'
                AND EXISTS (SELECT 1 FROM claims WHERE speaker_id = c.id) ORDER BY id
                """)
            let sources = try spread("""
                SELECT name FROM canonical_entities c WHERE kind IN ('outlet', 'organization')
                AND (EXISTS (SELECT 1 FROM claims WHERE speaker_id = c.id) OR EXISTS (SELECT 1 FROM claims WHERE affiliation_id = c.id)
                    OR EXISTS (SELECT 1 FROM claims WHERE via_id = c.id)) ORDER BY id
                """)
            let factions = try spread("""
                SELECT name FROM canonical_entities c WHERE kind = 'faction'
                AND EXISTS (SELECT 1 FROM claim_factions WHERE faction_id = c.id) ORDER BY id
                """)
            // One word of five letters or more from claims spread over the table: the kind of word
            // people search for, common and rare alike.
            let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM claims") ?? 0
            var words: [String] = []
            for n in 0..<Int64(each) where maxID > 0 {
                let id = 1 + n * maxID / Int64(each)
                guard let text = try String.fetchOne(db, sql: "SELECT text FROM claims WHERE id >= ? ORDER BY id LIMIT 1", arguments: [id])
                else { continue }
                let candidates = text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }
                if !candidates.isEmpty { words.append(String(candidates[Int(n) % candidates.count]).lowercased()) }
            }
            return (speakers, sources, factions, words)
        }
        // Each kind's names repeated to `each` queries when the store has fewer.
        func filled(_ names: [String], _ set: (inout ClaimFilter, String) -> Void) -> [ClaimFilter] {
            guard !names.isEmpty else { return [] }
            return (0..<each).map { i in
                var f = ClaimFilter()
                f.limit = 50
                set(&f, names[i % names.count])
                return f
            }
        }
        filters = [
            ("speaker", filled(speakers) { $0.speaker = $1 }),
            ("source", filled(sources) { $0.source = $1 }),
            ("faction", filled(factions) { $0.faction = $1 }),
            ("full text", filled(words) { $0.about = $1 }),
        ]
    }
}
