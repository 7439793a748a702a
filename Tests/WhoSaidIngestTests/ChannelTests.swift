import Foundation
import Testing
@testable import WhoSaidIngest

struct ChannelTests {
    final class Page {}

    /// Items handed out must not stay referenced by the queue: they can be whole pages, and keeping
    /// hundreds of them alive once made ingest's memory grow to hundreds of MB.
    @Test func takenItemsAreReleased() {
        let queue = BlockingQueue<Page>(capacity: 4)
        weak var first: Page?
        do {
            let page = Page()
            first = page
            #expect(queue.put(page))
            #expect(queue.put(Page()))
        }
        _ = queue.take()
        #expect(first == nil)
        #expect(queue.take() != nil)
    }

    @Test func itemsComeOutInOrderAcrossThreadsAndCloseEndsTheTakers() {
        let queue = BlockingQueue<Int>(capacity: 3)
        let producer = Thread {
            for i in 0..<500 { _ = queue.put(i) }
            queue.close()
        }
        producer.start()
        var got: [Int] = []
        while let i = queue.take() { got.append(i) }
        #expect(got == Array(0..<500))
    }

    @Test func theReordererHandsResultsBackInInputOrder() {
        let results = Reorderer<Int>(window: 4)
        let group = DispatchGroup()
        for worker in 0..<3 {
            group.enter()
            Thread {
                var i = worker
                while i < 100 {
                    _ = results.put(i, i * 10)
                    i += 3
                }
                group.leave()
            }.start()
        }
        results.finish(total: 100)
        var got: [Int] = []
        while let v = results.take() { got.append(v) }
        group.wait()
        #expect(got == (0..<100).map { $0 * 10 })
    }
}
