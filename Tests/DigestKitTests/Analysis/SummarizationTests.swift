import Foundation
import Testing
@testable import DigestKit

@Suite("Summarization")
struct SummarizationTests {
    @Test("prints one JSON object a file with its path and sentences, the whole text as the body")
    func jsonLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "وقع الرئيسان اليوم اتفاقية شراكة في سلسلة توريد المعادن المهمة.\nوتمتلك كازاخستان احتياطيا كبيرا من اليورانيوم والمعادن النادرة.\n")
        try folder.write("b.txt", "وصل الوفد الكوري إلى العاصمة أستانا صباح اليوم في زيارة رسمية.")
        let paths = ["a.txt", "b.txt"].map { folder.url.appendingPathComponent($0).path }
        let report = Summarization.summarize(paths: paths, with: Summarizer(budget: .ratio(0.5)))
        #expect(report.diagnostics.isEmpty)
        #expect(report.lines.count == 2)
        for (line, path) in zip(report.lines, paths) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["path"] as? String == path)
            let sentences = try #require(object["sentences"] as? [String])
            #expect(sentences.count == 1)
        }
        #expect(!report.lines.contains { $0.contains("\n") })
    }

    @Test("names a file it cannot read and goes on with the others")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "وصل الوفد الكوري إلى العاصمة أستانا صباح اليوم في زيارة رسمية.")
        let missing = folder.url.appendingPathComponent("missing.txt").path
        let report = Summarization.summarize(paths: [missing, folder.url.appendingPathComponent("a.txt").path],
                                             with: Summarizer(budget: .ratio(0.3)))
        #expect(report.lines.count == 1)
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.file == missing)
    }
}
