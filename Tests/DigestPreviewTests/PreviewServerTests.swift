import DigestKit
import Foundation
import Testing
@testable import DigestPreview

/// The preview server for real: a site folder on disk, the server on a free loopback port,
/// files edited as an editor would, pages fetched over HTTP.
@Suite("Preview server", .serialized, .timeLimit(.minutes(3)))
struct PreviewServerTests {
    @Test("serves the built site with its content types and the reload script, which is not in site/")
    func servesTheSite() async throws {
        let site = try PreviewSite()
        try await site.serving { server, port in
            let index = try await LoopbackClient.get("/", port: port)
            #expect(index.status == 200)
            #expect(index.headers["content-type"] == "text/html; charset=utf-8")
            #expect(index.text.contains(ReloadScript.tag))
            #expect(index.text.contains("dir=\"rtl\""))
            let onDisk = site.folder.read("site/index.html") ?? ""
            #expect(!onDisk.isEmpty)
            #expect(!onDisk.contains("_digest"), "the reload script leaked into site/index.html")

            let css = try await LoopbackClient.get("/assets/style.css", port: port)
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.text.contains("<script"))

            let script = try await LoopbackClient.get(ReloadScript.path, port: port)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("EventSource"))

            let article = try await LoopbackClient.get("/articles/note.html", port: port)
            #expect(article.status == 200)
            #expect(article.text.contains(PreviewSite.firstMarker))

            let missing = try await LoopbackClient.get("/articles/no-such-article.html", port: port)
            #expect(missing.status == 404)
            #expect(missing.text == ReloadScript.injectedText(site.folder.read("site/404.html") ?? "-"))

            let escape = try await LoopbackClient.get("/../digest.yml", port: port)
            #expect(escape.status == 404)
        }
    }

    @Test("an edited seed is rebuilt and open pages are told to reload")
    func editReloads() async throws {
        let site = try PreviewSite()
        try await site.serving { server, port in
            let events = try await EventStream.open(ReloadScript.eventsPath, port: port)
            #expect(events.status == 200)
            #expect(events.headers["content-type"] == "text/event-stream; charset=utf-8")
            _ = try await events.next("hello")

            try site.writeNote(PreviewSite.secondMarker)
            let reload = try await events.next("reload")
            #expect(Int(reload.data) ?? 0 >= 2, "the first build is 1, so a rebuild is at least 2")

            let article = try await LoopbackClient.get("/articles/note.html", port: port)
            #expect(article.text.contains(PreviewSite.secondMarker))
            #expect(!article.text.contains(PreviewSite.firstMarker))
            let onDisk = site.folder.read("site/articles/note.html") ?? ""
            #expect(onDisk.contains(PreviewSite.secondMarker))
            #expect(!onDisk.contains("_digest"))
        }
    }

    @Test("a broken template shows as a failure with file and line over the last good site, and a fix recovers")
    func brokenTemplateThenFixed() async throws {
        let site = try PreviewSite()
        let template = "Templates/article.mustache"
        let good = try #require(site.folder.read(template))
        try await site.serving { server, port in
            let events = try await EventStream.open(ReloadScript.eventsPath, port: port)
            _ = try await events.next("hello")

            // An unclosed section on its own line, after two lines of the real template.
            let lines = good.components(separatedBy: "\n")
            let broken = (lines.prefix(2) + ["{{#article}}"] + lines.dropFirst(2)).joined(separator: "\n")
            try site.folder.write(template, broken)
            let failure = try await events.next("failure")
            let problems = try JSONDecoder().decode([Diagnostic].self, from: Data(failure.data.utf8))
            let problem = try #require(problems.first)
            #expect(problem.severity == .error)
            #expect(problem.file?.hasSuffix("article.mustache") == true)
            #expect(problem.line != nil)
            #expect(!problem.message.isEmpty)
            #expect(site.terminal.errors.contains { $0.contains("article.mustache") && $0.contains("error") })

            // The last good site is still served, and a page opened now learns of the failure.
            let article = try await LoopbackClient.get("/articles/note.html", port: port)
            #expect(article.status == 200)
            #expect(article.text.contains(PreviewSite.firstMarker))
            let late = try await EventStream.open(ReloadScript.eventsPath, port: port)
            _ = try await late.next("failure")

            try site.folder.write(template, good)
            _ = try await events.next("reload")
            let fixed = try await LoopbackClient.get("/articles/note.html", port: port)
            #expect(fixed.status == 200)
            #expect(fixed.text.contains(PreviewSite.firstMarker))
        }
    }

    @Test("a change to digest.yml rebuilds with the new settings")
    func configChangeRebuilds() async throws {
        let site = try PreviewSite()
        try await site.serving { server, port in
            let events = try await EventStream.open(ReloadScript.eventsPath, port: port)
            _ = try await events.next("hello")
            // Written beside the file and renamed over it, as many editors save.
            try site.folder.write("digest.yml.new", "title: موجز التجربة\n")
            try FileManager.default.moveItem(at: site.folder.url.appendingPathComponent("digest.yml.new"),
                                             to: site.folder.url.appendingPathComponent("digest.yml"))
            _ = try await events.next("reload")
            let index = try await LoopbackClient.get("/", port: port)
            #expect(index.text.contains("موجز التجربة"))
        }
    }

    @Test("stopping the server ends open event streams and returns")
    func stopsCleanly() async throws {
        let site = try PreviewSite()
        var stream: EventStream?
        try await site.serving { server, port in
            let events = try await EventStream.open(ReloadScript.eventsPath, port: port)
            _ = try await events.next("hello")
            stream = events
        }
        // `serving` stopped the server and waited for `run()` to return.
        let ended = await stream?.ends(within: 10) ?? false
        #expect(ended)
    }
}

/// A site folder for one test: three seed articles, a Markdown article the tests edit, and a
/// copy of the default theme to break.
final class PreviewSite: @unchecked Sendable {
    static let firstMarker = "النسخة الأولى من هذا المقال التجريبي"
    static let secondMarker = "النسخة الثانية بعد التعديل"

    let folder: TemporaryFolder
    let terminal = CapturedTerminal()

    init() throws {
        folder = try TemporaryFolder()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Repository.seeds.path)
            .filter { $0.hasSuffix(".txt") }.sorted().prefix(3)
        for name in seeds {
            try FileManager.default.copyItem(at: Repository.seeds.appendingPathComponent(name),
                                             to: folder.url.appendingPathComponent("seeds/" + name)
                                                .creatingParent())
        }
        try FileManager.default.copyItem(at: BuiltInResources.themeFolder, to: folder.url.appendingPathComponent("Templates"))
        try writeNote(Self.firstMarker)
    }

    func writeNote(_ marker: String) throws {
        try folder.write("seeds/note.md", """
            ---
            title: زيارة وزير الخارجية الكازاخستاني إلى سيول
            published: 2024-05-01
            source: اختبار
            ---
            زار وزير الخارجية الكازاخستاني سيول يوم الاثنين لبحث التعاون الاقتصادي بين كازاخستان وكوريا الجنوبية.

            \(marker).

            """)
    }

    var options: BuildOptions { BuildOptions(siteFolder: folder.url) }

    /// Runs the server on a free port around `body`, then stops it and waits (bounded) for it to end.
    func serving(_ body: (PreviewServer, Int) async throws -> Void) async throws {
        let server = PreviewServer(options: options, port: 0, quietPeriod: .milliseconds(60), terminal: terminal.terminal)
        let running = Task { try await server.run(handlingSignals: false) }
        guard let url = await server.address(), let port = url.port else {
            running.cancel()
            Issue.record("the server did not start: \(terminal.errors)")
            return
        }
        #expect(url.host == "127.0.0.1")
        do {
            try await body(server, port)
        } catch {
            Issue.record("\(error); terminal: \(terminal.errors)")
        }
        await server.stop()
        let watchdog = Task { () -> Bool in
            do { try await Task.sleep(for: .seconds(20)) } catch { return false }
            running.cancel()
            return true
        }
        _ = try? await running.value
        watchdog.cancel()
        let timedOut = await watchdog.value
        #expect(!timedOut, "the server did not stop within 20 s of being asked")
    }
}

/// The server's terminal, kept for the tests to read.
final class CapturedTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var said: [String] = []
    private var warned: [String] = []

    var terminal: PreviewServer.Terminal {
        PreviewServer.Terminal(
            say: { [self] line in lock.withLock { said.append(line) } },
            warn: { [self] line in lock.withLock { warned.append(line) } })
    }

    var lines: [String] { lock.withLock { said } }
    var errors: [String] { lock.withLock { warned } }
}

extension ReloadScript {
    /// What the server sends for an HTML file of the site.
    static func injectedText(_ html: String) -> String {
        String(decoding: inject(into: Array(html.utf8)), as: UTF8.self)
    }
}

extension URL {
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
