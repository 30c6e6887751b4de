import Foundation
import Mustache
import Testing
@testable import DigestKit

/// digest's renderer gives what swift-mustache's renderer gives, for every shape of template
/// and every kind of value, since it replaces it for every theme.
@Suite("TemplateRenderer")
struct TemplateRendererTests {
    /// Partials and parents the templates below may name.
    static let partials = [
        "item": "P{{a}}\n{{#list}}-{{.}}\n{{/list}}",
        "layout": "L[{{$content}}default {{a}}{{/content}}]\n  {{$head}}H{{/head}}\n{{>item}}",
        "outer": "O<{{$content}}outer default{{/content}}>\n",
        "middle": "{{<outer}}{{$content}}M({{$inner}}mid{{/inner}}){{/content}}{{/outer}}",
        "text": "{{% CONTENT_TYPE: TEXT}}\n{{a}}",
    ]

    /// A page's view: text (escaped and not), a number, flags, lists of views and of text, an
    /// empty list, a nested view, an article shaped as digest's are.
    static var view: ViewModel {
        let items: [ViewModel] = (0..<3).map { ["a": "item \($0) <&>", "list": ["x\($0)", "y"], "isLast": $0 == 2] }
        return [
            "a": "<a href=\"x\">'&'</a>",
            "b": "نص عربي",
            "n": 7,
            "flag": true,
            "off": false,
            "list": items,
            "texts": ["أ", "ب", "ج"],
            "empty": [ViewModel](),
            "view": ["a": "inner", "list": items, "page": ["title": "t"] as ViewModel] as ViewModel,
            "page": ["title": "صفحة", "isIndex": false] as ViewModel,
        ]
    }

    /// The same as plain Swift values, which go the generic way: dictionaries, strings,
    /// integers, optionals, tuples.
    static var plain: [String: Any] {
        let items: [[String: Any]] = (0..<3).map { ["a": "item \($0) <&>", "list": ["x\($0)", "y"], "isLast": $0 == 2] }
        return [
            "a": "<a href=\"x\">'&'</a>",
            "b": Optional("نص عربي") as Any,
            "n": 7,
            "flag": true,
            "off": false,
            "list": items,
            "texts": ["أ", "ب", "ج"],
            "empty": [[String: Any]](),
            "view": ["a": "inner", "list": items, "page": (title: "t", isIndex: true)] as [String: Any],
            "page": ["title": "صفحة", "isIndex": false] as [String: Any],
        ]
    }

    func library(_ templates: [String: String]) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    /// swift-mustache's rendering and digest's of `template`, named "page" beside the partials.
    func renderings(_ template: String, _ root: Any) throws -> (mustache: String?, digest: String?) {
        var templates = Self.partials
        templates["page"] = template
        let library = try library(templates)
        let renderer = try #require(TemplateRenderer(library, names: templates.keys))
        return (library.render(root, withTemplate: "page"), try renderer.render("page", root))
    }

    static let cases = [
        "{{a}}|{{{a}}}|{{&a}}|{{b}}|{{n}}|{{flag}}|{{missing}}|{{page.title}}|{{view.page.title}}",
        "{{#list}}[{{a}}|{{b}}|{{page.title}}]{{/list}}",
        "{{#view}}{{.a}}|{{.b}}|{{b}}|{{#list}}{{.a}}{{/list}}{{/view}}",
        "{{#texts}}{{.}},{{/texts}}|{{#list}}{{#list}}{{.}};{{/list}}{{/list}}",
        "{{#list}}{{#first()}}F{{/first()}}{{index()}}{{#last()}}L{{/last()}}{{^last()}},{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/list}}",
        "{{#flag}}on{{/flag}}{{#off}}off{{/off}}{{^off}}not off{{/off}}{{^flag}}not on{{/flag}}{{#missing}}m{{/missing}}{{^missing}}no m{{/missing}}",
        "{{#empty}}e{{/empty}}{{^empty}}nothing [{{.}}]{{/empty}}{{^list}}none{{/list}}{{^view}}no view{{/view}}{{^a}}no a{{/a}}",
        "{{^empty(list)}}some{{/empty(list)}}{{#empty(empty)}}none{{/empty(empty)}}{{count(list)}}{{count(texts)}}",
        "{{uppercased(page.title)}}{{#first(texts)}}{{.}}{{/first(texts)}}{{#reversed(texts)}}{{.}}{{/reversed(texts)}}{{#sorted(texts)}}{{.}}{{/sorted(texts)}}",
        "{{#sorted(page)}}{{key}}={{value}};{{/sorted(page)}}{{#enumerated(page)}}{{key}};{{/enumerated(page)}}{{plusone(n)}}{{#even(n)}}even{{/even(n)}}",
        "<ul>\n  {{>item}}\n</ul>\n{{#list}}\n  {{>item}}\n{{/list}}\n",
        "{{<layout}}{{$content}}C {{b}}\nline{{/content}}{{/layout}}",
        "{{<layout}}\n{{$head}}\n  <meta>\n{{/head}}\n{{/layout}}\n",
        "{{<middle}}{{$content}}the page's block wins over the middle one's{{/content}}{{/middle}}",
        "{{<middle}}{{$inner}}I{{/inner}}{{/middle}}|{{<middle}}{{/middle}}|{{<outer}}{{$content}}{{#list}}{{a}}{{/list}}{{/content}}{{/outer}}",
        "{{>text}}|{{a}}|{{% CONTENT_TYPE: TEXT}}{{a}}{{#list}}{{a}}{{>item}}{{/list}}",
        "{{! a comment }}\n{{=<% %>=}}\n<% a %><%={{ }}=%>{{b}}\n  {{#flag}}\n  standalone\n  {{/flag}}\n{{! again }}\n",
        "{{.}}|{{#.}}x{{/.}}|{{view}}|{{list}}",
    ]

    @Test("renders each kind of tag as swift-mustache does, with digest's view models and with plain values", arguments: cases)
    func rendersAsSwiftMustache(template: String) throws {
        for root in [Self.view, Self.plain, RecordingView(Self.view)] as [Any] {
            let (mustache, digest) = try renderings(template, root)
            #expect(digest == mustache, "\(template) with \(type(of: root))")
        }
    }

    @Test("renders what a seeded generator writes as swift-mustache does, tag soup and all")
    func rendersGeneratedTemplatesAsSwiftMustache() throws {
        var random = SeededRandom(seed: 41)
        var compared = 0
        for _ in 0..<1_500 {
            let template = Self.generated(&random, depth: 0)
            guard (try? MustacheTemplate(string: template)) != nil else { continue }
            for root in [Self.view, Self.plain] as [Any] {
                let (mustache, digest) = try renderings(template, root)
                #expect(digest == mustache, "\(template)")
            }
            compared += 1
        }
        #expect(compared > 1_000)
    }

    static let names = ["a", "b", "n", "flag", "off", "list", "texts", "empty", "view", "page", "missing",
                        "page.title", "view.list", ".", ".a", "empty(list)", "count(texts)", "first()", "last()", "index()"]
    static let texts = ["x", " ", "\n", "  ", "<&>", "ع", "\n  "]

    static func generated(_ random: inout SeededRandom, depth: Int) -> String {
        var out = ""
        for _ in 0..<(1 + random.next(below: 6)) {
            let name = names[random.next(below: names.count)]
            // A parent only at the top: one inside a block it fills would fill it again, forever.
            switch random.next(below: depth > 2 ? 5 : depth > 0 ? 9 : 10) {
            case 0, 1: out += texts[random.next(below: texts.count)]
            case 2: out += "{{\(name)}}"
            case 3: out += "{{{\(name)}}}"
            case 4: out += ["{{>item}}", "\n  {{>item}}\n", "{{! note }}", "{{>text}}"][random.next(below: 4)]
            case 5, 6: out += "{{#\(name)}}" + generated(&random, depth: depth + 1) + "{{/\(name)}}"
            case 7: out += "\n{{^\(name)}}\n" + generated(&random, depth: depth + 1) + "\n{{/\(name)}}\n"
            case 8: out += "  {{#\(name)}}\n" + generated(&random, depth: depth + 1) + "\n  {{/\(name)}}\n"
            default: out += "{{<layout}}{{$content}}" + generated(&random, depth: 3) + "{{/content}}{{/layout}}"
            }
        }
        return out
    }

    @Test("gives a small output back in a buffer of its own, with the same text, Arabic and all")
    func smallOutputsAreCompacted() {
        for text in ["", "a", "<li>كازاخستان ⁦5+1⁩</li>", String(repeating: "ب", count: 2_000), String(repeating: "x", count: 20_000)] {
            var reserved = ""
            reserved.reserveCapacity(TemplateRenderer.reserved)
            reserved += text
            #expect(TemplateRenderer.compacted(reserved) == text)
            #expect(TemplateRenderer.compacted(reserved).utf8.elementsEqual(text.utf8))
        }
    }

    @Test("takes over every template of the default theme, so no page is left to swift-mustache")
    func takesOverTheDefaultTheme() throws {
        let templates = try TemplateSet(folder: BuiltInResources.themeFolder, displayFolder: "Templates")
        #expect(templates.renderer != nil)
        #expect(templates.renderer?.templates.count == templates.sources.count)
    }

    @Test("stops a partial that includes itself for ever with the partial's name, where swift-mustache runs out of stack")
    func stopsEndlessNesting() throws {
        let library = try library(["page": "{{>loop}}", "loop": "x{{>loop}}", "tree": "{{#children}}({{>tree}}){{/children}}"])
        let renderer = try #require(TemplateRenderer(library, names: ["page", "loop", "tree"]))
        #expect(throws: TemplateRenderer.NestingTooDeep.self) { try renderer.render("page", [String: Any]()) }
        // A partial that includes itself for each level of the data ends with the data.
        let tree: [String: Any] = ["children": [["children": [["children": [Any]()]]]]]
        #expect(try renderer.render("tree", tree) == "(())")
    }

    @Test("leaves a theme with a tag it does not know (a dynamic partial) to swift-mustache, which renders it")
    func leavesUnknownTagsToSwiftMustache() throws {
        let library = try library(["page": "{{>*which}}!", "item": "item"])
        #expect(TemplateRenderer(library, names: ["page", "item"]) == nil)
        #expect(library.render(["which": "item"], withTemplate: "page") == "item!")
    }
}

extension TemplateRendererTests {
    @Test("renders the same on every thread, each from its own copy of the templates", arguments: cases)
    func rendersTheSameOnEveryThread(template: String) throws {
        var templates = Self.partials
        templates["page"] = template
        let renderer = try #require(TemplateRenderer(try library(templates), names: templates.keys))
        let expected = try renderer.render("page", Self.view)
        let rendered = Parallel.map(Array(0..<64)) { _ in try? renderer.render("page", Self.view) }
        #expect(rendered.allSatisfy { $0 == expected })
    }
}
