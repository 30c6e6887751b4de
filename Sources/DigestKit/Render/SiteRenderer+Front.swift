/// The front page: the editor's note, the latest articles, the countries, relations and
/// topics with their counts, and the relation graph.
extension SiteRenderer {
    func indexPage() throws(Diagnostic) -> Page {
        let path = SitePaths.index
        var view = base(path: path, title: digest.config.title, subject: .home)
        view["articles"] = try digest.articles.indices.prefix(digest.config.frontPageSize).map { (i) throws(Diagnostic) in try listItem(at: i, from: path) }
        view["moreArticles"] = digest.articles.count > digest.config.frontPageSize
        view["countries"] = digest.countryCodes.map { countryLink($0, from: path) }
        view["topics"] = digest.topicSlugs.map { topicLink($0, from: path) }
        view["relations"] = digest.relationKeys.map { relationLink($0, from: path) }
        view["graph"] = relationGraph(from: path).map { $0.svg(title: "شبكة العلاقات بين الدول", digits: dates.digits) } ?? false
        view["commentary"] = try commentaryHTML(digest.commentary.index, on: path)
        return try render("index", view, path: path)
    }

    /// The graph of the countries and relations, or nil when there is no relation to draw.
    func relationGraph(from path: String) -> RelationGraph? {
        let nodes = digest.countryCodes.map { code in
            RelationGraph.Node(id: code.lowercased(), name: digest.gazetteer.name(of: code),
                               url: SitePaths.relative(from: path, to: SitePaths.country(code)),
                               weight: digest.byCountry[code]?.count ?? 0)
        }
        let edges = digest.relationKeys.compactMap { key -> RelationGraph.Edge? in
            let ends = key.split(separator: "-").map(String.init)
            guard ends.count == 2 else { return nil }
            return RelationGraph.Edge(from: ends[0], to: ends[1], name: digest.relationName(key),
                                      url: SitePaths.relative(from: path, to: SitePaths.relation(key)),
                                      weight: digest.byRelation[key]?.count ?? 0)
        }
        let graph = RelationGraph(nodes: nodes, edges: edges)
        return graph.edges.isEmpty ? nil : graph
    }
}
