import Testing
@testable import ArabicText

@Suite("LineUnwrapper")
struct LineUnwrapperTests {
    @Test("joins the lines of a hard-wrapped text into its paragraphs")
    func wrapped() {
        let text = """
        تبدأ الغرفة التجارية الصناعية في محافظة الأحساء تنفيذ برامجها التدريبية
        النسائية اعتباراً من يوم الأحد المقبل وذلك من خلال برنامجين نسائيين بعنوان
        جديد في مقر الغرفة.
        وأوضح مدير التدريب والتطوير بالغرفة بدر الحليبي أن المحاضرة ستتناول في
        البرنامج الأول دراسة لأفضل توافق زواجي.
        """
        let paragraphs = LineUnwrapper.paragraphs(text)
        #expect(paragraphs.count == 2)
        #expect(paragraphs.first?.hasPrefix("تبدأ الغرفة") == true)
        #expect(paragraphs.first?.contains("التدريبية النسائية") == true)
        #expect(paragraphs.last?.hasSuffix("توافق زواجي.") == true)
    }

    @Test("joins a wrapped line that stops short of the width without ending a sentence")
    func nearlyFullLine() {
        // The first line leaves room for the next line's first word, but runs most of
        // the width and stops mid-sentence.
        let text = """
        اعتقل إندونيسي من قبل الشرطة بعد أن أثار جدلا بقوله إنه يمكن تلاوة
        القرآن بغير اللغة العربية. فقد قرر محمد يوسمان روي المسؤول عن مدرسة قرآنية
        في مدينة مالانج أن يتلو القرآن بلغتين في الصلاة وهو ما أثار غضب علماء الدين
        في المدينة حتى اعتقلته الشرطة.
        """
        #expect(LineUnwrapper.paragraphs(text).count == 1)
    }

    @Test("keeps one paragraph a line when the lines are not wrapped")
    func unwrapped() {
        let lines = [
            "الأمة/ وقع الرئيسان اتفاقية شراكة في سلسلة توريد المعادن المهمة في العاصمة أستانا",
            "قصير",
            "وقال الرئيس في مؤتمر صحفي مشترك إن البلدين اتفقا على تعزيز التعاون في مجال المعادن والطاقة والتكنولوجيا المتقدمة.",
            "وتدعو مذكرات التفاهم الأخرى إلى التنقيب المشترك.",
        ]
        #expect(LineUnwrapper.paragraphs(lines.joined(separator: "\n")) == lines)
    }

    @Test("a blank line always ends a paragraph")
    func blankLine() {
        #expect(LineUnwrapper.paragraphs("أ ب ج\n\n  \nد ه و\r\n") == ["أ ب ج", "د ه و"])
    }
}
