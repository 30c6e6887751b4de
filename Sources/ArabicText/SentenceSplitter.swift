/// Splits Arabic news text into sentences at `.` `!` `?` `؟` `؛` and line ends.
public enum SentenceSplitter {
    public static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (i, character) in characters.enumerated() {
            if character == "\n" {
                append(&current, to: &result)
                continue
            }
            current.append(character)
            if ".!?؟؛".contains(character) {
                // Not inside a number (1.5).
                if character == ".", i > 0, i + 1 < characters.count, characters[i - 1].isNumber, characters[i + 1].isNumber { continue }
                append(&current, to: &result)
            }
        }
        append(&current, to: &result)
        return result
    }

    static func append(_ current: inout String, to result: inout [String]) {
        let trimmed = current.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { result.append(trimmed) }
        current = ""
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\u{00A0}"]
}
