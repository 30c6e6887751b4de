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

    /// Before any thread starts: a heap made before is not padded.
    static func main() async {
        HeapPadding.apply()
        await main(nil)
    }
}
