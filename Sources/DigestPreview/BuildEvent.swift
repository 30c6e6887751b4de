import DigestKit
import Foundation

/// What the server tells open pages, as Server-Sent Events.
enum BuildEvent: Sendable, Equatable {
    /// Sent first on every connection: who the server is.
    case hello(server: String)
    /// A build succeeded: the site changed.
    case reload(build: Int)
    /// A build failed; the site is the last good one.
    case failure([Diagnostic])

    /// The event in the `text/event-stream` format; data lines never hold a newline.
    var serverSentEvent: String {
        switch self {
        case .hello(let server): return "event: hello\ndata: \(server)\n\n"
        case .reload(let build): return "event: reload\ndata: \(build)\n\n"
        case .failure(let problems): return "event: failure\ndata: \(Self.json(problems))\n\n"
        }
    }

    static func json(_ problems: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSONEncoder escapes newlines inside strings, so the event stays on one data line.
        guard let data = try? encoder.encode(problems) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The last build's outcome and the pages listening for the next one.
actor PreviewState {
    let server: String
    private(set) var build = 0
    private(set) var failure: [Diagnostic]?
    private var listeners: [UUID: AsyncStream<BuildEvent>.Continuation] = [:]

    init() {
        server = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
    }

    /// A new listener's events: who the server is, then the current failure if there is one,
    /// then every build from now on.
    func listen() -> (UUID, AsyncStream<BuildEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: BuildEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        listeners[id] = continuation
        continuation.yield(.hello(server: server))
        if let failure { continuation.yield(.failure(failure)) }
        return (id, stream)
    }

    func stopListening(_ id: UUID) {
        listeners.removeValue(forKey: id)?.finish()
    }

    func succeeded() {
        build += 1
        failure = nil
        publish(.reload(build: build))
    }

    func failed(_ problems: [Diagnostic]) {
        failure = problems
        publish(.failure(problems))
    }

    /// Ends every listener's stream, so their responses finish and the server can stop.
    func finishAll() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    var listenerCount: Int { listeners.count }

    private func publish(_ event: BuildEvent) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
