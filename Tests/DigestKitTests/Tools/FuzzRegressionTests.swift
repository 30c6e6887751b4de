import Foundation
import Testing
@testable import DigestKit

/// Inputs for the fuzz target's path (crashers found by bench/fuzz/run.sh, and the edge
/// cases it started from) go through it without a crash, and the Content stage says
/// something about each one it cannot use.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Repository.root.appendingPathComponent("Tests/DigestKitTests/Fixtures/Safety/regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "README.md" }.sorted()
    }

    @Test("every regression input goes through the fuzz target's path", arguments: inputs)
    func replays(name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path))
        let (_, _, rules) = try Build.resources(SiteConfig())
        let parser = ContentParser(rules: rules)
        FuzzInput.run([UInt8](bytes), parser: parser)
        // Used or reported: never dropped without a word.
        let content = parser.parse([ContentFile(path: name, bytes: [UInt8](bytes))])
        #expect(!content.articles.isEmpty || !content.diagnostics.items.isEmpty || content.commentary.index != nil)
    }

    @Test("there are regression inputs to replay")
    func hasInputs() {
        #expect(Self.inputs.count >= 10)
    }
}
