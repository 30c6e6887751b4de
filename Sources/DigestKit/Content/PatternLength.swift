import ArabicText

/// The most scalars a whole-line match of a furniture pattern can leave once folded (see
/// `Furniture.fold`): every atom of the pattern matches one scalar, and the diacritics and
/// tatweel the tolerant form lets follow a letter fold away. A folded line longer than that
/// cannot match, and most lines are paragraphs far longer than `(حجم الخط|[aأ]\+)`.
///
/// Read off the pattern as written (before `ArabicPattern.tolerant`); conservative: nil for
/// anything unbounded (`*`, `+`, `{2,}`) or not followed (backreferences, `\Q…\E`, `\R`,
/// `\X`, flags), and for patterns with cased letters beyond ASCII, whose case-insensitive
/// matches can be longer than they are (`ß` matches `ss`).
enum PatternLength {
    static func maxScalars(_ pattern: String) -> Int? {
        let scalars = Array(pattern.unicodeScalars)
        guard !scalars.contains(where: { !$0.isASCII && CommonScalars.isCased($0) }) else { return nil }
        var reader = Reader(s: scalars)
        guard let length = reader.alternation(), reader.atEnd else { return nil }
        return length
    }

    struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var atEnd: Bool { i >= s.count }

        mutating func alternation() -> Int? {
            var longest = 0
            repeat {
                guard let branch = sequence() else { return nil }
                longest = max(longest, branch)
            } while eat("|")
            return longest
        }

        mutating func sequence() -> Int? {
            var total = 0
            while !atEnd, s[i] != "|", s[i] != ")" {
                guard let item = atom(), let times = quantifier() else { return nil }
                total += item * times
            }
            return total
        }

        /// How many times the atom before may repeat at most; nil when without bound.
        mutating func quantifier() -> Int? {
            guard !atEnd else { return 1 }
            var times: Int
            switch s[i] {
            case "?":
                times = 1
                i += 1
            case "*", "+":
                return nil
            case "{":
                i += 1
                var digits = ""
                while !atEnd, s[i] != "}" {
                    digits.unicodeScalars.append(s[i])
                    i += 1
                }
                guard eat("}") else { return nil }
                let bounds = digits.split(separator: ",", omittingEmptySubsequences: false)
                guard let high = bounds.last.flatMap({ Int($0) }), bounds.count <= 2 else { return nil }
                times = high
            default:
                return 1
            }
            if !atEnd, s[i] == "?" || s[i] == "+" { i += 1 }  // lazy or possessive
            return times
        }

        mutating func atom() -> Int? {
            let c = s[i]
            i += 1
            switch c {
            case "(":
                if eat("?") {
                    if eat(":") {
                        // A plain group.
                    } else if eat("=") || eat("!") || (eat("<") && (eat("=") || eat("!"))) {
                        guard alternation() != nil, eat(")") else { return nil }
                        return 0
                    } else {
                        return nil
                    }
                }
                guard let inner = alternation(), eat(")") else { return nil }
                return inner
            case "[":
                return characterClass() ? 1 : nil
            case "\\":
                return escape()
            case "^", "$":
                return 0
            case ")", "|", "*", "+", "?", "{":
                return nil
            default:
                return 1
            }
        }

        /// One scalar, or nil for an escape that can match more (or refers back).
        mutating func escape() -> Int? {
            guard !atEnd else { return nil }
            let c = s[i]
            i += 1
            switch c {
            case "Q", "E", "R", "X", "k", "N", "x", "p", "P":
                guard "xpPN".unicodeScalars.contains(c) else { return nil }
                // `\x{…}`, `\p{…}`, `\N{…}`, or `\xHH` / `\pL`.
                if eat("{") {
                    while !atEnd, s[i] != "}" { i += 1 }
                    guard eat("}") else { return nil }
                } else if c == "x" {
                    i = min(i + 2, s.count)
                } else if c == "N" {
                    return nil
                } else {
                    i = min(i + 1, s.count)
                }
                return 1
            default:
                // Backreferences; anything else is one scalar or an assertion (counted as one).
                return CommonScalars.isDecimalDigit(c) ? nil : 1
            }
        }

        /// Skips a class, nested classes and escapes included; false when it does not close.
        mutating func characterClass() -> Bool {
            if eat("^") {}
            if eat("]") {}  // a `]` first is literal
            while !atEnd {
                let c = s[i]
                i += 1
                switch c {
                case "\\": i = min(i + 1, s.count)
                case "[": guard characterClass() else { return false }
                case "]": return true
                default: break
                }
            }
            return false
        }

        mutating func eat(_ c: Unicode.Scalar) -> Bool {
            guard !atEnd, s[i] == c else { return false }
            i += 1
            return true
        }
    }
}
