import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each rendering thread's own copy of the compiled templates.
///
/// Rendering a node retains it (and its names and text) and releases it after. With one copy
/// for every thread, the pages made at once on two cores retained the same nodes, and each
/// retain took the node's count from the other core's cache: a copy a thread, sharing no
/// storage, keeps every count in its own core. The copies are made on a thread's first page.
final class ThreadTemplates: @unchecked Sendable {
    private let original: [String: CompiledTemplate]
    private var copies: [UInt: Copy] = [:]
    private let lock = NSLock()

    /// One thread's templates, and what it knows of their outputs; read and changed by that thread alone.
    final class Copy: @unchecked Sendable {
        let templates: [String: CompiledTemplate]
        /// By template, the largest output it rendered on this thread past `TemplateRenderer.reserved`:
        /// the next output starts at that size, not grown to it step by step (a list page of
        /// 70 kB grew three times, each growth a copy of all before).
        var largest: [String: Int] = [:]

        init(_ templates: [String: CompiledTemplate]) { self.templates = templates }
    }

    init(_ templates: [String: CompiledTemplate]) { original = templates }

    /// The templates of the calling thread.
    var current: Copy {
        let thread = Self.currentThread
        if let copy = lock.withLock({ copies[thread] }) { return copy }
        let copy = Copy(original.reduce(into: [String: CompiledTemplate]()) { $0[String.separate($1.key)] = $1.value.separateCopy() })
        lock.withLock { copies[thread] = copy }
        return copy
    }

    private static var currentThread: UInt {
        #if canImport(Glibc)
        UInt(pthread_self())
        #else
        UInt(bitPattern: pthread_self())
        #endif
    }
}

extension CompiledTemplate {
    /// A copy that shares no storage with this template: new nodes, names and text.
    func separateCopy() -> CompiledTemplate {
        CompiledTemplate(nodes: nodes.map { $0.separateCopy() })
    }
}

extension CompiledTemplate.Node {
    func separateCopy() -> CompiledTemplate.Node {
        switch self {
        case .text(let text): .text(String.separate(text))
        case .variable(let name, let escaped): .variable(name.separateCopy(), escaped: escaped)
        case .section(let name, let body): .section(name.separateCopy(), body.separateCopy())
        case .invertedSection(let name, let body): .invertedSection(name.separateCopy(), body.separateCopy())
        case .blockExpansion(let name, let fallback, let indentation):
            .blockExpansion(name: String.separate(name), default: fallback.separateCopy(), indentation: indentation.map(String.separate))
        case .partial(let name, let indentation, let inherits):
            .partial(name: String.separate(name), indentation: indentation.map(String.separate),
                     inherits: inherits.map { $0.reduce(into: [:]) { $0[String.separate($1.key)] = $1.value.separateCopy() } })
        case .contentType(let contentType): .contentType(contentType)
        case .blockDefinition: .blockDefinition
        }
    }
}

extension CompiledTemplate.TagName {
    func separateCopy() -> CompiledTemplate.TagName {
        CompiledTemplate.TagName(start: start, path: path.map(String.separate), transforms: transforms.map(String.separate))
    }
}

extension String {
    /// The same text in storage of its own (a copy of a string shares its storage).
    static func separate(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }
}
