import Foundation

/// A bounded first-in first-out queue between threads: `put` waits while it is full, `take` while it
/// is empty. Bounding it keeps memory flat however large the dump.
final class BlockingQueue<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [T?] = []
    private var head = 0
    private let capacity: Int
    private var closed = false

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds an item, waiting for room; false when the queue was closed.
    func put(_ item: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; nil once the queue is closed and empty.
    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        if head == items.count { return nil }
        // Taken items are released at once (they may be whole pages): the slot is cleared, and the
        // cleared prefix is dropped once it is as long as what is left.
        let item = items[head].take()!
        head += 1
        if head >= 64 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// No more items: takers get what is left, then nil. With `discarding`, what is left is dropped.
    func close(discarding: Bool = false) {
        condition.lock()
        closed = true
        if discarding {
            items.removeAll()
            head = 0
        }
        condition.broadcast()
        condition.unlock()
    }
}

/// Puts results computed out of order back in input order, holding at most `window` of them: a
/// worker whose result is too far ahead of the next one due waits.
final class Reorderer<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Int: T] = [:]
    private var next = 0
    private var total: Int?
    private var closed = false
    private let window: Int

    init(window: Int) { self.window = max(1, window) }

    /// Stores result number `index`; false when the reorderer was closed.
    func put(_ index: Int, _ value: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while index >= next + window && !closed { condition.wait() }
        if closed { return false }
        slots[index] = value
        condition.broadcast()
        return true
    }

    /// Declares how many results there will be.
    func finish(total: Int) {
        condition.lock()
        self.total = total
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in order, waiting for it; nil after the last one or once closed.
    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if closed { return nil }
            if let value = slots.removeValue(forKey: next) {
                next += 1
                condition.broadcast()
                return value
            }
            if let total, next >= total { return nil }
            condition.wait()
        }
    }

    func close() {
        condition.lock()
        closed = true
        slots.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}
