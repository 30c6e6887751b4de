import Foundation
import Testing
@testable import DigestKit

@Suite("digest check and commentary")
struct SiteCheckCommentaryTests {
    @Test("reports commentary on a missing country and a broken article link once each, named from the working directory")
    func commentaryProblems() throws {
        let folder = try TemporaryFolder()
        try folder.write("seeds/001_x.txt", "كوريا الجنوبية وكازاخستان توقعان اتفاقا\n\nوقعت كوريا الجنوبية وكازاخستان اتفاقا للتعاون في مجال الطاقة.")
        try folder.write("seeds/commentary/countries/xx.md", "تعليق على بلد لا وجود له.")
        try folder.write("seeds/commentary/index.md", "نص.\n\n[خبر](404_none.txt)\n")
        let report = SiteCheck.run(BuildOptions(siteFolder: folder.url))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.filter { $0.file?.hasSuffix("seeds/commentary/countries/xx.md") == true }.count == 1)
        #expect(errors.filter { $0.message.contains("404_none.txt") }.map(\.line) == [3])
        #expect(errors.allSatisfy { $0.file?.contains("seeds/") == true })
        #expect(folder.read("site/index.html") == nil, "check writes nothing")
    }
}
