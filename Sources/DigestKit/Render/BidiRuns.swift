/// Left-to-right runs inside right-to-left text: `C++`, `G7`, `5+1`, `RFE/RL`, English
/// names. The bidirectional algorithm orders a run's neutral characters (`+`, `/`, spaces)
/// by the Arabic around it and shows `++C` or `1+5`; an isolating element with `dir="ltr"`
/// keeps the run in its own order.
public enum BidiRuns {
    public static let openTag = "<bdi dir=\"ltr\">"
    public static let closeTag = "</bdi>"

    /// Characters that keep a run going when a letter or digit follows them.
    static let joiners: Set<Character> = [" ", "\u{00A0}", ".", ",", "-", "+", "/", "&", "'", "’", "_", "@", ":"]
    /// Characters that end a run when written right after it (`C++`, `C#`).
    static let trailers: Set<Character> = ["+", "#"]

    /// The runs worth isolating: each starts and ends with a left-to-right letter or a
    /// digit (or a trailer), and is not a plain number, which displays right as it is.
    public static func leftToRightRuns(in text: String) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard isStrong(text[i]) else {
                i = text.index(after: i)
                continue
            }
            let start = i
            var end = text.index(after: i)
            var j = end
            while j < text.endIndex {
                let c = text[j]
                if isStrong(c) || (j == end && trailers.contains(c)) {
                    j = text.index(after: j)
                    end = j
                } else if joiners.contains(c) {
                    j = text.index(after: j)
                } else {
                    break
                }
            }
            if !text[start..<end].allSatisfy(isDigit) { runs.append(start..<end) }
            i = end
        }
        return runs
    }

    /// True when the text has left-to-right letters or digits and no right-to-left letter,
    /// as code usually does.
    public static func isLeftToRight(_ text: String) -> Bool {
        text.contains(where: isStrong) && !text.unicodeScalars.contains { isRightToLeftScript($0) && $0.properties.isAlphabetic }
    }

    /// Plain text as escaped HTML with its left-to-right runs isolated.
    public static func html(_ text: String) -> String {
        var html = ""
        var cursor = text.startIndex
        for run in leftToRightRuns(in: text) {
            html += HTML.escape(String(text[cursor..<run.lowerBound]))
            html += openTag + HTML.escape(String(text[run])) + closeTag
            cursor = run.upperBound
        }
        return html + HTML.escape(String(text[cursor...]))
    }

    /// Plain text with each run between the Unicode isolates LRI and PDI, for text that
    /// templates escape (titles, summaries) and so cannot hold an element.
    public static func isolatedText(_ text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for run in leftToRightRuns(in: text) {
            result += text[cursor..<run.lowerBound] + "\u{2066}" + text[run] + "\u{2069}"
            cursor = run.upperBound
        }
        return result + text[cursor...]
    }

    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// A letter of a left-to-right script, or a European digit.
    static func isStrong(_ character: Character) -> Bool {
        if isDigit(character) { return true }
        guard let scalar = character.unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic && !isRightToLeftScript(scalar)
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks, with their
    /// presentation forms.
    static func isRightToLeftScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }
}
