import ArabicText
import Foundation

/// What one metadata line of a scraped page says: `Write: 2024-04-23 15:48:47Update: …`,
/// `الوقت:2022-06-08 09:37:57المصدر: شينخوا`, `تاريخ النشر: 17th, November 2023 GMT`,
/// `المصدر: موقع 24`, `تحرير: تشن لو يي`, or a line that is only a date.
struct MetadataLine: Sendable, Hashable {
    var published: ArticleDate?
    var updated: ArticleDate?
    var source: String?
    var editor: String?

    var hasDate: Bool { published != nil || updated != nil }
}

/// Reads metadata lines. A line is metadata only when every part of it is explained:
/// labels from `metadata.json`, each followed by a date or a short name, and nothing else
/// but weekday names, era and time-zone words. Anything more and it is text of the story.
struct MetadataReader: Sendable {
    enum Field: Int, CaseIterable, Sendable { case published = 1, updated, source, editor }

    let labels: LazyExpression
    /// For each label's first word, folded, `labels` made with only the labels that begin
    /// with it: where a label may begin, the word there tells which labels can.
    let labelsByFirstWord: [String: LazyExpression]
    /// The first word of each label, folded (see `Furniture.fold`): a line whose folding holds
    /// none has no label, and the labels' expression need not run. Nil when a label has no word.
    let labelWords: [[UInt8]]?
    let labelFinder: WordFinder
    /// `labelWords` as strings.
    let labelFirstWords: FoldedWordSet
    let labelsHaveDigits: Bool
    /// Whether every label's first word is made of letters alone.
    let labelWordsAreLetters: Bool
    /// The scalars, folded, a label's match can begin with, a bit each for the scalars of
    /// `ScalarTraits`' tables and a set for the rest; nil when a label begins otherwise.
    let labelStarts: (bits: [UInt64], others: Set<UInt32>)?
    let dates: DateExtractor
    /// Keys of the words a date line may hold besides the date.
    let dateWords: Set<String>
    /// Every word, folded, that a line of labels and dates alone can hold besides words
    /// with digits: label words, date words, and what a date is written with.
    let vocabulary: FoldedWordSet
    let sources: SourceNames

    /// The most words a source or editor name has.
    static let maxNameWords = 8

    init(labels: [Field: [String]], dateWords: [String], dates: DateExtractor, sources: SourceNames) {
        self.labels = Self.expression(labels)
        func firstWord(_ label: String) -> [UInt8]? { Tokenizer.words(label).first.map { Array(Furniture.fold($0).utf8) } }
        let firstWords = labels.values.flatMap { $0 }.map(firstWord)
        var byFirstWord: [String: LazyExpression] = [:]
        for word in Set(firstWords.compactMap { $0 }) {
            byFirstWord[String(decoding: word, as: UTF8.self)] = Self.expression(labels.mapValues { $0.filter { firstWord($0) == word } })
        }
        labelsByFirstWord = byFirstWord
        labelWords = firstWords.contains(where: { $0 == nil }) ? nil : Array(Set(firstWords.compactMap { $0 }))
        labelFinder = WordFinder(labelWords ?? [])
        labelFirstWords = FoldedWordSet(Set(firstWords.compactMap { $0.map { String(decoding: $0, as: UTF8.self) } }))
        labelsHaveDigits = labels.values.joined().contains { $0.unicodeScalars.contains(where: CommonScalars.isDecimalDigit) }
        // A scalar folding drops that the expression keeps (a joiner) would end the word early.
        labelWordsAreLetters = labels.values.joined().allSatisfy { label in
            label.unicodeScalars.allSatisfy { ArabicNormalizer.fold($0) != nil || ArabicPattern.isMark($0) }
                && Tokenizer.words(label).first.map { $0.unicodeScalars.allSatisfy(Spacing.isLetter) } ?? false
        }
        labelStarts = Self.starts(of: labels.values.joined().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        self.dates = dates
        self.dateWords = Set(dateWords.flatMap { Tokenizer.words($0) })
        let allWords = labels.values.flatMap { $0 } + dateWords + dates.writtenWith
        self.vocabulary = FoldedWordSet(Set(allWords.flatMap { Tokenizer.words($0) }.map(Furniture.fold)))
        self.sources = sources
    }

    /// The expression of `labels`: a group for each field's, and one for the colon after.
    /// Compiled when a line first needs it (see `LazyExpression`).
    static func expression(_ labels: [Field: [String]]) -> LazyExpression {
        let groups = Field.allCases.map { field in
            let names = labels[field] ?? []
            return names.isEmpty ? "((?!))" : "(\(ArabicPattern.alternation(names)))"
        }
        // Labels are often glued to the value before them ("15:48:47Update:"), so only a
        // letter before the label rules it out.
        return ArabicPattern.lazy(
            "(?<![\\p{L}\\p{M}])(?:\(groups.joined(separator: "|")))(?![\\p{L}\\p{M}])\\s*([:：]\\s*)?")
    }

    /// A metadata line has at most this many words.
    static let maxWords = 40
    static let spaceOrPunctuation = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    func read(_ line: String) -> MetadataLine? {
        // A date needs a digit and a source or editor a colon: a line with neither is story
        // text, and most lines are, so they skip the expressions below. Paragraphs are long:
        // reading them stops past the limit of words.
        guard mayOpenAsMetadata(line), let (hasColon, hasDigit) = Self.survey(line), hasColon || hasDigit else { return nil }
        // Without a colon there is no name either: every word is a label, a date word or a number.
        if !hasColon, !mayHoldOnly(Tokenizer.words(line), of: line) { return nil }
        let ns = line as NSString
        let matches = mayHoldLabel(line) ? labelMatches(line) : []
        var result = MetadataLine()
        let firstLabel = matches.first?.range.location ?? ns.length
        let prefix = ns.substring(to: firstLabel)
        if !prefix.trimmingCharacters(in: Self.spaceOrPunctuation).isEmpty {
            guard let date = onlyDates(prefix) else { return nil }
            result.published = date
        }
        for (i, match) in matches.enumerated() {
            let start = match.range.location + match.range.length
            let end = i + 1 < matches.count ? matches[i + 1].range.location : ns.length
            let value = ns.substring(with: NSRange(location: start, length: end - start))
            let hasColon = match.range(at: Field.allCases.count + 1).location != NSNotFound
            guard let field = Field.allCases.first(where: { match.range(at: $0.rawValue).location != NSNotFound }) else { return nil }
            switch field {
            case .published, .updated:
                guard let date = onlyDates(value) else { return nil }
                if field == .published { result.published = result.published ?? date } else { result.updated = result.updated ?? date }
            case .source, .editor:
                let words = Tokenizer.words(value).count
                guard hasColon, (1...Self.maxNameWords).contains(words), dates.dates(in: value).isEmpty,
                      let name = sources.normalize(value) else { return nil }
                if field == .source { result.source = result.source ?? name } else { result.editor = result.editor ?? SourceNames.clean(value) }
            }
        }
        guard result.hasDate || result.source != nil || result.editor != nil else { return nil }
        return result
    }

    /// Whether `line` holds a colon and a digit, read off its bytes in one pass; nil when it
    /// has more than `maxWords` words (as `Tokenizer` counts them), which no metadata line has.
    static func survey(_ line: String) -> (colon: Bool, digit: Bool)? {
        let tables = ScalarTraits.tables
        var line = line
        return line.withUTF8 { bytes -> (colon: Bool, digit: Bool)? in
            var colon = false, digit = false, words = 0, inWord = false
            var i = 0
            while i < bytes.count {
                let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                i += length
                let traits = tables.traits(v)
                if traits.contains(.ignored) { continue }
                if traits.contains(.word) {
                    if !inWord {
                        words += 1
                        if words > maxWords { return nil }
                    }
                    inWord = true
                    if traits.contains(.decimalDigit) { digit = true }
                } else {
                    inWord = false
                    if v == 0x3A || v == 0xFF1A { colon = true }
                }
            }
            return (colon, digit)
        }
    }

    /// False when `line` certainly is no metadata line: what stands before its first label
    /// is dates (words with digits and `vocabulary`), so the words it opens with, up to a
    /// label's first word or a word of digits and letters (a label may be glued to digits:
    /// `47Update`), are numbers or in `vocabulary`. Read off the bytes word by word, as far
    /// as that tells.
    func mayOpenAsMetadata(_ line: String) -> Bool {
        // A label without a word could stand anywhere.
        guard labelWords != nil else { return true }
        let tables = ScalarTraits.tables
        var line = line
        return line.withUTF8 { bytes in
            // A word is folded into a buffer on the stack; one too long for it (none of the
            // sets' words is) is folded again into an array.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.wordBufferSize + 4) { buffer in
                var length = 0, wordStart = 0, digit = false, letter = false
                var i = 0
                while i < bytes.count {
                    let (v, scalarLength) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += scalarLength
                    let traits = tables.traits(v)
                    // A label may begin or end next to a scalar that folding drops but that is no
                    // letter or mark (a joiner), gluing it to a word: nothing is told then. Nor is
                    // it for cased letters beyond ASCII, which the expressions fold otherwise.
                    if traits.contains(.ignored) {
                        if traits.isDisjoint(with: [.letter, .mark]) { return true }
                        continue
                    }
                    if traits.contains(.casedBeyondASCII) { return true }
                    if traits.contains(.word) {
                        if length == 0 { wordStart = i - scalarLength }
                        if traits.contains(.decimalDigit) { digit = true } else { letter = true }
                        // Past the buffer, only the length is kept.
                        length = length <= Self.wordBufferSize ? UTF8Writing.write(tables.folding(v), at: length, in: buffer) : length + 1
                    } else if length > 0 {
                        let word = UnsafeBufferPointer(rebasing: buffer[..<min(length, Self.wordBufferSize + 1)])
                        if let verdict = verdict(word, overflowing: length > Self.wordBufferSize,
                                                 from: UnsafeBufferPointer(rebasing: bytes[wordStart..<(i - scalarLength)]),
                                                 digit: digit, letter: letter) {
                            return verdict
                        }
                        (length, digit, letter) = (0, false, false)
                    }
                }
                if length > 0 {
                    let word = UnsafeBufferPointer(rebasing: buffer[..<min(length, Self.wordBufferSize + 1)])
                    return verdict(word, overflowing: length > Self.wordBufferSize,
                                   from: UnsafeBufferPointer(rebasing: bytes[wordStart...]), digit: digit, letter: letter) ?? true
                }
                return true
            }
        }
    }

    /// The bytes of a word `mayOpenAsMetadata` folds on the stack.
    static let wordBufferSize = 60

    /// What one word of a line tells `mayOpenAsMetadata`; nil while it tells nothing.
    /// `word` is the word folded, or when `overflowing` the start of it, and `text` its text.
    func verdict(_ word: UnsafeBufferPointer<UInt8>, overflowing: Bool, from text: UnsafeBufferPointer<UInt8>,
                 digit: Bool, letter: Bool) -> Bool? {
        // A label with digits could begin inside a number.
        if digit { return letter || labelsHaveDigits ? true : nil }
        if overflowing {
            let tables = ScalarTraits.tables
            var folded: [UInt8] = []
            var i = 0
            while i < text.count {
                let (v, length) = UTF8Bytes.scalar(at: i, in: text)
                i += length
                if !tables.traits(v).contains(.ignored) { UTF8Bytes.append(tables.folding(v), to: &folded) }
            }
            return folded.withUnsafeBufferPointer { verdict($0, overflowing: false, from: text, digit: false, letter: letter) }
        }
        if labelFirstWords.contains(word) { return true }
        return vocabulary.contains(word) ? nil : false
    }

    /// The first scalars of `names` as the tolerant expression reads them (diacritics
    /// dropped), folded; nil when one folds away or is cased beyond ASCII.
    static func starts(of names: [String]) -> (bits: [UInt64], others: Set<UInt32>)? {
        var bits = [UInt64](repeating: 0, count: ScalarTraits.tableScalars.count / 64 + 1)
        var others = Set<UInt32>()
        for name in names {
            guard let first = name.unicodeScalars.first(where: { !ArabicPattern.isMark($0) }) else { return nil }
            let folded = Furniture.folding(first.value)
            guard folded != Furniture.foldsAway, folded != Furniture.foldsCased else { return nil }
            if let slot = ScalarTraits.slot(folded) { bits[slot >> 6] |= 1 << UInt64(slot & 63) } else { others.insert(folded) }
        }
        return (bits, others)
    }

    /// The matches of `labels` in `line`, as `allMatches` finds them, tried only where a label
    /// can begin (a word of a label's, after no letter or mark), and not at all in a line
    /// without one: a search tried the alternation of every label at every place from the
    /// first such word to the end of the line, while the places are few (a metadata line has
    /// one or two). No match begins elsewhere, so the first that does at each place, the
    /// places taken in order and those inside a match passed over, are `allMatches`' matches.
    /// A label matches only the word it begins with, folded, so at each place only the labels
    /// that begin with the word there are tried (`labelsByFirstWord`), in their order.
    func labelMatches(_ line: String, narrowed: Bool = true) -> [NSTextCheckingResult] {
        guard let candidates = labelCandidates(line) else { return labels.expression?.allMatches(in: line) ?? [] }
        let length = line.utf16.count
        var matches: [NSTextCheckingResult] = []
        var end = 0
        for (place, word) in candidates where place >= end {
            // Transparent bounds: the lookbehind sees the scalar before the place.
            guard let expression = (narrowed ? labelsByFirstWord[word] ?? labels : labels).expression,
                  let match = expression.firstMatch(in: line, options: [.anchored, .withTransparentBounds],
                                                    range: NSRange(location: place, length: length - place)) else { continue }
            matches.append(match)
            end = match.range.location + match.range.length
        }
        return matches
    }

    /// The UTF-16 offsets where a label may begin: after no letter or mark, with a run of
    /// letters (diacritics passed over) that is a label's first word, folded; and that word.
    /// Nil when the line has a cased letter beyond ASCII (case-insensitive matching folds it
    /// otherwise), or a label begins with something else or has a first word of more than letters.
    func labelCandidates(_ line: String) -> [(offset: Int, word: String)]? {
        guard let (bits, others) = labelStarts, labelWordsAreLetters else { return nil }
        let tables = ScalarTraits.tables
        var line = line
        return line.withUTF8 { bytes -> [(offset: Int, word: String)]? in
            var candidates: [(offset: Int, word: String)] = []
            var offset = 0, afterLetterOrMark = false
            var i = 0
            while i < bytes.count {
                let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                i += length
                let traits = tables.traits(v)
                if traits.contains(.casedBeyondASCII) { return nil }
                if !afterLetterOrMark {
                    let folded = tables.folding(v)
                    let isStart = ScalarTraits.slot(folded).map { bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 } ?? others.contains(folded)
                    if isStart, let word = labelWord(at: i - length, in: bytes, tables) { candidates.append((offset, word)) }
                }
                afterLetterOrMark = !traits.isDisjoint(with: [.letter, .mark])
                offset += v >= 0x10000 ? 2 : 1
            }
            return candidates
        }
    }

    /// The letters from `start` in `bytes`, folded, marks passed over, when they are a label's first word.
    func labelWord(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, _ tables: ScalarTraits.Tables) -> String? {
        var word: [UInt8] = []
        var i = start
        while i < bytes.count {
            let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
            let traits = tables.traits(v)
            if traits.contains(.mark) || (traits.contains(.letter) && traits.contains(.ignored)) { i += length; continue }
            guard traits.contains(.letter) else { break }
            UTF8Bytes.append(tables.folding(v), to: &word)
            i += length
        }
        return labelFirstWords.contains(word) ? String(decoding: word, as: UTF8.self) : nil
    }

    /// False when `line` certainly holds no label. Cased letters beyond ASCII fold in the
    /// expression as `Furniture.fold` does not, so a line with them always may.
    func mayHoldLabel(_ line: String) -> Bool {
        guard labelWords != nil, let folded = Furniture.foldedBytes(line) else { return true }
        return labelFinder.found(in: folded).containsAny(in: labelFinder.words.indices)
    }

    /// False when some word of `text` is none of the words a line of labels and dates is made
    /// of: not a number, not in `vocabulary`. Text with cased letters beyond ASCII, which the
    /// expressions fold in ways `Furniture.fold` does not, always may.
    func mayHoldOnly(_ words: [String], of text: String) -> Bool {
        text.unicodeScalars.contains(where: { !$0.isASCII && CommonScalars.isCased($0) })
            || words.allSatisfy { word in
                word.unicodeScalars.contains(where: CommonScalars.isDecimalDigit) || {
                    var folded = Furniture.fold(word)
                    return folded.withUTF8 { vocabulary.contains($0) }
                }()
            }
    }

    /// The first Gregorian date of `text` when `text` holds nothing but dates and date words.
    func onlyDates(_ text: String) -> ArticleDate? {
        // Most text with a digit is a sentence: its words say so before any expression runs.
        guard mayHoldOnly(Tokenizer.words(text), of: text) else { return nil }
        let found = dates.dates(in: text)
        guard let first = found.first(where: \.isGregorian) else { return nil }
        let rest = NSMutableString(string: text)
        for date in found.reversed() { rest.replaceCharacters(in: date.range, with: " ") }
        let leftover = Tokenizer.words(rest as String).filter { !dateWords.contains($0) }
        return leftover.isEmpty ? first.date : nil
    }
}
