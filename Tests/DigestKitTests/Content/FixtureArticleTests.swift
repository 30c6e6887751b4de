import Foundation
import Testing
@testable import DigestKit

@Suite("A real article in a legacy encoding")
struct FixtureArticleTests {
    @Test("reads a Windows-1256 file with CRLF line ends end to end")
    func windows1256Article() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/Content/ant-localNews-1341-cp1256", withExtension: "txt"))
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture is not UTF-8")
        let content = ContentParser(rules: TestRules.builtIn).parse([ContentFile(path: "ant.txt", bytes: bytes)])
        let a = try #require(content.articles.first)
        #expect(a.title == "ايقاف شخص قام بتعنيف ناظر بمستشفى فرحات حشاد")
        #expect(a.published?.iso8601 == "2017-02-15T23:17:00")
        #expect(a.paragraphs.count == 2)
        #expect(a.paragraphs.first?.hasPrefix("تعرض فجر اليوم") == true)
        #expect(!a.paragraphs.contains { $0.contains("خبر آخر") || $0.contains("\r") })
    }
}
