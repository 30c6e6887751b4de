import ArgumentParser
import DigestKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Builds the site from the content folder.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    func run() throws {
        do {
            let report = try Build.run(site.buildOptions)
            Reporter.print(report.warnings)
            if quiet { return }
            print(report.summary(output: site.output))
        } catch {
            Reporter.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("build failed with \(errors) error(s); \(site.output)/ was left as it was\n".utf8))
            throw ExitCode.failure
        }
    }
}
