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
    /// Any numeric type: digits, numerals, fractions.
    public static func isNumeric(_ scalar: Unicode.Scalar) -> Bool { has(numeric, scalar) ?? (scalar.properties.numericType != nil) }
    /// A decimal digit of any script (numeric type decimal).
    public static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool { has(decimal, scalar) ?? (scalar.properties.numericType == .decimal) }
}
