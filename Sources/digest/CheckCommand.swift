import ArgumentParser
import DigestKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lists every problem in the content, the config and the theme without building; exits 1 on errors.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let report = SiteCheck.run(site.buildOptions)
        Reporter.print(report.diagnostics)
        print("checked \(report.files) file(s) in \(site.input)/: \(report.articles) article(s), \(report.pages) page(s); \(report.errors) error(s), \(report.warnings) warning(s)")
        if report.errors > 0 { throw ExitCode.failure }
    }
}
