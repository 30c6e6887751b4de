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
        // The table is taken once: a static's every use checks that it was made.
        Unit.table.withUnsafeBufferPointer { leftToRightRuns(in: bytes, table: $0) }
    }

    static func leftToRightRuns(in bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            // Arabic letters and their marks, spaces and punctuation: most of the text, never strong.
            if !Unit.mayBeStrong(bytes[i], table) {
                i = Unit.skip(bytes, at: i, table)
                continue
            }
            let unit = Unit(bytes, at: i, table)
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
                let next = Unit(bytes, at: j, table)
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
        let isStrong: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ table: UnsafeBufferPointer<UInt8>) {
            let (first, length) = Self.scalar(bytes, at: i)
            self.first = first
            let end = Self.extensionEnd(bytes, from: i + length, table)
            self.end = end
            single = end == i + length ? first : nil
            isStrong = (single.map(BidiRuns.isDigit) ?? false) || Self.isStrongLetter(first, table)
        }

        /// The end of the marks and joiners that start at `i`, if any.
        @inline(__always)
        static func extensionEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, _ table: UnsafeBufferPointer<UInt8>) -> Int {
            var end = i
            // Below U+0300 (lead bytes below 0xCC) no scalar extends the one before it.
            while end < bytes.count, bytes[end] >= 0xCC {
                let (next, length) = Self.scalar(bytes, at: end)
                guard Self.extends(next, table) else { break }
                end += length
            }
            return end
        }

        /// The offset past the unit at `i`, for a unit that cannot be strong, and past the
        /// units after it that cannot be either: ASCII other than letters and digits, and
        /// scalars of the right-to-left blocks below U+0800. Those are skipped without being
        /// decoded, whether or not they extend the unit before them (a unit that cannot be
        /// strong, either way), and the marks after the last are its, as `extensionEnd` finds.
        @inline(__always)
        static func skip(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ table: UnsafeBufferPointer<UInt8>) -> Int {
            var end = i + length(ofScalarLedBy: bytes[i])
            while end < bytes.count {
                let lead = bytes[end]
                if lead < 0x80, table[Int(lead)] & asciiStrongFlag == 0 {
                    end += 1
                } else if (0xD7...0xDF).contains(lead) {
                    end += 2
                } else {
                    break
                }
            }
            return extensionEnd(bytes, from: end, table)
        }

        /// False when the scalar led by this byte is certainly not a left-to-right letter nor a
        /// digit: ASCII other than letters and digits, and the right-to-left blocks
        /// U+05C0…U+07FF (lead bytes 0xD7…0xDF).
        @inline(__always)
        static func mayBeStrong(_ lead: UInt8, _ table: UnsafeBufferPointer<UInt8>) -> Bool {
            if lead < 0x80 { return table[Int(lead)] & asciiStrongFlag != 0 }
            return !(0xD7...0xDF).contains(lead)
        }

        static func mayBeStrong(_ lead: UInt8) -> Bool { table.withUnsafeBufferPointer { mayBeStrong(lead, $0) } }

        @inline(__always)
        static func length(ofScalarLedBy lead: UInt8) -> Int {
            lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
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

        /// Whether the scalar joins the unit before it: a mark, a spacing mark, or ZWJ.
        @inline(__always)
        static func extends(_ scalar: Unicode.Scalar, _ table: UnsafeBufferPointer<UInt8>) -> Bool {
            scalar.value < tableEnd ? table[Int(scalar.value)] & extendsFlag != 0 : slowExtends(scalar)
        }

        static func extends(_ scalar: Unicode.Scalar) -> Bool { table.withUnsafeBufferPointer { extends(scalar, $0) } }

        /// A letter of a left-to-right script.
        @inline(__always)
        static func isStrongLetter(_ scalar: Unicode.Scalar, _ table: UnsafeBufferPointer<UInt8>) -> Bool {
            scalar.value < tableEnd ? table[Int(scalar.value)] & strongLetterFlag != 0 : slowIsStrongLetter(scalar)
        }

        static func isStrongLetter(_ scalar: Unicode.Scalar) -> Bool { table.withUnsafeBufferPointer { isStrongLetter(scalar, $0) } }

        static func slowExtends(_ scalar: Unicode.Scalar) -> Bool {
            CommonScalars.isGraphemeExtend(scalar) || CommonScalars.generalCategory(scalar) == .spacingMark || scalar == "\u{200D}"
        }

        static func slowIsStrongLetter(_ scalar: Unicode.Scalar) -> Bool {
            CommonScalars.isAlphabetic(scalar) && !BidiRuns.isRightToLeftScript(scalar)
        }

        /// The answers for the scalars below U+0900 (nearly every scalar of an article), asked
        /// once; and for ASCII, whether it is a letter or a digit (may start a run).
        static let tableEnd: UInt32 = 0x900
        static let extendsFlag: UInt8 = 1, strongLetterFlag: UInt8 = 2, asciiStrongFlag: UInt8 = 4
        static let table: [UInt8] = (0..<tableEnd).map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let asciiStrong = value < 0x80 && (BidiRuns.isDigit(scalar) || CommonScalars.isAlphabetic(scalar))
            return (slowExtends(scalar) ? extendsFlag : 0) | (slowIsStrongLetter(scalar) ? strongLetterFlag : 0)
                | (asciiStrong ? asciiStrongFlag : 0)
        }

        var isDigit: Bool { single.map(BidiRuns.isDigit) ?? false }
    }

    /// True when the text has left-to-right letters or digits and no right-to-left letter,
    /// as code usually does.
    public static func isLeftToRight(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isStrong) && !text.unicodeScalars.contains { isRightToLeftScript($0) && CommonScalars.isAlphabetic($0) }
    }

    /// Plain text as escaped HTML with its left-to-right runs isolated.
    public static func html(_ text: String) -> String {
        var html: [UInt8] = []
        appendHTML(text, to: &html)
        return String(decoding: html, as: UTF8.self)
    }

    /// Appends `html(text)`'s bytes: an article's body is written into one buffer.
    static func appendHTML(_ text: String, to html: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var cursor = 0
            for run in leftToRightRuns(in: bytes) {
                HTML.appendEscaped(UnsafeBufferPointer(rebasing: bytes[cursor..<run.lowerBound]), to: &html)
                html.append(contentsOf: openTag.utf8)
                HTML.appendEscaped(UnsafeBufferPointer(rebasing: bytes[run]), to: &html)
                html.append(contentsOf: closeTag.utf8)
                cursor = run.upperBound
            }
            HTML.appendEscaped(UnsafeBufferPointer(rebasing: bytes[cursor...]), to: &html)
        }
    }

    /// Plain text with each run between the Unicode isolates LRI and PDI, for text that
    /// templates escape (titles, summaries) and so cannot hold an element.
    public static func isolatedText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let runs = leftToRightRuns(in: bytes)
            guard !runs.isEmpty else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + runs.count * 6)
            var cursor = 0
            for run in runs {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<run.lowerBound]))
                result.append(contentsOf: "\u{2066}".utf8)
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run]))
                result.append(contentsOf: "\u{2069}".utf8)
                cursor = run.upperBound
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
            return String(decoding: result, as: UTF8.self)
        } ?? text
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
