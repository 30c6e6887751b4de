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
        UTF8Bytes.append(scalar.value, to: &bytes)
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
