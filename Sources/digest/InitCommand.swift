import ArgumentParser
import DigestKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Creates a new site folder: digest.yml, an example article and the default theme.")

    @Argument(help: "The folder to create.")
    var folder: String

    func run() throws {
        do {
            try SiteScaffold.create(at: URL(fileURLWithPath: folder))
            print("created \(folder)/ — cd \(folder) && digest build")
        } catch {
            Reporter.print([error])
            throw ExitCode.failure
        }
    }
}
