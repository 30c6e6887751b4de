import Foundation

/// Reads back what `BinaryEncoder` wrote, into any `Decodable` type.
///
/// Bytes of another shape, cut short or garbled are a `DecodingError`, never a crash: every
/// read is checked against the end of the container it is in, and every value's tag against
/// what the type asks for.
struct BinaryDecoder {
    /// Types whose values are stepped over, not decoded, each with the value that stands in
    /// for them: a reader that needs only part of a record does not pay for the rest.
    var placeholders: [ObjectIdentifier: any Sendable] = [:]

    func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// `bytes` need only stay valid for the call: every string is copied out of them.
    func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let reader = BinaryReader(bytes)
        reader.placeholders = placeholders
        var offset = 0
        let keyCount = try reader.varint(at: &offset, limit: bytes.count)
        guard keyCount <= UInt64(bytes.count) else { throw reader.corrupt("its key table is longer than the data") }
        reader.keyNames.reserveCapacity(Int(keyCount))
        for _ in 0..<keyCount {
            reader.keyNames.append(try reader.stringBytes(at: &offset, limit: bytes.count))
        }
        reader.position = offset
        reader.limit = bytes.count
        let value = try T(from: reader)
        guard try reader.end(ofValueAt: offset, limit: bytes.count) == bytes.count else {
            throw reader.corrupt("there are bytes after its value")
        }
        return value
    }
}

/// The decoder's state: the bytes, the key table, and the value being decoded (its offset and
/// the end of the container holding it), which a container sets before handing it on.
final class BinaryReader: Decoder {
    let bytes: UnsafeRawBufferPointer
    var keyNames: [String] = []
    var placeholders: [ObjectIdentifier: any Sendable] = [:]
    var position = 0
    var limit = 0

    // Errors of the cache name no path: an unreadable cache is simply rebuilt.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.limit = bytes.count
    }

    func corrupt(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: message))
    }

    // MARK: reading, each checked against `limit`

    func byte(at offset: Int, limit: Int) throws -> UInt8 {
        guard offset >= 0, offset < limit, limit <= bytes.count else { throw corrupt("it ends in the middle of a value") }
        return bytes[offset]
    }

    func varint(at offset: inout Int, limit: Int) throws -> UInt64 {
        // Most numbers of a cache file are one byte: those skip the loop's checks.
        if offset >= 0, offset < limit, limit <= bytes.count {
            let first = bytes[offset]
            if first < 0x80 {
                offset += 1
                return UInt64(first)
            }
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try self.byte(at: offset, limit: limit)
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw corrupt("a number in it is too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    func fixed<T: FixedWidthInteger>(_ type: T.Type, at offset: inout Int, limit: Int) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset >= 0, limit <= bytes.count, size <= limit - offset else { throw corrupt("it ends in the middle of a value") }
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    /// A length-prefixed UTF-8 string (a value's tag already read).
    func stringBytes(at offset: inout Int, limit: Int) throws -> String {
        let length = try varint(at: &offset, limit: limit)
        guard limit <= bytes.count, length <= UInt64(limit - offset), let base = bytes.baseAddress else {
            throw corrupt("a string in it runs past its end")
        }
        let utf8 = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + offset, count: Int(length))
        offset += Int(length)
        // Not `String(validating:)`, which the standard library does not specialize and which
        // took a third of the decoding time: bytes that are not UTF-8 are repaired instead, and
        // the cache file's checksums keep damaged bytes from reaching here.
        return String(decoding: utf8, as: UTF8.self)
    }

    func tag(at offset: inout Int, limit: Int) throws -> BinaryTag {
        guard let tag = BinaryTag(rawValue: try byte(at: offset, limit: limit)) else { throw corrupt("a value in it has an unknown tag") }
        offset += 1
        return tag
    }

    func expect(_ expected: BinaryTag, at offset: inout Int, limit: Int, _ type: Any.Type) throws {
        let tag = try tag(at: &offset, limit: limit)
        guard tag == expected else {
            throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a \(type) was expected where the data holds a value tagged \(tag)"))
        }
    }

    /// Where the value starting at `offset` ends, without decoding it.
    func end(ofValueAt offset: Int, limit: Int) throws -> Int {
        var offset = offset
        switch try tag(at: &offset, limit: limit) {
        case .null, .false, .true:
            return offset
        case .int, .uint:
            _ = try varint(at: &offset, limit: limit)
            return offset
        case .double:
            _ = try fixed(UInt64.self, at: &offset, limit: limit)
            return offset
        case .float:
            _ = try fixed(UInt32.self, at: &offset, limit: limit)
            return offset
        case .string:
            let length = try varint(at: &offset, limit: limit)
            guard length <= UInt64(limit - offset) else { throw corrupt("a string in it runs past its end") }
            return offset + Int(length)
        case .keyed, .unkeyed:
            let length = try fixed(UInt32.self, at: &offset, limit: limit)
            guard UInt64(length) + 4 <= UInt64(limit - offset) else { throw corrupt("a container in it runs past its end") }
            return offset + 4 + Int(length)
        }
    }

    /// The container whose header is at `offset`: where its elements start and end, and how many.
    func container(_ expected: BinaryTag, at offset: Int, limit: Int) throws -> (start: Int, end: Int, count: Int) {
        var offset = offset
        try expect(expected, at: &offset, limit: limit, expected == .keyed ? [String: Any].self : [Any].self)
        let length = try fixed(UInt32.self, at: &offset, limit: limit)
        let count = try fixed(UInt32.self, at: &offset, limit: limit)
        guard UInt64(length) <= UInt64(limit - offset) else { throw corrupt("a container in it runs past its end") }
        let end = offset + Int(length)
        guard UInt64(count) <= UInt64(end - offset) else { throw corrupt("a container in it holds more elements than bytes") }
        return (offset, end, Int(count))
    }

    // MARK: primitives at an offset

    func decodeNil(at offset: Int, limit: Int) throws -> Bool {
        try byte(at: offset, limit: limit) == BinaryTag.null.rawValue
    }

    func bool(at offset: inout Int, limit: Int) throws -> Bool {
        switch try tag(at: &offset, limit: limit) {
        case .false: return false
        case .true: return true
        default: throw DecodingError.typeMismatch(Bool.self, .init(codingPath: [], debugDescription: "a Bool was expected"))
        }
    }

    func string(at offset: inout Int, limit: Int) throws -> String {
        try expect(.string, at: &offset, limit: limit, String.self)
        return try stringBytes(at: &offset, limit: limit)
    }

    func double(at offset: inout Int, limit: Int) throws -> Double {
        switch try tag(at: &offset, limit: limit) {
        case .double: return Double(bitPattern: try fixed(UInt64.self, at: &offset, limit: limit))
        case .float: return Double(Float(bitPattern: try fixed(UInt32.self, at: &offset, limit: limit)))
        default: throw DecodingError.typeMismatch(Double.self, .init(codingPath: [], debugDescription: "a number was expected"))
        }
    }

    func float(at offset: inout Int, limit: Int) throws -> Float {
        switch try tag(at: &offset, limit: limit) {
        case .float: return Float(bitPattern: try fixed(UInt32.self, at: &offset, limit: limit))
        case .double: return Float(Double(bitPattern: try fixed(UInt64.self, at: &offset, limit: limit)))
        default: throw DecodingError.typeMismatch(Float.self, .init(codingPath: [], debugDescription: "a number was expected"))
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: inout Int, limit: Int) throws -> T {
        let value: T?
        switch try tag(at: &offset, limit: limit) {
        case .int:
            let zigzag = try varint(at: &offset, limit: limit)
            value = T(exactly: Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
        case .uint:
            value = T(exactly: try varint(at: &offset, limit: limit))
        default:
            throw DecodingError.typeMismatch(T.self, .init(codingPath: [], debugDescription: "an integer was expected"))
        }
        guard let value else { throw DecodingError.typeMismatch(T.self, .init(codingPath: [], debugDescription: "a number in it does not fit \(T.self)")) }
        return value
    }

    /// Any value, at `offset`. Strings and lists of them, which the cache is full of, take a
    /// quick path: through `Decodable` they go by unspecialized generic code in the standard
    /// library, which looks up type metadata for every element.
    func value<T: Decodable>(_ type: T.Type, at offset: Int, limit: Int) throws -> T {
        // `unsafeBitCast` only where T is exactly the type decoded, so it converts nothing.
        if T.self == String.self {
            var offset = offset
            return unsafeBitCast(try string(at: &offset, limit: limit), to: T.self)
        } else if T.self == [String].self {
            return unsafeBitCast(try strings(at: offset, limit: limit), to: T.self)
        } else if T.self == Int.self {
            var offset = offset
            return unsafeBitCast(try integer(Int.self, at: &offset, limit: limit), to: T.self)
        }
        if !placeholders.isEmpty, let placeholder = placeholders[ObjectIdentifier(T.self)] as? T {
            return placeholder
        }
        position = offset
        self.limit = limit
        return try T(from: self)
    }

    /// A list of strings, as `[String].init(from:)` would decode it.
    func strings(at offset: Int, limit: Int) throws -> [String] {
        let (start, end, count) = try container(.unkeyed, at: offset, limit: limit)
        var strings: [String] = []
        strings.reserveCapacity(count)
        var offset = start
        for _ in 0..<count { strings.append(try string(at: &offset, limit: end)) }
        guard offset == end else { throw corrupt("a list in it is longer than its elements") }
        return strings
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let (start, end, count) = try container(.keyed, at: position, limit: limit)
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<Key>(reader: self, start: start, end: end, count: count))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (start, end, count) = try container(.unkeyed, at: position, limit: limit)
        return BinaryUnkeyedDecodingContainer(reader: self, next: start, end: end, count: count)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(reader: self, offset: position, limit: limit)
    }

    /// A decoder of its own for the value at `offset`, for `superDecoder`, which may be used
    /// after the container that made it has moved on.
    func decoder(at offset: Int, limit: Int) -> BinaryReader {
        let reader = BinaryReader(bytes)
        reader.keyNames = keyNames
        reader.placeholders = placeholders
        reader.position = offset
        reader.limit = limit
        return reader
    }
}

/// A keyed container reads its entries in the order they were written when asked for them
/// in that order (as synthesized `Decodable` does), and searches for them otherwise.
/// A class: the protocol's decoding methods are not mutating, yet the container moves on.
final class BinaryKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: BinaryReader
    let start: Int
    let end: Int
    let count: Int
    /// The entry expected to be asked for next.
    private var next: Int
    var codingPath: [any CodingKey] { [] }

    init(reader: BinaryReader, start: Int, end: Int, count: Int) {
        self.reader = reader
        self.start = start
        self.end = end
        self.count = count
        self.next = start
    }

    /// The offset of the value of `key`, or nil when the container has no such entry.
    private func find(_ key: Key) throws -> Int? {
        let name = key.stringValue
        if next < end {
            var offset = next
            let index = try reader.varint(at: &offset, limit: end)
            if index < UInt64(reader.keyNames.count), reader.keyNames[Int(index)] == name { return offset }
        }
        var entry = start
        while entry < end {
            var offset = entry
            let index = try reader.varint(at: &offset, limit: end)
            guard index < UInt64(reader.keyNames.count) else { throw reader.corrupt("a key in it is not in its key table") }
            if reader.keyNames[Int(index)] == name { return offset }
            entry = try reader.end(ofValueAt: offset, limit: end)
        }
        return nil
    }

    private func require(_ key: Key) throws -> Int {
        guard let offset = try find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for the key \(key.stringValue)"))
        }
        return offset
    }

    /// Reads a primitive of `key` with `read`, and moves on past it.
    private func primitive<T>(_ key: Key, _ read: (inout Int, Int) throws -> T) throws -> T {
        var offset = try require(key)
        let value = try read(&offset, end)
        next = offset
        return value
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(count)
        var entry = start
        while entry < end {
            var offset = entry
            guard let index = try? reader.varint(at: &offset, limit: end), index < UInt64(reader.keyNames.count),
                  let after = try? reader.end(ofValueAt: offset, limit: end)
            else { break }
            if let key = Key(stringValue: reader.keyNames[Int(index)]) { keys.append(key) }
            entry = after
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { (try? find(key)) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        let offset = try require(key)
        guard try reader.decodeNil(at: offset, limit: end) else { return false }
        next = offset + 1
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try primitive(key) { try reader.bool(at: &$0, limit: $1) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try primitive(key) { try reader.string(at: &$0, limit: $1) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try primitive(key) { try reader.double(at: &$0, limit: $1) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try primitive(key) { try reader.float(at: &$0, limit: $1) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(key) { try reader.integer(type, at: &$0, limit: $1) } }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let offset = try require(key)
        let value = try reader.value(type, at: offset, limit: end)
        next = try reader.end(ofValueAt: offset, limit: end)
        return value
    }

    // One look-up for an optional, where the protocol's defaults take three.
    private func present<T>(_ key: Key, _ read: (Int) throws -> T) throws -> T? {
        guard let offset = try find(key) else { return nil }
        if try reader.decodeNil(at: offset, limit: end) {
            next = offset + 1
            return nil
        }
        let value = try read(offset)
        next = try reader.end(ofValueAt: offset, limit: end)
        return value
    }

    private func presentPrimitive<T>(_ key: Key, _ read: (inout Int, Int) throws -> T) throws -> T? {
        try present(key) { offset in
            var offset = offset
            return try read(&offset, end)
        }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try presentPrimitive(key) { try reader.bool(at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try presentPrimitive(key) { try reader.string(at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try presentPrimitive(key) { try reader.double(at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try presentPrimitive(key) { try reader.float(at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try presentPrimitive(key) { try reader.integer(type, at: &$0, limit: $1) } }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key) { try reader.value(type, at: $0, limit: end) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let offset = try require(key)
        let (start, end, count) = try reader.container(.keyed, at: offset, limit: self.end)
        next = end
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<NestedKey>(reader: reader, start: start, end: end, count: count))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let offset = try require(key)
        let (start, end, count) = try reader.container(.unkeyed, at: offset, limit: self.end)
        next = end
        return BinaryUnkeyedDecodingContainer(reader: reader, next: start, end: end, count: count)
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw reader.corrupt("its keys have no super key") }
        return try superDecoder(forKey: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let offset = try require(key)
        next = try reader.end(ofValueAt: offset, limit: end)
        return reader.decoder(at: offset, limit: end)
    }
}

struct BinaryUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let reader: BinaryReader
    /// The element read next.
    private var next: Int
    let end: Int
    private let total: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: BinaryReader, next: Int, end: Int, count: Int) {
        self.reader = reader
        self.next = next
        self.end = end
        self.total = count
    }

    /// The offset of the next element; throws when there is none.
    private func element(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "a list in it has no more elements"))
        }
        return next
    }

    /// Moves past the element just read, which ended at `offset`.
    private mutating func advance(to offset: Int) throws {
        next = offset
        currentIndex += 1
        if isAtEnd, next != end { throw reader.corrupt("a list in it is longer than its elements") }
    }

    // The reader is handed to `read` rather than captured: a mutating method may not lend out `self`.
    private mutating func primitive<T>(_ read: (inout Int, Int, BinaryReader) throws -> T) throws -> T {
        var offset = try element(T.self)
        let value = try read(&offset, end, reader)
        try advance(to: offset)
        return value
    }

    mutating func decodeNil() throws -> Bool {
        let offset = try element(Never.self)
        guard try reader.decodeNil(at: offset, limit: end) else { return false }
        try advance(to: offset + 1)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try primitive { try $2.bool(at: &$0, limit: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try primitive { try $2.string(at: &$0, limit: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try primitive { try $2.double(at: &$0, limit: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try primitive { try $2.float(at: &$0, limit: $1) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive { try $2.integer(type, at: &$0, limit: $1) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let offset = try element(type)
        let value = try reader.value(type, at: offset, limit: end)
        try advance(to: try reader.end(ofValueAt: offset, limit: end))
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let offset = try element([String: Any].self)
        let (start, end, count) = try reader.container(.keyed, at: offset, limit: self.end)
        try advance(to: end)
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<NestedKey>(reader: reader, start: start, end: end, count: count))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let offset = try element([Any].self)
        let (start, end, count) = try reader.container(.unkeyed, at: offset, limit: self.end)
        try advance(to: end)
        return BinaryUnkeyedDecodingContainer(reader: reader, next: start, end: end, count: count)
    }

    mutating func superDecoder() throws -> any Decoder {
        let offset = try element(Any.self)
        try advance(to: try reader.end(ofValueAt: offset, limit: end))
        return reader.decoder(at: offset, limit: end)
    }
}

/// The one value a type decodes itself from; it stays where it was made, whatever the
/// decoder reads in between.
struct BinarySingleValueDecodingContainer: SingleValueDecodingContainer {
    let reader: BinaryReader
    let offset: Int
    let limit: Int
    var codingPath: [any CodingKey] { [] }

    private func primitive<T>(_ read: (inout Int, Int) throws -> T) throws -> T {
        var offset = offset
        return try read(&offset, limit)
    }

    func decodeNil() -> Bool { (try? reader.decodeNil(at: offset, limit: limit)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try primitive { try reader.bool(at: &$0, limit: $1) } }
    func decode(_ type: String.Type) throws -> String { try primitive { try reader.string(at: &$0, limit: $1) } }
    func decode(_ type: Double.Type) throws -> Double { try primitive { try reader.double(at: &$0, limit: $1) } }
    func decode(_ type: Float.Type) throws -> Float { try primitive { try reader.float(at: &$0, limit: $1) } }
    func decode(_ type: Int.Type) throws -> Int { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int8.Type) throws -> Int8 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int16.Type) throws -> Int16 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int32.Type) throws -> Int32 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: Int64.Type) throws -> Int64 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt.Type) throws -> UInt { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive { try reader.integer(type, at: &$0, limit: $1) } }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.value(type, at: offset, limit: limit) }
}

extension BinaryReader {
    /// Reads the body of a cache file that ends in the checksum of the rest and begins with
    /// `magic`, `format` and `fingerprint`: `read` gets a reader, the offset just past them and
    /// the end. Nil for any other bytes, and when `read` throws or returns nil.
    static func checkedBody<T>(_ data: Data, magic: [UInt8], format: UInt32, fingerprint: String,
                               _ read: (BinaryReader, inout Int, Int) throws -> T?) -> T? {
        data.withUnsafeBytes { all -> T? in
            guard all.count >= 8 else { return nil }
            let bytes = UnsafeRawBufferPointer(rebasing: all.dropLast(8))
            guard ArticleCache.checksum(bytes) == UInt64(littleEndian: all.loadUnaligned(fromByteOffset: bytes.count, as: UInt64.self)),
                  bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic)
            else { return nil }
            let reader = BinaryReader(bytes)
            var offset = magic.count
            do {
                guard try reader.fixed(UInt32.self, at: &offset, limit: bytes.count) == format,
                      try reader.stringBytes(at: &offset, limit: bytes.count) == fingerprint
                else { return nil }
                return try read(reader, &offset, bytes.count)
            } catch {
                return nil
            }
        }
    }
}
