import Mustache

/// A theme template as swift-mustache parsed it, taken into digest's own form to be rendered
/// by `TemplateRenderer`.
///
/// swift-mustache stays the parser (its rules for standalone lines, partial indentation and
/// inheritance are the theme's rules), but its renderer looked every tag up by splitting the
/// name, climbing the context stack with run-time protocol casts at each object and copying
/// the context at each section: a sixth of a cold build's time. Here each name is split
/// once, and the values digest's view models hold are recognised by their type.
///
/// swift-mustache keeps its parsed tokens internal, so they are read by reflection, once per
/// theme. If they ever come in a shape this does not know (another version of the package),
/// `init?` fails and the theme is rendered by swift-mustache itself, as before.
struct CompiledTemplate: Sendable {
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text(String)
        case variable(TagName, escaped: Bool)
        case section(TagName, CompiledTemplate)
        case invertedSection(TagName, CompiledTemplate)
        case blockExpansion(name: String, default: CompiledTemplate, indentation: String?)
        case partial(name: String, indentation: String?, inherits: [String: CompiledTemplate]?)
        case contentType(any MustacheContentType)
        /// Never rendered (swift-mustache does not render one either): kept for the shape.
        case blockDefinition
    }

    /// A tag's name as swift-mustache looks it up: `.`, a dotted path (`page.title`), one
    /// starting with a dot (looked up in the current object only), or nothing with transforms
    /// (`first()`, on the position in a list); and the transforms (`empty(list)`), innermost last.
    struct TagName: Sendable {
        enum Start: Sendable { case current, sequencePosition, currentOnly, stack }
        let start: Start
        let path: [String]
        let transforms: [String]

        init(start: Start, path: [String], transforms: [String]) {
            (self.start, self.path, self.transforms) = (start, path, transforms)
        }

        init(_ name: String, transforms: [String]) {
            self.transforms = transforms
            path = name.split(separator: ".").map(String.init)
            if name == "." {
                start = .current
            } else if name.isEmpty, !transforms.isEmpty {
                start = .sequencePosition
            } else if name.first == "." {
                start = .currentOnly
            } else {
                start = .stack
            }
        }
    }

    init(nodes: [Node]) { self.nodes = nodes }

    /// The template's tokens in digest's form, or nil when one is not of a known shape.
    init?(_ template: MustacheTemplate) {
        guard let tokens = Self.child("tokens", of: template) as? [Any] else { return nil }
        var nodes: [Node] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            guard let node = Self.node(token) else { return nil }
            nodes.append(node)
        }
        self.nodes = nodes
    }

    static func node(_ token: Any) -> Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let (label, payload) = mirror.children.first.map({ ($0.label, $0.value) }) else { return nil }
        let fields = Mirror(reflecting: payload).children.map(\.value)
        func name(_ index: Int) -> TagName? {
            guard fields.count > index + 1, let name = fields[index] as? String,
                  let transforms = fields[index + 1] as? [String] else { return nil }
            return TagName(name, transforms: transforms)
        }
        func template(_ value: Any) -> CompiledTemplate? {
            (value as? MustacheTemplate).flatMap(CompiledTemplate.init)
        }
        switch label {
        case "text":
            return (payload as? String).map(Node.text)
        case "variable":
            return name(0).map { .variable($0, escaped: true) }
        case "unescapedVariable":
            return name(0).map { .variable($0, escaped: false) }
        case "section", "invertedSection":
            guard fields.count == 3, let name = name(0), let body = template(fields[2]) else { return nil }
            return label == "section" ? .section(name, body) : .invertedSection(name, body)
        case "blockDefinition":
            return .blockDefinition
        case "blockExpansion":
            guard fields.count == 3, let name = fields[0] as? String, let body = template(fields[1]),
                  let indentation = fields[2] as? String? else { return nil }
            return .blockExpansion(name: name, default: body, indentation: indentation)
        case "partial":
            guard fields.count == 3, let name = fields[0] as? String, let indentation = fields[1] as? String?,
                  let inherits = fields[2] as? [String: MustacheTemplate]? else { return nil }
            var compiled: [String: CompiledTemplate]?
            if let inherits {
                compiled = [:]
                for (block, body) in inherits {
                    guard let body = CompiledTemplate(body) else { return nil }
                    compiled?[block] = body
                }
            }
            return .partial(name: name, indentation: indentation, inherits: compiled)
        case "contentType":
            return (payload as? any MustacheContentType).map(Node.contentType)
        default:
            // A dynamic partial (`{{>*name}}`) or a token of a later version: swift-mustache renders the theme.
            return nil
        }
    }

    static func child(_ label: String, of value: Any) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == label }?.value
    }
}
