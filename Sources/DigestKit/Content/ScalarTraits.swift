import ArabicText

/// What the Content stage asks of a scalar on every line (is it a space, a letter, a
/// digit, part of a word…), as bits read once into a table for the scalars articles are
/// written with, and read off the text's UTF-8 bytes without making `Unicode.Scalar`s.
/// Asking the standard library's tables goes through `Unicode.GeneralCategory`, which the
/// compiler cannot see into: each question cost a call or two, on every scalar of every line.
struct ScalarTraits: OptionSet, Sendable {
    let rawValue: UInt16

    /// `[\p{Zs}\t]` (see `Spacing.isSpace`).
    static let space = ScalarTraits(rawValue: 1 << 0)
    /// `[\p{P}\p{S}\s]` (see `Furniture.isPunctuationOrSpace`).
    static let punctuationOrSpace = ScalarTraits(rawValue: 1 << 1)
    /// A letter of any category (see `Spacing.isLetter`).
    static let letter = ScalarTraits(rawValue: 1 << 2)
    /// What a word or a quotation ends with (see `Spacing.isWordEnd`).
    static let wordEnd = ScalarTraits(rawValue: 1 << 3)
    /// A decimal digit of any script.
    static let decimalDigit = ScalarTraits(rawValue: 1 << 4)
    /// A cased letter beyond ASCII: case-insensitive expressions fold it in ways
    /// `Furniture.fold` does not.
    static let casedBeyondASCII = ScalarTraits(rawValue: 1 << 5)
    /// Part of a word as `Tokenizer` reads words.
    static let word = ScalarTraits(rawValue: 1 << 6)
    /// Left out by `ArabicNormalizer.fold`: neither a word's part nor a break between words.
    static let ignored = ScalarTraits(rawValue: 1 << 7)
    /// A Latin letter (see `ForeignPassageSplitter.script`).
    static let latin = ScalarTraits(rawValue: 1 << 8)
    /// An Arabic letter (see `ArabicNormalizer.isArabicLetter`).
    static let arabic = ScalarTraits(rawValue: 1 << 9)
    /// A mark of any category (`\p{M}`).
    static let mark = ScalarTraits(rawValue: 1 << 10)

    /// The traits of the scalar with value `v`.
    @inline(__always)
    static func of(_ v: UInt32) -> ScalarTraits {
        if let slot = slot(v) { return table[slot] }
        return Unicode.Scalar(v).map(computed) ?? []
    }

    /// Where the scalar with value `v` stands in the tables, or nil when it is in none.
    @inline(__always)
    static func slot(_ v: UInt32) -> Int? {
        if v < tableEnd { return Int(v) }
        if v >= punctuation.lowerBound && v <= punctuation.upperBound { return Int(tableEnd + v - punctuation.lowerBound) }
        return nil
    }

    /// The scalars of the tables, in their order.
    static let tableScalars: [UInt32] = Array(0..<tableEnd) + Array(punctuation)

    /// Below U+0900 (Latin, Arabic and their neighbours) and General Punctuation (quotes, dashes).
    static let tableEnd: UInt32 = 0x900
    static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    static let table: [ScalarTraits] = tableScalars.map { v in
        Unicode.Scalar(v).map(computed) ?? []
    }

    /// The tables through pointers, taken once by a loop that asks of every scalar: reading
    /// a `static let` checks that it is made, a call each time. Made once, and never freed.
    struct Tables: @unchecked Sendable {
        let traits: UnsafeBufferPointer<ScalarTraits>
        let folds: UnsafeBufferPointer<UInt32>
        let composition: UnsafeBufferPointer<UInt8>

        @inline(__always)
        func traits(_ v: UInt32) -> ScalarTraits {
            if let slot = ScalarTraits.slot(v) { return traits[slot] }
            return Unicode.Scalar(v).map(ScalarTraits.computed) ?? []
        }

        /// What `Furniture.foldedBytes` makes of the scalar (see `Furniture.folding`).
        @inline(__always)
        func folding(_ v: UInt32) -> UInt32 {
            if let slot = ScalarTraits.slot(v) { return folds[slot] }
            return Furniture.folding(v)
        }
    }

    static let tables: Tables = {
        func pointer<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: values.count)
            _ = buffer.initialize(from: values)
            return UnsafeBufferPointer(buffer)
        }
        return Tables(traits: pointer(table), folds: pointer(tableScalars.map(Furniture.folding)), composition: pointer(composition))
    }()

    /// For each scalar of the tables, its canonical combining class, or `notKeptByNFC` when
    /// composing text may change it (see `CommonScalars.isNFC`, which this answers alike).
    static let composition: [UInt8] = tableScalars.map { v in
        guard let c = Unicode.Scalar(v), CommonScalars.isNFC(String(c)) else { return notKeptByNFC }
        return UInt8(truncatingIfNeeded: c.properties.canonicalCombiningClass.rawValue)
    }
    static let notKeptByNFC: UInt8 = 255

    static func computed(_ c: Unicode.Scalar) -> ScalarTraits {
        var traits: ScalarTraits = []
        if Spacing.isSpace(c) { traits.insert(.space) }
        if Furniture.isPunctuationOrSpace(c) { traits.insert(.punctuationOrSpace) }
        if Spacing.isLetter(c) { traits.insert(.letter) }
        if Spacing.isWordEnd(c) { traits.insert(.wordEnd) }
        if CommonScalars.isDecimalDigit(c) { traits.insert(.decimalDigit) }
        if !c.isASCII && CommonScalars.isCased(c) { traits.insert(.casedBeyondASCII) }
        if ArabicNormalizer.fold(c) == nil {
            traits.insert(.ignored)
        } else if Tokenizer.wordCount(String(c)) == 1 {
            traits.insert(.word)
        }
        if ForeignPassageSplitter.script(c) == .latin { traits.insert(.latin) }
        if ArabicNormalizer.isArabicLetter(c) { traits.insert(.arabic) }
        switch CommonScalars.generalCategory(c) {
        case .nonspacingMark, .spacingMark, .enclosingMark: traits.insert(.mark)
        default: break
        }
        return traits
    }
}

/// Writing scalars into a buffer of UTF-8 bytes (reading them and appending them: `UTF8Bytes`).
enum UTF8Writing {
    /// Writes the UTF-8 of `v` at `n` in `out`; returns the index after it.
    @inline(__always)
    static func write(_ v: UInt32, at n: Int, in out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if v < 0x80 {
            out[n] = UInt8(truncatingIfNeeded: v)
            return n + 1
        }
        if v < 0x800 {
            out[n] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
            out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return n + 2
        }
        if v < 0x10000 {
            out[n] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
            out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            out[n + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return n + 3
        }
        out[n] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
        out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
        out[n + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
        out[n + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
        return n + 4
    }
}
