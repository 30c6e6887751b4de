import Testing
@testable import DigestKit

@Suite("DateDisplay")
struct DateDisplayTests {
    static func display(arabicDigits: Bool = false) throws -> DateDisplay {
        var config = SiteConfig()
        config.arabicIndicDigits = arabicDigits
        return try Build.dateDisplay(config)
    }

    @Test("shows the Gregorian date with the Arabic month name from calendar.json")
    func gregorian() throws {
        let date = try #require(ArticleDate(year: 2024, month: 4, day: 23))
        #expect(try Self.display().gregorian(date) == "23 أبريل 2024")
    }

    // Umm al-Qura: 1 Shawwal 1445 was 10 April 2024 (Eid al-Fitr in Saudi Arabia),
    // 1 Dhu al-Qa'dah 1443 was 31 May 2022, 1 Muharram 1446 was 7 July 2024.
    @Test("gives the Hijri date of the Umm al-Qura calendar", arguments: [
        (2024, 4, 23, "14 شوال 1445 هـ"),
        (2024, 4, 10, "1 شوال 1445 هـ"),
        (2022, 6, 8, "9 ذو القعدة 1443 هـ"),
        (2024, 7, 7, "1 محرم 1446 هـ"),
    ])
    func hijri(year: Int, month: Int, day: Int, expected: String) throws {
        let date = try #require(ArticleDate(year: year, month: month, day: day))
        #expect(try Self.display().hijri(date) == expected)
    }

    @Test("a day asked for again, or with other digits on a copy of the display, reads as the first time")
    func hijriAskedAgain() throws {
        let date = try #require(ArticleDate(year: 2024, month: 4, day: 23))
        var display = try Self.display()
        #expect(display.hijri(date) == "14 شوال 1445 هـ")
        #expect(display.hijri(date) == "14 شوال 1445 هـ")
        display.arabicIndicDigits = true
        #expect(display.hijri(date) == "١٤ شوال ١٤٤٥ هـ")
        let next = try #require(ArticleDate(year: 2024, month: 4, day: 24))
        #expect(display.hijri(next) == "١٥ شوال ١٤٤٥ هـ")
    }

    @Test("writes Arabic-Indic digits when digest.yml asks for them, Western digits otherwise")
    func digits() throws {
        let date = try #require(ArticleDate(year: 2024, month: 4, day: 23))
        let arabic = try Self.display(arabicDigits: true)
        #expect(arabic.gregorian(date) == "٢٣ أبريل ٢٠٢٤")
        #expect(arabic.hijri(date) == "١٤ شوال ١٤٤٥ هـ")
        #expect(arabic.month("2022-06") == "يونيو ٢٠٢٢")
        #expect(try Self.display().number(1450) == "1450")
    }

    @Test("a month key that is not yyyy-MM is shown as it is rather than as a wrong month")
    func badMonthKey() throws {
        #expect(try Self.display().month("2024-13") == "2024-13")
    }
}
