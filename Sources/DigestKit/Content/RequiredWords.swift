import Foundation

/// The plain words one of which every match of a regular expression holds, read from the
/// expression: a filter that rules most lines out before ICU runs (it costs microseconds a
/// line, and every line of every article meets every furniture rule).
///
/// For each alternative, the first part that every match of it needs and that is plain
/// text: a run of literal characters, or a group of plain alternatives (`(اقرأ|طالع)`).
/// Optional parts, classes, escapes and lookarounds are passed over. Nil when some
/// alternative needs no plain text at all (`\d+ min` has `min`; `\d+` has nothing).
enum RequiredWords {
    static let metacharacters = Set<Character>("\\.[](){}*+?^$|")

    static func of(_ pattern: String) -> [String]? {
        let characters = Array(pattern)
        var words: [String] = []
        for alternative in alternatives(characters[...]) {
            guard let found = firstRequired(alternative), !found.isEmpty else { return nil }
            words += found
        }
        return words.isEmpty ? nil : words
    }

    /// The alternatives of `text` split at its top-level `|`.
    static func alternatives(_ text: ArraySlice<Character>) -> [ArraySlice<Character>] {
        var result: [ArraySlice<Character>] = []
        var start = text.startIndex, i = text.startIndex
        while i < text.endIndex {
            switch text[i] {
            case "\\": i = escapeEnd(text, at: i)
            case "[": i = classEnd(text, at: i)
            case "(": i = groupEnd(text, at: i)
            case "|":
                result.append(text[start..<i])
                i += 1
                start = i
            default: i += 1
            }
        }
        result.append(text[start..<text.endIndex])
        return result
    }

    static func firstRequired(_ text: ArraySlice<Character>) -> [String]? {
        var i = text.startIndex
        while i < text.endIndex {
            switch text[i] {
            case "\\":
                i = quantifier(text, at: escapeEnd(text, at: i)).end
            case "[":
                i = quantifier(text, at: classEnd(text, at: i)).end
            case ".", "^", "$":
                i = quantifier(text, at: i + 1).end
            case "(":
                let end = groupEnd(text, at: i)
                let (optional, next) = quantifier(text, at: end)
                let inner = text[(i + 1)..<max(i + 1, end - 1)]
                if !optional, let words = groupWords(inner) { return words }
                i = next
            case "|", ")", "*", "+", "?", "{", "}", "]":
                i += 1
            default:
                var end = i
                while end < text.endIndex, !metacharacters.contains(text[end]) { end += 1 }
                var run = String(text[i..<end])
                let (optional, next) = quantifier(text, at: end)
                // A quantifier after the run applies to its last character only.
                if optional { run.removeLast() }
                let word = run.trimmingCharacters(in: .whitespaces)
                if !word.isEmpty { return [word] }
                i = next
            }
        }
        return nil
    }

    /// The words of a group: its plain alternatives, or what its own parts require.
    /// Nil for a lookaround or flags, whose text no match consumes.
    static func groupWords(_ inner: ArraySlice<Character>) -> [String]? {
        var inner = inner
        if inner.first == "?" {
            guard inner.dropFirst().first == ":" else { return nil }
            inner = inner.dropFirst(2)
        }
        return of(String(inner))
    }

    /// Whether a quantifier at `i` makes what precedes it optional, and where it ends.
    static func quantifier(_ text: ArraySlice<Character>, at i: Int) -> (optional: Bool, end: Int) {
        guard i < text.endIndex else { return (false, i) }
        var optional: Bool, end: Int
        switch text[i] {
        case "?", "*": (optional, end) = (true, i + 1)
        case "+": (optional, end) = (false, i + 1)
        case "{":
            guard let close = text[i...].firstIndex(of: "}") else { return (false, i) }
            let minimum = text[(i + 1)..<close].prefix { $0 != "," }
            (optional, end) = (Int(String(minimum)) ?? 0 == 0, close + 1)
        default: return (false, i)
        }
        // Lazy and possessive forms.
        if end < text.endIndex, text[end] == "?" || text[end] == "+" { end += 1 }
        return (optional, end)
    }

    static func escapeEnd(_ text: ArraySlice<Character>, at i: Int) -> Int {
        let next = i + 1
        guard next < text.endIndex else { return next }
        // `\x{0627}`, `\p{L}`, `\P{M}`: the braces belong to the escape.
        if "xpP".contains(text[next]), next + 1 < text.endIndex, text[next + 1] == "{",
           let close = text[next...].firstIndex(of: "}") {
            return close + 1
        }
        return next + 1
    }

    static func classEnd(_ text: ArraySlice<Character>, at i: Int) -> Int {
        var j = i + 1
        if j < text.endIndex, text[j] == "^" { j += 1 }
        // A `]` first in a class is literal.
        if j < text.endIndex, text[j] == "]" { j += 1 }
        while j < text.endIndex {
            switch text[j] {
            case "\\": j = escapeEnd(text, at: j)
            case "[": j = classEnd(text, at: j)
            case "]": return j + 1
            default: j += 1
            }
        }
        return j
    }

    static func groupEnd(_ text: ArraySlice<Character>, at i: Int) -> Int {
        var depth = 0, j = i
        while j < text.endIndex {
            switch text[j] {
            case "\\": j = escapeEnd(text, at: j); continue
            case "[": j = classEnd(text, at: j); continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return j
    }
}
