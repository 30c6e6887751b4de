import Foundation
import Testing
@testable import DigestKit

/// digest.yml extends the gazetteer and the taxonomy without recompiling.
@Suite("Analysis settings in digest.yml")
struct AnalysisConfigTests {
    static let yaml = """
    countries:
      - code: KZ
        aliases: [بلاد السهوب]
        weak: [السهوب]
      - code: XS
        name: أرض الاختبار
        aliases: [الاختباري]
    topics:
      - slug: energy
        name: الطاقة والوقود
      - slug: space
        name: الفضاء
        keywords: [مركبة فضائية, رائد فضاء, مدار]
    """

    static let article = """
    بلاد السهوب تطلق مركبة فضائية إلى المدار
    2024-05-01

    أطلقت بلاد السهوب مركبة فضائية تحمل رائد فضاء من أرض الاختبار إلى المدار.

    وقال المسؤول الاختباري إن المركبة الفضائية بلغت مدارها.
    """

    @Test("reads countries and topics from digest.yml")
    func parses() throws {
        let (config, warnings) = try SiteConfig.parse(Self.yaml, file: "digest.yml")
        #expect(warnings.isEmpty)
        #expect(config.countries.map(\.code) == ["KZ", "XS"])
        #expect(config.topics.map(\.slug) == ["energy", "space"])
    }

    @Test("an added alias, an added country, a renamed topic and a new topic work end to end")
    func endToEnd() throws {
        let folder = try TemporaryFolder()
        try folder.write("digest.yml", Self.yaml)
        try folder.write("seeds/launch.txt", Self.article)
        _ = try Build.run(BuildOptions(siteFolder: folder.url))
        let page = try #require(folder.read("site/articles/launch.html"))
        #expect(page.contains("الفضاء"))
        #expect(folder.read("site/" + SitePaths.topic("space")) != nil)
        #expect(folder.read("site/" + SitePaths.country("KZ")) != nil)
        #expect(folder.read("site/" + SitePaths.country("XS")) != nil)
        let (config, _) = try SiteConfig.parse(Self.yaml, file: "digest.yml")
        #expect(try BuiltInResources.taxonomy(config: config).topic("energy")?.name == "الطاقة والوقود")
    }

    @Test("a weak alias from digest.yml counts only beside another name of the country")
    func weakAlias() throws {
        let (config, _) = try SiteConfig.parse(Self.yaml, file: "digest.yml")
        let tagger = try AnalysisFixtures.tagger(config: config)
        let alone = tagger.tag(AnalysisFixtures.article(title: "", ["رعى الراعي غنمه في السهوب."]))
        #expect(alone.mentioned.isEmpty)
        let beside = tagger.tag(AnalysisFixtures.article(title: "", ["زار الوفد كازاخستان ورأى السهوب."]))
        #expect(beside.evidence["KZ"]?.words == ["كازاخستان", "السهوب"])
    }

    @Test("digest inspect shows the evidence for the added alias and the new topic")
    func inspectShowsEvidence() throws {
        let folder = try TemporaryFolder()
        try folder.write("launch.txt", Self.article)
        let (config, _) = try SiteConfig.parse(Self.yaml, file: "digest.yml")
        let report = try Inspection.inspect(paths: [folder.url.appendingPathComponent("launch.txt").path], config: config)
        let line = try #require(report.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let evidence = try #require(object["evidence"] as? [String: [String: [String: Any]]])
        let kz = try #require(evidence["countries"]?["KZ"])
        #expect((kz["words"] as? [String])?.contains("بلاد السهوب") == true)
        #expect((kz["places"] as? [String])?.first == "title")
        #expect((kz["score"] as? Double ?? 0) > 0)
        #expect(evidence["topics"]?["space"] != nil)
        #expect((object["topics"] as? [String])?.contains("space") == true)
    }
}
