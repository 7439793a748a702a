import Foundation
import Hummingbird

/// Rendered responses by URL, least recently used dropped first. The store is opened read-only and
/// a page is a function of its URL and the store, so a page rendered once is served again from here
/// until the store changes (``StoreGeneration``), which is what keeps pages fast under many requests.
final class ResponseCache: @unchecked Sendable {
    struct Entry {
        var status: HTTPResponse.Status
        var contentType: String
        var body: ByteBuffer
        var lastUse: UInt64
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0
    private var generation: Int64?
    let maximumBytes: Int
    let maximumEntries: Int

    init(maximumBytes: Int = 256 << 20, maximumEntries: Int = 20_000) {
        self.maximumBytes = maximumBytes
        self.maximumEntries = maximumEntries
    }

    /// The entry for `key` rendered from store generation `generation`.
    func get(_ key: String, generation: Int64) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        if generation != self.generation {
            entries = [:]
            bytes = 0
            self.generation = generation
            return nil
        }
        clock += 1
        entries[key]?.lastUse = clock
        return entries[key]
    }

    func put(_ key: String, status: HTTPResponse.Status, contentType: String, body: ByteBuffer, generation: Int64) {
        let size = body.readableBytes + key.utf8.count
        guard size < maximumBytes / 16 else { return }
        lock.lock()
        defer { lock.unlock() }
        guard generation == self.generation else { return }
        clock += 1
        if let old = entries.updateValue(
            Entry(status: status, contentType: contentType, body: body, lastUse: clock), forKey: key)
        {
            bytes -= old.body.readableBytes + key.utf8.count
        }
        bytes += size
        if bytes > maximumBytes || entries.count > maximumEntries {
            // Drop the least recently used quarter: one sort now and then rather than a list kept in order.
            let dropped = entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(entries.count / 4 + 1)
            for (k, e) in dropped {
                entries[k] = nil
                bytes -= e.body.readableBytes + k.utf8.count
            }
        }
    }
}

/// A number that changes when articles are added to the store (its latest article row id), read at
/// most once a second: the cache is emptied when it changes.
final class StoreGeneration: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64 = 0
    private var checked: UInt64 = 0
    private let read: @Sendable () -> Int64

    init(read: @escaping @Sendable () -> Int64) { self.read = read }

    var current: Int64 {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        if checked != 0, now - checked < 1_000_000_000 {
            defer { lock.unlock() }
            return value
        }
        lock.unlock()
        let fresh = read()
        lock.lock()
        defer { lock.unlock() }
        value = fresh
        checked = now
        return fresh
    }
}
