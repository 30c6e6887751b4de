import Foundation

/// The graph of bilateral relations on the front page, laid out at build time and drawn as
/// inline SVG (no script): countries are nodes on a ring, sized by their article count; each
/// relation is an edge as thick as its article count. Every node and edge is a link.
///
/// The layout is deterministic: the ring order starts from the country with most articles and
/// puts next the one most tied to the last placed, so strong partners sit side by side and
/// edges cross less.
public struct RelationGraph: Sendable {
    public struct Node: Sendable, Hashable {
        public var id: String
        public var name: String
        public var url: String
        public var weight: Int
        public init(id: String, name: String, url: String, weight: Int) {
            self.id = id; self.name = name; self.url = url; self.weight = weight
        }
    }

    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var name: String
        public var url: String
        public var weight: Int
        public init(from: String, to: String, name: String, url: String, weight: Int) {
            self.from = from; self.to = to; self.name = name; self.url = url; self.weight = weight
        }
    }

    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
    }

    /// The drawing's size, in SVG units; the ring leaves room for labels on every side.
    public static let width = 760.0
    public static let height = 560.0
    static let ring = 190.0

    /// Nodes in ring order (at most `maxNodes`: the countries with most articles).
    public private(set) var nodes: [Node]
    /// Edges between placed nodes, heaviest first.
    public private(set) var edges: [Edge]
    public private(set) var positions: [String: Point] = [:]
    public private(set) var radii: [String: Double] = [:]

    public init(nodes: [Node], edges: [Edge], maxNodes: Int = 24) {
        let chosen = nodes.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.id < $1.id }.prefix(max(0, maxNodes))
        let ids = Set(chosen.map(\.id))
        self.edges = edges.filter { ids.contains($0.from) && ids.contains($0.to) && $0.from != $0.to }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.from, $0.to) < ($1.from, $1.to) }
        self.nodes = Self.ringOrder(Array(chosen), edges: self.edges)
        layOut()
    }

    static func ringOrder(_ nodes: [Node], edges: [Edge]) -> [Node] {
        var tie: [String: [String: Int]] = [:]
        for e in edges {
            tie[e.from, default: [:]][e.to, default: 0] += e.weight
            tie[e.to, default: [:]][e.from, default: 0] += e.weight
        }
        var remaining = nodes
        guard !remaining.isEmpty else { return [] }
        var order = [remaining.removeFirst()]
        while !remaining.isEmpty {
            let last = order[order.count - 1].id
            let placed = Set(order.map(\.id))
            func key(_ n: Node) -> (Int, Int, Int) {
                let toPlaced = tie[n.id, default: [:]].filter { placed.contains($0.key) }.values.reduce(0, +)
                return (tie[n.id]?[last] ?? 0, toPlaced, n.weight)
            }
            // `remaining` keeps the weight-then-id order, so the first best is deterministic.
            var best = 0
            for i in remaining.indices.dropFirst() where key(remaining[i]) > key(remaining[best]) { best = i }
            order.append(remaining.remove(at: best))
        }
        return order
    }

    mutating func layOut() {
        let heaviest = Double(max(1, nodes.map(\.weight).max() ?? 1))
        let center = Point(x: Self.width / 2, y: Self.height / 2)
        let count = nodes.count
        for (k, node) in nodes.enumerated() {
            // Two nodes face each other across the middle; more go round from the top.
            let start = count == 2 ? 0.0 : -Double.pi / 2
            let angle = start + 2 * Double.pi * Double(k) / Double(max(1, count))
            let radius = count == 1 ? 0 : Self.ring
            positions[node.id] = Point(x: center.x + radius * cos(angle), y: center.y + radius * sin(angle))
            radii[node.id] = 8 + 14 * (Double(node.weight) / heaviest).squareRoot()
        }
    }

    /// The SVG, to be put inline in a page. `digits` turns the counts into the site's digits.
    public func svg(title: String, digits: (String) -> String = { $0 }) -> String {
        let heaviest = Double(max(1, edges.map(\.weight).max() ?? 1))
        let center = Point(x: Self.width / 2, y: Self.height / 2)
        var out = "<svg class=\"relation-graph\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\" direction=\"rtl\">\n"
        out += "<title>\(HTML.escape(title))</title>\n<g class=\"edges\">\n"
        for edge in edges {
            guard let a = positions[edge.from], let b = positions[edge.to] else { continue }
            let label = "\(edge.name): \(digits(String(edge.weight))) \(Self.articles(edge.weight))"
            let line = "x1=\"\(Self.number(a.x))\" y1=\"\(Self.number(a.y))\" x2=\"\(Self.number(b.x))\" y2=\"\(Self.number(b.y))\""
            // Edges stay out of the tab order: the list of relations beside the graph has the
            // same links, and a dense graph would otherwise cost keyboard users dozens of stops.
            out += "<a href=\"\(HTML.escape(edge.url))\" aria-label=\"\(HTML.escape(label))\" tabindex=\"-1\">"
            out += "<title>\(HTML.escape(label))</title>"
            out += "<line class=\"edge-area\" \(line) stroke-width=\"14\"/>"
            out += "<line class=\"edge\" \(line) stroke-width=\"\(Self.number(1.5 + 6.5 * Double(edge.weight) / heaviest))\"/></a>\n"
        }
        out += "</g>\n<g class=\"nodes\">\n"
        for node in nodes {
            guard let p = positions[node.id], let r = radii[node.id] else { continue }
            let count = digits(String(node.weight))
            let label = "\(node.name): \(count) \(Self.articles(node.weight))"
            // The label sits outside the ring, on the node's side, reading away from it.
            let dx = p.x - center.x, dy = p.y - center.y
            let length = max(1, (dx * dx + dy * dy).squareRoot())
            let (ux, uy) = nodes.count == 1 ? (0.0, 1.0) : (dx / length, dy / length)
            let lx = p.x + ux * (r + 8), ly = p.y + uy * (r + 18)
            // In right-to-left text `end` is the left edge, so `end` reads rightwards from x.
            let anchor = ux > 0.3 ? "end" : ux < -0.3 ? "start" : "middle"
            out += "<a href=\"\(HTML.escape(node.url))\" aria-label=\"\(HTML.escape(label))\">"
            out += "<title>\(HTML.escape(label))</title>"
            out += "<circle class=\"node\" cx=\"\(Self.number(p.x))\" cy=\"\(Self.number(p.y))\" r=\"\(Self.number(r))\"/>"
            out += "<text x=\"\(Self.number(lx))\" y=\"\(Self.number(ly))\" text-anchor=\"\(anchor)\" dominant-baseline=\"middle\">"
            out += "\(HTML.escape(node.name)) <tspan class=\"count\">\(HTML.escape(count))</tspan></text></a>\n"
        }
        out += "</g>\n</svg>"
        return out
    }

    /// "خبر" after 1, 2 and 11 or more, "أخبار" after 3 to 10, as Arabic counts them.
    static func articles(_ n: Int) -> String {
        let tail = n % 100
        return (3...10).contains(tail) ? "أخبار" : "خبر"
    }

    /// Coordinates with one decimal and a dot, whatever the locale, so output is byte-stable.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
