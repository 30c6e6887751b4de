/// Folds the spelling variation of written Arabic so that the forms a reader or a
/// writer may use for one word compare equal: diacritics and tatweel dropped, every
/// alef form as bare alef, alef maqsura as ya, ta marbuta as ha, Arabic-Indic and
/// Persian digits as Western digits, Latin letters lower-cased.
public enum ArabicNormalizer {
    /// Normalizes one piece of text. Characters other than letters and digits are kept
    /// as they are, so offsets of words stay meaningful for sentence-level work.
    public static func normalize(_ text: some StringProtocol) -> String {
        var folded = TextBuilder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if let f = fold(scalar) { folded.append(f) }
        }
        return folded.string
    }

    /// The folded form of one scalar, or nil when it is dropped (diacritics, tatweel,
    /// zero-width and bidi controls).
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED:
            return nil  // harakat, superscript alef, tatweel, Quranic marks
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C:
            return nil  // zero-width characters and bidi controls
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
            return "\u{0627}"  // آ أ إ ٱ → ا
        case 0x0649:
            return "\u{064A}"  // ى → ي
        case 0x0629:
            return "\u{0647}"  // ة → ه
        case 0x06CC:
            return "\u{064A}"  // Persian ye → ي
        case 0x06A9:
            return "\u{0643}"  // keheh → ك
        case 0x0660...0x0669:
            return Unicode.Scalar(v - 0x0660 + 0x30)  // Arabic-Indic digits
        case 0x06F0...0x06F9:
            return Unicode.Scalar(v - 0x06F0 + 0x30)  // Extended (Persian) digits
        case 0x41...0x5A:
            return Unicode.Scalar(v + 0x20)
        default:
            return scalar
        }
    }

    /// True for letters of the Arabic script (the base block and presentation forms).
    @inline(__always)
    public static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0621...0x063A, 0x0641...0x064A, 0x0671...0x06D3, 0x06FA...0x06FC,
             0xFB50...0xFDFF, 0xFE70...0xFEFC:
            return true
        default:
            return false
        }
    }
}
