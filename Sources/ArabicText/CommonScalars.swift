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

    static let table: [Entry] = (0..<end).map { value in
        guard let scalar = Unicode.Scalar(value) else { return Entry(category: .unassigned, flags: 0) }
        let p = scalar.properties
        return Entry(category: p.generalCategory,
                     flags: (p.isAlphabetic ? alphabetic : 0) | (p.isWhitespace ? whitespace : 0)
                         | (p.isGraphemeExtend ? graphemeExtend : 0) | (p.isCased ? cased : 0)
                         | (p.numericType != nil ? numeric : 0) | (p.numericType == .decimal ? decimal : 0))
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

    /// True for a scalar that canonical composition (NFC) leaves as it is wherever it stands:
    /// combining class 0 and its own composed form. Text of such scalars alone is already NFC,
    /// and composing it (a decomposition and a composition in Foundation) can be skipped.
    /// Known for the table's scalars and General Punctuation (the quotes and dashes of Arabic
    /// text); neither range holds the second letter of a canonical pair with class 0 (those
    /// are Indic vowel signs and Hangul jamo), so a scalar there cannot compose with the one
    /// before it. Any other scalar answers false.
    public static func isNFCInert(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return true }
        if v < end { return nfcInert[Int(v)] }
        if punctuation.contains(v) { return nfcInert[Int(end) + Int(v - punctuation.lowerBound)] }
        return false
    }

    static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    static let nfcInert: [Bool] = (Array(0..<end) + Array(punctuation)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return false }
        guard value >= 0x80 else { return true }
        guard scalar.properties.canonicalCombiningClass == .notReordered else { return false }
        let alone = String(scalar)
        return Array(alone.precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar]
    }
    /// Any numeric type: digits, numerals, fractions.
    public static func isNumeric(_ scalar: Unicode.Scalar) -> Bool { has(numeric, scalar) ?? (scalar.properties.numericType != nil) }
    /// A decimal digit of any script (numeric type decimal).
    public static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool { has(decimal, scalar) ?? (scalar.properties.numericType == .decimal) }
}
