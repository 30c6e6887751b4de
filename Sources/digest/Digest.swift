import ArgumentParser
import DigestKit

@main
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Builds an Arabic news digest: a right-to-left static site from scraped and Markdown articles.",
        version: DigestVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, InspectCommand.self, InitCommand.self, SummarizeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    static func main() async {
        Allocator.prepare()
        await main(nil)
    }
}
