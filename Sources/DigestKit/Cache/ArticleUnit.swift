/// The files one article is made of: `NAME.txt` with its editor's `NAME.md`, or a Markdown
/// article on its own. The unit of the incremental build: it is parsed and analysed again
/// only when one of its files changes.
struct ArticleUnit: Sendable {
    /// The path the article takes its name and place from (the `.txt` when there is one).
    var primaryPath: String
    var files: [ContentFile]

    /// What the unit's bytes hash to: its cache key, with the paths (a rename is a change).
    var contentKey: String {
        var hasher = StableHasher()
        for file in files {
            hasher.combine(file.path)
            hasher.combine(CollectionOfOne(0))
            hasher.combine(String(file.bytes.count))
            hasher.combine(CollectionOfOne(0))
            hasher.combine(wordsOf: file.bytes)
        }
        return hasher.hex
    }

    /// Splits the content folder's files into article units, in the order the Content stage
    /// reads them, and the commentary files, which are few and always read again.
    static func group(_ files: [ContentFile]) -> (units: [ArticleUnit], commentary: [ContentFile]) {
        var byBase: [String: [ContentFile]] = [:]
        var commentary: [ContentFile] = []
        for file in files {
            if file.path.hasPrefix("commentary/") {
                commentary.append(file)
            } else {
                byBase[baseName(file.path), default: []].append(file)
            }
        }
        let units = byBase.values.map { files -> ArticleUnit in
            let sorted = files.sorted { $0.path < $1.path }
            let primary = sorted.first { $0.path.hasSuffix(".txt") } ?? sorted[0]
            return ArticleUnit(primaryPath: primary.path, files: sorted)
        }
        return (units.sorted { $0.primaryPath < $1.primaryPath }, commentary)
    }

    static func baseName(_ path: String) -> String {
        // A Character, not a String: `contains("/")` went through Foundation's search.
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/" as Character) else { return path }
        return String(path[..<dot])
    }
}
