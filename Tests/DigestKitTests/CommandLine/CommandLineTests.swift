import Foundation
import Testing
@testable import DigestKit
#if canImport(Glibc)
import Glibc
#endif

/// The command line as a user meets it: exit codes, `path:line:col: error:` lines, and
/// the output folder left whole whatever happens.
@Suite("Command line", .serialized)
struct CommandLineTests {
    /// A site folder with the seeds, the default theme copied in, and an empty config.
    func siteFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.seeds, to: folder.url.appendingPathComponent("seeds"))
        try FileManager.default.copyItem(at: BuiltInResources.themeFolder, to: folder.url.appendingPathComponent("Templates"))
        try folder.write("digest.yml", "title: الموجز\n")
        return folder
    }

    /// Every file of a folder with its bytes.
    func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in OutputFiles.walk(folder.path) {
            result[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return result
    }

    /// Inserts `text` at the start of line `line` of a template.
    func breakTemplate(_ folder: TemporaryFolder, _ name: String, line: Int, insert text: String) throws {
        let url = folder.url.appendingPathComponent("Templates/\(name)")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        lines[line - 1] = text + lines[line - 1]
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("a broken template fails the build with its file, line and column, exit 1, and the previous site/ whole",
          arguments: [
            ("{{#articles}}", "article.mustache", "does not parse"),
            ("{{> no-such-partial}}", "article.mustache", "partial `no-such-partial`"),
            ("{{no_such_variable}}", "article.mustache", "variable `no_such_variable`"),
          ])
    func brokenTemplate(insert: String, template: String, expected: String) throws {
        guard DigestBinary.url != nil else { print(DigestBinary.skipReason); return }
        let folder = try siteFolder()
        let first = try DigestBinary.run(["build"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        let before = snapshot(folder.url.appendingPathComponent("site"))
        #expect(before["index.html"] != nil)

        try breakTemplate(folder, template, line: 3, insert: insert)
        let run = try DigestBinary.run(["build"], in: folder.url)
        #expect(run.status == 1)
        let error = run.stderr.split(separator: "\n").first { $0.contains(": error: ") && $0.contains(expected) }
        #expect(error != nil, "\(run.stderr)")
        if let error {
            // Templates/article.mustache:3:COL: error: … — the line may be where the parser noticed.
            let parts = error.split(separator: ":", maxSplits: 3)
            #expect(parts.first == "Templates/\(template)")
            #expect(Int(parts[1]) != nil && Int(parts[2]) != nil, "no line and column in \(error)")
            if !expected.contains("parse") { #expect(parts[1] == "3" && parts[2] == "1") }
        }
        #expect(run.stderr.contains("site/ was left as it was"))
        #expect(snapshot(folder.url.appendingPathComponent("site")) == before)
    }

    @Test("Build.run reports a missing partial at its template, line and column, and writes nothing")
    func brokenTemplateThroughBuildRun() throws {
        let folder = try siteFolder()
        try breakTemplate(folder, "index.mustache", line: 3, insert: "{{> missing-one}}")
        let failure = #expect(throws: BuildFailure.self) {
            try Build.run(BuildOptions(siteFolder: folder.url))
        }
        let diagnostic = failure?.diagnostics.first { $0.message.contains("missing-one") }
        #expect(diagnostic?.file?.hasSuffix("Templates/index.mustache") == true)
        #expect(diagnostic?.line == 3)
        #expect(diagnostic?.column == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site").path))
    }

    @Test("digest check lists every problem of the content and the theme at once and exits 1, writing nothing")
    func checkListsEverything() throws {
        guard DigestBinary.url != nil else { print(DigestBinary.skipReason); return }
        let folder = try siteFolder()
        try folder.write("seeds/dated.md", "---\ntitle: عنوان\npublished: yesterday\n---\nنص.\n")
        try folder.write("seeds/empty.txt", "")
        try folder.write("seeds/open.md", "---\ntitle: x\n")
        try breakTemplate(folder, "article.mustache", line: 3, insert: "{{no_such_variable}}")
        let run = try DigestBinary.run(["check"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("seeds/dated.md:3:12: error: `published` must be a date"))
        #expect(run.stderr.contains("seeds/open.md:1:1: error: front matter opened with `---` on line 1 is never closed"))
        #expect(run.stderr.contains("seeds/empty.txt: warning: is empty; skipped"))
        #expect(run.stderr.contains("Templates/article.mustache:3:1: error: names the variable `no_such_variable`"))
        #expect(run.stdout.contains("3 error(s)"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site").path))
    }

    @Test("digest check on clean content exits 0")
    func checkCleanContent() throws {
        guard DigestBinary.url != nil else { print(DigestBinary.skipReason); return }
        let folder = try siteFolder()
        let run = try DigestBinary.run(["check"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("0 error(s)"))
    }

    @Test("a second build while one holds the lock is refused with a clear message and exit 1")
    func concurrentBuildIsRefused() throws {
        guard DigestBinary.url != nil else { print(DigestBinary.skipReason); return }
        let folder = try siteFolder()
        let lock = try OutputLock.acquire(for: folder.url.appendingPathComponent("site"))
        defer { lock.release() }
        let run = try DigestBinary.run(["build"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("site: error: another digest build (process \(getpid())) is writing this folder now"))
    }

    @Test("a build killed with SIGKILL while it writes leaves the previous site/ whole, and the next build recovers")
    func killedBuildLeavesPreviousSite() throws {
        guard DigestBinary.url != nil else { print(DigestBinary.skipReason); return }
        let folder = try siteFolder()
        // A corpus big enough that writing takes a while: each seed many times, each copy different.
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Repository.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        for (i, seed) in seeds.enumerated() {
            let text = try String(contentsOf: Repository.seeds.appendingPathComponent(seed), encoding: .utf8)
            for copy in 0..<16 {
                try folder.write("seeds/copy-\(i)-\(copy).txt", text + "\nنسخة رقم \(copy) من المقال \(i).\n")
            }
        }
        let first = try DigestBinary.run(["build"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        try folder.write("site/CNAME", "digest.example.org\n")
        let site = folder.url.appendingPathComponent("site")
        let before = snapshot(site)
        #expect(before.count > 100)

        // Change every article so the next build writes every page anew, then kill it mid-write.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("seeds").path) where name.hasPrefix("copy-") {
            let url = folder.url.appendingPathComponent("seeds/\(name)")
            try (String(contentsOf: url, encoding: .utf8) + "سطر أضيف بعد البناء الأول.\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let process = try DigestBinary.start(["build"], in: folder.url)
        let staging = folder.url.appendingPathComponent(".site.staging-\(process.processIdentifier)")
        var killedWhileWriting = false
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning && Date() < deadline {
            // Killed once some pages are in the staging folder: half-way through writing.
            if let written = FileManager.default.enumerator(atPath: staging.path)?.allObjects.count, written > 20 {
                kill(process.processIdentifier, SIGKILL)
                killedWhileWriting = true
                break
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        #expect(killedWhileWriting, "the build finished before it was caught writing; make the corpus bigger")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: staging.path), "the killed build's half-written staging folder should be there")
        #expect(snapshot(site) == before, "site/ changed after a killed build")

        // The next build cleans the killed one's staging folder up and keeps CNAME.
        let next = try DigestBinary.run(["build"], in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(folder.read("site/CNAME") == "digest.example.org\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".site.") && $0 != ".site.lock" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
