import Testing
@testable import DigestKit

@Suite("Country tagger")
struct CountryTaggerTests {
    func tags(_ title: String, _ paragraphs: [String], quotes: [String] = [], dateline: String? = nil) throws -> CountryTags {
        try AnalysisFixtures.tagger().tag(AnalysisFixtures.article(title: title, paragraphs, quotes: quotes, dateline: dateline))
    }

    @Test("reads names through the clitics و ف ب ل ك ال and their combinations",
          arguments: [("وكازاخستان", "KZ"), ("لكوريا الجنوبية", "KR"), ("بالصين", "CN"), ("والكوري الجنوبي", "KR"),
                      ("للصين", "CN"), ("فبكين", "CN"), ("وبالروسية", "RU"), ("كاليابان", "JP"), ("وللمغرب", "MA"),
                      ("للبنان", "LB")])
    func clitics(_ text: String, _ code: String) throws {
        let found = try tags("", ["قال المتحدث إن العلاقات مع \(text) تتطور."])
        #expect(found.mentioned == [code])
    }

    @Test("reads spelling variants, official forms, nisba forms, capitals and seats of power",
          arguments: [("قازاقستان", "KZ"), ("كازخستان", "KZ"), ("جمهورية كوريا الديمقراطية الشعبية", "KP"),
                      ("الكوريين الجنوبيين", "KR"), ("الكورية الجنوبية", "KR"), ("القازاقي", "KZ"),
                      ("اليابانية", "JP"), ("بيونغ يانغ", "KP"), ("الكرملين", "RU"), ("البيت الأبيض", "US"),
                      ("نور سلطان", "KZ"), ("سيئول", "KR"), ("الإيرانيين", "IR"), ("الجنوب أفريقي", "ZA")])
    func forms(_ text: String, _ code: String) throws {
        let found = try tags("", ["وصل الوفد إلى \(text) أمس."])
        #expect(found.mentioned == [code])
    }

    @Test("takes the longest name: جنوب السودان is not السودان, غينيا بيساو is not غينيا")
    func longestName() throws {
        #expect(try tags("", ["زار الرئيس جنوب السودان."]).mentioned == ["SS"])
        #expect(try tags("", ["زار الرئيس غينيا بيساو."]).mentioned == ["GW"])
    }

    @Test("does not take a region for a country: أمريكا اللاتينية, المغرب العربي")
    func regions() throws {
        #expect(try tags("", ["تتوسع التجارة مع أمريكا اللاتينية ودول المغرب العربي."]).mentioned.isEmpty)
    }

    @Test("resolves كوريا alone to South Korea when the article names South Korea")
    func koreaSouth() throws {
        let found = try tags("", ["وقعت كوريا الجنوبية اتفاقا.", "وقالت كوريا إن الاتفاق مهم."])
        #expect(found.mentioned == ["KR"])
        #expect(found.evidence["KR"]?.words.contains("كوريا") == true)
    }

    @Test("resolves كوريا and الكوري alone to North Korea when the article names North Korea")
    func koreaNorth() throws {
        let found = try tags("", ["أطلقت كوريا الشمالية صاروخا.", "وقال الجيش الكوري إن كوريا لن تتراجع."])
        #expect(found.mentioned == ["KP"])
    }

    @Test("resolves عمان to Jordan beside Jordan's names and to Oman otherwise")
    func amman() throws {
        #expect(try tags("", ["وصل الملك الأردني إلى عمان."]).mentioned == ["JO"])
        #expect(try tags("", ["وصل الوفد إلى عمان."]).mentioned == ["OM"])
    }

    @Test("never counts a weak form alone: سول, مالي (financial), تركي (a name)")
    func weakForms() throws {
        #expect(try tags("", ["قال سول إن الدعم المالي وصل وإن الأمير تركي حضر."]).mentioned.isEmpty)
        #expect(try tags("", ["وصل رئيس كوريا الجنوبية إلى سول."]).evidence["KR"]?.words.contains("سول") == true)
    }

    @Test("does not read a surname with ال as a capital without it (اللومي is not لومي)")
    func articleIsNotStripped() throws {
        #expect(try tags("", ["قال فوزي اللومي إن الحزب موحد."]).mentioned.isEmpty)
    }

    @Test("counts Latin names in quoted foreign passages as mentions, never as primary")
    func latinQuotes() throws {
        let found = try tags("روسيا توسع تعاونها", ["قال وزير روسي إن التعاون يتوسع."],
                             quotes: ["The minister met officials from North Korea and China in Moscow."])
        #expect(Set(found.mentioned) == ["RU", "KP", "CN"])
        #expect(found.primary == ["RU"])
    }

    @Test("does not make the dateline's country primary")
    func dateline() throws {
        let found = try tags("وزيرا خارجية مصر والأردن يبحثان التعاون",
                             ["موسكو 7 يونيو (وكالة) التقى وزير الخارجية المصري نظيره الأردني.",
                              "وبحث الوزيران العلاقات بين مصر والأردن."],
                             dateline: "موسكو")
        #expect(Set(found.primary) == ["EG", "JO"])
        #expect(found.mentioned.contains("RU"))
        #expect(found.evidence["RU"]?.score == 0)
    }

    @Test("does not make a news outlet's country primary (وكالة الأنباء الروسية)")
    func mediaHome() throws {
        let found = try tags("الهند تطلق قمرا صناعيا",
                             ["أطلقت الهند قمرا صناعيا جديدا، بحسب وكالة الأنباء الروسية.", "وقالت الهند إن الإطلاق نجح."])
        #expect(found.primary == ["IN"])
        #expect(found.mentioned == ["IN", "RU"])
    }

    @Test("makes the countries of the title and the lead primary, and one named in passing only mentioned")
    func primaryAndMentioned() throws {
        let found = try tags("اليابان وكازاخستان توقعان اتفاقا",
                             ["وقعت اليابان وكازاخستان اتفاقا للطاقة في طوكيو.",
                              "وتعد اليابان من أكبر المستثمرين في كازاخستان.",
                              "وكانت الصين قد وقعت اتفاقا مماثلا."])
        #expect(Set(found.primary) == ["JP", "KZ"])
        #expect(found.mentioned == ["CN", "JP", "KZ"])
        #expect(found.relations == ["jp-kz"])
    }

    @Test("shows its evidence: the words as written, where they stand, and the score")
    func evidence() throws {
        let found = try tags("الرئيس الكازاخستاني يزور سيئول", ["وصل الرئيس الكازاخستاني إلى كوريا الجنوبية."])
        let kz = try #require(found.evidence["KZ"])
        #expect(kz.words == ["الكازاخستاني", "الكازاخستاني"])
        #expect(kz.places == ["title:actor", "lead:actor"])
        #expect(kz.score > 0)
        #expect(found.evidence["KR"]?.places == ["title", "lead"])
    }
}
