import Foundation
import Testing
@testable import DigestKit

@Suite("RelationGraph")
struct RelationGraphTests {
    static func node(_ id: String, _ weight: Int) -> RelationGraph.Node {
        .init(id: id, name: "بلد \(id)", url: "countries/\(id).html", weight: weight)
    }
    static func edge(_ a: String, _ b: String, _ weight: Int) -> RelationGraph.Edge {
        .init(from: a, to: b, name: "\(a) و\(b)", url: "relations/\(a)-\(b).html", weight: weight)
    }

    static let nodes = [node("kz", 9), node("cn", 5), node("jp", 4), node("ru", 3), node("kr", 2)]
    static let edges = [edge("cn", "kz", 4), edge("jp", "kz", 3), edge("kr", "kz", 1), edge("kr", "ru", 2), edge("cn", "ru", 1)]

    @Test("the same digest gives byte-identical SVG, whatever order its countries come in")
    func deterministic() {
        let a = RelationGraph(nodes: Self.nodes, edges: Self.edges).svg(title: "t")
        let b = RelationGraph(nodes: Self.nodes.reversed(), edges: Self.edges.reversed()).svg(title: "t")
        #expect(a == b)
    }

    @Test("every country and every relation is a link to its page, with an accessible name")
    func everyNodeAndEdgeIsALink() {
        let svg = RelationGraph(nodes: Self.nodes, edges: Self.edges).svg(title: "شبكة")
        for n in Self.nodes { #expect(svg.contains("<a href=\"\(n.url)\" aria-label=\"\(n.name): ")) }
        for e in Self.edges { #expect(svg.contains("<a href=\"\(e.url)\" aria-label=\"\(e.name): ")) }
        // Edges are out of the tab order (the list of relations has the same links); nodes are in it.
        for e in Self.edges {
            #expect(svg.contains("<a href=\"\(e.url)\" aria-label=\"\(e.name): \(e.weight) \(RelationGraph.articles(e.weight))\" tabindex=\"-1\">"))
        }
        #expect(!svg.contains("countries/kz.html\" aria-label=\"بلد kz: 9 أخبار\" tabindex"))
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>"))
        #expect(!svg.contains("<script"))
    }

    @Test("a heavier relation is drawn with a thicker line, a busier country with a bigger circle")
    func weightsShow() throws {
        let graph = RelationGraph(nodes: Self.nodes, edges: Self.edges)
        let svg = graph.svg(title: "t")
        func width(_ url: String) throws -> Double {
            let link = try #require(svg.components(separatedBy: "<a href=\"\(url)\"").dropFirst().first)
            let visible = try #require(link.components(separatedBy: "class=\"edge\" ").dropFirst().first)
            let value = try #require(visible.components(separatedBy: "stroke-width=\"").dropFirst().first?.prefix { $0 != "\"" })
            return try #require(Double(value))
        }
        #expect(try width("relations/cn-kz.html") > width("relations/jp-kz.html"))
        #expect(try width("relations/jp-kz.html") > width("relations/kr-kz.html"))
        #expect(graph.radii["kz"]! > graph.radii["cn"]! && graph.radii["cn"]! > graph.radii["kr"]!)
    }

    @Test("nodes sit on a ring inside the drawing, far enough apart not to overlap")
    func layoutFits() {
        let graph = RelationGraph(nodes: Self.nodes, edges: Self.edges)
        let points = Self.nodes.map { graph.positions[$0.id]! }
        for (p, n) in zip(points, Self.nodes) {
            let r = graph.radii[n.id]!
            #expect(p.x - r >= 0 && p.x + r <= RelationGraph.width && p.y - r >= 0 && p.y + r <= RelationGraph.height)
        }
        for i in points.indices {
            for j in points.indices where j > i {
                let d = ((points[i].x - points[j].x) * (points[i].x - points[j].x) + (points[i].y - points[j].y) * (points[i].y - points[j].y)).squareRoot()
                #expect(d > graph.radii[Self.nodes[i].id]! + graph.radii[Self.nodes[j].id]!)
            }
        }
    }

    @Test("the ring starts from the busiest country and puts its strongest partner beside it")
    func ringOrder() {
        let graph = RelationGraph(nodes: Self.nodes, edges: Self.edges)
        #expect(graph.nodes.map(\.id).prefix(2) == ["kz", "cn"])
        // After cn, ru is tied to cn (1) while jp is not: ru comes next.
        #expect(graph.nodes.map(\.id)[2] == "ru")
    }

    @Test("beyond the node limit, the least covered countries and their relations are left out")
    func nodeLimit() {
        let graph = RelationGraph(nodes: Self.nodes, edges: Self.edges, maxNodes: 3)
        #expect(Set(graph.nodes.map(\.id)) == ["kz", "cn", "jp"])
        #expect(Set(graph.edges.map(\.url)) == ["relations/cn-kz.html", "relations/jp-kz.html"])
    }

    @Test("counts are written in the digits the site asks for, coordinates always with ASCII digits")
    func digits() {
        let display = DateDisplay(gregorianMonths: [], hijriMonths: [], arabicIndicDigits: true)
        let svg = RelationGraph(nodes: Self.nodes, edges: Self.edges).svg(title: "t", digits: display.digits)
        #expect(svg.contains("بلد kz: ٩ أخبار"))
        #expect(svg.contains("viewBox=\"0 0 760 560\""))
    }

    @Test("Arabic counts its articles as خبر after 1, 2 and 11 or more, and أخبار after 3 to 10")
    func countedNoun() {
        #expect(RelationGraph.articles(1) == "خبر")
        #expect(RelationGraph.articles(3) == "أخبار")
        #expect(RelationGraph.articles(10) == "أخبار")
        #expect(RelationGraph.articles(11) == "خبر")
        #expect(RelationGraph.articles(103) == "أخبار")
    }
}
