import DigestKit
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `digest serve`: builds the site, serves it over HTTP, rebuilds when the content, the theme
/// or the config changes, and tells open pages to reload (or shows them why the build failed).
public final class PreviewServer: Sendable {
    public let options: BuildOptions
    public let host: String
    public let port: Int
    /// How long the files must be quiet after a change before the site is rebuilt.
    public let quietPeriod: Duration
    let terminal: Terminal
    let control = ServerControl()
    let state = PreviewState()

    /// Where the server's messages go: lines for standard output and for standard error.
    public struct Terminal: Sendable {
        public var say: @Sendable (String) -> Void
        public var warn: @Sendable (String) -> Void
        public init(say: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
            self.say = say
            self.warn = warn
        }

        public static let standard = Terminal(
            // Unbuffered, so a line shows at once even when standard output is a file or a pipe.
            say: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
            warn: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
    }

    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 8000,
                quietPeriod: Duration = .milliseconds(120), terminal: Terminal = .standard) {
        self.options = options
        self.host = host
        self.port = port
        self.quietPeriod = quietPeriod
        self.terminal = terminal
    }

    /// Builds, then serves and watches until SIGINT or SIGTERM (when `handlingSignals`) or
    /// `stop()`. A build that fails, first or later, is reported and the server goes on.
    public func run(handlingSignals: Bool = true) async throws {
        if !Self.isLoopback(host) {
            terminal.warn("warning: serving on \(host): other machines on the network can read the preview")
        }
        await rebuild(after: nil)
        let watcher: SiteWatcher
        do {
            watcher = try SiteWatcher(folders: [options.input, options.templates], files: [options.config],
                                      quietPeriod: quietPeriod)
        } catch {
            throw PreviewError(message: error.description)
        }

        var logger = Logger(label: "digest.serve")
        logger.logLevel = .error
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [RebuildService(watcher: watcher, server: self)],
            onServerRunning: { [control, terminal, host] channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                let url = URL(string: "http://\(shown):\(port)/") ?? URL(fileURLWithPath: "/")
                terminal.say("serving \(url.absoluteString) — editing seeds, the theme or the config rebuilds; Ctrl-C stops")
                await control.listening(at: url)
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [app],
            gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
            logger: logger))
        await control.started(group)
        defer { watcher.stop() }
        do {
            try await group.run()
        } catch {
            await control.ended()
            throw PreviewError(message: "the server stopped: \(error)")
        }
        await control.ended()
    }

    /// Asks a running server to stop as Ctrl-C does: open pages are let go, then it returns.
    public func stop() async {
        await control.stop()
    }

    /// The server's address once it listens (the port is known only then when it was 0);
    /// nil when it stopped first.
    public func address() async -> URL? {
        await control.address()
    }

    // MARK: - Building

    /// Builds the site off the cooperative threads and tells the pages and the terminal.
    func rebuild(after change: SiteWatcher.Change?) async {
        let options = self.options
        let outcome: Result<BuildReport, BuildFailure> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(BuildFailure) {
                    continuation.resume(returning: .success(try Build.run(options)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        let cause = change.map(Self.describe) ?? ""
        switch outcome {
        case .success(let report):
            for warning in report.warnings { terminal.warn(warning.description) }
            terminal.say(cause + report.summary(output: options.output.relativePath))
            await state.succeeded()
        case .failure(let failure):
            for problem in failure.diagnostics { terminal.warn(problem.description) }
            terminal.warn(cause + "the build failed; still serving the last good site")
            let errors = failure.diagnostics.filter { $0.severity == .error }
            await state.failed(errors.isEmpty ? failure.diagnostics : errors)
        }
    }

    static func describe(_ change: SiteWatcher.Change) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let names = change.map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 }
        switch names.count {
        case 0: return "many files changed: "
        case 1: return "\(names[0]) changed: "
        default: return "\(names[0]) and \(names.count - 1) more changed: "
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// A preview server that cannot go on: the watcher or the listening socket failed.
public struct PreviewError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Rebuilds the site after each burst of changes until the server stops.
struct RebuildService: Service {
    let watcher: SiteWatcher
    let server: PreviewServer

    func run() async throws {
        let changes = watcher.changes()
        try await withTaskCancellationOrGracefulShutdownHandler {
            for await change in changes {
                await server.rebuild(after: change)
            }
        } onCancelOrGracefulShutdown: { [watcher] in
            watcher.stop()
        }
    }
}

/// Starting and stopping: the service group once it runs, and the address once it listens.
actor ServerControl {
    private var group: ServiceGroup?
    private var stopRequested = false
    private var url: URL?
    private var finished = false
    private var waiters: [CheckedContinuation<URL?, Never>] = []

    func started(_ group: ServiceGroup) async {
        self.group = group
        if stopRequested { await group.triggerGracefulShutdown() }
    }

    func stop() async {
        stopRequested = true
        await group?.triggerGracefulShutdown()
    }

    func listening(at url: URL) {
        self.url = url
        resume()
    }

    func ended() {
        finished = true
        resume()
    }

    func address() async -> URL? {
        if url != nil || finished { return url }
        return await withCheckedContinuation { waiters.append($0) }
    }

    private func resume() {
        for waiter in waiters { waiter.resume(returning: url) }
        waiters = []
    }
}
