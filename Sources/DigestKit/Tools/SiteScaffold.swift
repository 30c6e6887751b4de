import Foundation

/// `digest init`: a new site folder that builds as it is.
public enum SiteScaffold {
    static let config = """
    # digest.yml — the site's settings. Every key is optional.
    title: الموجز
    description: موجز أخبار العلاقات الدولية
    # base_url: https://example.org/digest/   # needed for absolute links in feeds and the sitemap
    # digits: arabic                           # ٠١٢ instead of 012 in dates and counts
    # page_size: 50
    # summary: {sentences: 3, words: 60}
    # markdown: {unsafe: false}                # true lets trusted editors use raw HTML
    # countries:                               # add a country or more names for one
    #   - {code: KZ, aliases: [قزاقستان]}
    # topics:                                  # add a topic, rename one, or add keywords
    #   - {slug: space, name: الفضاء, keywords: [فضاء, صاروخ, قمر صناعي]}

    """

    static let article = """
    ---
    title: مثال: كازاخستان واليابان توقعان اتفاقات للتعاون في الطاقة
    published: 2025-01-15
    source: مثال
    ---

    وقعت كازاخستان واليابان اليوم اتفاقات للتعاون في مجالات الطاقة والتعدين والنقل، خلال زيارة رسمية إلى طوكيو.

    وقال وزير الخارجية الكازاخستاني إن التعاون الاقتصادي بين البلدين يشهد نموا مطردا.

    """

    public static func create(at folder: URL) throws(Diagnostic) {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw Diagnostic.error("already exists and is not empty; choose a new folder name", file: folder.relativePath)
        }
        do {
            try fm.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
            try Data(config.utf8).write(to: folder.appendingPathComponent("digest.yml"))
            try Data(article.utf8).write(to: folder.appendingPathComponent("seeds/example.md"))
            try fm.copyItem(at: BuiltInResources.themeFolder, to: folder.appendingPathComponent("Templates"))
        } catch {
            throw Diagnostic.error("cannot create the site: \(error.localizedDescription)", file: folder.relativePath)
        }
    }
}
