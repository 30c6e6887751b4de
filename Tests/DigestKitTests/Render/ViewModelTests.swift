import Mustache
import Testing
@testable import DigestKit

/// A view model reads in templates as the dictionary it replaces did.
@Suite("ViewModel")
struct ViewModelTests {
    static let template = """
        {{title}}|{{{html}}}|{{page.title}}|{{#page.isIndex}}index{{/page.isIndex}}{{^page.isIndex}}not{{/page.isIndex}}|\
        {{#items}}[{{name}}:{{count}}{{#first()}} first{{/first()}}]{{/items}}|{{^empty(items)}}some{{/empty(items)}}|\
        {{#empty(none)}}empty{{/empty(none)}}|{{#summary}}{{.}};{{/summary}}|{{uppercased(latin)}}|{{count(items)}}|\
        {{#source}}<{{.}}>{{#url}}({{.}}){{/url}}{{/source}}|{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}|\
        {{#sorted(summary)}}{{.}},{{/sorted(summary)}}|{{#sorted(page)}}{{key}}={{value}};{{/sorted(page)}}|{{count(page)}}|\
        {{#first(summary)}}{{.}}{{/first(summary)}}|{{reversed(latin)}}|{{#empty(title)}}no title{{/empty(title)}}|{{title.count}}
        """

    static var values: [String: Any] { [
        "title": "عنوان & <شيء>",
        "html": "<p>نص</p>",
        "page": ["title": "صفحة", "isIndex": false] as [String: Any],
        "items": [["name": "أ", "count": "٣"], ["name": "ب", "count": "٤"]] as [[String: Any]],
        "none": [Any](),
        "summary": ["جملة ثانية", "جملة أولى"],
        "latin": "abc",
        "source": "وكالة",
        "url": "https://example.org/?a=1&b=2",
        "missing": false,
    ] }

    func render(_ object: Any) throws -> String {
        try MustacheTemplate(string: Self.template).render(object)
    }

    @Test("renders every kind of tag as the dictionary it was made from")
    func rendersAsTheDictionary() throws {
        let view = ViewModel(Self.values)
        #expect(try render(view) == render(Self.values))
        #expect(try render(view).hasPrefix("عنوان &amp; &lt;شيء&gt;|<p>نص</p>|صفحة|not|[أ:٣ first][ب:٤]|some|empty|جملة ثانية;جملة أولى;|ABC|2|"))
    }

    @Test("made from a literal, it reads as one made from a dictionary")
    func literalAndDictionary() throws {
        let view: ViewModel = [
            "title": "عنوان & <شيء>", "html": "<p>نص</p>", "page": ["title": "صفحة", "isIndex": false] as ViewModel,
            "items": [["name": "أ", "count": "٣"], ["name": "ب", "count": "٤"]] as [ViewModel], "none": [Any](),
            "summary": ["جملة ثانية", "جملة أولى"], "latin": "abc", "source": "وكالة",
            "url": "https://example.org/?a=1&b=2", "missing": false,
        ]
        #expect(try render(view) == render(Self.values))
    }

    @Test("holds text as TemplateText and a list of text as a list of it")
    func textValues() {
        let view: ViewModel = ["title": "عنوان", "summary": ["أ", "ب"], "flag": true]
        #expect((view["title"] as? TemplateText)?.renderText == "عنوان")
        #expect((view["summary"] as? [TemplateText])?.map(\.renderText) == ["أ", "ب"])
        #expect(view["flag"] as? Bool == true)
    }

    @Test("a name given again replaces its value in place; merging adds the other's names after")
    func replacingAndMerging() {
        var view: ViewModel = ["a": "1", "b": "2"]
        view["a"] = "3"
        let merged = view.merging(["b": "4", "c": "5"])
        #expect(merged.names == ["a", "b", "c"])
        #expect(merged.pairs.map { ($0.value as? TemplateText)?.renderText } == ["3", "4", "5"])
        view["a"] = nil
        #expect(view.names == ["b"])
        #expect(view.mapValues { _ in false }["b"] as? Bool == false)
    }

    @Test("tells its values' kinds by their exact type, so each is kept as it was given")
    func valueKinds() {
        let view: ViewModel = ["text": "نص", "texts": ["أ"], "flag": true, "view": ["a": "1"] as ViewModel,
                               "views": [ViewModel()], "anything": ["أ"] as [Any], "count": 3]
        func kind(_ name: String) -> String {
            switch view.value(named: name) {
            case .text?: "text"
            case .texts?: "texts"
            case .bool?: "bool"
            case .view?: "view"
            case .views?: "views"
            case .other?: "other"
            case nil: "none"
            }
        }
        #expect(["text", "texts", "flag", "view", "views", "anything", "count", "missing"].map(kind)
                    == ["text", "texts", "bool", "view", "views", "other", "other", "none"])
        // A list of `Any` stays one (a cast would have made it a list of text, which sorts).
        #expect(view["anything"] is [Any])
    }
}
