import Foundation

/// Unicode properties of the scalars below U+0900 (ASCII, Latin, Greek, Cyrillic, Hebrew,
/// Arabic, spaces and punctuation: nearly every scalar of an article), read once from the
/// standard library's tables. Asking the tables for every scalar of every line was a large
/// share of a build; above U+0900 the tables are asked as before.
public enum CommonScalars {
    static let end: UInt32 = 0x900

    struct Entry {
        var category: Unicode.GeneralCategory
        var flags: UInt8
    }

    static let alphabetic: UInt8 = 1, whitespace: UInt8 = 2, graphemeExtend: UInt8 = 4, cased: UInt8 = 8
    static let numeric: UInt8 = 16, decimal: UInt8 = 32
    /// Alphabetic and an Arabic letter (`ArabicNormalizer.isArabicLetter`), for `letters(in:)`.
    static let arabicLetter: UInt8 = 64

    static let table: [Entry] = (0..<end).map { value in
        guard let scalar = Unicode.Scalar(value) else { return Entry(category: .unassigned, flags: 0) }
        let p = scalar.properties
        return Entry(category: p.generalCategory,
                     flags: (p.isAlphabetic ? alphabetic : 0) | (p.isWhitespace ? whitespace : 0)
                         | (p.isGraphemeExtend ? graphemeExtend : 0) | (p.isCased ? cased : 0)
                         | (p.numericType != nil ? numeric : 0) | (p.numericType == .decimal ? decimal : 0)
                         | (p.isAlphabetic && ArabicNormalizer.isArabicLetter(scalar) ? arabicLetter : 0))
    }

    @inline(__always)
    static func has(_ flag: UInt8, _ scalar: Unicode.Scalar) -> Bool? {
        scalar.value < end ? table[Int(scalar.value)].flags & flag != 0 : nil
    }

    public static func generalCategory(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
        scalar.value < end ? table[Int(scalar.value)].category : scalar.properties.generalCategory
    }

    public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { has(alphabetic, scalar) ?? scalar.properties.isAlphabetic }
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { has(whitespace, scalar) ?? scalar.properties.isWhitespace }
    public static func isGraphemeExtend(_ scalar: Unicode.Scalar) -> Bool { has(graphemeExtend, scalar) ?? scalar.properties.isGraphemeExtend }
    public static func isCased(_ scalar: Unicode.Scalar) -> Bool { has(cased, scalar) ?? scalar.properties.isCased }

    /// How many letters (alphabetic scalars) a text has, and how many of them are Arabic
    /// (`ArabicNormalizer.isArabicLetter`): the share of Arabic tells prose from furniture
    /// and foreign passages, for every sentence of every article.
    public static func letters(in text: String) -> (all: Int, arabic: Int) {
        // On the UTF-8 bytes, as `WordScanner` reads them: the generic scalar view decodes
        // through more checks than the scan needs.
        WordScanner.withBytes(text) { bytes in
            table.withUnsafeBufferPointer { table in
                var all = 0, arabic = 0
                var i = 0
                let count = bytes.count
                while i < count {
                    let b = bytes[i]
                    if b < 0x80 {
                        if table[Int(b)].flags & alphabetic != 0 { all += 1 }
                        i += 1
                        continue
                    }
                    // Two bytes, below U+0800 (Arabic's letters and marks): one look-up tells
                    // both counts. The text is valid UTF-8, so a lead byte has its continuation.
                    if b < 0xE0 {
                        let flags = table[Int(b & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)].flags
                        i += 2
                        if flags & alphabetic != 0 { all += 1 }
                        if flags & arabicLetter != 0 { arabic += 1 }
                        continue
                    }
                    let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += length
                    let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                    let isAlphabetic = v < end ? table[Int(v)].flags & alphabetic != 0 : scalar.properties.isAlphabetic
                    guard isAlphabetic else { continue }
                    all += 1
                    if ArabicNormalizer.isArabicLetter(scalar) { arabic += 1 }
                }
                return (all, arabic)
            }
        }
    }

    /// True when `text` is certainly in Unicode's composed form (NFC), by the quick check of
    /// UAX #15: every scalar one that NFC keeps wherever it stands, and the marks after each
    /// letter in canonical order. Text that passes need not be composed again (a decomposition
    /// and a composition in Foundation). Known for the table's scalars and General Punctuation
    /// (the quotes and dashes of Arabic text); any other scalar answers no.
    public static func isNFC(_ text: String) -> Bool {
        var lastClass: UInt8 = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                lastClass = 0
                continue
            }
            let slot: Int
            if v < end {
                slot = Int(v)
            } else if punctuation.contains(v) {
                slot = Int(end) + Int(v - punctuation.lowerBound)
            } else {
                return false
            }
            let entry = composition[slot]
            guard entry.keeps, entry.combiningClass == 0 || entry.combiningClass >= lastClass else { return false }
            lastClass = entry.combiningClass
        }
        return true
    }

    static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    struct Composition {
        var combiningClass: UInt8
        /// NFC keeps the scalar wherever it stands: it is its own composed form, and no
        /// composition takes it as a second part (so it cannot join the letter before it).
        var keeps: Bool
    }

    /// Read from Foundation's own normalization once, the first time a text is checked.
    static let composition: [Composition] = {
        // Every scalar that is the second part of a canonical pair: the composed letters
        // with marks from these ranges are all below U+3000 (Latin, Greek, Cyrillic, Arabic,
        // and Latin and Greek Extended).
        var secondParts = Set<UInt32>()
        for parts in eachNormalized((UInt32(0xC0)..<0x3000).compactMap(Unicode.Scalar.init), composed: false) {
            for part in parts.dropFirst() { secondParts.insert(part.value) }
        }
        let values = Array(0..<end) + Array(punctuation)
        // ASCII is its own composed form (and holds the line feed `eachNormalized` joins with).
        let scalars = values.filter { $0 >= 0x80 }.compactMap(Unicode.Scalar.init)
        let composed = Dictionary(uniqueKeysWithValues: zip(scalars.map(\.value), eachNormalized(scalars, composed: true)))
        return values.map { value in
            guard let scalar = Unicode.Scalar(value), let alone = value < 0x80 ? [scalar] : composed[value]
            else { return Composition(combiningClass: 0, keeps: false) }
            let combiningClass = UInt8(truncatingIfNeeded: scalar.properties.canonicalCombiningClass.rawValue)
            return Composition(combiningClass: combiningClass, keeps: alone == [scalar] && !secondParts.contains(value))
        }
    }()

    /// Each of `scalars` decomposed (NFD), or composed (NFC), in one call to Foundation: one
    /// call a scalar was most of the time a build took to start. The scalars are joined with
    /// line feeds between them, which no normalization moves a mark across or composes with.
    static func eachNormalized(_ scalars: [Unicode.Scalar], composed: Bool) -> [[Unicode.Scalar]] {
        var joined = String.UnicodeScalarView()
        for (n, scalar) in scalars.enumerated() {
            if n > 0 { joined.append("\n") }
            joined.append(scalar)
        }
        let text = String(joined)
        let normalized = composed ? text.precomposedStringWithCanonicalMapping : text.decomposedStringWithCanonicalMapping
        var parts: [[Unicode.Scalar]] = [[]]
        for scalar in normalized.unicodeScalars {
            if scalar == "\n" { parts.append([]) } else { parts[parts.count - 1].append(scalar) }
        }
        return parts.count == scalars.count ? parts : scalars.map { scalar in
            let single = String(scalar)
            return Array((composed ? single.precomposedStringWithCanonicalMapping : single.decomposedStringWithCanonicalMapping).unicodeScalars)
        }
    }

    /// Any numeric type: digits, numerals, fractions.
    public static func isNumeric(_ scalar: Unicode.Scalar) -> Bool { has(numeric, scalar) ?? (scalar.properties.numericType != nil) }
    /// A decimal digit of any script (numeric type decimal).
    public static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool { has(decimal, scalar) ?? (scalar.properties.numericType == .decimal) }
}
