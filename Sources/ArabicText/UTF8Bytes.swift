/// Reading and writing scalars as UTF-8 bytes, for the scanners that work on a text's bytes
/// instead of its `Unicode.Scalar` views (words, sentences, lines, bidi runs).
public enum UTF8Bytes {
    /// The part of `text` at the byte offsets `range` (which fall between scalars, as a scan of
    /// its bytes finds them). A `String` made of it is copied as a slice is, without its bytes
    /// being checked again as bytes made into a `String` are.
    @inlinable
    public static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)]
    }

    /// The scalar whose UTF-8 starts at `i` in `bytes` (valid UTF-8, as a `String`'s are), and its length in bytes.
    @inlinable @inline(__always)
    public static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Writes the UTF-8 of the scalar value `v` at `i` in `out` (room for four bytes), and gives its length.
    @inlinable @inline(__always)
    public static func store(_ v: UInt32, at i: Int, in out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if v < 0x80 {
            out[i] = UInt8(truncatingIfNeeded: v)
            return 1
        } else if v < 0x800 {
            out[i] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
            out[i + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return 2
        } else if v < 0x10000 {
            out[i] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
            out[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            out[i + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return 3
        } else {
            out[i] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
            out[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
            out[i + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            out[i + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return 4
        }
    }

    /// Appends the UTF-8 of the scalar value `v` to `out`.
    @inlinable @inline(__always)
    public static func append(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(truncatingIfNeeded: v))
        } else if v < 0x800 {
            out.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        }
    }
}
