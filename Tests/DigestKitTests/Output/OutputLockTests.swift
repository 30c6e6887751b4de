import Foundation
import Testing
@testable import DigestKit

@Suite("OutputLock")
struct OutputLockTests {
    @Test("a second build of the same site is refused while the first holds the lock, and says why")
    func secondBuildIsRefused() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let held = try OutputLock.acquire(for: site)
        let error = #expect(throws: Diagnostic.self) { try OutputLock.acquire(for: site) }
        #expect(error?.message.contains("another digest build (process \(getpid())) is writing this folder") == true)
        held.release()
        let again = try OutputLock.acquire(for: site)
        again.release()
    }

    @Test("Build.run refuses to start while another build holds the lock, and leaves site/ alone")
    func buildRunIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/index.html", "previous")
        let held = try OutputLock.acquire(for: folder.url.appendingPathComponent("site"))
        defer { held.release() }
        let failure = #expect(throws: BuildFailure.self) {
            try Build.run(BuildOptions(input: Repository.seeds, templates: folder.url.appendingPathComponent("no-theme"),
                                       output: folder.url.appendingPathComponent("site"),
                                       config: folder.url.appendingPathComponent("digest.yml")))
        }
        #expect(failure?.diagnostics.first?.message.contains("another digest build") == true)
        #expect(folder.read("site/index.html") == "previous")
    }
}
