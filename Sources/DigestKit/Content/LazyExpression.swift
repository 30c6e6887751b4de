import Foundation
import Synchronization

/// A regular expression compiled the first time a text needs it. The content rules' built-in
/// patterns are tolerant (each Arabic letter a class of its forms, see `ArabicPattern`), and
/// compiling all of them took ~16 ms of CPU at every build's start: a fifth of building a few
/// articles, and a rebuild after one edit parses one article, which meets a handful of them.
/// Shared by the threads that parse: the first to ask compiles it, and the others wait for it.
final class LazyExpression: Sendable {
    let pattern: String
    let options: NSRegularExpression.Options
    /// Nil until asked; then the expression, or nil inside when the pattern does not compile.
    private let compiled: Mutex<NSRegularExpression??>

    init(_ pattern: String, options: NSRegularExpression.Options = [.caseInsensitive]) {
        self.pattern = pattern
        self.options = options
        compiled = Mutex(nil)
    }

    /// An expression compiled already (a pattern checked when it was loaded).
    init(compiled expression: NSRegularExpression) {
        pattern = expression.pattern
        options = expression.options
        compiled = Mutex(.some(expression))
    }

    /// The expression, or nil when the pattern does not compile: patterns made from word lists
    /// escape the words, and the built-in ones are each compiled by the tests.
    var expression: NSRegularExpression? {
        compiled.withLock { state in
            if let known = state { return known }
            let made = try? NSRegularExpression(pattern: pattern, options: options)
            state = .some(made)
            return made
        }
    }
}
