import Mustache

/// What a template reads on a page: names and their values, in the order they were given.
/// swift-mustache looks every tag's name up in each object of its context stack, and asks each
/// object and value at run time which of its protocols it conforms to; a dictionary costs a
/// hash of the name per object, a String value casts that fail before it is printed. A short
/// list compared name by name, with text as `TemplateText`, renders the same pages with about a
/// third less work in the template engine (measured on the article page's shapes).
/// Templates see what they saw of the dictionaries it replaces: the same names and values,
/// the same transforms (`count`, `empty`, `enumerated`, `sorted`).
struct ViewModel: MustacheParent, MustacheTransformable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    private(set) var names: [String] = []
    /// Each value as the renderer reads it, its kind known (`TemplateValue`).
    private(set) var values: [TemplateValue] = []

    init() {}

    init(dictionaryLiteral elements: (String, Any)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The dictionary's names in sorted order.
    init(_ dictionary: [String: Any]) {
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { self[name] = value }
    }

    var count: Int { names.count }

    subscript(name: String) -> Any? {
        get { names.firstIndex(of: name).map { values[$0].any } }
        set {
            let index = names.firstIndex(of: name)
            switch (index, newValue) {
            case (let i?, let value?): values[i] = TemplateValue(Self.templateValue(value))
            case (let i?, nil):
                names.remove(at: i)
                values.remove(at: i)
            case (nil, let value?):
                names.append(name)
                values.append(TemplateValue(Self.templateValue(value)))
            case (nil, nil): break
            }
        }
    }

    /// This view model with the names of `other` added or, where both have one, replaced.
    func merging(_ other: ViewModel) -> ViewModel {
        var merged = self
        merged.merge(other)
        return merged
    }

    mutating func merge(_ other: ViewModel) {
        for (name, value) in zip(other.names, other.values) { self[name] = value.any }
    }

    /// The same names with each value transformed.
    func mapValues(_ transform: (Any) -> Any) -> ViewModel {
        var mapped = ViewModel()
        for (name, value) in zip(names, values) { mapped[name] = transform(value.any) }
        return mapped
    }

    /// Text as `TemplateText`, lists of text as lists of it, dictionaries as view models: what
    /// templates read fastest and render the same.
    static func templateValue(_ value: Any) -> Any {
        if let text = value as? String { return TemplateText(text) }
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == ObjectIdentifier([String].self), let texts = value as? [String] { return texts.map(TemplateText.init) }
        if type == ObjectIdentifier([String: Any].self), let dictionary = value as? [String: Any] { return ViewModel(dictionary) }
        return value
    }

    func child(named name: String) -> Any? { value(named: name)?.any }

    /// The value of a name, its kind known: what `TemplateRenderer` reads.
    func value(named name: String) -> TemplateValue? {
        for i in names.indices where names[i] == name { return values[i] }
        return nil
    }

    /// A dictionary's transforms: `enumerated` in the view model's order (a dictionary's is unspecified).
    func transform(_ name: String) -> Any? {
        switch name {
        case "count": return count
        case "empty": return names.isEmpty
        case "enumerated": return pairs
        case "sorted": return pairs.sorted { $0.key < $1.key }
        default: return nil
        }
    }

    var pairs: [(key: String, value: Any)] { names.indices.map { (key: names[$0], value: values[$0].any) } }

    /// As a dictionary prints itself, were a template to print a view model.
    var description: String {
        guard !names.isEmpty else { return "[:]" }
        return "[" + pairs.map { "\($0.key.debugDescription): \(Self.debugDescription($0.value))" }.joined(separator: ", ") + "]"
    }

    static func debugDescription(_ value: Any) -> String {
        if let text = value as? TemplateText { return text.renderText.debugDescription }
        if let texts = value as? [TemplateText] { return texts.map(\.renderText).debugDescription }
        var out = ""
        debugPrint(value, terminator: "", to: &out)
        return out
    }
}

/// A value of a view model, with the kinds digest's view models hold told apart when it is
/// stored, so that rendering a tag asks no run-time cast of it.
enum TemplateValue {
    case text(TemplateText)
    case texts([TemplateText])
    case view(ViewModel)
    case views([ViewModel])
    case bool(Bool)
    /// Anything else, boxed: an `Any` in place would make every copy of every value a call
    /// through the type's value witnesses, and the renderer copies values at each look-up.
    case other(Boxed)

    final class Boxed {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func other(_ value: Any) -> TemplateValue { .other(Boxed(value)) }

    /// Classified by its exact type: a cast alone would also open optionals and convert
    /// lists element by element, and the value would no longer be the one given.
    init(_ value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == ObjectIdentifier(TemplateText.self), let text = value as? TemplateText {
            self = .text(text)
        } else if type == ObjectIdentifier(ViewModel.self), let view = value as? ViewModel {
            self = .view(view)
        } else if type == ObjectIdentifier([ViewModel].self), let views = value as? [ViewModel] {
            self = .views(views)
        } else if type == ObjectIdentifier([TemplateText].self), let texts = value as? [TemplateText] {
            self = .texts(texts)
        } else if type == ObjectIdentifier(Bool.self), let bool = value as? Bool {
            self = .bool(bool)
        } else {
            self = .other(value)
        }
    }

    /// The value as it was given (after `ViewModel.templateValue`).
    var any: Any {
        switch self {
        case .text(let text): text
        case .texts(let texts): texts
        case .view(let view): view
        case .views(let views): views
        case .bool(let bool): bool
        case .other(let boxed): boxed.value
        }
    }
}

/// Text in a view model. It renders as the String it holds would (escaped by `{{x}}`, as it
/// is by `{{{x}}}`), with fewer of the engine's run-time casts; it has no names of its own,
/// as a String has none, and a String's transforms (`empty`, `uppercased`…).
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Comparable, CustomStringConvertible {
    let renderText: String

    init(_ text: String) { renderText = text }

    var isNull: Bool { false }
    var description: String { renderText }

    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { renderText.transform(name) }

    static func < (a: TemplateText, b: TemplateText) -> Bool { a.renderText < b.renderText }
}
