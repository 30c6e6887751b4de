import ArabicText

/// Left-to-right runs inside right-to-left text: `C++`, `G7`, `5+1`, `RFE/RL`, English
/// names. The bidirectional algorithm orders a run's neutral characters (`+`, `/`, spaces)
/// by the Arabic around it and shows `++C` or `1+5`; an isolating element with `dir="ltr"`
/// keeps the run in its own order.
public enum BidiRuns {
    public static let openTag = "<bdi dir=\"ltr\">"
    public static let closeTag = "</bdi>"

    /// Characters that keep a run going when a letter or digit follows them.
    static let joiners: Set<Unicode.Scalar> = [" ", "\u{00A0}", ".", ",", "-", "+", "/", "&", "'", "’", "_", "@", ":"]
    /// Characters that end a run when written right after it (`C++`, `C#`).
    static let trailers: Set<Unicode.Scalar> = ["+", "#"]

    /// The runs worth isolating: each starts and ends with a left-to-right letter or a
    /// digit (or a trailer), and is not a plain number, which displays right as it is.
    /// Read by scalars, with marks and joiners kept on the scalar before them as a user
    /// sees one character (every paragraph of every page passes through here), decoded from
    /// the UTF-8 bytes: String's own indices cost a check on every step.
    public static func leftToRightRuns(in text: String) -> [Range<String.Index>] {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        let runs = contiguous.utf8.withContiguousStorageIfAvailable(leftToRightRuns(in:)) ?? []
        // The same scalars have the same UTF-8 offsets in `text`, however it is stored.
        let utf8 = text.utf8
        return runs.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// The runs as ranges of byte offsets in valid UTF-8.
    static func leftToRightRuns(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let unit = Unit(bytes, at: i)
            guard unit.isStrong else {
                i = unit.end
                continue
            }
            let start = i
            var end = unit.end
            // Whether the run so far is a plain number, and whether joiners were passed since its end.
            var allDigits = unit.isDigit, passedJoiner = false
            var j = end
            while j < bytes.count {
                let next = Unit(bytes, at: j)
                if next.isStrong || (j == end && next.single.map(trailers.contains) == true) {
                    allDigits = allDigits && !passedJoiner && next.isDigit
                    passedJoiner = false
                    j = next.end
                    end = j
                } else if next.single.map(joiners.contains) == true {
                    passedJoiner = true
                    j = next.end
                } else {
                    break
                }
            }
            if !allDigits { runs.append(start..<end) }
            i = end
        }
        return runs
    }

    /// One scalar with the marks and joiners that follow it: what `Character` would be, but
    /// without grapheme breaking's cost.
    struct Unit {
        let first: Unicode.Scalar
        /// The byte offset just past the unit.
        let end: Int
        /// The scalar when the unit is a single scalar.
        let single: Unicode.Scalar?

        init(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) {
            let (first, length) = Self.scalar(bytes, at: i)
            self.first = first
            var end = i + length
            while end < bytes.count {
                let (next, length) = Self.scalar(bytes, at: end)
                guard Self.extends(next) else { break }
                end += length
            }
            self.end = end
            single = end == i + length ? first : nil
        }

        /// The scalar whose UTF-8 encoding starts at `i`, and its length in bytes.
        @inline(__always)
        static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
            let lead = UInt32(bytes[i])
            let (value, length): (UInt32, Int)
            if lead < 0x80 {
                return (Unicode.Scalar(UInt8(lead)), 1)
            } else if lead < 0xE0 {
                (value, length) = ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
            } else if lead < 0xF0 {
                (value, length) = ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
            } else {
                (value, length) = ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
            }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        static func extends(_ scalar: Unicode.Scalar) -> Bool {
            CommonScalars.isGraphemeExtend(scalar) || CommonScalars.generalCategory(scalar) == .spacingMark || scalar == "\u{200D}"
        }

        var isDigit: Bool { single.map(BidiRuns.isDigit) ?? false }
        var isStrong: Bool { isDigit || (CommonScalars.isAlphabetic(first) && !BidiRuns.isRightToLeftScript(first)) }
    }

    /// True when the text has left-to-right letters or digits and no right-to-left letter,
    /// as code usually does.
    public static func isLeftToRight(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isStrong) && !text.unicodeScalars.contains { isRightToLeftScript($0) && CommonScalars.isAlphabetic($0) }
    }

    /// Plain text as escaped HTML with its left-to-right runs isolated.
    public static func html(_ text: String) -> String {
        var html = ""
        var cursor = text.startIndex
        for run in leftToRightRuns(in: text) {
            html += HTML.escape(String(text[cursor..<run.lowerBound]))
            html += openTag + HTML.escape(String(text[run])) + closeTag
            cursor = run.upperBound
        }
        return html + HTML.escape(String(text[cursor...]))
    }

    /// Plain text with each run between the Unicode isolates LRI and PDI, for text that
    /// templates escape (titles, summaries) and so cannot hold an element.
    public static func isolatedText(_ text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for run in leftToRightRuns(in: text) {
            result += text[cursor..<run.lowerBound] + "\u{2066}" + text[run] + "\u{2069}"
            cursor = run.upperBound
        }
        return result + text[cursor...]
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// A letter of a left-to-right script, or a European digit.
    static func isStrong(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (CommonScalars.isAlphabetic(scalar) && !isRightToLeftScript(scalar))
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks, with their
    /// presentation forms.
    static func isRightToLeftScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }
}
