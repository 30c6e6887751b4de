import Dispatch

/// What a build holds until it returns, let go of on another core: the articles (their
/// text, summaries and tag evidence) and the cache's entries are hundreds of thousands of
/// small strings, arrays and dictionaries, and freeing them took one core half a second at
/// the end of a 10,000-article build, after which `digest build` only prints its line and
/// exits. The caller goes on while they are freed.
final class Leftovers: @unchecked Sendable {
    private var values: [Any] = []

    /// Holds `value` (a copy: the build's own references go when it returns).
    func keep(_ value: Any) {
        values.append(value)
    }

    /// Lets go of what is held, on another core. Called once the build has returned, so
    /// these are the last references and the freeing happens there. The values are taken
    /// out on that core, never on this one, whichever thread finishes first.
    func release() {
        guard !values.isEmpty else { return }
        DispatchQueue.global(qos: .utility).async { self.values = [] }
    }
}
