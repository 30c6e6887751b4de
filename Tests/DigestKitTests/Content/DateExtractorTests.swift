import ArabicText
import Foundation
import Testing
@testable import DigestKit

@Suite("Dates in scraped text")
struct DateExtractorTests {
    @Test("reads ISO dates with and without a time of day")
    func iso() {
        #expect(TestRules.dates("Write: 2024-04-23 15:48:47") == ["2024-04-23T15:48:47"])
        #expect(TestRules.dates("2022-06-08") == ["2022-06-08"])
        #expect(TestRules.dates("2017-01-21T16:19") == ["2017-01-21T16:19:00"])
    }

    @Test("reads day/month/year, and month/day/year only when the day cannot be a month")
    func numeric() {
        #expect(TestRules.dates("21/01/2017") == ["2017-01-21"])
        #expect(TestRules.dates("05.03.2016 - 09:30") == ["2016-03-05T09:30:00"])
        #expect(TestRules.dates("11/23/2024") == ["2024-11-23"])
        #expect(TestRules.dates("31/02/2024").isEmpty, "no 31 February")
    }

    @Test("reads every regional form of a month name", arguments: [
        ("7 يونيو 2022", "2022-06-07"), ("7 حزيران 2022", "2022-06-07"), ("7 جوان 2022", "2022-06-07"),
        ("7 يونيه 2022", "2022-06-07"), ("21 كانون الثاني 2017", "2017-01-21"), ("21 جانفي 2017", "2017-01-21"),
        ("3 تشرين الأول 2019", "2019-10-03"), ("15 أوت 2018", "2018-08-15"), ("15 آب 2018", "2018-08-15"),
        ("1 ماي 2017", "2017-05-01"), ("1 أيار 2017", "2017-05-01"), ("9 إبريل 2020", "2020-04-09"),
        ("9 ابريل 2020", "2020-04-09"), ("9 أفريل 2020", "2020-04-09"), ("12 دجنبر 2021", "2021-12-12"),
        ("7 حزيران/يونيو 2022", "2022-06-07"), ("11 سبتمبر (أيلول) 2023", "2023-09-11"),
    ])
    func arabicMonths(_ text: String, _ iso: String) {
        #expect(TestRules.dates(text) == [iso])
    }

    @Test("reads English month names in both orders, with ordinals")
    func englishMonths() {
        #expect(TestRules.dates("17th, November 2023 GMT") == ["2023-11-17"])
        #expect(TestRules.dates("November 14, 2023") == ["2023-11-14"])
        #expect(TestRules.dates("Jan 2, 2020") == ["2020-01-02"])
    }

    @Test("reads Arabic-Indic digits")
    func arabicIndic() {
        #expect(TestRules.dates("٢١ يناير ٢٠١٧ - ١٦:١٩") == ["2017-01-21T16:19:00"])
        #expect(TestRules.dates("٢٠٢٢-٠٦-٠٨") == ["2022-06-08"])
    }

    @Test("reads the time of day, in 12-hour form too, before or after the date")
    func times() {
        #expect(TestRules.dates("January 21, 2017 4:19 PM") == ["2017-01-21T16:19:00"])
        #expect(TestRules.dates("الأحد 21 جانفي 2017 الساعة 09:05 مساء") == ["2017-01-21T21:05:00"])
        #expect(TestRules.dates("12:30 ص - 3 مارس 2020") == ["2020-03-03T00:30:00"])
        #expect(TestRules.dates("2024-04-23 15:48:47Update") == ["2024-04-23T15:48:47"])
    }

    @Test("finds no date where the text gives none")
    func noDate() {
        #expect(TestRules.dates("وقع الرئيس اليوم الثلاثاء اتفاقية شراكة").isEmpty)
        #expect(TestRules.dates("في الفترة من 11 إلى 17 من شهر سبتمبر الماضي").isEmpty)
        #expect(TestRules.dates("بلغ عدد السكان 1500 نسمة في 2020").isEmpty)
    }

    @Test("recognizes a Hijri date without using it as the article's date")
    func hijri() {
        let found = TestRules.builtIn.metadata.dates.dates(in: "3 جمادى الأولى 1445")
        #expect(found.count == 1)
        #expect(found.first?.isGregorian == false)
    }
}

@Suite("Metadata lines")
struct MetadataLineTests {
    func read(_ line: String) -> MetadataLine? { TestRules.builtIn.metadata.read(line) }

    @Test("reads published and updated labels glued together")
    func writeUpdate() throws {
        let m = try #require(read("Write: 2024-04-23 15:48:47Update: 2024-04-23 16:00:59"))
        #expect(m.published?.iso8601 == "2024-04-23T15:48:47")
        #expect(m.updated?.iso8601 == "2024-04-23T16:00:59")
    }

    @Test("reads a date glued to the source label")
    func timeAndSource() throws {
        let m = try #require(read("الوقت:2022-06-08 09:37:57المصدر: شينخوا"))
        #expect(m.published?.iso8601 == "2022-06-08T09:37:57")
        #expect(m.source == "شينخوا")
    }

    @Test("reads a labelled date with era and time-zone words", arguments: [
        ("تاريخ النشر: 17th, November 2023 GMT", "2023-11-17"),
        ("نشر في 21 كانون الثاني 2017 - 16:19", "2017-01-21T16:19:00"),
        ("الجمعة 17 نوفمبر 2023 م - 3 جمادى الأولى 1445 هـ", "2023-11-17"),
        ("آخر تحديث: 2020-01-01 | تاريخ النشر: 2019-12-31", "2019-12-31"),
    ])
    func labelled(_ line: String, _ iso: String) throws {
        #expect(try #require(read(line)).published?.iso8601 == iso)
    }

    @Test("normalizes the source to one name per agency")
    func sourceNames() {
        #expect(read("المصدر: وكالة أنباء شينخوا")?.source == "شينخوا")
        #expect(read("Source: Reuters")?.source == "رويترز")
        #expect(read("المصدر: أ.ف.ب")?.source == "فرانس برس")
        #expect(read("المصدر: موقع 24")?.source == "موقع 24")
    }

    @Test("reads the editor credit")
    func editor() {
        #expect(read("تحرير: تشن لو يي")?.editor == "تشن لو يي")
    }

    @Test("leaves sentences that mention dates or sources as story text", arguments: [
        "وقال المصدر إن الاجتماع عقد في 7 يونيو 2022 بحضور الوزراء.",
        "التاريخ: يعود الاتفاق إلى عام 2005 حين وقعت الدولتان مذكرة تفاهم",
        "نشر في الجريدة الرسمية قرار بتعيين المدير",
        "المصدر: قال مسؤول في الوزارة إن المحادثات مستمرة منذ أسابيع طويلة دون نتيجة تذكر",
        "طقس الإثنين 21 جانفي 2017",
    ])
    func story(_ line: String) {
        #expect(read(line) == nil)
    }
}

@Suite("What a line's shape allows, before any expression runs")
struct LineShapeTests {
    let metadata = TestRules.builtIn.metadata

    @Test("a line is surveyed for a colon and a digit, and long lines are not read to the end")
    func survey() {
        #expect(MetadataReader.survey("الوقت:2022") ?? (false, false) == (true, true))
        #expect(MetadataReader.survey("المصدر： شينخوا") ?? (false, false) == (true, false))
        #expect(MetadataReader.survey("في ٧ يونيو") ?? (false, false) == (false, true))
        #expect(MetadataReader.survey(Array(repeating: "كلمة", count: 41).joined(separator: " ") + " 2024:") == nil)
    }

    @Test("a metadata line opens with a label, a date word or a number", arguments: [
        "الوقت:2022-06-08", "Write: 2024", "الجمعة 17 نوفمبر 2023", "15:48:47Update: x", "«المصدر»: رويترز",
        "في الوقت نفسه قال 3", "Ελλάδα 2024-01-01", "2024-01-01 12:00 المصدر: رويترز",
    ])
    func mayOpen(_ line: String) {
        #expect(metadata.mayOpenAsMetadata(line))
    }

    @Test("a line that opens with words of a sentence is no metadata line", arguments: [
        "وقال المصدر إن الاجتماع عقد في 7 يونيو 2022", "شارك 30 وزيرا: في الاجتماع", "في عام 2022 قال الوزير: نعم",
    ])
    func mayNotOpen(_ line: String) {
        #expect(!metadata.mayOpenAsMetadata(line))
    }

    /// `mayOpenAsMetadata` as it was written first: each word folded into an array.
    func mayOpenWordByWord(_ line: String) -> Bool {
        guard metadata.labelWords != nil else { return true }
        var word: [UInt8] = [], digit = false, letter = false
        func verdict() -> Bool? {
            defer { (word, digit, letter) = ([], false, false) }
            if digit { return letter || metadata.labelsHaveDigits ? true : nil }
            if metadata.labelFirstWords.contains(word) { return true }
            return metadata.vocabulary.contains(word) ? nil : false
        }
        for scalar in line.unicodeScalars {
            let traits = ScalarTraits.of(scalar.value)
            if traits.contains(.ignored) {
                if traits.isDisjoint(with: [.letter, .mark]) { return true }
                continue
            }
            if traits.contains(.casedBeyondASCII) { return true }
            if traits.contains(.word) {
                if traits.contains(.decimalDigit) { digit = true } else { letter = true }
                UTF8Bytes.append(Furniture.folding(scalar.value), to: &word)
            } else if !word.isEmpty, let verdict = verdict() {
                return verdict
            }
        }
        if !word.isEmpty, let verdict = verdict() { return verdict }
        return true
    }

    @Test("a line's words folded on the stack tell what they tell folded into arrays, long words too")
    func mayOpenGenerated() {
        var random = SeededRandom(seed: 60)
        let words = ["الوقت", "المصدر", "Write", "الجمعة", "2024", "15:48", "47Update", "وقال", "في", "م", "\u{200D}", "\u{064E}", ":",
                     "الأربعاء", "É", String(repeating: "ب", count: 31), String(repeating: "ت", count: 29) + "ً", String(repeating: "x", count: 61),
                     "مـــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــــصدر"]
        for _ in 0..<5000 {
            let line = (0...random.next(below: 5)).map { _ in words[random.next(below: words.count)] }
                .joined(separator: ["", " ", " ", ": "][random.next(below: 4)])
            #expect(metadata.mayOpenAsMetadata(line) == mayOpenWordByWord(line), "\(line)")
        }
    }

    @Test("a joiner next to a word tells nothing, as a label may stand beside it")
    func joiner() {
        #expect(metadata.mayOpenAsMetadata("وقال\u{200D}المصدر: رويترز"))
    }

    @Test("labels are looked for only where one can begin, and found as the whole line's search finds them", arguments: [
        "Write: 2024-04-23 15:48:47Update: 2024-04-23 16:00:59", "الوقت:2022-06-08 09:37:57المصدر: شينخوا",
        "آخر تحديث: 2020-01-01 | تاريخ النشر: 2019-12-31", "إعداد وتحرير: فلان", "قال المصدر، والمصدر: رويترز",
        "نشرت بتاريخ 2020", "\u{200D}المصدر: رويترز", "مصدرالمصدر: x", "المصدر: المصدر", "تحرير:المصدر:  x تحرير",
        "Write: Update: Write:", "",
    ])
    func labelCandidates(_ line: String) {
        func groups(_ matches: [NSTextCheckingResult]) -> [[NSRange]] {
            matches.map { match in (0..<match.numberOfRanges).map(match.range(at:)) }
        }
        #expect(groups(metadata.labelMatches(line)) == groups(metadata.labels.expression?.allMatches(in: line) ?? []))
    }

    @Test("a line with cased letters beyond ASCII is searched whole")
    func casedLabels() {
        #expect(metadata.labelCandidates("Poſted: 2024-01-01") == nil)
        #expect(metadata.labelCandidates("Posted: 2024-01-01")?.map(\.offset) == [0])
        #expect(metadata.labelCandidates("قال المصدر، والمصدر: رويترز")?.map(\.offset) == [4])
    }

    @Test("where a label may begin, only the labels that begin with the word there are tried")
    func labelsByFirstWord() throws {
        #expect(metadata.labelCandidates("نشر في: 2024")?.map(\.word) == ["نشر"])
        let expression = try #require(metadata.labelsByFirstWord["نشر"]?.expression)
        #expect(expression.firstMatch(in: "نشر في: 2024")?.range(at: 1) == NSRange(location: 0, length: 6))
        #expect(expression.firstMatch(in: "المصدر: رويترز") == nil)
    }

    @Test("labels tried by their first word are found as the whole line's search finds them, in many generated lines")
    func generatedLabelLines() {
        func groups(_ matches: [NSTextCheckingResult]) -> [[NSRange]] {
            matches.map { match in (0..<match.numberOfRanges).map(match.range(at:)) }
        }
        var random = SeededRandom(seed: 7_2024)
        let labels = ["تاريخ النشر", "نشر بتاريخ", "نشر في", "نشر", "بتاريخ", "التاريخ", "الوقت", "آخر تحديث", "تحديث", "تاريخ التحديث",
                      "المصدر", "مصدر الخبر", "تحرير", "إعداد وتحرير", "Write", "Written", "Published on", "Posted", "UPDATE",
                      "Last updated", "Source", "Editor", "Edited by"]
        let others = ["2024-04-23", "15:48:47", "شينخوا", "رويترز", "قال", "و", "ال", "في", ":", "：", "|", "-", "،", "on", "by", "x"]
        var found = 0
        for _ in 0..<2000 {
            var line = ""
            for _ in 0...random.next(below: 6) {
                let piece = random.next(below: 2) == 0
                    ? TestRules.respelled(labels[random.next(below: labels.count)], &random)
                    : others[random.next(below: others.count)]
                line += piece + ["", " ", " ", "  ", ": "][random.next(below: 5)]
            }
            let whole = groups(metadata.labels.expression?.allMatches(in: line) ?? [])
            #expect(groups(metadata.labelMatches(line)) == whole, "\(line)")
            #expect(groups(metadata.labelMatches(line, narrowed: false)) == whole, "\(line)")
            found += whole.count
        }
        #expect(found >= 1000, "the lines hold labels often enough to tell: \(found)")
    }

    @Test("dates need four digits in a row, and the numeric layouts a separator beside them")
    func digitShape() {
        #expect(!DigitShape("في 7 يونيو 202").hasFourDigits)
        #expect(DigitShape("٢٠٢٤").hasFourDigits)
        let ymd = DigitShape("2024-04-23 15:48")
        #expect(ymd.yearThenSeparator && !ymd.separatorThenYear && ymd.hasColon)
        let dmy = DigitShape("23/04/2024")
        #expect(dmy.separatorThenYear && !dmy.yearThenSeparator && !dmy.hasColon)
    }
}

@Suite("Dates with a time zone")
struct DateZoneTests {
    @Test("reads past a zone written after the time, keeping the local time the page shows")
    func zones() {
        #expect(TestRules.dates("2017-01-21T16:19:00+01:00") == ["2017-01-21T16:19:00"])
        #expect(TestRules.builtIn.metadata.read("نشر في: 2017-01-21 16:19 GMT+3")?.published?.iso8601 == "2017-01-21T16:19:00")
    }
}

@Suite("Month expressions narrowed to the names a text may hold")
struct NarrowedMonthExpressionsTests {
    let dates = TestRules.builtIn.metadata.dates

    @Test("find what the expressions with every name find, in many generated texts")
    func sameAsWhole() {
        var random = SeededRandom(seed: 20_240_423)
        let months = dates.narrowed.gregorian.map(\.name), hijri = dates.narrowed.hijri.map(\.name)
        func pick(_ list: [String]) -> String { list[random.next(below: list.count)] }
        func maybe(_ text: @autoclosure () -> String, _ oneIn: Int = 2) -> String { random.next(below: oneIn) == 0 ? text() : "" }
        let words = ["قال", "الوزير", "الجمعة", "هـ", "م", "Ελλάδα", "É", "\u{200D}", "T", "at", "GMT", "10:30", "٩:٠٥ مساء", "2024-01-02"]
        let days = ["7", "21", "٢١", "3", "31", "123", "0"], years = ["2022", "٢٠٢٢", "1999", "1445", "20221"]
        var withDates = 0
        for _ in 0..<3000 {
            // A date's parts in one of its layouts, each part at times left out, respelled or unspaced.
            var parts = [maybe(pick(words), 3)]
            let month = TestRules.respelled(pick(months), &random)
            switch random.next(below: 4) {
            case 0, 1:
                parts += [pick(days) + maybe(pick(["st", "th", ","]), 4), maybe(pick(["من", "في"]), 4), maybe("شهر", 4), month,
                          maybe(pick(["/", "(", "-"]) + TestRules.respelled(pick(months), &random) + maybe(")"), 4),
                          maybe(pick(["عام", "سنة", ","]), 4), pick(years)]
            case 2:
                parts += [month + maybe("."), pick(days) + maybe(pick(["st", "th", ","]), 4), pick(years)]
            default:
                parts += [pick(days), TestRules.respelled(pick(hijri), &random), pick(years)]
            }
            parts += [maybe(pick(words), 3), maybe(pick(words), 3)]
            let text = parts.filter { !$0.isEmpty && random.next(below: 20) != 0 }
                .map { $0 + pick([" ", " ", " ", "", "  "]) }.joined()
            let whole = dates.dates(in: text, useNarrowed: false)
            #expect(dates.dates(in: text) == whole, "\(text)")
            if !whole.isEmpty { withDates += 1 }
        }
        #expect(withDates >= 400, "the texts hold dates often enough to tell: \(withDates)")
    }

    @Test("keep only the names whose first word the text holds, each set of words made once")
    func narrowing() throws {
        let folded = try #require(Furniture.foldedBytes("7 حزيران/يونيو 2022"))
        let found = dates.monthFinder.found(in: folded)
        let first = dates.narrowed.expressions(for: found)
        let pattern = try #require(first.dayMonthYear?.pattern)
        #expect(first.dayMonthYear === dates.narrowed.expressions(for: found).dayMonthYear)
        #expect(!pattern.contains("November") && !pattern.contains("Jun"), "only the names of June the text holds")
        #expect(first.hijri == nil, "no Hijri month's word is in the text")
    }
}
