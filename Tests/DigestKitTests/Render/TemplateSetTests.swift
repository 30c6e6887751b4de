import Foundation
import Testing
@testable import DigestKit

/// The checks TemplateSet adds to Mustache: what plain Mustache renders as nothing is an
/// error that names the template's file, line and column.
@Suite("TemplateSet")
struct TemplateSetTests {
    /// Loads a theme made of `files`; returns the set, or the diagnostics loading it threw.
    func load(_ files: [String: String]) throws -> (TemplateSet?, [Diagnostic], TemporaryFolder) {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write("theme/" + path, text) }
        do {
            let set = try TemplateSet(folder: folder.url.appendingPathComponent("theme"), displayFolder: "theme")
            return (set, [], folder)
        } catch {
            return (nil, error.diagnostics, folder)
        }
    }

    @Test("a section closed with another name is an error at the closing tag's line")
    func parseErrorHasItsPlace() throws {
        let (set, diagnostics, _) = try load(["page.mustache": "<ul>\n{{#items}}\n<li>{{name}}</li>\n{{/things}}\n</ul>\n"])
        #expect(set == nil)
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.file == "theme/page.mustache")
        #expect(error.line == 4)
        #expect(error.column != nil)
        #expect(error.message.contains("does not parse"))
    }

    @Test("a section that is never closed is an error in that template")
    func unclosedSection() throws {
        let (_, diagnostics, _) = try load(["ok.mustache": "{{title}}", "page.mustache": "a\n{{#items}}\nb\n"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.file == "theme/page.mustache")
        #expect(diagnostics.first?.line != nil)
    }

    @Test("a partial that is not in the theme is an error at the tag that names it")
    func missingPartial() throws {
        let (_, diagnostics, _) = try load(["page.mustache": "<main>\n  {{>partials/none}}\n</main>\n"])
        let error = try #require(diagnostics.first)
        #expect(error.file == "theme/page.mustache")
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.message.contains("partials/none"))
    }

    @Test("a parent that is not in the theme is an error")
    func missingParent() throws {
        let (_, diagnostics, _) = try load(["page.mustache": "{{<frame}}{{$content}}x{{/content}}{{/frame}}"])
        let error = try #require(diagnostics.first)
        #expect(error.line == 1 && error.column == 1)
        #expect(error.message.contains("parent `frame`"))
    }

    @Test("every broken template of a theme is reported, not only the first")
    func everyProblemReported() throws {
        let (_, diagnostics, _) = try load([
            "a.mustache": "{{#x}}",
            "b.mustache": "{{>missing}}",
            "c.mustache": "fine {{y}}",
        ])
        #expect(Set(diagnostics.compactMap(\.file)) == ["theme/a.mustache", "theme/b.mustache"])
    }

    @Test("a variable the page does not have is an error at the tag that names it")
    func unknownVariable() throws {
        let (set, _, _) = try load(["page.mustache": "<h1>{{title}}</h1>\n<p>{{page.titel}}</p>\n"])
        let theme = try #require(set)
        do {
            _ = try theme.render("page", ["title": "عنوان"])
            Issue.record("rendering without `page` did not fail")
        } catch {
            #expect(error.file == "theme/page.mustache")
            #expect(error.line == 2)
            #expect(error.column == 4)
            #expect(error.message.contains("`page`"))
        }
    }

    @Test("an unknown variable inside a partial is reported in the partial's file")
    func unknownVariableInPartial() throws {
        let (set, _, _) = try load([
            "page.mustache": "{{title}}\n{{>partials/meta}}\n",
            "partials/meta.mustache": "<p>\n{{#author}}{{name}}{{/author}}</p>\n",
        ])
        let theme = try #require(set)
        do {
            _ = try theme.render("page", ["title": "t"])
            Issue.record("rendering without `author` did not fail")
        } catch {
            #expect(error.file == "theme/partials/meta.mustache")
            #expect(error.line == 2)
            #expect(error.column == 1)
        }
    }

    @Test("names found in a section's item, or present with a false value, are not errors")
    func knownNamesRender() throws {
        let (set, _, _) = try load(["page.mustache": "{{#items}}<i>{{name}}{{title}}</i>{{/items}}{{^hidden}}shown{{/hidden}}"])
        let theme = try #require(set)
        let html = try theme.render("page", ["items": [["name": "أ"], ["name": "ب"]], "title": "-", "hidden": false])
        #expect(html == "<i>أ-</i><i>ب-</i>shown")
    }

    @Test("a page type the theme has no template for is an error that names it")
    func missingTemplate() throws {
        let (set, _, _) = try load(["page.mustache": "x"])
        let theme = try #require(set)
        #expect(throws: Diagnostic.self) { try theme.render("country", [:]) }
    }
}
