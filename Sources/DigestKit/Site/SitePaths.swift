/// Where each page of the digest lives in `site/`, and relative links between pages.
/// Every link is relative and names a file, so the site works from disk and under any path.
public enum SitePaths {
    public static let index = "index.html"
    public static let search = "search.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"

    public static func article(_ slug: String) -> String { "articles/\(slug).html" }
    public static func country(_ code: String, page: Int = 1) -> String { paged("countries/\(code.lowercased())", page) }
    public static func topic(_ slug: String, page: Int = 1) -> String { paged("topics/\(slug)", page) }
    public static func relation(_ key: String, page: Int = 1) -> String { paged("relations/\(key)", page) }
    public static func month(_ key: String, page: Int = 1) -> String { paged("archive/\(key)", page) }
    public static func archive(page: Int = 1) -> String { paged("archive/index", page) }

    static func paged(_ base: String, _ page: Int) -> String { page <= 1 ? base + ".html" : "\(base)-\(page).html" }

    /// How many folders below the site's root a page is (`index.html` 0, `countries/kz.html` 1).
    public static func depth(of path: String) -> Int { path.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count }

    /// The link prefix from a page `depth` folders deep up to the root (`../` for 1).
    public static func up(_ depth: Int) -> String { String(repeating: "../", count: depth) }

    /// The link from the page at `from` to the file at `to`, both relative to the site root.
    public static func relative(from: String, to: String) -> String {
        var from = from, to = to
        return from.withUTF8 { from in to.withUTF8 { to in relative(from: from, to: to) } } ?? relativeBySplitting(from: from, to: to)
    }

    /// The same on the paths' bytes, a folder at a time, as every page's links are made (a
    /// list page links to seven of its other pages); nil for a path that is empty or has an
    /// empty folder name (`a//b`, `/a`, `a/`), which the splitting below reads its own way.
    static func relative(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>) -> String? {
        let slash = UInt8(ascii: "/")
        func isClean(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = path.first, let last = path.last, first != slash, last != slash else { return false }
            return !zip(path, path.dropFirst()).contains { $0 == slash && $1 == slash }
        }
        guard isClean(from), isClean(to) else { return nil }
        var (f, t) = (0, 0)
        // Past the folders both paths go through, name by name.
        while let fromEnd = from[f...].firstIndex(of: slash), let toEnd = to[t...].firstIndex(of: slash),
              fromEnd - f == toEnd - t, from[f..<fromEnd].elementsEqual(to[t..<toEnd]) {
            (f, t) = (fromEnd + 1, toEnd + 1)
        }
        let up = from[f...].count { $0 == slash }
        return String(repeating: "../", count: up) + String(decoding: to[t...], as: UTF8.self)
    }

    static func relativeBySplitting(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1, fromDirs[fromDirs.startIndex + common] == toParts[common] {
            common += 1
        }
        let up = Array(repeating: "..", count: fromDirs.count - common)
        return (up + toParts[common...].map(String.init)).joined(separator: "/")
    }
}
