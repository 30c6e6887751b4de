import ArabicText
import Foundation

/// Rewrites a regular expression written with one spelling of its Arabic words so that it
/// matches every spelling writers use: alef with or without hamza or madda, final ى or ي,
/// ة or ه, and diacritics or tatweel anywhere in a word. Resource files can then list
/// `اقرأ أيضا` once and still match `إقرأ أيضاً` and `اقرأ ايضا`.
enum ArabicPattern {
    /// Diacritics (harakat, superscript alef) and tatweel, optional after every letter.
    static let marks = "[\\x{064B}-\\x{065F}\\x{0670}\\x{0640}]*"

    /// The letters a letter of the pattern stands for.
    static func variants(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0627, 0x0623, 0x0625, 0x0622, 0x0671: return "اأإآٱ"
        case 0x064A, 0x0649, 0x06CC: return "يىی"
        case 0x0629, 0x0647: return "ةه"
        case 0x0643, 0x06A9: return "كک"
        case 0x0624, 0x0648: return scalar.value == 0x0624 ? "ؤو" : "و"
        case 0x0626: return "ئي"
        default: return ArabicNormalizer.isArabicLetter(scalar) ? String(scalar) : nil
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x064B...0x065F, 0x0670, 0x0640: return true
        default: return false
        }
    }

    /// The tolerant form of `pattern`. Escapes and negated classes are kept as written.
    static func tolerant(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        var out = ""
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\\" {
                i = copyEscape(scalars, from: i, into: &out)
                continue
            }
            if s == "[" {
                i = rewriteClass(scalars, from: i, into: &out)
                continue
            }
            if isMark(s) { i += 1; continue }
            if let letters = variants(of: s) {
                out += letters.unicodeScalars.count == 1 ? "(?:\(letters)\(marks))" : "(?:[\(letters)]\(marks))"
            } else {
                out.unicodeScalars.append(s)
            }
            i += 1
        }
        return out
    }

    /// Copies `\x`, `\p{…}`, `\x{…}`, `\N{…}` and `\Q…\E` unchanged; returns the index after it.
    static func copyEscape(_ scalars: [Unicode.Scalar], from start: Int, into out: inout String) -> Int {
        var i = start
        out.unicodeScalars.append(scalars[i])
        i += 1
        guard i < scalars.count else { return i }
        let kind = scalars[i]
        out.unicodeScalars.append(kind)
        i += 1
        if "pPxN".unicodeScalars.contains(kind), i < scalars.count, scalars[i] == "{" {
            while i < scalars.count {
                out.unicodeScalars.append(scalars[i])
                i += 1
                if scalars[i - 1] == "}" { break }
            }
        } else if kind == "Q" {
            while i < scalars.count {
                if scalars[i] == "\\", i + 1 < scalars.count, scalars[i + 1] == "E" {
                    out += "\\E"
                    return i + 2
                }
                out.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        return i
    }

    /// A character class: Arabic letters in it gain their variants and the class is
    /// followed by optional marks. Negated classes are copied as written.
    static func rewriteClass(_ scalars: [Unicode.Scalar], from start: Int, into out: inout String) -> Int {
        var i = start + 1
        var depth = 1
        var body = ""
        var hasArabic = false
        let negated = i < scalars.count && scalars[i] == "^"
        while i < scalars.count {
            let s = scalars[i]
            if s == "\\" {
                i = copyEscape(scalars, from: i, into: &body)
                continue
            }
            if s == "[" { depth += 1 }
            if s == "]" {
                depth -= 1
                if depth == 0 { i += 1; break }
            }
            if !negated, let letters = variants(of: s) {
                body += letters
                hasArabic = true
            } else if !(isMark(s) && !negated) {
                body.unicodeScalars.append(s)
            }
            i += 1
        }
        if hasArabic {
            out += "(?:[\(body)]\(marks))"
        } else if !negated, isCaseless(classBody: body) {
            // The expressions are case-insensitive, and ICU closes every class over case when it
            // compiles it: for `\p{L}` that is most of the time an expression takes to compile
            // (a quarter of a millisecond each). A class of whole categories and caseless
            // characters is its own closure, so it is compiled as written.
            out += "(?-i:[\(body)])"
        } else {
            out += "[\(body)]"
        }
        return i
    }

    /// Property escapes whose sets hold every case form of what they hold.
    static let caselessClasses: Set<String> = ["\\p{L}", "\\p{M}", "\\p{N}", "\\p{Nd}", "\\p{P}", "\\d", "\\s"]

    /// Whether a class body is only `caselessClasses` and characters no case mapping changes.
    static func isCaseless(classBody body: String) -> Bool {
        let scalars = Array(body.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\" {
                var escape = ""
                let next = copyEscape(scalars, from: i, into: &escape)
                // `\-`, `\]`: an escaped punctuation mark stands for itself; `\x{…}`, `\w` may not be caseless.
                let escaped = escape.unicodeScalars.count == 2 ? escape.unicodeScalars.last : nil
                let isEscapedMark = escaped.map { !$0.properties.isCased && !$0.properties.isAlphabetic && !("0"..."9").contains($0) } ?? false
                guard caselessClasses.contains(escape) || isEscapedMark else { return false }
                i = next
                continue
            }
            if scalars[i] == "[" || scalars[i].properties.changesWhenCaseMapped || scalars[i].properties.isCased { return false }
            i += 1
        }
        return !body.isEmpty
    }

    /// A case-insensitive regular expression from a tolerant pattern.
    static func compile(_ pattern: String, wrapping: (String) -> String = { $0 }) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: wrapping(tolerant(pattern)), options: [.caseInsensitive])
    }

    /// `compile`'s expression, compiled when it is first needed.
    static func lazy(_ pattern: String) -> LazyExpression {
        LazyExpression(tolerant(pattern), options: [.caseInsensitive])
    }

    /// An alternation of names, longest first so that `كانون الثاني` wins over a shorter name.
    static func alternation(_ names: [String]) -> String {
        let unique = Set(names.map { $0.trimmingCharacters(in: .whitespaces) }).filter { !$0.isEmpty }
        return unique.sorted { ($0.count, $0) > ($1.count, $1) }
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: "\\s+") }
            .joined(separator: "|")
    }
}

extension NSRegularExpression {
    /// The first match in `text`, or nil.
    func firstMatch(in text: String) -> NSTextCheckingResult? {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The match starting at the start of `text`, or nil. For expressions that begin with `^`:
    /// the same answer as `firstMatch`, without ICU trying every other position first.
    func matchAtStart(of text: String) -> NSTextCheckingResult? {
        firstMatch(in: text, options: .anchored, range: NSRange(text.startIndex..., in: text))
    }

    func allMatches(in text: String) -> [NSTextCheckingResult] {
        matches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}

extension NSTextCheckingResult {
    /// The text of capture group `index` in `text`, or nil when the group did not take part.
    func group(_ index: Int, in text: String) -> String? {
        guard index < numberOfRanges, let range = Range(range(at: index), in: text) else { return nil }
        return String(text[range])
    }
}
