import Testing
@testable import DigestKit

@Suite("Topic tagger")
struct TopicTaggerTests {
    func topics(_ title: String, _ paragraphs: [String], config: SiteConfig = SiteConfig()) throws -> (topics: [String], evidence: [String: Evidence]) {
        try AnalysisFixtures.analyzer(config: config).topicTagger.tag(AnalysisFixtures.article(title: title, paragraphs))
    }

    @Test("matches inflected forms and attached clitics through light stems")
    func inflections() throws {
        let found = try topics("", ["وقع البلدان اتفاقات بالطاقة والنفطية وللكهرباء.", "وتتوسع الطاقات المتجددة."])
        #expect(found.topics.contains("energy"))
        #expect(found.evidence["energy"]?.words.contains("بالطاقة") == true)
    }

    @Test("gives several topics to an article about several things")
    func multiLabel() throws {
        let found = try topics("اتفاق للتعدين والطاقة",
                               ["وقع البلدان اتفاقية للتنقيب عن الليثيوم واليورانيوم ومحطات الطاقة الشمسية."])
        #expect(Set(found.topics).isSuperset(of: ["mining", "energy"]))
    }

    @Test("keeps no topic whose words only pass by once in the body")
    func threshold() throws {
        let found = try topics("الرئيس يستقبل الوفد",
                               ["استقبل الرئيس الوفد القادم من العاصمة في القصر الرئاسي صباح اليوم.",
                                "وتناول اللقاء شؤونا عدة منها النفط."])
        #expect(!found.topics.contains("energy"))
        #expect((found.evidence["energy"]?.score ?? 0) > 0)
    }

    @Test("reads the longest phrase: مجلس الأمن is diplomacy, not security")
    func longestPhrase() throws {
        let found = try topics("", ["اجتمع مجلس الأمن الدولي.", "وناقش مجلس الأمن القرار."])
        #expect(found.evidence["security-defense"] == nil)
        #expect(found.evidence["diplomacy"] != nil)
    }

    @Test("does not take a word that shares a stem with a keyword for it (عملية is not عملة)")
    func sharedStems() throws {
        let found = try topics("عملية أمنية", ["نفذت الشرطة عملية في العاصمة.", "وانتهت العملية مساء."])
        #expect(found.evidence["economy-trade"] == nil)
    }

    @Test("credits a word that is both a strong and a weak keyword of one topic as strong, whatever the set order")
    func strongBeforeWeak() {
        // Each word is a strong keyword as written (=) and a weak one by its stem: the two
        // phrases come from different keys of a set whose order changes from run to run.
        let words = ["الطاقة", "النفط", "الغاز", "الفحم", "المعادن", "الوقود"]
        let tagger = TopicTagger(taxonomy: Taxonomy(topics: [
            Topic(slug: "energy", name: "الطاقة", keywords: words.map { "=" + $0 },
                  weakKeywords: words.map { String($0.dropFirst(2)) }),
        ]))
        let found = tagger.tag(AnalysisFixtures.article(title: "", [words.joined(separator: " ") + "."]))
        // Six strong mentions in the lead, each worth the lead's weight.
        #expect(found.evidence["energy"]?.score == 6 * Taxonomy.Weights().lead)
    }

    @Test("counts different words only as far as it needs")
    func distinctWords() {
        #expect(TopicTagger.hasDistinct(["الطاقة", "الطاقة", "النفط"], 2))
        #expect(!TopicTagger.hasDistinct(["الطاقة", "الطاقة", "الطاقة"], 2))
        #expect(TopicTagger.hasDistinct([], 0) && !TopicTagger.hasDistinct([], 1))
    }
}
