import ArgumentParser
import DigestKit
import Foundation

/// The folders and files a build reads and writes; shared by build, serve and check.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder: articles (*.txt, *.md) and commentary/.")
    var input = "seeds"

    @Option(help: "The theme folder; the built-in theme is used when it does not exist.")
    var templates = "Templates"

    @Option(help: "The folder the site is written to.")
    var output = "site"

    @Option(help: "The site's settings.")
    var config = "digest.yml"

    @Option(help: "The absolute URL the site is published at (overrides `base_url` in digest.yml); needed for the sitemap and canonical links.")
    var baseURL: String?

    @Option(help: "The incremental build's cache: what was made of each unchanged article is reused.")
    var cache = ".digest-cache"

    @Flag(help: "Parse and analyse every article again, without reading or writing the cache.")
    var noCache = false

    var buildOptions: BuildOptions {
        var options = BuildOptions(input: URL(fileURLWithPath: input), templates: URL(fileURLWithPath: templates),
                                   output: URL(fileURLWithPath: output), config: URL(fileURLWithPath: config),
                                   cache: noCache ? nil : URL(fileURLWithPath: cache))
        options.baseURL = baseURL
        return options
    }
}

/// Prints diagnostics to standard error as `path:line:col: severity: message`.
enum Reporter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
