import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import DigestKit

/// Builds of the seeds with and without a base URL, and small digests made in code.
enum DiscoveryFixtures {
    static let base = "https://example.org/digest/"

    static func build(baseURL: String?) throws -> (TemporaryFolder, BuildReport) {
        let folder = try TemporaryFolder()
        var options = BuildOptions(
            input: Repository.seeds,
            templates: folder.url.appendingPathComponent("no-theme"),
            output: folder.url.appendingPathComponent("site"),
            config: folder.url.appendingPathComponent("digest.yml"))
        options.baseURL = baseURL
        return (folder, try Build.run(options))
    }

    /// `count` articles, one a day from 2024-01-01, about Kazakhstan and Japan.
    static func digest(count: Int, baseURL: String? = nil) -> Digest {
        var config = SiteConfig()
        config.baseURL = baseURL
        let gazetteer = Gazetteer(countries: [Country(code: "KZ", name: "كازاخستان", aliases: []),
                                              Country(code: "JP", name: "اليابان", aliases: [])])
        let articles = (0..<count).map { i -> AnalyzedArticle in
            var article = Article(path: "a\(i).txt", slug: "a\(i)", title: "خبر رقم \(i) عن كازاخستان",
                                  blocks: [.paragraph("وقعت كازاخستان واليابان اتفاقية للتعاون في مجال الطاقة.")])
            article.published = ArticleDate(year: 2024, month: 1 + (i / 28) % 12, day: 1 + i % 28, hour: 9)
            article.source = "المصدر \(i % 3)"
            return AnalyzedArticle(article: article, countries: CountryTags(primary: ["KZ", "JP"], mentioned: ["JP", "KZ"]),
                                   topics: [], topicEvidence: [:], summary: ["وقعت كازاخستان واليابان اتفاقية للتعاون في مجال الطاقة."])
        }
        return Digest(articles: articles, config: config, gazetteer: gazetteer, taxonomy: Taxonomy(topics: []),
                      commentary: SiteCommentary())
    }
}

/// A parsed XML document as a tree of elements, enough to check a feed's or sitemap's shape.
final class XMLElementNode {
    var name: String
    var namespace: String?
    var attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func all(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// Parses text; nil when it is not well-formed XML.
    static func parse(_ text: String) -> XMLElementNode? {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.root
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLElementNode(name: elementName, namespace: namespaceURI, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
