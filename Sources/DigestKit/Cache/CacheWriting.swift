/// The article cache and the input memo written on another core while the site is grouped
/// and rendered: encoding every article's record was half a second of one core in a
/// 10,000-article cold build, while rendering, bound by the kernel's file creation, left a
/// core idle. What is written is what `ArticleCache.save` and `InputMemo.save` write in place;
/// their warnings go among the build's diagnostics after the content's and the analysis',
/// whether the build goes on to succeed or fails.
struct CacheWriting {
    private var writing: Background<[Diagnostic]>?
    /// How many of the build's diagnostics come before the writing's warnings.
    private var place = 0

    /// Starts writing `cache`, then `records` of `inputs`.
    mutating func start(_ cache: ArticleCache, inputs: InputMemo?, records: [String: InputMemo.Record]) {
        writing = Background {
            var cache = cache, diagnostics = Diagnostics()
            cache.save(diagnostics: &diagnostics)
            inputs?.save(records)
            return diagnostics.items
        }
    }

    /// The writing's warnings go after the first `count` of the build's diagnostics: those of
    /// the content and its analysis.
    mutating func placeWarnings(after count: Int) {
        place = count
    }

    /// Returns once the files are written: before the output's lock is released (the next
    /// build reads them) and before the cache is removed (the writing would put shards back).
    func wait() {
        _ = writing?.value
    }

    /// `items` with the writing's warnings in their place, once it is done; `items` when it
    /// was not started.
    func diagnostics(_ items: [Diagnostic]) -> [Diagnostic] {
        guard let warnings = writing?.value, !warnings.isEmpty else { return items }
        var items = items
        items.insert(contentsOf: warnings, at: min(place, items.count))
        return items
    }
}
