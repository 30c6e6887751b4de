import ArgumentParser
import DigestKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Builds the site from the content folder.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    func run() throws {
        var options = site.buildOptions
        let bar = quiet ? nil : ProgressBar.forTerminal()
        options.progress = bar?.handler
        defer { bar?.finish() }
        do {
            let report = try Build.run(options)
            bar?.finish()
            Reporter.print(report.warnings)
            if timings { FileHandle.standardError.write(Data((report.timings.table + "\n").utf8)) }
            if quiet { return }
            print(report.summary(output: site.output))
        } catch {
            bar?.finish()
            Reporter.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("build failed with \(errors) error(s); \(site.output)/ was left as it was\n".utf8))
            throw ExitCode.failure
        }
    }
}
