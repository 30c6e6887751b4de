import Foundation

/// Dates as Arabic readers read them: the Gregorian date with Arabic month names, and
/// the Hijri date (Umm al-Qura), in Western or Arabic-Indic digits.
public struct DateDisplay: Sendable {
    public var gregorianMonths: [String]
    public var hijriMonths: [String]
    public var arabicIndicDigits: Bool
    let hijriDays = HijriDays()

    public init(gregorianMonths: [String], hijriMonths: [String], arabicIndicDigits: Bool) {
        self.gregorianMonths = gregorianMonths
        self.hijriMonths = hijriMonths
        self.arabicIndicDigits = arabicIndicDigits
    }

    public func digits(_ text: String) -> String {
        guard arabicIndicDigits else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0x30...0x39).contains(s.value) ? Unicode.Scalar(s.value - 0x30 + 0x0660)! : s
        }))
    }

    public func number(_ n: Int) -> String { digits(String(n)) }

    /// `23 أبريل 2024`
    public func gregorian(_ date: ArticleDate) -> String {
        digits("\(date.day) \(gregorianMonths[date.month - 1]) \(date.year)")
    }

    /// `أبريل 2024`
    public func month(_ key: String) -> String {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return key }
        return digits("\(gregorianMonths[parts[1] - 1]) \(parts[0])")
    }

    /// `14 شوال 1445 هـ`
    public func hijri(_ date: ArticleDate) -> String? {
        guard let hijri = hijriDays.date(of: date) else { return nil }
        return digits("\(hijri.day) \(hijriMonths[hijri.month - 1]) \(hijri.year) هـ")
    }
}

/// The Umm al-Qura date of each Gregorian day asked for, converted once and shared by the
/// renderer's threads: many articles share a day, and Foundation's calendars are slow to
/// make and to ask.
final class HijriDays: @unchecked Sendable {
    typealias Day = (year: Int, month: Int, day: Int)
    private let lock = NSLock()
    /// A day that has no Hijri date is known as nil.
    private var days: [Int: Day?] = [:]

    func date(of date: ArticleDate) -> Day? {
        let key = (date.year * 13 + date.month) * 32 + date.day
        if let known = lock.withLock({ days[key] }) { return known }
        let converted = Self.convert(date)
        lock.withLock { days[key] = .some(converted) }
        return converted
    }

    static func convert(_ date: ArticleDate) -> Day? {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        guard let day = gregorian.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) else { return nil }
        var islamic = Calendar(identifier: .islamicUmmAlQura)
        islamic.timeZone = gregorian.timeZone
        let c = islamic.dateComponents([.year, .month, .day], from: day)
        guard let y = c.year, let m = c.month, let d = c.day, (1...12).contains(m) else { return nil }
        return (y, m, d)
    }
}
