import Foundation
import Testing
@testable import DigestKit

/// The whole pipeline on the default content, into a temporary folder.
@Suite("Build")
struct BuildTests {
    func buildSeeds() throws -> (TemporaryFolder, BuildReport) {
        let folder = try TemporaryFolder()
        let report = try Build.run(BuildOptions(
            input: Repository.seeds,
            templates: folder.url.appendingPathComponent("no-theme"),
            output: folder.url.appendingPathComponent("site"),
            config: folder.url.appendingPathComponent("digest.yml")))
        return (folder, report)
    }

    @Test("writes an index and a page for every seed article")
    func everySeedHasAPage() throws {
        let (folder, report) = try buildSeeds()
        #expect(folder.read("site/index.html") != nil)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Repository.seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(seeds.count >= 5)
        #expect(report.articles == seeds.count)
        for seed in seeds {
            let slug = String(seed.dropLast(4))
            #expect(folder.read("site/articles/\(slug).html") != nil, "no page for \(seed)")
        }
    }

    @Test("declares Arabic and right-to-left on every page")
    func everyPageIsRightToLeft() throws {
        let (folder, _) = try buildSeeds()
        let pages = SiteFiles.htmlPages(in: folder.url.appendingPathComponent("site"))
        #expect(pages.count > 10)
        for page in pages {
            let html = folder.read("site/" + page) ?? ""
            #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "\(page) is not declared Arabic and RTL")
        }
    }

    @Test("every relative href and src resolves to a file in the site")
    func everyLinkResolves() throws {
        let (folder, _) = try buildSeeds()
        let site = folder.url.appendingPathComponent("site")
        for page in SiteFiles.htmlPages(in: site) {
            let html = folder.read("site/" + page) ?? ""
            for link in SiteFiles.links(in: html) {
                #expect(!link.hasPrefix("/"), "\(page) links to the absolute path \(link)")
                guard !link.contains(":"), !link.hasPrefix("#") else { continue }
                let target = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link
                let resolved = site.appendingPathComponent(page).deletingLastPathComponent()
                    .appendingPathComponent(target).standardizedFileURL
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory)
                #expect(exists && !isDirectory.boolValue, "\(page) links to \(link), which is not a file of the site")
            }
        }
    }
}

/// Reading a built site back.
enum SiteFiles {
    static func htmlPages(in site: URL) -> [String] {
        (FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".html") }.sorted()
    }

    /// Every `href` and `src` value in a page.
    static func links(in html: String) -> [String] {
        guard let pattern = try? NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#) else { return [] }
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }
}
