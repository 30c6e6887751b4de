import Testing
@testable import DigestKit

@Suite("CommonMark")
struct CommonMarkTests {
    func html(_ markdown: String, unsafe: Bool = false) -> String {
        CommonMark.html(markdown, unsafe: unsafe)
    }

    @Test("renders Arabic headings, emphasis, lists, block quotes and links as CommonMark says")
    func rendersArabicBlocks() {
        let out = html("""
        ## الموقف الروسي

        نص **مهم** و*مائل* في فقرة.

        - البند الأول
        - البند الثاني

        1. أولاً
        2. ثانياً

        > قال الوزير: لا تعليق.

        اقرأ [المصدر](https://example.org/news) كاملاً.
        """)
        #expect(out.contains("<h2 id=\"الموقف-الروسي\">الموقف الروسي</h2>"))
        #expect(out.contains("<strong>مهم</strong>"))
        #expect(out.contains("<em>مائل</em>"))
        #expect(out.contains("<ul>\n<li>البند الأول</li>\n<li>البند الثاني</li>\n</ul>"))
        #expect(out.contains("<ol>\n<li>أولاً</li>\n<li>ثانياً</li>\n</ol>"))
        #expect(out.contains("<blockquote>\n<p>قال الوزير: لا تعليق.</p>\n</blockquote>"))
        #expect(out.contains("<a href=\"https://example.org/news\">المصدر</a>"))
    }

    @Test("turns straight quotes and dashes into typographic ones")
    func smartPunctuation() {
        #expect(html("قال \"نعم\" -- ثم مضى...") == "<p>قال “نعم” – ثم مضى…</p>\n")
    }

    @Test("gives each heading an id from its own text, never an empty one")
    func headingIDs() {
        let out = html("""
        # قمة G7 في هيروشيما

        ## الموقفُ الروسيّ

        ### موقف **روسيا** و`C++`

        ## …

        العنوان المسطّر
        ---------------
        """)
        #expect(out.contains("<h1 id=\"قمة-g7-في-هيروشيما\">"))
        #expect(out.contains("<h2 id=\"الموقف-الروسي\">"), "vowel marks do not change the id")
        #expect(out.contains("<h3 id=\"موقف-روسيا-وc\">موقف <strong>روسيا</strong> و<bdi dir=\"ltr\"><code>C++</code></bdi></h3>"))
        #expect(out.contains("<h2 id=\"section-4\">…</h2>"), "a heading with no letters gets its position")
        #expect(out.contains("<h2 id=\"العنوان-المسطر\">العنوان المسطّر</h2>"))
        #expect(!out.contains("id=\"\""))
        #expect(!out.contains("id=\"header-"))
    }

    @Test("moves headings down by the offset, never below h6")
    func headingOffset() throws {
        let out = try CommonMark.html("# أ\n\n## ب\n\n###### ج\n", options: CommonMark.Options(headingOffset: 1)) { _ throws(Diagnostic) in nil }
        #expect(out == "<h2 id=\"أ\">أ</h2>\n<h3 id=\"ب\">ب</h3>\n<h6 id=\"ج\">ج</h6>\n")
    }

    @Test("numbers repeated headings so every id is unique, the same way on every run")
    func repeatedHeadings() {
        let markdown = "## خبر\n\n## خبر\n\n## خبر-2\n\n## خبر\n"
        let out = html(markdown)
        let ids = out.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "id=\""), let end = line[start.upperBound...].firstIndex(of: "\"") else { return nil }
            return String(line[start.upperBound..<end])
        }
        #expect(ids == ["خبر", "خبر-2", "خبر-2-2", "خبر-3"])
        #expect(html(markdown) == out)
    }

    @Test("keeps left-to-right runs in their order inside Arabic sentences")
    func isolatesLatinRuns() {
        let out = html("تدرّس الجامعة لغة C++ واجتمعت مجموعة 5+1 قبل قمة G7 مع Alexander Kozlov.")
        #expect(out.contains("لغة <bdi dir=\"ltr\">C++</bdi> واجتمعت"))
        #expect(out.contains("مجموعة <bdi dir=\"ltr\">5+1</bdi> قبل"))
        #expect(out.contains("قمة <bdi dir=\"ltr\">G7</bdi> مع"))
        #expect(out.contains("<bdi dir=\"ltr\">Alexander Kozlov</bdi>."), "the sentence's full stop stays outside")
    }

    @Test("isolates left-to-right code spans and leaves code blocks as cmark writes them")
    func isolatesCode() {
        let out = html("استخدم `x++` ثم `مرحبا`.\n\n```\nlet x = 1\n```\n")
        #expect(out.contains("<bdi dir=\"ltr\"><code>x++</code></bdi>"))
        #expect(out.contains("ثم <code>مرحبا</code>"))
        #expect(out.contains("<pre><code>let x = 1\n</code></pre>"))
    }

    @Test("a script, an onerror attribute and a javascript: link never reach the page in safe mode")
    func safeModeDropsActiveContent() {
        let out = html("""
        <script>alert('digest-xss')</script>

        ## عنوان <img src=x onerror="alert('digest-xss')">

        فقرة <img src=x onerror="alert('digest-xss')"> و<span onclick="x()">نص</span>.

        [اضغط هنا](javascript:alert('digest-xss')) و[هنا](JavaScript:alert(1)) و[هناك](vbscript:msgbox)
        و[بيانات](data:text/html;base64,PHNjcmlwdD4=) و<javascript:alert(1)> و![صورة](javascript:alert(1))
        """)
        for forbidden in ["<script", "onerror=", "onclick=", "digest-xss", "href=\"javascript", "href=\"JavaScript",
                          "href=\"vbscript", "href=\"data:", "src=\"javascript"] {
            #expect(!out.contains(forbidden), "\(forbidden) reached the HTML")
        }
        #expect(out.contains("<a href=\"\">اضغط هنا</a>"), "the link text stays, without its destination")
    }

    @Test("lets trusted editors write raw HTML when markdown.unsafe is on")
    func unsafeModeKeepsRawHTML() {
        let out = html("<figure class=\"map\">خريطة</figure>\n\nنص <abbr title=\"Group of Seven\">G7</abbr>.", unsafe: true)
        #expect(out.contains("<figure class=\"map\">خريطة</figure>"))
        #expect(out.contains("<abbr title=\"Group of Seven\"><bdi dir=\"ltr\">G7</bdi></abbr>"))
    }

    @Test("survives empty input, NUL bytes and invalid nesting")
    func oddInput() {
        #expect(html("") == "")
        #expect(html("نص\u{0}آخر").contains("نص\u{FFFD}آخر"))
        #expect(html(String(repeating: "> ", count: 500) + "عميق").contains("عميق"))
        #expect(html(String(repeating: "[", count: 2000) + "x").contains("x"))
    }
}
