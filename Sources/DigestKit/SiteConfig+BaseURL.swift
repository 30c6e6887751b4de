import Foundation

extension SiteConfig {
    /// Checks a base URL from `digest.yml` or `--base-url`: an absolute http(s) URL,
    /// returned ending with `/` so file paths can be appended.
    public static func checkedBaseURL(_ text: String, file: String) throws(Diagnostic) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
              url.query == nil, url.fragment == nil
        else {
            throw Diagnostic.error("`base_url` must be the absolute http(s) URL the site is published at, such as https://example.org/digest/ (got `\(text)`)", file: file)
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// The site's absolute URLs, when it has a base URL.
    public var urls: SiteURLs? { baseURL.map(SiteURLs.init(base:)) }
}
