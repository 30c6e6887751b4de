import Foundation

/// `DateExtractor`'s layouts with a month name, made again with only the names whose first
/// word a text's folding holds (see `DateExtractor.monthWords`). ICU tries an alternation's
/// names one by one wherever a date may begin, and a text holds one or two of the hundred
/// names. A name whose first word the text lacks matches nowhere in it, and the names left
/// keep their order, so the narrowed expressions find what the whole ones find. Made once for
/// each set of words met, and shared by the threads that parse.
final class NarrowedMonthExpressions: @unchecked Sendable {
    struct Expressions {
        var dayMonthYear: NSRegularExpression?
        var monthDayYear: NSRegularExpression?
        var hijri: NSRegularExpression?

        subscript(layout: DateExtractor.Layout) -> NSRegularExpression? {
            switch layout {
            case .dayMonthYear: return dayMonthYear
            case .monthDayYear: return monthDayYear
            case .hijri: return hijri
            case .ymd, .dmy: return nil
            }
        }
    }

    /// Which of the month finder's words a text holds, as `WordFinder.Found` tells them.
    struct Key: Hashable {
        var first: UInt64
        var rest: [Int]
    }

    /// Each name with the index of its first word among the finder's words: the Gregorian
    /// words' and then the Hijri words'; nil for a name without a word, which is always kept.
    let gregorian: [(name: String, word: Int?)]
    let hijri: [(name: String, word: Int?)]
    private let lock = NSLock()
    private var made: [Key: Expressions] = [:]
    /// Sets of words beyond these many are narrowed each time, not kept.
    static let maxKept = 512

    init(months: [String], hijriMonths: [String], gregorianWords: [[UInt8]], hijriWords: [[UInt8]]) {
        let gregorianIndex = Dictionary(gregorianWords.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        let hijriIndex = Dictionary(hijriWords.enumerated().map { ($1, gregorianWords.count + $0) }, uniquingKeysWith: min)
        gregorian = months.map { name in (name, DateExtractor.firstWord(name).flatMap { gregorianIndex[$0] }) }
        hijri = hijriMonths.map { name in (name, DateExtractor.firstWord(name).flatMap { hijriIndex[$0] }) }
    }

    /// The expressions for a text that holds the words `found`; a layout without names left is nil.
    func expressions(for found: WordFinder.Found) -> Expressions {
        let key = Key(first: found.first, rest: found.rest.sorted())
        if let known = lock.withLock({ made[key] }) { return known }
        func kept(_ names: [(name: String, word: Int?)]) -> [String] {
            names.filter { $0.word.map(found.contains) ?? true }.map(\.name)
        }
        let months = kept(gregorian), hijriMonths = kept(hijri)
        var expressions = Expressions()
        for (source, layout) in DateExtractor.sources(months: months, hijriMonths: hijriMonths) {
            switch layout {
            case .dayMonthYear where !months.isEmpty: expressions.dayMonthYear = try? ArabicPattern.compile(source)
            case .monthDayYear where !months.isEmpty: expressions.monthDayYear = try? ArabicPattern.compile(source)
            case .hijri where !hijriMonths.isEmpty: expressions.hijri = try? ArabicPattern.compile(source)
            default: break
            }
        }
        lock.withLock {
            if made.count < Self.maxKept { made[key] = expressions }
        }
        return expressions
    }
}
