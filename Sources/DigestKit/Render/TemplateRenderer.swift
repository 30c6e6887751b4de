import Mustache

/// Renders a theme's `CompiledTemplate`s with the rules of swift-mustache's renderer (2.1),
/// step for step: names are looked up in the innermost object first and outwards, then
/// transformed; a list repeats a section for each item, `false`, nothing and an empty list
/// hide it; partials and parents take the indentation of their tag and the blocks of their
/// caller; a content type tag changes how the rest of its template escapes.
///
/// What it does differently is only how: the page is written into one string instead of a
/// string per tag joined at each level, the context stack grows and shrinks in place instead
/// of being copied at each section, and the values digest's view models hold (`ViewModel`,
/// `TemplateText`, lists of them, `Bool`) are known by their kind (`TemplateValue`, found when
/// the view model was made) instead of asked by run-time protocol casts. Other values go the way swift-mustache takes them, except lambdas, which
/// swift-mustache does not let another module call: digest's view models hold none.
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]
    /// The templates each thread renders from (`ThreadTemplates`).
    private let threads: ThreadTemplates

    /// Every template of a library, or nil when one cannot be taken into digest's form.
    init?(_ library: MustacheLibrary, names: some Sequence<String>) {
        var templates: [String: CompiledTemplate] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name), let compiled = CompiledTemplate(template) else { return nil }
            templates[name] = compiled
        }
        self.templates = templates
        threads = ThreadTemplates(templates)
    }

    init(templates: [String: CompiledTemplate]) {
        self.templates = templates
        threads = ThreadTemplates(templates)
    }

    /// Partials and parents inside each other past this depth are a template that includes
    /// itself for ever (swift-mustache recurses until the stack runs out).
    static let deepestNesting = 64

    /// A template that includes itself, through partials or parents, without end.
    struct NestingTooDeep: Error {
        /// The partial or block that was one too many.
        let name: String
    }

    /// The template `name` rendered with `root` at the bottom of the context stack, or nil
    /// when there is no such template.
    func render(_ name: String, _ root: Any) throws(NestingTooDeep) -> String? {
        let copy = threads.current
        let templates = copy.templates
        guard let template = templates[name] else { return nil }
        var run = Run(templates: templates, stack: [TemplateValue(root)])
        var out = ""
        let largest = copy.largest[name] ?? 0
        out.reserveCapacity(max(Self.reserved, largest))
        run.render(template, Scope(), into: &out)
        if let tooDeep = run.tooDeep { throw NestingTooDeep(name: tooDeep) }
        let count = out.utf8.count
        if count > max(Self.reserved, largest) { copy.largest[name] = count + count / 8 }
        return Self.compacted(out)
    }

    /// What an output is given to grow in: a page's size, so it seldom grows again.
    static let reserved = 16_384

    /// `text` in a buffer of its own size when it is much smaller than `reserved`: an output
    /// keeps its buffer as long as it is kept, and a list item's (1.4 kB) is kept for the whole
    /// build, each holding 16 kB: 160 MB of a 10,000-article build's peak.
    static func compacted(_ text: String) -> String {
        let count = text.utf8.count
        guard count < reserved / 4 else { return text }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(from: text.utf8).1
        }
    }

    /// What a template renders in besides the stack: swift-mustache's context.
    struct Scope {
        var position: SequencePosition?
        var indentation: String?
        var inherited: [String: CompiledTemplate]?
        var contentType: any MustacheContentType = HTMLEscaping()

        /// For a partial or a parent: indented further, with its blocks (the caller's win),
        /// and escaping for HTML again until the partial says otherwise.
        func forPartial(indented: String?, inheriting: [String: CompiledTemplate]?) -> Scope {
            var scope = Scope()
            scope.indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
            if let inheriting {
                scope.inherited = inherited.map { $0.merging(inheriting) { caller, _ in caller } } ?? inheriting
            } else {
                scope.inherited = inherited
            }
            return scope
        }

        func forBlock(indented: String?) -> Scope {
            var scope = self
            scope.position = nil
            scope.indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
            return scope
        }

        func forObject() -> Scope {
            var scope = self
            scope.position = nil
            return scope
        }
    }

    /// Where an item stands in the list its section repeats for, and its transforms
    /// (`first()`, `last()`, `index()`, `even()`, `odd()`), as swift-mustache gives them.
    struct SequencePosition: MustacheTransformable {
        var first: Bool
        var last: Bool
        var index: Int

        func transform(_ name: String) -> Any? {
            switch name {
            case "first": first
            case "last": last
            case "index": index
            case "even": index & 1 == 0
            case "odd": index & 1 == 1
            default: nil
            }
        }
    }

    /// swift-mustache's HTML escaping, where a template has not named its content type
    /// (digest's templates all name theirs): `HTML.escape` escapes the same five characters.
    struct HTMLEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// One page's rendering: the context stack, pushed and popped around each section.
    struct Run {
        let templates: [String: CompiledTemplate]
        var stack: [TemplateValue]
        var nesting = 0
        /// Set when partials and parents nested past `deepestNesting`: the page is abandoned.
        var tooDeep: String?

        init(templates: [String: CompiledTemplate], stack: [TemplateValue]) {
            self.templates = templates
            self.stack = stack
        }

        /// Renders a partial, a parent or a block one level deeper, unless that is too deep.
        mutating func renderNested(_ name: String, _ template: CompiledTemplate, _ scope: Scope, into out: inout String) {
            guard tooDeep == nil else { return }
            guard nesting < TemplateRenderer.deepestNesting else {
                tooDeep = name
                return
            }
            nesting += 1
            render(template, scope, into: &out)
            nesting -= 1
        }

        mutating func render(_ template: CompiledTemplate, _ scope: Scope, into out: inout String) {
            var scope = scope
            if let indentation = scope.indentation, !indentation.isEmpty {
                // Each piece that starts a line is indented: pieces are told apart, as swift-mustache does.
                var text = ""
                for node in template.nodes {
                    var piece = ""
                    render(node, &scope, into: &piece)
                    if !piece.isEmpty, text.last == "\n" { text += indentation }
                    text += piece
                }
                out += text
            } else {
                // Each node passed where it lies: the loop's iterator copied each node out, a
                // retain and a release more of memory that every thread read (reference counting
                // under this loop 3.3% of a cold build's samples, 1.1% without the copies).
                template.nodes.withUnsafeBufferPointer { nodes in
                    for i in nodes.indices { render(nodes[i], &scope, into: &out) }
                }
            }
        }

        mutating func render(_ node: CompiledTemplate.Node, _ scope: inout Scope, into out: inout String) {
            switch node {
            case .text(let text):
                out += text
            case .variable(let name, let escaped):
                guard let value = lookUp(name, scope) else { return }
                switch value {
                case .text(let text):
                    out += escaped ? scope.contentType.escapeText(text.renderText) : text.renderText
                case .other(let boxed):
                    let value = boxed.value
                    if escaped, let template = value as? MustacheTemplate, let compiled = CompiledTemplate(template) {
                        render(compiled, scope, into: &out)
                    } else if let renderable = value as? MustacheCustomRenderable {
                        out += escaped ? scope.contentType.escapeText(renderable.renderText) : renderable.renderText
                    } else {
                        let text = String(describing: Self.unwrappingOptional(value))
                        out += escaped ? scope.contentType.escapeText(text) : text
                    }
                case .texts, .view, .views, .bool:
                    let text = String(describing: value.any)
                    out += escaped ? scope.contentType.escapeText(text) : text
                }
            case .section(let name, let body):
                renderSection(lookUp(name, scope), body, scope, into: &out)
            case .invertedSection(let name, let body):
                renderInvertedSection(lookUp(name, scope), body, scope, into: &out)
            case .blockExpansion(let name, let fallback, let indentation):
                renderNested(name, scope.inherited?[name] ?? fallback, scope.forBlock(indented: indentation), into: &out)
            case .partial(let name, let indentation, let inherits):
                guard let template = templates[name] else { return }
                renderNested(name, template, scope.forPartial(indented: indentation, inheriting: inherits), into: &out)
            case .contentType(let contentType):
                scope.contentType = contentType
            case .blockDefinition:
                break
            }
        }

        mutating func renderSection(_ value: TemplateValue?, _ body: CompiledTemplate, _ scope: Scope, into out: inout String) {
            guard let value else { return }
            switch value {
            case .views(let items):
                renderItems(items.count, body, scope, into: &out) { .view(items[$0]) }
            case .texts(let items):
                renderItems(items.count, body, scope, into: &out) { .text(items[$0]) }
            case .bool(let bool):
                if bool { render(body, scope, into: &out) }
            case .view, .text:
                renderWithObject(value, body, scope, into: &out)
            case .other(let boxed):
                let object = boxed.value
                if let sequence = object as? any MustacheSequence {
                    let items = Self.items(of: sequence)
                    renderItems(items.count, body, scope, into: &out) { items[$0] }
                } else if let bool = object as? Bool {
                    if bool { render(body, scope, into: &out) }
                } else if let null = object as? MustacheCustomRenderable, null.isNull {
                    return
                } else {
                    renderWithObject(value, body, scope, into: &out)
                }
            }
        }

        mutating func renderInvertedSection(_ value: TemplateValue?, _ body: CompiledTemplate, _ scope: Scope, into out: inout String) {
            guard let value else { return render(body, scope, into: &out) }
            switch value {
            case .bool(let bool):
                if !bool { render(body, scope, into: &out) }
            case .view, .text:
                return
            // An empty list: the section renders with the list as its object, as swift-mustache's does.
            case .views(let items):
                if items.isEmpty { renderWithObject(value, body, scope, into: &out) }
            case .texts(let items):
                if items.isEmpty { renderWithObject(value, body, scope, into: &out) }
            case .other(let boxed):
                let object = boxed.value
                if let sequence = object as? any MustacheSequence {
                    if Self.isEmpty(sequence) { renderWithObject(value, body, scope, into: &out) }
                } else if let bool = object as? Bool {
                    if !bool { render(body, scope, into: &out) }
                } else if let null = object as? MustacheCustomRenderable, null.isNull {
                    render(body, scope, into: &out)
                }
            }
        }

        mutating func renderWithObject(_ object: TemplateValue, _ body: CompiledTemplate, _ scope: Scope, into out: inout String) {
            stack.append(object)
            render(body, scope.forObject(), into: &out)
            stack.removeLast()
        }

        mutating func renderItems(_ count: Int, _ body: CompiledTemplate, _ scope: Scope, into out: inout String,
                                  _ item: (Int) -> TemplateValue) {
            var scope = scope
            for index in 0..<count {
                scope.position = SequencePosition(first: index == 0, last: index == count - 1, index: index)
                stack.append(item(index))
                render(body, scope, into: &out)
                stack.removeLast()
            }
        }

        static func items<S: Sequence>(of sequence: S) -> [TemplateValue] { sequence.map { TemplateValue($0) } }

        static func isEmpty<S: Sequence>(_ sequence: S) -> Bool {
            var iterator = sequence.makeIterator()
            return iterator.next() == nil
        }

        /// The value a tag names: swift-mustache's `getChild`.
        func lookUp(_ name: CompiledTemplate.TagName, _ scope: Scope) -> TemplateValue? {
            var found: TemplateValue?
            switch name.start {
            case .current: found = stack.last
            case .sequencePosition: found = scope.position.map { .other($0) }
            case .currentOnly: found = stack.last.flatMap { child(name.path[...], of: $0) }
            case .stack: found = childInStack(name.path[...])
            }
            if case .other(let boxed)? = found, let custom = boxed.value as? MustacheCustomRepresentation {
                found = custom.representation.map(TemplateValue.init)
            }
            guard var value = found else { return nil }
            for transform in name.transforms.reversed() {
                guard let transformable = value.any as? MustacheTransformable, let transformed = transformable.transform(transform) else {
                    return nil
                }
                value = TemplateValue(transformed)
            }
            return value
        }

        func childInStack(_ path: ArraySlice<String>) -> TemplateValue? {
            guard let first = path.first else { return stack.last }
            for object in stack.reversed() {
                if let found = Self.immediateChild(first, of: object) { return child(path.dropFirst(), of: found) }
            }
            return nil
        }

        func child(_ path: ArraySlice<String>, of object: TemplateValue) -> TemplateValue? {
            guard let name = path.first else { return object }
            guard let found = Self.immediateChild(name, of: object) else { return nil }
            return child(path.dropFirst(), of: found)
        }

        static func immediateChild(_ name: String, of object: TemplateValue) -> TemplateValue? {
            switch object {
            case .view(let view): return view.value(named: name)
            // Text, lists and flags have no names (no labelled children to reflect on).
            case .text, .texts, .views, .bool: return nil
            case .other(let boxed):
                let object = boxed.value
                if let root = object as? RecordingView { return root.value(named: name) }
                let represented: Any?
                if let custom = object as? MustacheCustomRepresentation { represented = custom.representation } else { represented = object }
                if let parent = represented as? MustacheParent { return parent.child(named: name).map(TemplateValue.init) }
                guard let represented else { return nil }
                guard let value = Mirror(reflecting: represented).children.first(where: { $0.label == name })?.value else { return nil }
                let mirror = Mirror(reflecting: value)
                guard mirror.displayStyle == .optional else { return TemplateValue(value) }
                return mirror.children.first.map { TemplateValue($0.value) }
            }
        }

        /// An optional's value, or the optional itself when it holds none (it prints `nil`).
        static func unwrappingOptional(_ value: Any) -> Any {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first?.value ?? value
        }
    }
}
