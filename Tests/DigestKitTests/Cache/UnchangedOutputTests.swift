import Foundation
import Testing
@testable import DigestKit

/// Output files whose bytes did not change are left as they were, so their modification
/// time tells a deploy what to send.
@Suite("Unchanged outputs across builds")
struct UnchangedOutputTests {
    static let longAgo = Date(timeIntervalSince1970: 1_000_000_000)

    static func modificationTimes(in folder: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                times[path] = attributes[.modificationDate] as? Date
            }
        }
        return times
    }

    /// Dates every file of the site long ago, so a rewrite shows whatever the clock's grain.
    static func backdate(_ folder: URL) throws {
        for path in try modificationTimes(in: folder).keys {
            try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
    }

    @Test("a rebuild with nothing changed leaves every output file's modification time")
    func nothingChangedNothingRewritten() throws {
        let (folder, _) = try IncrementalBuildTests.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        try Self.backdate(options.output)
        _ = try Build.run(options)
        let times = try Self.modificationTimes(in: options.output)
        #expect(times.count > 10)
        #expect(times["assets/style.css"] == Self.longAgo)
        for (path, time) in times where time != Self.longAgo {
            Issue.record("\(path) was rewritten though its bytes did not change")
        }
    }

    @Test("after an edit only the files whose bytes changed are rewritten")
    func onlyChangedFilesRewritten() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        let before = IncrementalBuildTests.files(in: options.output)
        try Self.backdate(options.output)
        let slug = try #require(names.first { !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("seeds/\($0).md").path) })
        try folder.write("seeds/\(slug).md", "---\ntitle: عنوان جديد كتبه المحرر\n---\n")
        _ = try Build.run(options)
        let after = IncrementalBuildTests.files(in: options.output)
        let times = try Self.modificationTimes(in: options.output)
        #expect(times["articles/\(slug).html"] != Self.longAgo)
        var kept = 0
        for (path, time) in times {
            let same = before[path] == after[path]
            #expect(same == (time == Self.longAgo), "\(path): bytes \(same ? "same" : "changed") but \(time == Self.longAgo ? "kept" : "rewritten")")
            if same { kept += 1 }
        }
        #expect(kept > 0)
    }
}
