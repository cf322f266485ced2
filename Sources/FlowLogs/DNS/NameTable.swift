import Foundation

/// Interns byte strings (DNS names, VPC ids, instance ids) as small integers, with a cap on how
/// many it keeps: the memory of a DNS map stays bounded whatever the input.
///
/// DNS names are stored as DNS compares them: ASCII letters in lower case, without the trailing
/// dot (`API.ECR.us-east-1.amazonaws.com.` and `api.ecr.us-east-1.amazonaws.com` are one name).
///
///     var names = NameTable(capacity: 1000)
///     names.intern("Sts.us-east-1.amazonaws.com.", normalizing: true)   // 0
///     names.intern("sts.us-east-1.amazonaws.com", normalizing: true)    // 0
///     names.string(0)                                                    // "sts.us-east-1.amazonaws.com"
struct NameTable: Sendable {
    /// The longest string kept (a DNS name is at most 253 characters).
    static let maximumLength = 255

    let capacity: Int
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Index + 1 into `starts`; 0 marks an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        self.capacity = capacity
        var size = 64
        while size < min(capacity, 1 << 12) * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// The index of `text`, adding it when new.
    /// - Parameter normalizing: lower-case ASCII letters and drop one trailing dot (DNS names).
    /// - Returns: `nil` when the text is empty, longer than `maximumLength`, or new while the
    ///   table is full.
    mutating func intern(_ text: UnsafeRawBufferPointer, normalizing: Bool) -> UInt32? {
        var length = text.count
        if normalizing, length > 0, text[length - 1] == ASCII.dot { length -= 1 }
        guard length > 0, length <= Self.maximumLength else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumLength) { buffer in
            for offset in 0..<length {
                let byte = text[offset]
                buffer[offset] = normalizing && byte >= ASCII.upperA && byte <= ASCII.upperZ ? byte | 0x20 : byte
            }
            return insert(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<length]))
        }
    }

    /// The index of `text` exactly as given (any length, empty too, no normalisation), adding it
    /// when new (ip-ranges.json names, `PrefixNames`).
    /// - Returns: `nil` only when the text is new while the table is full.
    mutating func intern(exactly text: UnsafeRawBufferPointer) -> UInt32? {
        insert(text)
    }

    /// The index of a Swift string (tests, catalog look-ups).
    mutating func intern(_ text: String, normalizing: Bool) -> UInt32? {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0), normalizing: normalizing) }
    }

    /// The index of `text` when it is in the table (no normalisation).
    func find(_ text: UnsafeRawBufferPointer) -> UInt32? {
        let hash = Self.hash(text)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash, equals(entry - 1, text) { return UInt32(entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    /// The bytes of entry `index`, valid during `body`.
    func withBytes<R>(_ index: UInt32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = Int(starts[Int(index)]), end = Int(starts[Int(index) + 1])
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Entry `index` as a string.
    func string(_ index: UInt32) -> String {
        withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func insert(_ text: UnsafeRawBufferPointer) -> UInt32? {
        let hash = Self.hash(text)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if hashes[entry - 1] == hash, equals(entry - 1, text) { return UInt32(entry - 1) }
            slot = (slot + 1) & mask
        }
        guard hashes.count < capacity else { return nil }
        bytes.append(contentsOf: text)
        starts.append(Int32(bytes.count))
        hashes.append(hash)
        slots[slot] = Int32(hashes.count)
        if hashes.count * 2 > slots.count { grow() }
        return UInt32(hashes.count - 1)
    }

    private func equals(_ index: Int, _ text: UnsafeRawBufferPointer) -> Bool {
        let start = Int(starts[index]), end = Int(starts[index + 1])
        guard end - start == text.count else { return false }
        guard text.count > 0 else { return true }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, text.baseAddress!, text.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while fresh[slot] != 0 { slot = (slot + 1) & newMask }
            fresh[slot] = Int32(index + 1)
        }
        slots = fresh
        mask = newMask
    }

    /// FNV-1a over the bytes, then mixed (the low bits choose the slot).
    @inline(__always)
    static func hash(_ text: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
