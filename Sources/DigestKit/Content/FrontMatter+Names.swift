extension FrontMatter {
    /// The front matter with country codes and topic slugs that could not name a page
    /// left out: they become file names (`countries/kz.html`), so `../x` or `<b>` must never
    /// get through. Each one left out is a warning naming the file.
    func withSafeNames(file: String) -> (FrontMatter, [Diagnostic]) {
        var copy = self
        var warnings: [Diagnostic] = []
        if let countries {
            copy.countries = countries.filter { code in
                let ok = code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
                if !ok { warnings.append(.warning("`countries:` takes two-letter ISO codes such as KZ; `\(code)` was left out", file: file)) }
                return ok
            }
        }
        if let topics {
            copy.topics = topics.filter { slug in
                let ok = Slug.isSafe(slug)
                if !ok { warnings.append(.warning("`topics:` takes topic slugs (letters, digits, - and _); `\(slug)` was left out", file: file)) }
                return ok
            }
        }
        return (copy, warnings)
    }
}
