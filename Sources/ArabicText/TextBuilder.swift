/// Builds a string a scalar at a time, as UTF-8 bytes. `String.UnicodeScalarView.append`
/// re-checks the string's storage on every call and copies a slice of scalars through a
/// generic path one by one: on the text clean-up and word paths that was a tenth of a
/// cold build.
public struct TextBuilder {
    @usableFromInline var bytes: [UInt8] = []

    @inlinable public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    @inlinable public var isEmpty: Bool { bytes.isEmpty }

    @inlinable public mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v))
        } else if v < 0x800 {
            bytes.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        }
    }

    @inlinable public mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { append(scalar) }
    }

    /// Appends text that is already a string: its bytes are copied as they are.
    @inlinable public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inlinable public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    @inlinable public var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    /// The string of these scalars, built through `TextBuilder`.
    @inlinable public init<S: Collection>(scalars: S) where S.Element == Unicode.Scalar {
        var builder = TextBuilder(capacity: scalars.count * 2)
        builder.append(contentsOf: scalars)
        self = builder.string
    }
}
