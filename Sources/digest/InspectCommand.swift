import ArgumentParser
import DigestKit
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Prints what digest makes of each article: one JSON object per line.")

    @Option(help: "The site's settings (for extra countries, topics and furniture).")
    var config = "digest.yml"

    @Argument(help: "Article files (*.txt or *.md).")
    var files: [String]

    func run() throws {
        var diagnostics = Diagnostics()
        do {
            let settings = try Build.loadConfig(URL(fileURLWithPath: config), diagnostics: &diagnostics)
            let report = try Inspection.inspect(paths: files, config: settings)
            for line in report.lines { print(line) }
            Reporter.print(diagnostics.items + report.diagnostics)
            if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            Reporter.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
