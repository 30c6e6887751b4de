/// Finds the paragraphs of a text that may be hard-wrapped (broken into lines of a fixed
/// width, as newspaper archives and mail are), so that a line end inside a sentence does
/// not split it.
///
/// A text is taken as wrapped when at least half of its line breaks are wraps: the first
/// word of the next line would not have fitted on the line within the text's width (its
/// longest line). In a wrapped text such breaks are joined with a space; a blank line or a
/// line that stops short still ends a paragraph. A text that is not wrapped (one paragraph
/// a line, however long) keeps every line as its own paragraph.
public enum LineUnwrapper {
    public static func paragraphs(_ text: some StringProtocol) -> [String] {
        let lines = Substring(text).split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }.map { trimmed($0) }
        let width = lines.map(\.count).max() ?? 0
        var breaks = 0
        var wraps = 0
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            breaks += 1
            if isWrap(line, next, width: width) { wraps += 1 }
        }
        let wrapped = breaks >= 3 && wraps * 2 >= breaks
        var paragraphs: [String] = []
        var current = ""
        var previous: Substring = ""
        for line in lines {
            if line.isEmpty {
                flush(&current, into: &paragraphs)
            } else if !current.isEmpty, wrapped, isWrap(previous, line, width: width) {
                current += " " + line
            } else {
                flush(&current, into: &paragraphs)
                current = String(line)
            }
            previous = line
        }
        flush(&current, into: &paragraphs)
        return paragraphs
    }

    /// True when `next`'s first word would not have fitted at the end of `line`, or when
    /// `line` runs most of the width and stops without a mark that ends a sentence (the
    /// width a wrapper counted is not always the characters we count: ligatures, marks).
    static func isWrap(_ line: Substring, _ next: Substring, width: Int) -> Bool {
        let firstWord = next.prefix { !$0.isWhitespace }
        if line.count + 1 + firstWord.count > width { return true }
        guard let last = line.unicodeScalars.last, !SentenceSplitter.isTerminator(last), last != ":" else { return false }
        return line.count * 4 >= width * 3
    }

    static func trimmed(_ line: Substring) -> Substring {
        var s = line
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    static func flush(_ current: inout String, into paragraphs: inout [String]) {
        if !current.isEmpty { paragraphs.append(current) }
        current = ""
    }
}
