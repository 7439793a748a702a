import Foundation

/// A read-only lookup table keyed by strings that answers exactly as a `[String: Value]` dictionary
/// does, faster for the ASCII keys that make up nearly every token norm and feature name (`said`,
/// `key|n1=say|that`): an open-addressing table hashed eight UTF-8 bytes at a time, where the
/// dictionary hashes with a seeded SipHash after normalising.
///
/// The dictionary compares keys by canonical equivalence, so a non-ASCII key (`café` written with a
/// combining accent) is looked up in the dictionary itself; a stored non-ASCII key whose canonical
/// form is ASCII (`K` written as the Kelvin sign) is also filed under that ASCII form, so ASCII
/// lookups find it as the dictionary would.
struct StringTable<Value: Sendable>: Sendable {
    /// The same entries, for non-ASCII lookups.
    let dictionary: [String: Value]
    /// One slot: the key's hash (0: empty; hashes are made odd), the key, its value (any value in an
    /// empty slot). Kept together so that a lookup reads one place in memory (32 bytes for a `Double`).
    private struct Slot: Sendable {
        var hash: UInt64
        var key: String
        var value: Value
    }
    private let slots: ContiguousArray<Slot>
    private let mask: Int
    /// One bit per hash class (eight classes a slot), set when a key of that class is stored: most
    /// keys that are absent are turned away here, in a bitmap small enough to stay in the cache,
    /// without reading a slot.
    private let present: ContiguousArray<UInt64>

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var ascii: [(String, UInt64, Value)] = []
        ascii.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            if let h = Self.asciiHash(key) {
                ascii.append((key, h, value))
            } else {
                let canonical = key.precomposedStringWithCanonicalMapping
                if let h = Self.asciiHash(canonical) { ascii.append((canonical, h, value)) }
            }
        }
        guard let filler = ascii.first?.2 else {
            self.slots = []
            self.mask = 0
            self.present = []
            return
        }
        var size = 16
        while size < ascii.count * 2 { size <<= 1 }
        var slots = ContiguousArray(repeating: Slot(hash: 0, key: "", value: filler), count: size)
        var present = ContiguousArray<UInt64>(repeating: 0, count: size / 8)
        for (key, h, value) in ascii {
            let bit = Self.presenceBit(h, size * 8)
            present[bit >> 6] |= 1 << UInt64(bit & 63)
            var k = Self.slot(h) & (size - 1)
            while slots[k].hash != 0 { k = (k + 1) & (size - 1) }
            slots[k] = Slot(hash: h, key: key, value: value)
        }
        self.slots = slots
        self.mask = size - 1
        self.present = present
    }

    /// A hash's bit in ``present`` (of `count`, a power of two): bits other than the slot's.
    @inline(__always) static func presenceBit(_ h: UInt64, _ count: Int) -> Int { Int(truncatingIfNeeded: h >> 40) & (count - 1) }

    /// A hash of the key's UTF-8 bytes (made odd), or nil when the key is not ASCII.
    @inline(__always) static func asciiHash(_ key: String) -> UInt64? {
        key.utf8.withContiguousStorageIfAvailable { asciiHash(UnsafeRawBufferPointer($0)) }
            ?? Array(key.utf8).withUnsafeBytes { asciiHash($0) }
    }

    /// A hash of `bytes` (made odd), or nil when they are not all ASCII. Eight bytes at a time: one
    /// multiply a word where FNV-1a takes one a byte, in a chain each step of which waits on the last
    /// (feature names run to 30 bytes and more). The bytes are read as little-endian words, so the
    /// hashes differ between byte orders; they are never stored.
    @inline(__always) static func asciiHash(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        let n = bytes.count
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: n)
        var high: UInt64 = 0
        var p = 0
        while p + 8 <= n {
            let w = bytes.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            high |= w
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            p += 8
        }
        if p < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while p < n {
                w |= UInt64(bytes[p]) << shift
                shift += 8
                p += 1
            }
            high |= w
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return high & 0x8080_8080_8080_8080 == 0 ? h | 1 : nil
    }

    /// Where a hash's probe starts (before masking): its well-mixed middle bits.
    @inline(__always) static func slot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32) }

    subscript(key: String) -> Value? {
        guard let h = Self.asciiHash(key) else { return dictionary[key] }
        guard !slots.isEmpty else { return nil }
        let bit = Self.presenceBit(h, (mask + 1) * 8)
        guard present[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            var k = Self.slot(h) & mask
            while slots[k].hash != 0 {
                if slots[k].hash == h, slots[k].key == key { return slots[k].value }
                k = (k + 1) & mask
            }
            return nil
        }
    }

    func contains(_ key: String) -> Bool { self[key] != nil }

    /// The value of each key in turn (nil when absent), as ``subscript(_:)`` gives them, to `body`.
    /// The lookups go in three passes over all the keys: hashes, then the presence bits, then the
    /// slots of the keys that may be present, so that the reads of one pass (most of them cache
    /// misses in a large table such as the attribution model's) wait on each other far less than
    /// one key's hash, bit and slot in a row do.
    func forEachValue(_ keys: [String], _ body: (Value?) -> Void) {
        guard !slots.isEmpty, keys.count > 1 else {
            for key in keys { body(self[key]) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys.count) { hashes in
            // 0: not ASCII (looked up in the dictionary); 2 (even, so no hash): absent; else the hash.
            for (n, key) in keys.enumerated() { hashes[n] = Self.asciiHash(key) ?? 0 }
            present.withUnsafeBufferPointer { present in
                let bits = (mask + 1) * 8
                for n in 0..<keys.count where hashes[n] != 0 {
                    let bit = Self.presenceBit(hashes[n], bits)
                    if present[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { hashes[n] = 2 }
                }
            }
            slots.withUnsafeBufferPointer { slots in
                for (n, key) in keys.enumerated() {
                    let h = hashes[n]
                    if h == 0 {
                        body(dictionary[key])
                        continue
                    }
                    var value: Value?
                    if h != 2 {
                        var k = Self.slot(h) & mask
                        while slots[k].hash != 0 {
                            if slots[k].hash == h, slots[k].key == key { value = slots[k].value; break }
                            k = (k + 1) & mask
                        }
                    }
                    body(value)
                }
            }
        }
    }
}

extension StringTable where Value == Bool {
    /// A set: every member maps to true.
    init(members: some Sequence<String>) {
        self.init(Dictionary(members.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }
}

extension String {
    /// The string of these code points, encoded to UTF-8 in one pass (appending them to a
    /// `String.UnicodeScalarView` goes through the generic path, scalar by scalar, and is several
    /// times slower for a whole document).
    init(scalars: some Collection<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 4)
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else {
                UTF8.encode(c) { bytes.append($0) }
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
