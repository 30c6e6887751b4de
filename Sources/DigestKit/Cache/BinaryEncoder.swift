/// Encodes any `Encodable` value into a byte form that `BinaryDecoder` reads back:
/// the build cache's format, read with about a sixth of the CPU time JSON took.
///
/// The bytes are a table of the coding keys used (each key's name once), then the value.
/// Every value starts with a tag byte, and every container with its byte length and its
/// element count, so a reader can step over any value without decoding it and can tell
/// bytes of another shape from the ones it expects. Keys are written as indexes into the
/// table, so a keyed container answers `contains` and `allKeys` from what was written
/// (enums with associated values and dictionaries need both).
///
/// Integers are variable length (zigzag for signed ones), doubles their 8 bytes, strings
/// their UTF-8 length and bytes. All numbers are little-endian.
struct BinaryEncoder {
    func encode(_ value: some Encodable) throws -> [UInt8] {
        let writer = BinaryWriter()
        try writer.encodeValue(value)
        writer.closeAll()
        if let failure = writer.failure { throw failure }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(writer.bytes.count + writer.keyNames.count * 12 + 10)
        BinaryWriter.appendVarint(UInt64(writer.keyNames.count), to: &bytes)
        for name in writer.keyNames {
            var name = name
            name.withUTF8 { utf8 in
                BinaryWriter.appendVarint(UInt64(utf8.count), to: &bytes)
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(contentsOf: writer.bytes)
        return bytes
    }
}

/// The first byte of every encoded value.
enum BinaryTag: UInt8 {
    case null = 0, `false`, `true`, int, uint, double, float, string, keyed, unkeyed

    /// A container's tag, then its payload's byte length and its element count (UInt32 each).
    static let containerHeaderSize = 9
}

/// The encoder's state, shared by the containers it hands out. Values are written in the
/// order `Encodable` implementations write them, depth first; a container that is written
/// to after one of its ancestors has moved on would break that layout, so it is refused.
final class BinaryWriter: Encoder {
    // Unchecked: a writer is used by one thread and never lends `bytes` out across a call,
    // and the run-time exclusivity checks on it were a third of the encoding time.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    private var keyIndexes: [String: Int] = [:]
    private(set) var keyNames: [String] = []
    /// The header offsets of the containers that may still grow, innermost last.
    private var open: [Int] = []
    /// True between the start of a value and the first thing it writes.
    private var expectsValue = false
    private(set) var failure: EncodingError?

    // The cache never needs a path in an error: it is either written whole or not at all.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(4096) }

    func fail(_ message: String) {
        if failure == nil {
            failure = .invalidValue((), .init(codingPath: [], debugDescription: message))
        }
    }

    // MARK: values

    func encodeValue(_ value: some Encodable) throws {
        expectsValue = true
        try value.encode(to: self)
        if expectsValue {
            expectsValue = false
            fail("a value of type \(type(of: value)) encoded nothing")
        }
    }

    /// Opens the slot of an entry's value: the next thing written fills it.
    func encodeSlot() { expectsValue = true }

    /// Claims the slot of the value being encoded; a second thing written for it is an error.
    func beginValue() {
        if expectsValue { expectsValue = false } else { fail("a value wrote more than one thing") }
    }

    // MARK: containers

    /// Makes the container at `header` the innermost one, closing any opened inside it since.
    func enter(_ header: Int) {
        if expectsValue {
            expectsValue = false
            fail("a value was left empty")
        }
        while let last = open.last, last != header {
            close(last)
            open.removeLast()
        }
        if open.isEmpty { fail("a container was written to after its parent moved on") }
    }

    func closeAll() {
        while let last = open.popLast() { close(last) }
    }

    private func close(_ header: Int) {
        let length = bytes.count - header - BinaryTag.containerHeaderSize
        guard let length32 = UInt32(exactly: length) else {
            fail("a container is over 4 GB")
            return
        }
        patch(length32, at: header + 1)
    }

    func openContainer(_ tag: BinaryTag) -> Int {
        beginValue()
        let header = bytes.count
        bytes.append(tag.rawValue)
        bytes.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0] as [UInt8])
        open.append(header)
        return header
    }

    func countElement(of header: Int) {
        patch(count(of: header) &+ 1, at: header + 5)
    }

    func count(of header: Int) -> UInt32 {
        UInt32(bytes[header + 5]) | UInt32(bytes[header + 6]) << 8
            | UInt32(bytes[header + 7]) << 16 | UInt32(bytes[header + 8]) << 24
    }

    private func patch(_ value: UInt32, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }

    func writeKey(_ key: some CodingKey) {
        let name = key.stringValue
        if let index = keyIndexes[name] {
            Self.appendVarint(UInt64(index), to: &bytes)
        } else {
            keyIndexes[name] = keyNames.count
            Self.appendVarint(UInt64(keyNames.count), to: &bytes)
            keyNames.append(name)
        }
    }

    // MARK: primitives (each claims the value's slot first)

    func writeNil() { beginValue(); bytes.append(BinaryTag.null.rawValue) }

    func write(_ value: Bool) {
        beginValue()
        bytes.append(value ? BinaryTag.true.rawValue : BinaryTag.false.rawValue)
    }

    func write(_ value: String) {
        beginValue()
        bytes.append(BinaryTag.string.rawValue)
        var value = value
        value.withUTF8 { utf8 in
            Self.appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    func write(_ value: Double) {
        beginValue()
        bytes.append(BinaryTag.double.rawValue)
        Self.appendFixed(value.bitPattern, to: &bytes)
    }

    func write(_ value: Float) {
        beginValue()
        bytes.append(BinaryTag.float.rawValue)
        Self.appendFixed(value.bitPattern, to: &bytes)
    }

    func write<T: FixedWidthInteger>(_ value: T) {
        beginValue()
        if T.isSigned {
            let wide = Int64(truncatingIfNeeded: value)
            bytes.append(BinaryTag.int.rawValue)
            Self.appendVarint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)), to: &bytes)
        } else {
            bytes.append(BinaryTag.uint.rawValue)
            Self.appendVarint(UInt64(truncatingIfNeeded: value), to: &bytes)
        }
    }

    /// Values of a type with its own `Encodable` conformance; primitives take the quick path.
    /// Strings and lists of them take a quick path: through `Encodable` they go by
    /// unspecialized generic code in the standard library. `unsafeBitCast` only where T is
    /// exactly the type written, so it converts nothing (a cast would also unwrap an optional).
    func writeAny<T: Encodable>(_ value: T) throws {
        if T.self == String.self {
            write(unsafeBitCast(value, to: String.self))
        } else if T.self == [String].self {
            let strings = unsafeBitCast(value, to: [String].self)
            let header = openContainer(.unkeyed)
            for string in strings {
                countElement(of: header)
                encodeSlot()
                write(string)
            }
            open.removeLast()
            close(header)
        } else if T.self == Int.self {
            write(unsafeBitCast(value, to: Int.self))
        } else {
            try encodeValue(value)
        }
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    static func appendFixed<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { bytes.append(contentsOf: $0) }
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncodingContainer<Key>(writer: self, header: openContainer(.keyed)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryUnkeyedEncodingContainer(writer: self, header: openContainer(.unkeyed))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinarySingleValueEncodingContainer(writer: self)
    }
}

struct BinaryKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: BinaryWriter
    let header: Int
    var codingPath: [any CodingKey] { [] }

    /// Starts the entry of `key`: the value that follows is written by the caller.
    private func entry(_ key: Key) {
        writer.enter(header)
        writer.countElement(of: header)
        writer.writeKey(key)
        // The value's slot: the next thing written belongs to this entry.
        writer.encodeSlot()
    }

    mutating func encodeNil(forKey key: Key) throws { entry(key); writer.writeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { entry(key); writer.write(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { entry(key); try writer.writeAny(value) }

    // A nil optional is written as an entry holding nil, not left out, so that the reader
    // finds every key where it expects it and never has to search for one that is absent.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

    private func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        entry(key)
        if let value { try writer.writeAny(value) } else { writer.writeNil() }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        entry(key)
        return writer.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        entry(key)
        return writer.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        if let key = Key(stringValue: "super") { return superEncoder(forKey: key) }
        writer.fail("the keys of a container have no super key")
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        entry(key)
        return writer
    }
}

struct BinaryUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let writer: BinaryWriter
    let header: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { Int(writer.count(of: header)) }

    private func element() {
        writer.enter(header)
        writer.countElement(of: header)
        writer.encodeSlot()
    }

    mutating func encodeNil() throws { element(); writer.writeNil() }
    mutating func encode(_ value: Bool) throws { element(); writer.write(value) }
    mutating func encode(_ value: String) throws { element(); writer.write(value) }
    mutating func encode(_ value: Double) throws { element(); writer.write(value) }
    mutating func encode(_ value: Float) throws { element(); writer.write(value) }
    mutating func encode(_ value: Int) throws { element(); writer.write(value) }
    mutating func encode(_ value: Int8) throws { element(); writer.write(value) }
    mutating func encode(_ value: Int16) throws { element(); writer.write(value) }
    mutating func encode(_ value: Int32) throws { element(); writer.write(value) }
    mutating func encode(_ value: Int64) throws { element(); writer.write(value) }
    mutating func encode(_ value: UInt) throws { element(); writer.write(value) }
    mutating func encode(_ value: UInt8) throws { element(); writer.write(value) }
    mutating func encode(_ value: UInt16) throws { element(); writer.write(value) }
    mutating func encode(_ value: UInt32) throws { element(); writer.write(value) }
    mutating func encode(_ value: UInt64) throws { element(); writer.write(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { element(); try writer.writeAny(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        return writer.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        return writer.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        element()
        return writer
    }
}

/// Writes into the slot of the value being encoded; the slot takes one value.
struct BinarySingleValueEncodingContainer: SingleValueEncodingContainer {
    let writer: BinaryWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNil() }
    mutating func encode(_ value: Bool) throws { writer.write(value) }
    mutating func encode(_ value: String) throws { writer.write(value) }
    mutating func encode(_ value: Double) throws { writer.write(value) }
    mutating func encode(_ value: Float) throws { writer.write(value) }
    mutating func encode(_ value: Int) throws { writer.write(value) }
    mutating func encode(_ value: Int8) throws { writer.write(value) }
    mutating func encode(_ value: Int16) throws { writer.write(value) }
    mutating func encode(_ value: Int32) throws { writer.write(value) }
    mutating func encode(_ value: Int64) throws { writer.write(value) }
    mutating func encode(_ value: UInt) throws { writer.write(value) }
    mutating func encode(_ value: UInt8) throws { writer.write(value) }
    mutating func encode(_ value: UInt16) throws { writer.write(value) }
    mutating func encode(_ value: UInt32) throws { writer.write(value) }
    mutating func encode(_ value: UInt64) throws { writer.write(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.writeAny(value) }
}
