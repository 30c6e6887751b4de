import ArabicText
import Foundation

/// Restores the spaces scrapers lose or add around punctuation, so paragraphs read as
/// they did on the page: `توكاييف”،اليوم` → `توكاييف”، اليوم`, `الثنائية ، لاستكشاف` →
/// `الثنائية، لاستكشاف`. Headlines are kept as written.
///
/// Every line of every article passes through here, so the rules are passes over scalars
/// rather than regular expressions (ICU costs microseconds a line). Each pass reads the
/// previous pass's output whole, as a regular-expression replacement would.
enum Spacing {
    static func tidy(_ text: String) -> String {
        // Most paragraphs are well spaced already: they are read once, not copied through the passes.
        isTidy(text) ? text : passes(text)
    }

    /// `isCollapsed(text) && !needsPasses(text)`, in one pass over the bytes.
    static func isTidy(_ text: String) -> Bool {
        let (collapsed, tidy) = collapsedAndTidy(text)
        return collapsed && tidy
    }

    /// `isCollapsed(text)`, and when it is, `isTidy(text)`, in one pass over the bytes: a
    /// page's lines are collapsed as they are read, and those tidy already need not be read
    /// again when the body is tidied.
    static func collapsedAndTidy(_ text: String) -> (collapsed: Bool, tidy: Bool) {
        let tables = ScalarTraits.tables
        var text = text
        return text.withUTF8 { bytes in
            var afterSpace = true  // so that a leading space needs trimming
            var tidy = true
            var previous: UInt32 = .max, i = 0
            while i < bytes.count {
                let b = bytes[i], c: UInt32
                if b >= 0xD8 && b <= 0xDB {
                    // U+0600–U+06FF, Arabic: no space among them, and no table to read.
                    c = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                    afterSpace = false
                } else {
                    let length: Int
                    (c, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += length
                    if c == 0x20 {
                        if afterSpace { return (false, false) }
                        afterSpace = true
                    } else if c == 0x09 || (c >= 0x80 && tables.traits(c).contains(.space)) {
                        return (false, false)
                    } else {
                        afterSpace = false
                    }
                }
                if tidy, needsPass(previous, c) { tidy = false }
                previous = c
            }
            let collapsed = !afterSpace || bytes.isEmpty
            return (collapsed, collapsed && tidy)
        }
    }

    /// `collapsedAndTidy(text)` and, when the text is collapsed, `Furniture.foldedBytes(text)`
    /// (`.some(nil)` when it cannot be folded; nil when it is not collapsed) and
    /// `ForeignPassageSplitter.hasLatin(text)` (true when it is not collapsed), in one pass:
    /// every line of every page is checked, folded and looked over for Latin letters, and the
    /// three passes decoded each of its scalars three times.
    static func collapsedTidyAndFolded(_ text: String) -> (collapsed: Bool, tidy: Bool, folded: [UInt8]??, mayHaveLatin: Bool) {
        let tables = ScalarTraits.tables
        var text = text
        return text.withUTF8 { bytes in
            var afterSpace = true  // so that a leading space needs trimming
            var collapsed = true, tidy = true, cased = false, latin = false
            // Folding never lengthens: every scalar folds to one of no more bytes, or to none.
            let folded = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
                var previous: UInt32 = .max, i = 0, n = 0
                while i < bytes.count {
                    let b = bytes[i], c: UInt32
                    if b < 0x80 {
                        c = UInt32(b)
                        i += 1
                        if b == 0x20 {
                            if afterSpace { collapsed = false; break }
                            afterSpace = true
                        } else if b == 0x09 {
                            collapsed = false
                            break
                        } else {
                            afterSpace = false
                        }
                        let lower = b &- 0x41 < 26 ? b | 0x20 : b
                        if lower &- 0x61 < 26 { latin = true }
                        out[n] = lower
                        n += 1
                    } else {
                        let length: Int
                        (c, length) = UTF8Bytes.scalar(at: i, in: bytes)
                        i += length
                        // U+0600–U+06FF, Arabic: no space among them, and no table to read.
                        if c >> 8 != 0x06 {
                            let traits = tables.traits(c)
                            if traits.contains(.space) {
                                collapsed = false
                                break
                            }
                            if traits.contains(.latin) { latin = true }
                        }
                        afterSpace = false
                        if !cased {
                            let f = tables.folding(c)
                            if f == Furniture.foldsCased {
                                cased = true
                            } else if f != Furniture.foldsAway {
                                n = UTF8Writing.write(f, at: n, in: out)
                            }
                        }
                    }
                    if tidy, needsPass(previous, c) { tidy = false }
                    previous = c
                }
                count = n
            }
            collapsed = collapsed && (!afterSpace || bytes.isEmpty)
            guard collapsed else { return (false, false, nil, true) }
            return (true, tidy, .some(cased ? nil : folded), latin)
        }
    }

    /// What `tidy` gives, by running every pass the text's marks call for.
    static func passes(_ text: String) -> String {
        var s = spacesCollapsed(Array(text.unicodeScalars))
        // Each pass below changes only lines holding the marks it looks at; most lines hold few.
        var spaceBeforeMark = false, commas = false, closers = false, openers = false
        for i in s.indices {
            switch s[i] {
            case " ": spaceBeforeMark = spaceBeforeMark || (i + 1 < s.count && closingPunctuation.contains(s[i + 1]))
            case "،", "؛": commas = true
            case "”", "»", ")": closers = true
            case "“", "«": openers = true
            default: break
            }
        }
        if !(spaceBeforeMark || commas || closers || openers) {
            return isCollapsed(text) ? text : trimmed(s)
        }
        // No space before a comma, semicolon or full stop that follows a letter:
        // `(?<=[\p{L}\p{M}\p{N}”»"')]) +(?=[،؛,;.!?؟:](?:\s|$))` → ``.
        if spaceBeforeMark { s = dropping(s) { s, i in
            guard s[i] == " " else { return false }
            var start = i
            while start > 0, s[start - 1] == " " { start -= 1 }
            guard start > 0, isWordEnd(s[start - 1]) else { return false }
            var end = i
            while end < s.count, s[end] == " " { end += 1 }
            return end < s.count && closingPunctuation.contains(s[end])
                && (end + 1 == s.count || CommonScalars.isWhitespace(s[end + 1]))
        } }
        // A space after a comma or semicolon glued to the next word: `([،؛])(?=[\p{L}“«"])` → `$1 `.
        if commas { s = insertingSpace(s) { s, i in
            (s[i] == "،" || s[i] == "؛") && i + 1 < s.count && (isLetter(s[i + 1]) || "“«\"".unicodeScalars.contains(s[i + 1]))
        } before: { _, _ in false } }
        // A closing quote glued to the next Arabic word, an opening one glued to the last.
        if closers { s = insertingSpace(s) { s, i in
            "”»)".unicodeScalars.contains(s[i]) && i + 1 < s.count && isArabicLetter(s[i + 1])
        } before: { _, _ in false } }
        if openers { s = insertingSpace(s) { _, _ in false } before: { s, i in
            (s[i] == "“" || s[i] == "«") && i > 0 && isArabicLetter(s[i - 1])
        } }
        return trimmed(s)
    }

    /// False when no pass of `tidy` would change `text`: none of the pairs of scalars a pass
    /// changes stands in it (a pass never makes such a pair for a later one: it only takes
    /// spaces out before a closing mark or puts them in after a comma or quote).
    static func needsPasses(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt32 = .max, i = 0
            while i < bytes.count {
                let (c, length) = UTF8Bytes.scalar(at: i, in: bytes)
                i += length
                if needsPass(previous, c) { return true }
                previous = c
            }
            return false
        }
    }

    /// Whether a pass changes something where `c` follows `previous` (`.max` for none).
    @inline(__always)
    static func needsPass(_ previous: UInt32, _ c: UInt32) -> Bool {
        switch previous {
        case 0x20:
            if isClosingPunctuation(c) { return true }
        case 0x060C, 0x061B:  // ، ؛
            if c == 0x201C || c == 0xAB || c == 0x22 || ScalarTraits.of(c).contains(.letter) { return true }
        case 0x201D, 0xBB, 0x29:  // ” » )
            if isArabicLetter(c) { return true }
        default:
            break
        }
        return (c == 0x201C || c == 0xAB) && isArabicLetter(previous)  // “ «
    }

    /// Trimmed, with runs of spaces as one.
    static func collapse(_ text: String) -> String {
        isCollapsed(text) ? text : collapsed(text)
    }

    /// `trimmed(spacesCollapsed(…))`, written byte by byte: each run of spaces becomes one
    /// plain space, and the runs at the ends go.
    static func collapsed(_ text: String) -> String {
        let tables = ScalarTraits.tables
        var text = text
        return text.withUTF8 { bytes in
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
                var n = 0, i = 0, pendingSpace = false
                while i < bytes.count {
                    let (c, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    if c == 0x20 || c == 0x09 || (c >= 0x80 && tables.traits(c).contains(.space)) {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace {
                            out[n] = 0x20
                            n += 1
                            pendingSpace = false
                        }
                        for k in 0..<length { out[n + k] = bytes[i + k] }
                        n += length
                    }
                    i += length
                }
                count = n
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// True when `text` has only single plain spaces between words, as most lines do:
    /// then collapsing would copy it unchanged.
    static func isCollapsed(_ text: String) -> Bool {
        let tables = ScalarTraits.tables
        var text = text
        return text.withUTF8 { bytes in
            var afterSpace = true  // so that a leading space needs trimming
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                    if b == 0x20 {
                        if afterSpace { return false }
                        afterSpace = true
                        continue
                    }
                    if b == 0x09 { return false }
                } else if b >= 0xD8 && b <= 0xDB {
                    // U+0600–U+06FF, Arabic: no space among them.
                    i += 2
                } else {
                    let (c, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += length
                    if tables.traits(c).contains(.space) { return false }
                }
                afterSpace = false
            }
            return !afterSpace || bytes.isEmpty
        }
    }

    // MARK: The passes

    static let closingPunctuation = Set("،؛,;.!?؟:".unicodeScalars)

    /// `[\p{Zs}\t]+` → one space.
    static func spacesCollapsed(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var inRun = false
        for c in s {
            if ScalarTraits.of(c.value).contains(.space) {
                if !inRun { out.append(" ") }
                inRun = true
            } else {
                out.append(c)
                inRun = false
            }
        }
        return out
    }

    /// `s` without the scalars `drop` picks.
    static func dropping(_ s: [Unicode.Scalar], _ drop: ([Unicode.Scalar], Int) -> Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for i in s.indices where !drop(s, i) { out.append(s[i]) }
        return out
    }

    /// `s` with a space after each scalar `after` picks and before each one `before` picks.
    static func insertingSpace(_ s: [Unicode.Scalar], after: ([Unicode.Scalar], Int) -> Bool,
                               before: ([Unicode.Scalar], Int) -> Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 8)
        for i in s.indices {
            if before(s, i) { out.append(" ") }
            out.append(s[i])
            if after(s, i) { out.append(" ") }
        }
        return out
    }

    static func trimmed(_ s: [Unicode.Scalar]) -> String {
        var start = 0, end = s.count
        while start < end, ScalarTraits.of(s[start].value).contains(.space) { start += 1 }
        while end > start, ScalarTraits.of(s[end - 1].value).contains(.space) { end -= 1 }
        return String(scalars: s[start..<end])
    }

    // MARK: Classes of scalars

    /// `[\p{Zs}\t]`, which is also what `CharacterSet.whitespaces` holds.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || CommonScalars.generalCategory(c) == .spaceSeparator
    }

    /// `[\p{L}\p{M}\p{N}”»"')]`: what a word or a quotation ends with.
    static func isWordEnd(_ c: Unicode.Scalar) -> Bool {
        if "”»\"')".unicodeScalars.contains(c) { return true }
        switch CommonScalars.generalCategory(c) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch CommonScalars.generalCategory(c) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `[\x{0621}-\x{064A}]`
    static func isArabicLetter(_ c: Unicode.Scalar) -> Bool { isArabicLetter(c.value) }
    static func isArabicLetter(_ v: UInt32) -> Bool { v >= 0x0621 && v <= 0x064A }

    /// One of `closingPunctuation`.
    static func isClosingPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x060C, 0x061B, 0x2C, 0x3B, 0x2E, 0x21, 0x3F, 0x061F, 0x3A: return true
        default: return false
        }
    }
}
