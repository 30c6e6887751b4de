import ArabicText
/// The scalars a match of a regular expression can begin with, read off the expression,
/// so that a line can be ruled out without running ICU on it (which costs microseconds a
/// line, on every line of every article). The reading is conservative: any construct it
/// does not follow (`.`, `\p{…}`, `\s`, negated classes, flags) makes it give up, and then
/// every line is tried. Case-insensitive expressions: Latin letters are compared folded;
/// other cased scalars are always tried.
struct PatternStart: Sendable, Equatable {
    var scalars: Set<Unicode.Scalar> = []
    /// `\d`: any decimal digit.
    var digits = false

    /// The start of `pattern` (ICU syntax), or nil when it can begin with anything or the
    /// reading cannot tell.
    static func of(_ pattern: String) -> PatternStart? {
        var reader = Reader(Array(pattern.unicodeScalars))
        guard let first = reader.alternation(), reader.atEnd, !first.nullable, let start = first.start,
              // Case-insensitive matching folds more than ASCII (ſ matches s): such patterns are always tried.
              !start.scalars.contains(where: { !$0.isASCII && CommonScalars.isCased($0) })
        else { return nil }
        return start
    }

    /// Whether a match can begin with `c`.
    func admits(_ c: Unicode.Scalar) -> Bool {
        if scalars.contains(c) { return true }
        if digits && CommonScalars.isDecimalDigit(c) { return true }
        if c.isASCII { return scalars.contains(Self.folded(c)) }
        return CommonScalars.isCased(c)
    }

    static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(c.value) ? Unicode.Scalar(c.value + 0x20)! : c
    }

    mutating func formUnion(_ other: PatternStart) {
        scalars.formUnion(other.scalars)
        digits = digits || other.digits
    }

    /// What a piece of the expression can begin with (nil: anything) and whether it can match nothing.
    struct First {
        var start: PatternStart?
        var nullable: Bool

        static let empty = First(start: PatternStart(), nullable: true)

        mutating func add(_ other: PatternStart?) {
            guard var mine = start, let other else { start = nil; return }
            mine.formUnion(other)
            start = mine
        }
    }

    /// A recursive reading of ICU's syntax, enough for the patterns resource files hold.
    struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var atEnd: Bool { i >= s.count }

        init(_ s: [Unicode.Scalar]) { self.s = s }

        mutating func alternation() -> First? {
            var result = First(start: PatternStart(), nullable: false)
            var nullable = false
            repeat {
                guard let branch = sequence() else { return nil }
                result.add(branch.start)
                nullable = nullable || branch.nullable
            } while eat("|")
            result.nullable = nullable
            return result
        }

        mutating func sequence() -> First? {
            var result = First(start: PatternStart(), nullable: true)
            while !atEnd, s[i] != "|", s[i] != ")" {
                guard var item = atom() else { return nil }
                guard quantifier(&item) else { return nil }
                // Only items that can come first count; the rest are still read to find the end.
                if result.nullable {
                    result.add(item.start)
                    result.nullable = item.nullable
                }
            }
            return result
        }

        /// Reads a quantifier after an atom; false when it is one this reading does not know.
        mutating func quantifier(_ item: inout First) -> Bool {
            guard !atEnd else { return true }
            switch s[i] {
            case "?", "*":
                item.nullable = true
                i += 1
            case "+":
                i += 1
            case "{":
                var digits = ""
                i += 1
                while !atEnd, s[i] != "}" {
                    digits.unicodeScalars.append(s[i])
                    i += 1
                }
                guard eat("}"), let low = Int(digits.split(separator: ",", omittingEmptySubsequences: false).first ?? "")
                else { return false }
                if low == 0 { item.nullable = true }
            default:
                return true
            }
            if !atEnd, s[i] == "?" || s[i] == "+" { i += 1 } // lazy or possessive
            return true
        }

        mutating func atom() -> First? {
            let c = s[i]
            i += 1
            switch c {
            case "(":
                if eat("?") {
                    if eat(":") { break }
                    // `(?-i:[\p{L}])`: how `ArabicPattern` writes a caseless class, a group like any other.
                    if i + 2 < s.count, s[i] == "-", s[i + 1] == "i", s[i + 2] == ":" {
                        i += 3
                        break
                    }
                    // Lookarounds match no text: they cannot narrow the start, so read past them.
                    if eat("=") || eat("!") || (eat("<") && (eat("=") || eat("!"))) {
                        guard alternation() != nil, eat(")") else { return nil }
                        return .empty
                    }
                    return nil
                }
                guard let inner = alternation(), eat(")") else { return nil }
                return inner
            case "[": return characterClass()
            case "\\": return escape()
            case "^", "$": return .empty
            case ".", ")", "|", "*", "+", "?", "{": return nil
            default: return First(start: PatternStart(scalars: [PatternStart.folded(c)]), nullable: false)
            }
            guard let inner = alternation(), eat(")") else { return nil }
            return inner
        }

        mutating func escape() -> First? {
            guard !atEnd else { return nil }
            let c = s[i]
            i += 1
            switch c {
            case "d": return First(start: PatternStart(digits: true), nullable: false)
            case "x":
                guard let scalar = hexScalar() else { return nil }
                return First(start: PatternStart(scalars: [PatternStart.folded(scalar)]), nullable: false)
            default:
                // Escaped punctuation stands for itself; letters are classes or assertions.
                guard !c.properties.isAlphabetic, c.properties.numericType == nil else { return nil }
                return First(start: PatternStart(scalars: [c]), nullable: false)
            }
        }

        /// `\x{HHHH}` or `\xHH`, after the `x`.
        mutating func hexScalar() -> Unicode.Scalar? {
            var hex = ""
            if eat("{") {
                while !atEnd, s[i] != "}" { hex.unicodeScalars.append(s[i]); i += 1 }
                guard eat("}") else { return nil }
            } else {
                for _ in 0..<2 where !atEnd { hex.unicodeScalars.append(s[i]); i += 1 }
            }
            return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init)
        }

        /// A bracketed class of single scalars, ranges and `\d`; anything else gives up.
        mutating func characterClass() -> First? {
            var start = PatternStart()
            guard !atEnd, s[i] != "^" else { return nil }
            var previous: Unicode.Scalar?
            while !atEnd, s[i] != "]" {
                var c = s[i]
                i += 1
                if c == "[" { return nil }
                if c == "-", let low = previous, !atEnd, s[i] != "]" {
                    var high = s[i]
                    i += 1
                    if high == "\\" {
                        guard !atEnd, s[i] == "x" else { return nil }
                        i += 1
                        guard let h = hexScalar() else { return nil }
                        high = h
                    }
                    guard low.value <= high.value, high.value - low.value < 0x2000 else { return nil }
                    for v in low.value...high.value {
                        if let scalar = Unicode.Scalar(v) { start.scalars.insert(PatternStart.folded(scalar)) }
                    }
                    previous = nil
                    continue
                }
                if c == "\\" {
                    guard !atEnd else { return nil }
                    let kind = s[i]
                    i += 1
                    if kind == "d" { start.digits = true; previous = nil; continue }
                    if kind == "x" {
                        guard let h = hexScalar() else { return nil }
                        c = h
                    } else if kind.properties.isAlphabetic || kind.properties.numericType != nil {
                        return nil
                    } else {
                        c = kind
                    }
                }
                start.scalars.insert(PatternStart.folded(c))
                previous = c
            }
            guard eat("]") else { return nil }
            return First(start: start, nullable: false)
        }

        mutating func eat(_ c: Unicode.Scalar) -> Bool {
            guard !atEnd, s[i] == c else { return false }
            i += 1
            return true
        }
    }
}
