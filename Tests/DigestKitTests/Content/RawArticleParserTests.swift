import Foundation
import Testing
@testable import DigestKit

@Suite("Reading a scraped article")
struct RawArticleParserTests {
    let lead = "قال وزير الخارجية إن البلدين سيواصلان تعزيز التعاون في مختلف المجالات خلال السنوات المقبلة."
    let second = "وأضاف أن العلاقات بين البلدين وصلت إلى مستوى غير مسبوق من الثقة المتبادلة والصداقة."

    @Test("takes the headline line as the title and drops its repeats")
    func headline() {
        let a = TestRules.parse("اتفاق جديد بين البلدين\n\nاتفاق جديد بين البلدين\n\(lead)\n\(second)")
        #expect(a.title == "اتفاق جديد بين البلدين")
        #expect(!a.titleIsDerived)
        #expect(a.paragraphs == [lead, second])
    }

    @Test("drops a section label above the headline")
    func sectionLabel() {
        let a = TestRules.parse("سياسة\nاتفاق جديد بين البلدين لتعزيز التعاون\n\(lead)\n\(second)")
        #expect(a.title == "اتفاق جديد بين البلدين لتعزيز التعاون")
        #expect(!a.paragraphs.contains("سياسة"))
    }

    @Test("keeps a headline that ends with a question or exclamation mark")
    func punctuatedHeadline() {
        let a = TestRules.parse("من سيواجه الفريق في النهائي؟\n21/01/2017\n\(lead)")
        #expect(a.title == "من سيواجه الفريق في النهائي؟")
        #expect(a.published?.iso8601 == "2017-01-21")
    }

    @Test("derives a title from the lead when the text starts with it, and flags it")
    func derivedTitle() {
        let a = TestRules.parse("\(lead)\n\(second)")
        #expect(a.titleIsDerived)
        #expect(a.title == "قال وزير الخارجية إن البلدين سيواصلان تعزيز التعاون في مختلف المجالات خلال السنوات المقبلة")
    }

    @Test("cuts a derived title at a clause boundary, leaving out a time phrase")
    func derivedTitleClauses() {
        let rules = TestRules.builtIn.titles
        let title = rules.derivedTitle(from: "وقع الرئيسان، اليوم الثلاثاء، اتفاقية شراكة في مجال الطاقة، بدءا من التنقيب والتطوير وحتى التسويق التجاري والتمويل في العاصمة.")
        #expect(title == "وقع الرئيسان اتفاقية شراكة في مجال الطاقة")
        let long = rules.derivedTitle(from: "أعلنت الحكومة عن خطة جديدة لدعم الشركات الصغيرة والمتوسطة في جميع المحافظات من خلال قروض ميسرة وإعفاءات ضريبية لمدة خمس سنوات.")
        #expect(long.hasSuffix("…"))
        #expect(long.split(separator: " ").count <= TitleFinder.cutDerivedWords)
    }

    @Test("ends the article at the related-articles marker")
    func endMarker() {
        let a = TestRules.parse("عنوان الخبر هنا\n\(lead)\nإقرأ أيضاً:\nخبر آخر عن موضوع مختلف تماما في بلد بعيد جدا عن هنا.")
        #expect(a.paragraphs == [lead])
    }

    @Test("never invents a date: an undated article gets a warning that says how to date it")
    func undated() throws {
        let a = TestRules.parse("عنوان الخبر هنا\n\(lead)", path: "005_x.txt")
        #expect(a.published == nil)
        let warning = try #require(a.warnings.first)
        #expect(warning.message.contains("published: YYYY-MM-DD"))
        #expect(warning.message.contains("005_x.md"))
        #expect(warning.file == "005_x.txt")
    }

    @Test("takes the dateline apart: place, date and agency out of the lead")
    func dateline() {
        let a = TestRules.parse("عنوان الخبر هنا\nالقاهرة 3 مارس 2021 (أ ف ب) - \(lead)")
        #expect(a.dateline == "القاهرة")
        #expect(a.source == "فرانس برس")
        #expect(a.published?.iso8601 == "2021-03-03")
        #expect(a.paragraphs.first == lead)
    }

    @Test("reads an agency dateline without a date")
    func datelineWithoutDate() {
        let a = TestRules.parse("عنوان الخبر هنا\nواشنطن (رويترز) - \(lead)")
        #expect(a.dateline == "واشنطن")
        #expect(a.source == "رويترز")
        #expect(a.published == nil)
    }

    @Test("leaves words in brackets after a lead's first words when they are not a dateline")
    func notADateline() {
        let text = "أعلنت الوزارة (الخارجية) أن الوفد سيصل غدا إلى العاصمة لإجراء محادثات."
        let a = TestRules.parse("عنوان الخبر هنا\n\(text)")
        #expect(a.dateline == nil)
        #expect(a.paragraphs.first == text)
    }

    @Test("takes an outlet's prefix off the lead as the source")
    func slashPrefix() {
        let a = TestRules.parse("عنوان الخبر هنا\nالأناضول/ \(lead)")
        #expect(a.source == "الأناضول")
        #expect(a.paragraphs.first == lead)
        let both = TestRules.parse("عنوان الخبر هنا\nأنقرة/ الأناضول/ \(lead)")
        #expect(both.dateline == "أنقرة")
        #expect(both.source == "الأناضول")
    }

    @Test("does not take a byline for a source")
    func byline() {
        let a = TestRules.parse("عنوان الخبر هنا\nكتب/ محمد علي \(lead)")
        #expect(a.source == nil)
    }

    @Test("a photo credit is not the source")
    func photoCredit() {
        let a = TestRules.parse("عنوان الخبر هنا\nPhoto : YONHAP News\nالصورة: رويترز\n\(lead)")
        #expect(a.source == nil)
        #expect(a.paragraphs == [lead])
    }

    @Test("reads the editor credit and removes it from the body")
    func editor() {
        let a = TestRules.parse("عنوان الخبر هنا\n\(lead)\nتحرير: تشن لو يي")
        #expect(a.editor == "تشن لو يي")
        #expect(a.paragraphs == [lead])
    }

    @Test("marks short lines without final punctuation between paragraphs as sub-headings")
    func subheadings() {
        let a = TestRules.parse("عنوان الخبر هنا\n\(lead)\nأكثر من مجرد عمل\n\(second)\nوقال الوزير:\n\(lead)")
        #expect(a.blocks == [.paragraph(lead), .heading("أكثر من مجرد عمل"), .paragraph(second),
                             .paragraph("وقال الوزير:"), .paragraph(lead)])
    }

    @Test("restores the spaces scrapers lose around Arabic punctuation")
    func spacing() {
        #expect(Spacing.tidy("“توكاييف”،اليوم الثلاثاء ، وقع") == "“توكاييف”، اليوم الثلاثاء، وقع")
        #expect(Spacing.tidy("الرئيس“يون”والرئيس") == "الرئيس “يون” والرئيس")
        #expect(Spacing.tidy("18 أكتوبر (تشرين الأول)الماضي") == "18 أكتوبر (تشرين الأول) الماضي")
    }
}

@Suite("Foreign passages")
struct ForeignPassageSplitterTests {
    let splitter = TestRules.builtIn.foreign

    @Test("a line holds Latin when one of its letters is Latin, read off its bytes", arguments: [
        ("قال بنك MUFG", true), ("مرحبا é", true), ("ªº", true), ("قال “نعم” — ٣٠٪", false), ("Ελλάδα ɐ", false), ("", false),
    ])
    func latin(_ line: String, _ has: Bool) {
        #expect(ForeignPassageSplitter.hasLatin(line) == has)
        #expect(has == line.unicodeScalars.contains { ForeignPassageSplitter.script($0) == .latin })
    }

    @Test("trims a run at the marks that close the sentence before it and open the one after")
    func trimMarks() {
        let closing = CharacterSet(charactersIn: " \t.,،؛;:!?؟)]»”’"), opening = CharacterSet(charactersIn: " \t([«“‘")
        for scalar in (UInt32(0)..<0x3000).compactMap(Unicode.Scalar.init) {
            #expect(ForeignPassageSplitter.isClosing(scalar) == closing.contains(scalar))
            #expect(ForeignPassageSplitter.isOpening(scalar) == opening.contains(scalar))
        }
    }

    @Test("numbers and punctuation between Arabic words stay in the paragraph, beside a passage or not")
    func neutralRuns() {
        let line = "قال الوزير، في 2024: إن 30% من الشركات (تقريبا) ستغلق."
        #expect(splitter.blocks(line) == [.paragraph(line)])
        #expect(splitter.blocks("قال الوزير، في تغريدة: We will keep working with all our partners")
            == [.paragraph("قال الوزير، في تغريدة:"), .quote("We will keep working with all our partners", language: "en")])
    }

    @Test("a few Latin words open a passage only on a line that goes on a quote")
    func fewWordsAfterQuote() {
        let line = "— Reuters (@Reuters) 2023 وقال الوزير إن المحادثات انتهت."
        #expect(splitter.blocks(line, afterQuote: true).first == .quote("— Reuters (@Reuters) 2023", language: "en"))
        #expect(splitter.blocks(line, afterQuote: false) == [.paragraph(line)])
    }

    @Test("splits an English post and its attribution from the Arabic they are glued to")
    func gluedPost() {
        let a = TestRules.parse("""
        عنوان الخبر هنا
        قال وزير الخارجية إن البلدين سيواصلان تعزيز التعاون في مختلف المجالات.
        US Defense Secretary Lloyd Austin said UN member states are concerned https://t.co/x
        — Reuters (@Reuters) November 14, 2023أثار التقارب السريع بين البلدين ذهول النخبة السياسية.
        """)
        #expect(a.blocks == [
            .paragraph("قال وزير الخارجية إن البلدين سيواصلان تعزيز التعاون في مختلف المجالات."),
            .quote("US Defense Secretary Lloyd Austin said UN member states are concerned https://t.co/x\n— Reuters (@Reuters) November 14, 2023", language: "en"),
            .paragraph("أثار التقارب السريع بين البلدين ذهول النخبة السياسية."),
        ])
        #expect(a.published == nil, "a date inside a quote does not date the article")
    }

    @Test("keeps short Latin names inside Arabic sentences")
    func names() {
        let line = "كما عقد الرئيس اجتماعات مع بنك MUFG ومع شركة Hitachi Energy في طوكيو."
        #expect(splitter.blocks(line) == [.paragraph(line)])
    }

    @Test("marks a passage with the language its words belong to")
    func language() {
        #expect(splitter.language(of: "Le ministre a annoncé que les discussions sont terminées") == "fr")
        #expect(splitter.language(of: "The minister said that the talks are over") == "en")
    }

    @Test("splits a passage that follows a full sentence on the same line")
    func afterSentence() {
        let blocks = splitter.blocks("وقال الوزير في تغريدة. We will keep working with our partners on this")
        #expect(blocks == [.paragraph("وقال الوزير في تغريدة."), .quote("We will keep working with our partners on this", language: "en")])
    }

    @Test("never uses a foreign passage as the title")
    func notTitle() {
        let a = TestRules.parse("Breaking news from the agency about the visit\nقال وزير الخارجية إن البلدين سيواصلان تعزيز التعاون في مختلف المجالات خلال السنوات المقبلة.")
        #expect(a.title.unicodeScalars.contains { ("\u{0621}"..."\u{064A}").contains($0) })
    }
}

@Suite("Lead prefixes and headline keys read off bytes")
struct LeadShapeTests {
    @Test("a dateline is looked for only where its bracket comes after a place and a short date", arguments: [
        ("واشنطن (رويترز) - قال", true),
        ("نور سلطان 7 يونيو 2022 (شينخوا) قال", true),
        ("بكين، 23/04/2024 (شينخوا) قال", true),
        ("قال الرئيس الأمريكي في كلمة ألقاها أمس (الثلاثاء) إن", false),
        ("القاهرة في 7 يونيو من عام 2022 وبعد اجتماع طويل دام ساعات عدة في العاصمة المصرية (أ ف ب)", false),
        ("الأمة/ وقع", false),
    ])
    func dateline(_ line: String, _ may: Bool) {
        #expect(LeadPrefixReader.Shape(line).mayOpenWithDateline == may)
    }

    @Test("an outlet's prefix is looked for only where its slash comes after a few words", arguments: [
        ("الأمة/ وقع", true), ("أنقرة/ الأناضول/ قال", true), ("قال إن 3/4 من", false),
        ("قال الرئيس في كلمته أمس/ اليوم", false), ("واشنطن (رويترز)/ قال", false),
    ])
    func slashes(_ line: String, _ may: Bool) {
        #expect(LeadPrefixReader.Shape(line).mayOpenWithSlashes == may)
    }

    @Test("a line has a headline's key when its words are the headline's, however spelled or spaced", arguments: [
        ("إقْرَأْ  أيضاً: الخبر", true), ("اقرأ ايضا الخبر", true), ("اقرأ أيضا", false), ("اقرأ أيضا الخبر الآخر", false),
        ("Ελλάδα اقرا", false), ("", false),
    ])
    func key(_ line: String, _ same: Bool) {
        let key = TitleFinder.key("اقرأ أيضا: الخبر")
        #expect(TitleFinder.hasKey(line, key) == same)
        #expect(TitleFinder.hasKey(line, key) == (TitleFinder.key(line) == key))
    }

    @Test("a key with letters that bytes cannot compare is compared in full")
    func canonicalKey() {
        #expect(TitleFinder.hasKey("Ελλάδα", TitleFinder.key("Ελλάδα")))
    }

    @Test("a line is trimmed of spaces as trimmingCharacters(in: .whitespaces) trims it", arguments: [
        "عنوان الخبر", " عنوان", "عنوان\t", "\u{00A0}عنوان\u{2009}", "   ", "", "عنوان.\u{3000}", "\nعنوان\n",
    ])
    func trimmedOfSpaces(_ line: String) {
        #expect(TitleFinder.trimmedOfSpaces(line) == line.trimmingCharacters(in: .whitespaces))
    }

    @Test("a line's words are counted only as far as a headline's longest")
    func headlineWords() {
        let titles = TestRules.builtIn.titles
        #expect(titles.words("عنوان الخبر هنا") == 3)
        #expect(titles.words(String(repeating: "كلمة ", count: 200)) == TitleFinder.maxHeadlineWords + 1)
    }
}

@Suite("Spacing")
struct SpacingTests {
    @Test("collapses runs of spaces, tabs and no-break spaces and trims the line")
    func collapse() {
        #expect(Spacing.collapse(" \tوقال\u{00A0}\u{00A0} الوزير  ") == "وقال الوزير")
        #expect(Spacing.collapse("   ") == "")
    }

    @Test("removes a space before punctuation only where a word ends and the mark ends a clause")
    func spaceBeforePunctuation() {
        #expect(Spacing.tidy("الثنائية ، لاستكشاف") == "الثنائية، لاستكشاف")
        #expect(Spacing.tidy("قال ( نعم ) .") == "قال ( نعم ).")
        #expect(Spacing.tidy("العدد 3 .5 مليون") == "العدد 3 .5 مليون")
        #expect(Spacing.tidy("نعم !") == "نعم!")
        #expect(Spacing.tidy("- ، كذلك") == "- ، كذلك")
    }

    @Test("a line is taken for well spaced only when no pass would change it")
    func wellSpacedLines() {
        #expect(!Spacing.needsPasses("قال الوزير، اليوم «نعم» (أيضا).") && Spacing.tidy("قال الوزير، اليوم") == "قال الوزير، اليوم")
        // Lines made of the scalars the passes look at, in every order a seeded generator gives.
        let alphabet = Array("ب 3،؛,.!?:“”«»()\"x".unicodeScalars)
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let line = random.text(random.next(below: 8) + 1, from: alphabet)
            #expect(Spacing.tidy(line) == Spacing.passes(line), "\(line)")
        }
    }

    @Test("collapses a line byte by byte as it would scalar by scalar", arguments: [
        " \tوقال\u{00A0}\u{2003} الوزير  ", "a  b", "   ", "", "“قال”  —  نعم\u{3000}", "x",
    ])
    func collapsedBytes(_ line: String) {
        #expect(Spacing.collapsed(line) == Spacing.trimmed(Spacing.spacesCollapsed(Array(line.unicodeScalars))))
        #expect(Spacing.isTidy(line) == (Spacing.isCollapsed(line) && !Spacing.needsPasses(line)))
    }

    @Test("a line read a scalar at a time and Arabic two bytes at a time is tidy exactly when it is collapsed and needs no pass")
    func tidyLines() {
        let alphabet = Array("بك ءًٰ 3،؛؟,.!:“”«»()\t\u{00A0}\u{2003}x٣\u{06F0}".unicodeScalars)
        var random = SeededRandom(seed: 0x0600)
        for _ in 0..<20_000 {
            let line = random.text(random.next(below: 8) + 1, from: alphabet)
            #expect(Spacing.isTidy(line) == (Spacing.isCollapsed(line) && !Spacing.needsPasses(line)), "\(line)")
            #expect(Spacing.collapsedAndTidy(line).collapsed == Spacing.isCollapsed(line), "\(line)")
        }
    }

    @Test("a line checked and folded in one pass is checked as collapsedAndTidy checks it, folded as foldedBytes folds it, and has Latin letters where hasLatin finds them")
    func checkedAndFoldedAtOnce() {
        // Spaces of every kind, marks that fold away, cased letters beyond ASCII, hamza forms
        // that fold, Latin letters in and beyond ASCII, and a letter just past Latin's (U+0250).
        let alphabet = Array("بكأؤ ءًٰ 3،؛؟,.!:“”«»()\t\u{00A0}\u{2003}xQ٣\u{06F0}ÉЖ\u{0301}\u{200D}\u{0250}ŧ".unicodeScalars)
        var random = SeededRandom(seed: 0x0606)
        for _ in 0..<20_000 {
            let line = random.text(random.next(below: 9) + 1, from: alphabet)
            let (collapsed, tidy, folded, mayHaveLatin) = Spacing.collapsedTidyAndFolded(line)
            let expected = Spacing.collapsedAndTidy(line)
            #expect(collapsed == expected.collapsed && tidy == expected.tidy, "\(line)")
            #expect(folded.map { $0 == Furniture.foldedBytes(line) } ?? !collapsed, "\(line)")
            #expect(mayHaveLatin == (!collapsed || ForeignPassageSplitter.hasLatin(line)), "\(line)")
        }
    }

    @Test("adds a space after an Arabic comma glued to a word and around glued quotes")
    func gluedMarks() {
        #expect(Spacing.tidy("أولا،ثانيا؛ثالثا") == "أولا، ثانيا؛ ثالثا")
        #expect(Spacing.tidy("قال«نعم»ثم") == "قال «نعم» ثم")
        #expect(Spacing.tidy("أولا،3") == "أولا،3")
    }
}
