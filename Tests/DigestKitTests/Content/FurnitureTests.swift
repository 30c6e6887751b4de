import Testing
@testable import DigestKit

@Suite("Page furniture")
struct FurnitureTests {
    let furniture = TestRules.builtIn.furniture

    @Test("drops navigation, labels, credits, consent, share prompts, ads, source links and tag clouds", arguments: [
        "الذهاب إلى القائمة الذهاب إلى النص", "Go Top", "Close", "Photo : YONHAP News", "الصورة: رويترز",
        "رابط المصدر", "إعلان", "كلمات دلالية: التغير المناخي محاكمة ترامب", "موضوعات بارزة",
        "يستخدم موقعنا الكوكيز وغيرها من التقنيات لتحسين الخدمة.", "تابعونا على فيسبوك", "شارك",
        "Facebook | Twitter | WhatsApp", "الرئيسية > أخبار > سياسة", "جميع الحقوق محفوظة © 2024",
    ])
    func dropsFurniture(_ line: String) {
        #expect(furniture.isFurniture(line))
    }

    @Test("keeps sentences of the story", arguments: [
        "شارك في الاجتماع وزراء خارجية عشر دول.",
        "وقال الوزير إن الإعلان عن الاتفاق سيتم غدا.",
        "أكثر من مجرد عمل",
        "المصدر: شينخوا",
        "صور : مطار الشعيرات السوري بعد الضربة الأمريكية",
    ])
    func keepsStory(_ line: String) {
        #expect(!furniture.isFurniture(line))
    }

    @Test("ends the article at a related-articles marker, with or without hamza and punctuation", arguments: [
        "إقرأ أيضاً:", "اقرأ أيضا", "اقرأ ايضاً :", "إقرأ أيضا: وزير خارجية الصين من موسكو", "اقرأ المزيد",
        "مواضيع ذات صلة", "- مواضيع ذات صلة -", "أخبار ذات صلة", "إقرأ ايضا…",
    ])
    func endMarkers(_ line: String) {
        #expect(furniture.isEndMarker(line))
    }

    @Test("does not end the article at a sentence that only mentions reading")
    func notAnEndMarker() {
        #expect(!furniture.isEndMarker("اقرأ أيضا في الصحف الصادرة اليوم كيف تغيرت الأسعار"))
        #expect(!furniture.isEndMarker("وقال إن المواضيع ذات الصلة نوقشت"))
    }

    @Test("matches Arabic patterns whatever the hamza, diacritics or tatweel")
    func tolerantArabic() throws {
        let f = try Furniture(lines: ["اقرأ"], endMarkers: [], file: "test")
        for spelling in ["اقرأ", "إقرأ", "اقرا", "إقْرَأْ", "اقـرأ"] {
            #expect(f.isFurniture(spelling), "\(spelling)")
        }
        #expect(!f.isFurniture("اقرب"))
    }

    @Test("reports a pattern that is not a regular expression, naming the file")
    func badPattern() {
        #expect(throws: Diagnostic.self) { try Furniture(lines: ["(unclosed"], endMarkers: [], file: "digest.yml") }
        #expect(throws: Diagnostic.self) { try Furniture(lines: ["a)(b"], endMarkers: [], file: "digest.yml") }
        #expect(throws: Diagnostic.self) { try Furniture(lines: [], endMarkers: ["x)|(y"], file: "digest.yml") }
        #expect(throws: Diagnostic.self) { try Furniture(lines: ["[(]", "a{2,1}"], endMarkers: [], file: "digest.yml") }
        do {
            _ = try Furniture(lines: ["(unclosed"], endMarkers: [], file: "digest.yml")
        } catch {
            #expect(error.file == "digest.yml")
            #expect(error.message.contains("(unclosed"))
        }
    }

    @Test("lets digest.yml add furniture lines and end markers")
    func configExtends() throws {
        let yaml = """
        furniture:
          lines: ["حمّل تطبيقنا.*"]
          end_markers: ["شاهد الفيديو"]
        """
        let (config, _) = try SiteConfig.parse(yaml, file: "digest.yml")
        let rules = try BuiltInResources.contentRules(config: config)
        #expect(rules.furniture.isFurniture("حمل تطبيقنا الآن"))
        #expect(rules.furniture.isEndMarker("شاهد الفيديو:"))
        #expect(rules.furniture.isFurniture("Go Top"), "built-in patterns stay")
    }

    @Test("folds a line's bytes as it folds the line, and gives up on cased letters beyond ASCII", arguments: [
        "إقْرَأْ أيضاً: Read MORE", "مؤتمر هيئة ٢٠٢٤ ۱۲ ٱلكتاب ی ک", "\u{200F}سطر\u{FEFF}", "— “قال” …", "",
    ])
    func foldsBytes(_ line: String) {
        #expect(Furniture.foldedBytes(line) == Array(Furniture.fold(line).utf8))
    }

    @Test("does not fold a line with cased letters beyond ASCII")
    func casedLine() {
        #expect(Furniture.foldedBytes("Ελλάδα اليوم") == nil)
    }

    @Test("drops short furniture lines and keeps longer ones that begin alike")
    func lengthBound() {
        #expect(furniture.isFurniture("حجم الخط"))
        #expect(furniture.isFurniture("أ+"))
        #expect(!furniture.isFurniture("أ+ في امتحان الرياضيات"))
        #expect(!furniture.isFurniture("حجم الخطاب السياسي كبير"))
    }

    @Test("a marker after opening punctuation, or one whose words are written with diacritics, still ends the story", arguments: [
        "«اقرأ أيضا»", "*** إِقْرَأْ أَيْضاً ***", "— Read also: the war", "RELATED",
    ])
    func markerAfterPunctuation(_ line: String) {
        #expect(furniture.isEndMarker(line))
    }

    @Test("a marker that begins with punctuation is looked for as written")
    func markerBeginningWithPunctuation() throws {
        let f = try Furniture(lines: [], endMarkers: ["-- المزيد"], file: "test")
        #expect(f.isEndMarker("-- المزيد"))
        #expect(f.isEndMarker("* -- المزيد:"))
        #expect(!f.isEndMarker("المزيد"))
    }
}
