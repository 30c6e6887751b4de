import Testing
@testable import ArabicText

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    @Test("ends sentences at full stops, exclamation and question marks, semicolons and line ends")
    func terminators() {
        let text = "وصل الوفد إلى أستانا. هل يوقع الاتفاق؟ نعم وقعه! ثم عاد الوفد؛ وانتهت الزيارة\nبدأت جولة جديدة"
        #expect(SentenceSplitter.sentences(text) == [
            "وصل الوفد إلى أستانا.", "هل يوقع الاتفاق؟", "نعم وقعه!", "ثم عاد الوفد؛", "وانتهت الزيارة", "بدأت جولة جديدة",
        ])
    }

    @Test("does not split inside numbers", arguments: [
        "ارتفع النمو إلى 1.5 في المئة هذا العام.",
        "استؤنفت محادثات 5+1 في فيينا أمس.",
        "بلغ السعر 3.25 دولار عند الساعة 12.30 ظهرا.",
    ])
    func numbers(sentence: String) {
        #expect(SentenceSplitter.sentences(sentence) == [sentence])
    }

    @Test("does not split after initials and one-letter abbreviations")
    func initials() {
        let text = "التقى أ. د. محمد علي بالرئيس جورج و. بوش في عام 300 ق.م تقريبا. ثم غادر."
        #expect(SentenceSplitter.sentences(text) == [
            "التقى أ. د. محمد علي بالرئيس جورج و. بوش في عام 300 ق.م تقريبا.", "ثم غادر.",
        ])
    }

    @Test("ends a sentence after the era letter that follows a year")
    func eraAfterYear() {
        #expect(SentenceSplitter.sentences("ولد في بون عام 1770 م. وتوفي في فيينا.") == [
            "ولد في بون عام 1770 م.", "وتوفي في فيينا.",
        ])
    }

    @Test("keeps a quotation whole, with its closing mark, in every quoting style", arguments: [
        ("«", "»"), ("“", "”"), ("”", "“"), ("\"", "\""),
    ])
    func quotations(open: String, close: String) {
        let text = "وقال الرئيس: \(open)اتفقنا على كل شيء. سنعمل معا!\(close) ثم غادر القاعة. وانتهى اللقاء."
        #expect(SentenceSplitter.sentences(text) == [
            "وقال الرئيس: \(open)اتفقنا على كل شيء. سنعمل معا!\(close) ثم غادر القاعة.", "وانتهى اللقاء.",
        ])
    }

    @Test("keeps a closing quotation mark with the sentence it ends")
    func closingMarkAfterStop() {
        #expect(SentenceSplitter.sentences("قال: «سنعود.» وعاد بعد عام.") == ["قال: «سنعود.» وعاد بعد عام."])
        #expect(SentenceSplitter.sentences("وقال «لن نتراجع». ثم صمت.") == ["وقال «لن نتراجع».", "ثم صمت."])
    }

    @Test("a quotation mark that never closes does not swallow the rest of the paragraph")
    func strayQuote() {
        #expect(SentenceSplitter.sentences("قال «سنعود. ثم غادر. وانتهى اللقاء.") == ["قال «سنعود.", "ثم غادر.", "وانتهى اللقاء."])
    }

    @Test("splits a paragraph written as one long line")
    func longLine() {
        let sentence = "وتمتلك كازاخستان احتياطيا كبيرا من اليورانيوم والكروم والتيتانيوم والمعادن الأرضية النادرة."
        let paragraph = Array(repeating: sentence, count: 40).joined(separator: " ")
        let sentences = SentenceSplitter.sentences(paragraph)
        #expect(sentences.count == 40)
        #expect(sentences.allSatisfy { $0 == sentence })
    }

    @Test("splits where scraped text dropped the space after a full stop, but not inside addresses")
    func gluedStop() {
        #expect(SentenceSplitter.sentences("وصل الوفد إلى أستانا.وقال الوزير إن الزيارة ناجحة.") == [
            "وصل الوفد إلى أستانا.", "وقال الوزير إن الزيارة ناجحة.",
        ])
        #expect(SentenceSplitter.sentences("نشر الخبر على موقع aljazeera.net أمس.").count == 1)
    }

    @Test("an ellipsis inside a line is a pause, not an end")
    func ellipsis() {
        #expect(SentenceSplitter.sentences("انتظرنا... ثم وصل القطار.") == ["انتظرنا... ثم وصل القطار."])
    }

    @Test("drops pieces without words and surrounding spaces")
    func noWords() {
        #expect(SentenceSplitter.sentences("  ***  \n\n .  \nجملة قصيرة.  ") == ["جملة قصيرة."])
    }

    @Test("loses no letter and invents none: sentences are the text's own pieces, in order, in every mix a seeded generator gives")
    func piecesOfTheText() {
        let alphabet = Array("بج د5٣a .!؟؛…«»“”\"()\n\r\u{2028}مُ😀".unicodeScalars)
        var random = SeededRandom(seed: 5)
        for _ in 0..<20_000 {
            let text = random.text(random.next(below: 16) + 1, from: alphabet)
            let sentences = SentenceSplitter.sentences(text)
            var rest = Substring(text)
            for sentence in sentences {
                #expect(sentence.unicodeScalars.contains { $0.isLetter || $0.isNumber })
                #expect(sentence.unicodeScalars.first.map { !$0.isWhitespace } == true && sentence.unicodeScalars.last.map { !$0.isWhitespace } == true)
                guard let found = rest.range(of: sentence) else { Issue.record("\(sentence) not in \(text)"); break }
                rest = rest[found.upperBound...]
            }
            let letters = { (s: String) in s.unicodeScalars.filter { $0.isLetter || $0.isNumber }.count }
            #expect(sentences.map(letters).reduce(0, +) == letters(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}

extension SentenceSplitterTests {
    @Test("splits every text a seeded generator makes of marks, letters, digits, spaces, quotes and line breaks exactly as the scalar splitter did")
    func sameAsTheScalarSplitter() {
        let alphabet = Array("بجد مأوق abcJ 15٣٤ ..!?؟؛;…«»“”„\"()]﴾ \u{A0}\n\r\u{2028}\u{2029}مُ😀".unicodeScalars)
        var random = SeededRandom(seed: 11)
        for round in 0..<30_000 {
            let length = round % 10 == 0 ? random.next(below: 200) : random.next(below: 24)
            let text = random.text(length + 1, from: alphabet)
            #expect(SentenceSplitter.sentences(text) == ReferenceSentenceSplitter.sentences(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("splits real sentences of every rule exactly as the scalar splitter did")
    func sameAsTheScalarSplitterOnProse() {
        let texts = [
            "التقى أ. د. محمد علي بالرئيس جورج و. بوش في عام 300 ق.م تقريبا. ثم غادر.",
            "ولد في بون عام 1770 م. وتوفي في فيينا.\r\nبلغ السعر 3.25 دولار.\u{2028}قال: «سنعود.» وعاد بعد عام.",
            "وقال «لن نتراجع». ثم صمت… انتظرنا... ثم وصل القطار.\u{2029}وصل الوفد إلى أستانا.وقال الوزير (في بيان.) إنه عاد؟!",
            "نشر الخبر على موقع aljazeera.net أمس. J. Smith said \"yes. no\" then left; ok",
        ]
        for text in texts {
            #expect(SentenceSplitter.sentences(text) == ReferenceSentenceSplitter.sentences(text))
        }
    }
}
