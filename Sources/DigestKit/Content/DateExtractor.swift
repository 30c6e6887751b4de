import ArabicText
import Foundation

/// A date found in text, and where.
struct FoundDate: Sendable, Hashable {
    var date: ArticleDate
    /// UTF-16 range in the text searched (Arabic-Indic digits count as one unit, like Western ones).
    var range: NSRange
    /// False for a Hijri date: recognized so that it is not mistaken for text, never used as a date.
    var isGregorian = true
}

/// Finds the dates news pages state: ISO (`2024-04-23 15:48:47`), day/month/year
/// (`23/04/2024`), a day and a month name in any of the Arabic forms or in English
/// (`7 يونيو 2022`, `7 حزيران 2022`, `7 جوان 2022`, `17th, November 2023`,
/// `November 14, 2023`), in Western or Arabic-Indic digits, with a time of day where
/// one follows or precedes the date. Month names come from `months.json`.
struct DateExtractor: Sendable {
    /// Every layout's expression with every month name, in the order they are tried.
    let patterns: [(LazyExpression, Layout)]
    let monthNumbers: [String: Int]
    let timeAfter: LazyExpression
    let timeBefore: LazyExpression
    let amWords: Set<String>
    let pmWords: Set<String>
    /// The words, besides numbers, that the expressions read as part of a date: month names,
    /// am and pm, and the words of the patterns below (`عام`, `الساعة`, `GMT`…).
    let writtenWith: [String]
    /// The first word of each Gregorian and each Hijri month name, folded as
    /// `Furniture.fold` folds (coarser than the expressions' tolerance): a layout with a month
    /// name can only match text whose folding holds one, and the month alternations are the
    /// slowest expressions to run over a line.
    let monthWords: [[UInt8]]
    let hijriWords: [[UInt8]]
    /// `monthWords` and then `hijriWords`, looked for at once.
    let monthFinder: WordFinder
    /// The layouts with a month name made again with only the names a text may hold.
    let narrowed: NarrowedMonthExpressions

    enum Layout: Sendable { case ymd, dmy, dayMonthYear, monthDayYear, hijri }

    init(months: [Int: [String]], hijriMonths: [String], am: [String], pm: [String]) {
        var numbers: [String: Int] = [:]
        for (number, names) in months { for name in names { numbers[Self.key(name)] = number } }
        monthNumbers = numbers
        let gregorianNames = months.values.flatMap { $0 }
        // Compiled when a text first needs them (see `LazyExpression`).
        patterns = Self.sources(months: gregorianNames, hijriMonths: hijriMonths).map { source, layout in
            (ArabicPattern.lazy(source), layout)
        }
        func firstWords(_ names: [String]) -> [[UInt8]] {
            Array(Set(names.compactMap(Self.firstWord)))
        }
        monthWords = firstWords(gregorianNames)
        hijriWords = firstWords(hijriMonths)
        monthFinder = WordFinder(monthWords + hijriWords)
        narrowed = NarrowedMonthExpressions(months: gregorianNames, hijriMonths: hijriMonths,
                                            gregorianWords: monthWords, hijriWords: hijriWords)
        writtenWith = months.values.flatMap { $0 } + hijriMonths + am + pm
            + ["من", "في", "شهر", "عام", "سنة", "الساعة", "على", "at", "T", "GMT", "UTC", "Z", "st", "nd", "rd", "th"]
        amWords = Set(am.map(Self.key))
        pmWords = Set(pm.map(Self.key))
        let marker = "(?:\\s*(?:\(ArabicPattern.alternation(am + pm)))(?![\\p{L}\\p{M}]))?"
        // A zone after the time (`+01:00`, `Z`, `GMT+3`) is read past: pages show local time.
        let zone = "(?:\\.\\d+)?(?:\\s*(?:GMT|UTC)?\\s*[+\\-]\\d{1,2}(?::?\\d{2})?|Z(?![\\p{L}]))?"
        let time = "(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?\(zone)(?!\\d)(\(marker))"
        let joiner = "(?:\\s*(?:[-–—|,،@/]|\\s|الساعة|على الساعة|at|في|T)\\s*){0,3}"
        timeAfter = ArabicPattern.lazy("^\(joiner)\(time)")
        timeBefore = ArabicPattern.lazy("\(time)\(joiner)$")
    }

    /// The first word of a month name, folded as `Furniture.fold` folds; nil for a name without one.
    static func firstWord(_ name: String) -> [UInt8]? {
        Tokenizer.words(name).first.map { Array(Furniture.fold($0).utf8) }
    }

    /// The layouts' expressions, in the order they are tried.
    static func sources(months: [String], hijriMonths: [String]) -> [(String, Layout)] {
        let monthNames = ArabicPattern.alternation(months)
        let month = "(\(monthNames))(?![\\p{L}\\p{M}])"
        let hijri = "(?:\(ArabicPattern.alternation(hijriMonths)))(?![\\p{L}\\p{M}])"
        let ordinal = "(?:st|nd|rd|th)?"
        // `7 حزيران/يونيو`, `7 يونيو (حزيران)`: the second name only repeats the first.
        let second = "(?:\\s*[/(\\-–]\\s*(?:\(monthNames))(?![\\p{L}\\p{M}])\\s*\\)?)?"
        let of = "(?:\\s*(?:من|في)\\s+)?(?:\\s*(?:شهر)\\s+)?"
        let year = "(?:\\s*,?\\s*(?:من\\s+)?(?:عام|سنة)?\\s*)(\\d{4})(?!\\d)"
        return [
            ("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)", .ymd),
            ("(?<![\\d/.\\-])(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?!\\d)", .dmy),
            ("(?<!\\d)(\\d{1,2})\(ordinal)\\s*,?\(of)\\s*\(month)\(second)\(year)", .dayMonthYear),
            ("(?<![\\p{L}\\p{M}])\(month)\\.?\\s+(\\d{1,2})\(ordinal)(?!\\d)\(year)", .monthDayYear),
            ("(?<!\\d)(\\d{1,2})\\s*\(hijri)\\s*(\\d{4})(?!\\d)", .hijri),
        ]
    }

    /// The key a month or time word is looked up by: folded, without spaces or dots.
    static func key(_ name: String) -> String {
        String(ArabicNormalizer.normalize(name).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    /// Dates in `text`, in the order they appear; overlapping readings keep the longest.
    /// `useNarrowed`: false to run the expressions with every month name (for the tests).
    func dates(in text: String, useNarrowed: Bool = true) -> [FoundDate] {
        // Every layout has a year of four digits: text without four in a row has no date, and
        // skips the expressions; so does a layout of numbers whose separator the year lacks.
        let shape = DigitShape(text)
        guard shape.hasFourDigits else { return [] }
        let western = ArabicDigits.westernized(text)
        // Cased letters beyond ASCII fold in the expressions as `Furniture.fold` does not.
        var hasMonth = true, hasHijriMonth = true
        var narrowed: NarrowedMonthExpressions.Expressions?
        if let folded = Furniture.foldedBytes(western) {
            let found = monthFinder.found(in: folded)
            hasMonth = found.containsAny(in: 0..<monthWords.count)
            hasHijriMonth = found.containsAny(in: monthWords.count..<monthFinder.words.count)
            if useNarrowed, hasMonth || hasHijriMonth { narrowed = self.narrowed.expressions(for: found) }
        }
        var found: [FoundDate] = []
        for (whole, layout) in patterns {
            switch layout {
            case .dayMonthYear, .monthDayYear: if !hasMonth { continue }
            case .hijri: if !hasHijriMonth { continue }
            case .ymd: if !shape.yearThenSeparator { continue }
            case .dmy: if !shape.separatorThenYear { continue }
            }
            guard let regex = narrowed?[layout] ?? whole.expression else { continue }
            for match in regex.allMatches(in: western) {
                guard var date = date(from: match, layout: layout, in: western) else { continue }
                // A time of day has a colon.
                if layout != .hijri, shape.hasColon { date = withTime(date, in: western) }
                found.append(date)
            }
        }
        found.sort { ($0.range.location, -$0.range.length) < ($1.range.location, -$1.range.length) }
        var result: [FoundDate] = []
        for date in found {
            if let last = result.last, NSIntersectionRange(last.range, date.range).length > 0 { continue }
            result.append(date)
        }
        return result
    }

    func date(from match: NSTextCheckingResult, layout: Layout, in text: String) -> FoundDate? {
        func int(_ i: Int) -> Int? { match.group(i, in: text).flatMap { Int($0) } }
        var year: Int?, month: Int?, day: Int?
        switch layout {
        case .ymd: (year, month, day) = (int(1), int(2), int(3))
        case .dmy:
            (day, month, year) = (int(1), int(2), int(3))
            // 11/23/2024 can only be month first.
            if let d = day, let m = month, m > 12, d <= 12 { (day, month) = (m, d) }
        case .dayMonthYear: (day, month, year) = (int(1), match.group(2, in: text).flatMap { monthNumbers[Self.key($0)] }, int(3))
        case .monthDayYear: (month, day, year) = (match.group(1, in: text).flatMap { monthNumbers[Self.key($0)] }, int(2), int(3))
        case .hijri:
            guard let y = int(2), (1300...1600).contains(y), let d = int(1), (1...30).contains(d),
                  let placeholder = ArticleDate(year: 2000, month: 1, day: 1) else { return nil }
            return FoundDate(date: placeholder, range: match.range, isGregorian: false)
        }
        guard let y = year, (1900...2100).contains(y), let m = month, let d = day,
              let date = ArticleDate(year: y, month: m, day: d) else { return nil }
        return FoundDate(date: date, range: match.range)
    }

    /// Adds the time of day written right after (or else right before) the date.
    func withTime(_ found: FoundDate, in text: String) -> FoundDate {
        let ns = text as NSString
        let afterStart = found.range.location + found.range.length
        let after = ns.substring(from: afterStart)
        if let timeAfter = timeAfter.expression, let m = timeAfter.matchAtStart(of: after), let t = time(from: m, in: after) {
            var result = found
            result.date = t.on(found.date) ?? found.date
            result.range.length += m.range.length
            return result
        }
        let before = ns.substring(to: found.range.location)
        if let timeBefore = timeBefore.expression, let m = timeBefore.firstMatch(in: before), let t = time(from: m, in: before) {
            var result = found
            result.date = t.on(found.date) ?? found.date
            result.range = NSRange(location: m.range.location, length: afterStart - m.range.location)
            return result
        }
        return found
    }

    struct TimeOfDay {
        var hour: Int, minute: Int, second: Int
        func on(_ date: ArticleDate) -> ArticleDate? {
            ArticleDate(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
        }
    }

    func time(from match: NSTextCheckingResult, in text: String) -> TimeOfDay? {
        guard var hour = match.group(1, in: text).flatMap({ Int($0) }),
              let minute = match.group(2, in: text).flatMap({ Int($0) }) else { return nil }
        let second = match.group(3, in: text).flatMap { Int($0) } ?? 0
        let marker = Self.key(match.group(4, in: text) ?? "")
        if pmWords.contains(marker), hour < 12 { hour += 12 }
        if amWords.contains(marker), hour == 12 { hour = 0 }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        return TimeOfDay(hour: hour, minute: minute, second: second)
    }
}

/// What the digits of a text allow, read off its bytes in one pass: every date layout
/// has a year of four digits (`\d{4}`, any script's digits), the numeric ones a separator
/// right after it (`2024-04-23`) or right before it (`23/04/2024`), and a time a colon.
struct DigitShape {
    var hasFourDigits = false
    /// Four digits or more, then one of `-/.`.
    var yearThenSeparator = false
    /// One of `/.-`, then four digits or more.
    var separatorThenYear = false
    /// `:` or `：`.
    var hasColon = false

    init(_ text: String) {
        let tables = ScalarTraits.tables
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var separatorBeforeRun = false, previousWasSeparator = false
            var i = 0
            while i < bytes.count {
                let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                i += length
                let isDigit = v >= 0x30 && v <= 0x39 || (v >= 0x80 && tables.traits(v).contains(.decimalDigit))
                if isDigit {
                    if run == 0 { separatorBeforeRun = previousWasSeparator }
                    run += 1
                    if run >= 4 {
                        hasFourDigits = true
                        if separatorBeforeRun { separatorThenYear = true }
                    }
                    previousWasSeparator = false
                    continue
                }
                let isSeparator = v == 0x2D || v == 0x2F || v == 0x2E
                if isSeparator, run >= 4 { yearThenSeparator = true }
                if v == 0x3A || v == 0xFF1A { hasColon = true }
                run = 0
                previousWasSeparator = isSeparator
            }
        }
    }
}

extension ArabicDigits {
    /// `text` with Arabic-Indic and Persian digits as Western ones; one UTF-16 unit stays
    /// one unit, so ranges found in the result hold in `text`.
    static func westernized(_ text: String) -> String {
        // Most text has Western digits or none: it is returned as it is, not copied.
        guard text.unicodeScalars.contains(where: { western($0) != $0 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map(western)))
    }
}
