import ArgumentParser
import DigestKit
import Foundation

struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Prints the extracted summary of each file, its whole text taken as the body: one JSON object per line.")

    @Option(help: "Budget: this share of each file's words (0.3 is 30%), any number of sentences.")
    var ratio: Double?

    @Option(help: "Budget: about this many words, any number of sentences.")
    var words: Int?

    @Option(help: "At most this many sentences (default: the site's budget, 3 sentences and 60 words).")
    var sentences: Int?

    @Option(help: "Ranking: digest (the site's), or the baselines lead, textrank, lexrank.")
    var method: SummaryMethod = .digest

    @Argument(help: "Text files; each file's whole text is the body.")
    var files: [String]

    func validate() throws {
        if ratio != nil && words != nil { throw ValidationError("give either --ratio or --words, not both") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be a share between 0 and 1, such as 0.3") }
        if let words, words < 1 { throw ValidationError("--words must be at least 1") }
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
    }

    func run() throws {
        let defaults = SiteConfig()
        var budget = SummaryBudget(sentences: defaults.summarySentences, words: defaults.summaryWords)
        if let ratio { budget = .ratio(ratio) }
        if let words { budget = SummaryBudget(sentences: .max, words: words) }
        if let sentences { budget.sentences = sentences }
        let summarizer = Summarizer(budget: budget, method: method)
        let report = Summarization.summarize(paths: files, with: summarizer)
        for line in report.lines { print(line) }
        Reporter.print(report.diagnostics)
        if !report.diagnostics.isEmpty { throw ExitCode.failure }
    }
}

extension SummaryMethod: ExpressibleByArgument {}
