import ArabicText
import Foundation

/// The rules that tell page furniture from the story: whole-line patterns to drop and
/// markers after which the page shows other stories. Loaded from `furniture.json`,
/// extended by `digest.yml`. Arabic in the patterns matches with or without hamza and
/// diacritics (see `ArabicPattern`).
public struct Furniture: Sendable {
    public private(set) var linePatterns: [String] = []
    public private(set) var endMarkerPatterns: [String] = []
    /// Each pattern compiled on its own, with the scalars a match can begin with: one
    /// alternation of every pattern is several times slower in ICU than the patterns one by
    /// one, and the start rules most patterns out of most lines without running them.
    var lines: [Rule] = []
    var endMarkers: [Rule] = []
    /// The words of every line rule, looked for in a line at once (see `Rule.wordIndices`).
    var lineWords = WordFinder([])
    /// For each scalar of `ScalarTraits`' tables, the line rules a match can begin with it:
    /// most lines meet two or three rules instead of all.
    var lineRulesByFirst: [[Int]] = []
    /// Each line rule's `maxLength`, or `Int.max`, side by side: for a paragraph it rules out
    /// nearly every rule, read from here without fetching (and retaining) the rule itself.
    var lineLimits: [Int] = []
    /// End markers by the first bytes of their starting words, folded (`markerKey`), and
    /// those without starting words: most lines begin with none of the words and meet none.
    var markersByKey: [UInt32: [Int]] = [:]
    var unkeyedMarkers: [Int] = []
    /// How many bytes of a starting word key it: the shortest word's, at most four.
    var markerKeyLength = 4

    /// A class: the checks walk every rule for every line, and copying a struct of arrays
    /// out of the list retained each of them.
    final class Rule: Sendable {
        let expression: LazyExpression
        /// Nil when the pattern can begin with anything.
        let start: PatternStart?
        /// The words, folded, one of which the line must hold before the expression is worth
        /// running (see `RequiredWords`), or nil.
        let words: [[UInt8]]?
        /// The words, folded, one of which a match begins with (see `startingWords`), or nil.
        let starts: [[UInt8]]?
        /// `start` for the scalars below `ScalarTraits.tableEnd`, a bit each: a set's hashing
        /// cost more than the rest of the checks.
        let startBits: [UInt64]
        /// For a line rule, where `words` stand in `lineWords`.
        let wordIndices: [Int]?
        /// For a line rule, the most scalars a line it matches has once folded, or nil
        /// (see `PatternLength`).
        let maxLength: Int?

        init(expression: LazyExpression, start: PatternStart?, words: [[UInt8]]?, starts: [[UInt8]]?,
             firstWordIndex: Int = 0, maxLength: Int? = nil) {
            self.expression = expression
            self.start = start
            self.words = words
            self.starts = starts
            var bits = [UInt64](repeating: 0, count: Int(ScalarTraits.tableEnd) / 64)
            for v in 0..<ScalarTraits.tableEnd {
                if let c = Unicode.Scalar(v), start?.admits(c) ?? true { bits[Int(v >> 6)] |= 1 << (v & 63) }
            }
            startBits = bits
            wordIndices = words.map { Array(firstWordIndex..<(firstWordIndex + $0.count)) }
            self.maxLength = maxLength
        }

        /// Whether a match can begin with the scalar of value `v`.
        @inline(__always)
        func admits(_ v: UInt32) -> Bool {
            if v < ScalarTraits.tableEnd { return startBits[Int(v >> 6)] & (1 << (v & 63)) != 0 }
            guard let start, let c = Unicode.Scalar(v) else { return true }
            return start.admits(c)
        }
    }

    /// `checked`: false for digest's own patterns, which are compiled only when a line first
    /// needs them (see `LazyExpression`; the tests compile each one).
    public init(lines: [String], endMarkers: [String], file: String, checked: Bool = true) throws(Diagnostic) {
        try add(lines: lines, endMarkers: endMarkers, file: file, checked: checked)
    }

    /// Adds patterns; an error names the one that is wrong.
    public mutating func add(lines: [String], endMarkers: [String], file: String, checked: Bool = true) throws(Diagnostic) {
        var words = lineWords.words
        var lineRules: [Rule] = []
        for pattern in lines {
            // One more for a line terminator, which `$` may stand before.
            let make = {
                Self.rule(pattern, firstWordIndex: words.count, maxLength: PatternLength.maxScalars(pattern).map { $0 + 1 },
                          compiled: checked, wrap: { "^(?:\($0))$" })
            }
            let rule = checked ? try Self.checked(pattern, file: file, make) : make()
            guard let rule else { continue }
            lineRules.append(rule)
            words += rule.words ?? []
        }
        // A marker ends the article alone on its line, with any punctuation, or followed
        // by a colon or dash and the first related headline.
        var markerRules: [Rule] = []
        for pattern in endMarkers {
            let make = {
                Self.rule(pattern, afterPunctuation: true, compiled: checked) {
                    "^[\\p{P}\\p{S}\\s]*(?:\($0))(?:[\\p{P}\\p{S}\\s]*$|\\s*[:：\\-–—|»]|\\s+\\.\\.\\.)"
                }
            }
            let rule = checked ? try Self.checked(pattern, file: file, make) : make()
            if let rule { markerRules.append(rule) }
        }
        linePatterns += lines
        endMarkerPatterns += endMarkers
        self.lines += lineRules
        lineWords = WordFinder(words)
        self.endMarkers += markerRules
        index()
    }

    /// The rule `make` compiles from `pattern`, after checking that the pattern compiles alone.
    /// The rule's expression wraps the pattern in a group, which compiles whenever the pattern
    /// does, and the other way round but for unbalanced groups (`a)(b`): only a pattern whose
    /// rule did not compile, or whose groups do not balance, is compiled alone again.
    static func checked(_ pattern: String, file: String, _ make: () -> Rule?) throws(Diagnostic) -> Rule? {
        let balanced = hasBalancedGroups(pattern)
        if balanced, let rule = make() { return rule }
        do {
            _ = try ArabicPattern.compile(pattern)
        } catch {
            throw Diagnostic.error("the furniture pattern `\(pattern)` is not a valid regular expression; check its brackets and escapes", file: file)
        }
        return balanced ? nil : make()
    }

    /// Whether every `(` of `pattern` outside escapes and classes has its `)`, in order.
    static func hasBalancedGroups(_ pattern: String) -> Bool {
        var depth = 0, inClass = 0
        var scalars = pattern.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s {
            case "\\": _ = scalars.next()
            case "[": inClass += 1
            case "]" where inClass > 0: inClass -= 1
            case "(" where inClass == 0: depth += 1
            case ")" where inClass == 0:
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0 && inClass == 0
    }

    /// Makes `lineRulesByFirst` and the markers' keys from the rules.
    mutating func index() {
        lineRulesByFirst = ScalarTraits.tableScalars.map { v in lines.indices.filter { lines[$0].admits(v) } }
        lineLimits = lines.map { $0.maxLength ?? .max }
        // A word that folds to nothing begins every line: its marker is met by every line.
        func keyed(_ rule: Rule) -> [[UInt8]]? { rule.starts.flatMap { $0.contains(where: \.isEmpty) ? nil : $0 } }
        markerKeyLength = min(4, endMarkers.compactMap(keyed).joined().map(\.count).min() ?? 4)
        markersByKey = [:]
        unkeyedMarkers = []
        for (index, rule) in endMarkers.enumerated() {
            guard let words = keyed(rule) else { unkeyedMarkers.append(index); continue }
            for key in Set(words.map { Self.markerKey($0[...], length: markerKeyLength) }) {
                markersByKey[key, default: []].append(index)
            }
        }
    }

    /// The first `length` bytes of `bytes` as one number.
    static func markerKey(_ bytes: ArraySlice<UInt8>, length: Int) -> UInt32 {
        bytes.prefix(length).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// `afterPunctuation`: a match may begin after punctuation, symbols and spaces, and
    /// starting words are looked for past them: a word that itself begins with one is not.
    /// `compiled`: false to compile the expression only when it is first needed (the rule is
    /// made whether or not it compiles).
    static func rule(_ pattern: String, afterPunctuation: Bool = false, firstWordIndex: Int = 0, maxLength: Int? = nil,
                     compiled: Bool = true, wrap: (String) -> String) -> Rule? {
        let tolerant = ArabicPattern.tolerant(pattern)
        let expression: LazyExpression
        if compiled {
            guard let made = try? NSRegularExpression(pattern: wrap(tolerant), options: [.caseInsensitive]) else { return nil }
            expression = LazyExpression(compiled: made)
        } else {
            expression = LazyExpression(wrap(tolerant))
        }
        var starts = startingWords(pattern).map { $0.map { Array(fold($0).utf8) } }
        if afterPunctuation, let words = starts, words.contains(where: { word in
            String(decoding: word, as: UTF8.self).unicodeScalars.first.map(isPunctuationOrSpace) ?? false
        }) {
            starts = nil
        }
        // Words a line begins with are quicker to check than words anywhere in it, and say more.
        return Rule(expression: expression, start: PatternStart.of(tolerant),
                    words: starts == nil ? RequiredWords.of(pattern).map { $0.map { Array(fold($0).utf8) } } : nil,
                    starts: starts, firstWordIndex: firstWordIndex, maxLength: maxLength)
    }

    /// The plain words a match of `pattern` must begin with: its literal start, or the literal
    /// start of each alternative of a first group (`(العودة|الرجوع) إلى…`). Nil when the
    /// pattern starts with anything else (a class, an escape, an optional group).
    static func startingWords(_ pattern: String) -> [String]? {
        func literalStart(_ text: Substring) -> String? {
            var prefix = String(text.prefix { !RequiredWords.metacharacters.contains($0) })
            let next = text.dropFirst(prefix.count).first
            // A quantifier after the prefix makes its last character optional.
            if let next, "?*{".contains(next), !prefix.isEmpty { prefix.removeLast() }
            return prefix.isEmpty ? nil : prefix
        }
        guard RequiredWords.alternatives(Array(pattern)[...]).count == 1 else { return nil }
        guard pattern.hasPrefix("(") else { return literalStart(Substring(pattern)).map { [$0] } }
        guard let close = pattern.firstIndex(of: ")") else { return nil }
        let inner = pattern[pattern.index(after: pattern.startIndex)..<close]
        let after = pattern[pattern.index(after: close)...]
        guard !inner.contains("("), !(after.first.map { "?*{".contains($0) } ?? false) else { return nil }
        var words: [String] = []
        for alternative in inner.split(separator: "|", omittingEmptySubsequences: false) {
            guard let word = literalStart(alternative) else { return nil }
            words.append(word)
        }
        return words
    }

    /// A coarser folding than the tolerant patterns' (ArabicNormalizer's, plus ؤ → و and
    /// ئ → ي, ASCII lowercased): text a pattern matches folds to hold the pattern's words folded.
    static func fold(_ text: String) -> String {
        var out = TextBuilder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let folded = ArabicNormalizer.fold(scalar) else { continue }
            switch folded.value {
            case 0x0624: out.append("\u{0648}")
            case 0x0626: out.append("\u{064A}")
            default: out.append(folded)
            }
        }
        return out.string
    }

    /// `Array(fold(text).utf8)`, read off the text's bytes at once; nil when `text` holds a
    /// cased letter beyond ASCII (see `FoldedLine`).
    static func foldedBytes(_ text: String) -> [UInt8]? {
        let tables = ScalarTraits.tables
        var text = text
        return text.withUTF8 { source -> [UInt8]? in
            var cased = false
            // Folding never lengthens: every scalar folds to one of no more bytes, or to none.
            let folded = [UInt8](unsafeUninitializedCapacity: source.count) { out, count in
                do {
                    var i = 0, n = 0
                    while i < source.count {
                        let b = source[i]
                        if b < 0x80 {
                            out[n] = b &- 0x41 < 26 ? b | 0x20 : b
                            n += 1
                            i += 1
                            continue
                        }
                        let (v, length) = UTF8Bytes.scalar(at: i, in: source)
                        i += length
                        let f = tables.folding(v)
                        if f == Self.foldsAway { continue }
                        if f == Self.foldsCased { cased = true; break }
                        n = UTF8Writing.write(f, at: n, in: out)
                    }
                    count = n
                }
            }
            return cased ? nil : folded
        }
    }

    /// What `foldedBytes` makes of the scalar with value `v`: the value it folds to,
    /// `foldsAway`, or `foldsCased` for a cased letter beyond ASCII.
    static func folding(_ v: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(v) else { return foldsAway }
        if !scalar.isASCII && CommonScalars.isCased(scalar) { return foldsCased }
        guard let folded = ArabicNormalizer.fold(scalar) else { return foldsAway }
        switch folded.value {
        case 0x0624: return 0x0648
        case 0x0626: return 0x064A
        default: return folded.value
        }
    }

    static let foldsAway = UInt32.max, foldsCased = UInt32.max - 1

    public func isFurniture(_ line: String) -> Bool {
        var folded = FoldedLine(line)
        return isFurniture(line, folded: &folded)
    }

    /// With the line folded once for this and `isEndMarker`.
    func isFurniture(_ line: String, folded: inout FoldedLine) -> Bool {
        guard let first = line.unicodeScalars.first?.value else { return false }
        let candidates = ScalarTraits.slot(first).map { lineRulesByFirst[$0] } ?? lines.indices.filter { lines[$0].admits(first) }
        for index in candidates {
            let limit = lineLimits[index]
            if limit != .max, !folded.fits(limit) { continue }
            let rule = lines[index]
            if let starts = rule.starts, !folded.begins(withAny: starts) { continue }
            if let words = rule.wordIndices, !folded.holds(anyOf: words, in: lineWords) { continue }
            if rule.expression.matchesWhole(line) { return true }
        }
        return false
    }

    /// A line folded as the rules' words are, once, when a rule first asks. Lines with
    /// cased letters beyond ASCII, which case-insensitive matching folds in ways this
    /// folding does not, pass every check.
    struct FoldedLine {
        let line: String
        var bytes: [UInt8]??

        init(_ line: String) { self.line = line }

        /// With its folding found already: `Furniture.foldedBytes(line)`.
        init(_ line: String, folded: [UInt8]?) {
            self.line = line
            bytes = .some(folded)
        }

        mutating func folded() -> [UInt8]? {
            if bytes == nil {
                bytes = .some(Furniture.foldedBytes(line))
            }
            return bytes ?? nil
        }

        mutating func holds(any words: [[UInt8]]) -> Bool {
            guard let bytes = folded() else { return true }
            return words.contains { Furniture.find($0, in: bytes) }
        }

        /// Which of a finder's words the folded line holds, once the first rule asks.
        var found: WordFinder.Found?

        mutating func holds(anyOf indices: [Int], in finder: WordFinder) -> Bool {
            guard let bytes = folded() else { return true }
            let found = self.found ?? finder.found(in: bytes)
            self.found = found
            return indices.contains(where: found.contains)
        }

        /// Whether the folded line has no more than `maxLength` scalars.
        mutating func fits(_ maxLength: Int) -> Bool {
            guard let bytes = folded() else { return true }
            guard bytes.count > maxLength else { return true }
            // A scalar takes four bytes at most; paragraphs are far past every rule's length.
            guard bytes.count <= 4 * maxLength else { return false }
            if let scalarCount { return scalarCount <= maxLength }
            var scalars = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalars &+= 1 }
            scalarCount = scalars
            return scalars <= maxLength
        }
        var scalarCount: Int?

        mutating func begins(withAny words: [[UInt8]]) -> Bool {
            guard let bytes = folded() else { return true }
            return words.contains { Furniture.has($0, at: 0, in: bytes) }
        }

        /// Where a marker can begin in the folded line: after the punctuation, symbols and
        /// spaces that open it, which folding keeps as they are.
        var markerStart: Int?

        /// Whether the folded line, past its opening punctuation and spaces, begins with one of `words`.
        mutating func beginsPastPunctuation(withAny words: [[UInt8]]) -> Bool {
            guard let bytes = folded(), let start = markerStartIndex() else { return true }
            return words.contains { Furniture.has($0, at: start, in: bytes) }
        }

        /// `markerStart`, found when first asked; nil when the line cannot be folded.
        mutating func markerStartIndex() -> Int? {
            if let markerStart { return markerStart }
            guard let bytes = folded() else { return nil }
            let tables = ScalarTraits.tables
            let start = bytes.withUnsafeBufferPointer { b in
                var i = 0
                while i < b.count {
                    let (v, length) = UTF8Bytes.scalar(at: i, in: b)
                    guard tables.traits(v).contains(.punctuationOrSpace) else { break }
                    i += length
                }
                return i
            }
            markerStart = start
            return start
        }
    }

    /// Whether `haystack` holds `needle` at `offset`.
    static func has(_ needle: [UInt8], at offset: Int, in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count - offset else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                for k in 0..<n.count where h[offset + k] != n[k] { return false }
                return true
            }
        }
    }

    /// Whether `needle` occurs in `haystack`. Compared from the needle's last byte back: Arabic
    /// letters share their first UTF-8 byte, so first-byte matches are everywhere, while the
    /// last byte of a letter tells it apart.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let m = n.count, last = n[m - 1]
                var i = m - 1
                while i < h.count {
                    if h[i] == last {
                        var k = 1
                        while k < m, h[i - k] == n[m - 1 - k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Markers may follow punctuation and spaces, so each of those can be where one begins.
    public func isEndMarker(_ line: String) -> Bool {
        var folded = FoldedLine(line)
        return isEndMarker(line, folded: &folded)
    }

    func isEndMarker(_ line: String, folded: inout FoldedLine) -> Bool {
        for index in markerCandidates(&folded) {
            let rule = endMarkers[index]
            if let starts = rule.starts, !folded.beginsPastPunctuation(withAny: starts) { continue }
            if rule.start != nil, !Self.mayBegin(line, rule) { continue }
            if let words = rule.words, !folded.holds(any: words) { continue }
            if rule.expression.matchesWhole(line) { return true }
        }
        return false
    }

    /// The end markers `folded` may hold, by the bytes it begins with past its opening
    /// punctuation; every marker when it cannot be folded.
    func markerCandidates(_ folded: inout FoldedLine) -> [Int] {
        guard let start = folded.markerStartIndex(), let bytes = folded.folded() else { return Array(endMarkers.indices) }
        guard bytes.count - start >= markerKeyLength,
              let keyed = markersByKey[Self.markerKey(bytes[start...], length: markerKeyLength)]
        else { return unkeyedMarkers }
        return unkeyedMarkers.isEmpty ? keyed : (keyed + unkeyedMarkers).sorted()
    }

    /// Whether a marker of `rule` may begin at one of the opening punctuation, symbols and
    /// spaces of `line`, or at the first scalar after them.
    static func mayBegin(_ line: String, _ rule: Rule) -> Bool {
        for c in line.unicodeScalars {
            if rule.admits(c.value) { return true }
            if !ScalarTraits.of(c.value).contains(.punctuationOrSpace) { return false }
        }
        return false
    }

    /// `[\p{P}\p{S}\s]`
    static func isPunctuationOrSpace(_ c: Unicode.Scalar) -> Bool {
        if CommonScalars.isWhitespace(c) { return true }
        switch CommonScalars.generalCategory(c) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

extension NSRegularExpression {
    /// For expressions that begin with `^`.
    func matchesWhole(_ text: String) -> Bool {
        matchAtStart(of: text) != nil
    }
}

extension LazyExpression {
    /// For expressions that begin with `^`; false when the pattern does not compile.
    func matchesWhole(_ text: String) -> Bool {
        expression?.matchesWhole(text) ?? false
    }
}
