import Ccmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown to HTML with the system libcmark: parse, adjust the tree for the digest, render.
/// Every C pointer of cmark, and every `free` of one, stays in this file.
public enum CommonMark {
    public struct Options: Sendable {
        /// Lets raw HTML through. Off, cmark omits raw HTML and drops `javascript:`,
        /// `vbscript:`, `file:` and `data:` (other than images) link destinations.
        public var unsafe: Bool
        /// Gives every heading an `id` made from its text, unique in the document.
        public var headingIDs: Bool
        /// Isolates runs of left-to-right text (`C++`, `G7`, `5+1`, English names) so the
        /// bidirectional algorithm keeps their order inside right-to-left sentences.
        public var isolateLeftToRight: Bool
        /// Levels added to every heading (at most h6), for Markdown set under a heading of
        /// the page: with 1, an editor's `##` is an `h3` below the aside's `h2`.
        public var headingOffset: Int

        public init(unsafe: Bool = false, headingIDs: Bool = true, isolateLeftToRight: Bool = true, headingOffset: Int = 0) {
            self.unsafe = unsafe
            self.headingIDs = headingIDs
            self.isolateLeftToRight = isolateLeftToRight
            self.headingOffset = headingOffset
        }
    }

    /// A link or image destination as the Markdown writes it, and where it starts
    /// (line from 1 in the Markdown given; column in characters from 1, when cmark knows it).
    public struct Link: Sendable, Hashable {
        public var destination: String
        public var line: Int
        public var column: Int?
        public var isImage: Bool
    }

    /// Renders CommonMark as HTML, safe unless `unsafe`, with smart punctuation.
    public static func html(_ markdown: String, unsafe: Bool = false) -> String {
        (try? html(markdown, options: Options(unsafe: unsafe)) { _ throws(Diagnostic) in nil }) ?? ""
    }

    /// Renders CommonMark as HTML. `rewrite` sees every link and image destination in
    /// document order and returns a new destination, nil to keep it, or throws to stop.
    public static func html(_ markdown: String, options: Options,
                            rewrite: (Link) throws(Diagnostic) -> String?) throws(Diagnostic) -> String {
        let flags = cmarkFlags(options)
        guard let document = parse(markdown, flags: flags) else { return "" }
        defer { cmark_node_free(document) }
        // The parser splits text at characters that might start markup (`.`, `-`, `'`):
        // joined again, `2023-11-17` or `U.S.` is one text to look for runs in.
        cmark_consolidate_text_nodes(document)
        let nodes = collect(document)
        let lines = options.headingIDs || !nodes.links.isEmpty ? markdown.split(separator: "\n", omittingEmptySubsequences: false) : []

        for node in nodes.links {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            let (line, column) = position(ofLink: node, lines: lines)
            let link = Link(destination: string(cmark_node_get_url(node)), line: line, column: column, isImage: isImage)
            if let replacement = try rewrite(link) {
                cmark_node_set_url(node, replacement)
            }
        }

        // Ids come from the text as written, before any isolation splits it.
        var ids = HeadingIDs()
        let headingIDs = options.headingIDs ? nodes.headings.map { ids.next(for: plainText(of: $0)) } : []

        if options.isolateLeftToRight {
            for node in nodes.texts { isolateRuns(inText: node) }
            for node in nodes.codes where BidiRuns.isLeftToRight(string(cmark_node_get_literal(node))) {
                wrap(node, enter: BidiRuns.openTag, exit: BidiRuns.closeTag)
            }
        }

        for node in nodes.headings where options.headingOffset != 0 {
            let level = Int(cmark_node_get_heading_level(node)) + options.headingOffset
            cmark_node_set_heading_level(node, Int32(min(6, max(1, level))))
        }
        for (node, id) in zip(nodes.headings, headingIDs) {
            replace(heading: node, id: id, flags: flags)
        }
        return render(document, flags: flags)
    }

    // MARK: The tree

    static func cmarkFlags(_ options: Options) -> Int32 {
        var flags = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if options.unsafe { flags |= CMARK_OPT_UNSAFE }
        return flags
    }

    static func parse(_ markdown: String, flags: Int32) -> OpaquePointer? {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return cmark_parse_document("", 0, flags) }
                return cmark_parse_document(base, chars.count, flags)
            }
        }
    }

    /// The nodes the adjustments touch, gathered before any of them changes the tree
    /// (cmark's iterator must not outlive a structural change).
    struct Nodes {
        var links: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        var codes: [OpaquePointer] = []
    }

    static func collect(_ document: OpaquePointer) -> Nodes {
        var nodes = Nodes()
        guard let iterator = cmark_iter_new(document) else { return nodes }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: nodes.links.append(node)
            case CMARK_NODE_HEADING: nodes.headings.append(node)
            case CMARK_NODE_TEXT: nodes.texts.append(node)
            case CMARK_NODE_CODE: nodes.codes.append(node)
            default: break
            }
        }
        return nodes
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The text of a node's inline content, as a reader sees it.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Where a link starts. cmark places an inline that spans lines on its last line, so
    /// the first piece of its text, one character after the `[`, is the better witness.
    static func position(ofLink node: OpaquePointer, lines: [Substring]) -> (line: Int, column: Int?) {
        var line = Int(cmark_node_get_start_line(node))
        var byteColumn = Int(cmark_node_get_start_column(node))
        if let child = cmark_node_first_child(node), cmark_node_get_start_line(child) > 0,
           cmark_node_get_start_column(child) > 1 {
            line = Int(cmark_node_get_start_line(child))
            byteColumn = Int(cmark_node_get_start_column(child)) - (cmark_node_get_type(node) == CMARK_NODE_IMAGE ? 2 : 1)
        }
        var ancestor = cmark_node_parent(node)
        while line <= 0, let block = ancestor {
            line = Int(cmark_node_get_start_line(block))
            byteColumn = 0
            ancestor = cmark_node_parent(block)
        }
        guard line >= 1, line <= lines.count, byteColumn >= 1 else { return (max(line, 1), nil) }
        // cmark counts bytes; editors count characters.
        let utf8 = lines[line - 1].utf8
        guard let end = utf8.index(utf8.startIndex, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) else {
            return (line, nil)
        }
        return (line, String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self).count + 1)
    }

    /// Splits a text node around its left-to-right runs, each run in an isolating element.
    static func isolateRuns(inText node: OpaquePointer) {
        let text = string(cmark_node_get_literal(node))
        let runs = BidiRuns.leftToRightRuns(in: text)
        guard !runs.isEmpty else { return }
        var cursor = text.startIndex
        for run in runs {
            if cursor < run.lowerBound { insertText(String(text[cursor..<run.lowerBound]), before: node) }
            if let isolate = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let inner = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_on_enter(isolate, BidiRuns.openTag)
                cmark_node_set_on_exit(isolate, BidiRuns.closeTag)
                cmark_node_set_literal(inner, String(text[run]))
                cmark_node_append_child(isolate, inner)
                cmark_node_insert_before(node, isolate)
            }
            cursor = run.upperBound
        }
        if cursor < text.endIndex { insertText(String(text[cursor...]), before: node) }
        cmark_node_free(node)
    }

    static func insertText(_ text: String, before node: OpaquePointer) {
        guard let piece = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(piece, text)
        cmark_node_insert_before(node, piece)
    }

    /// Puts an inline node inside a custom inline that writes `enter` and `exit` around it.
    static func wrap(_ node: OpaquePointer, enter: String, exit: String) {
        guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(wrapper, enter)
        cmark_node_set_on_exit(wrapper, exit)
        cmark_node_insert_before(node, wrapper)
        cmark_node_append_child(wrapper, node)
    }

    /// cmark's HTML renderer writes headings without ids: the heading is rendered on its
    /// own (safe mode applies to its inlines as to any) and replaced by a custom block
    /// holding that HTML with the id added.
    static func replace(heading node: OpaquePointer, id: String, flags: Int32) {
        let level = Int(cmark_node_get_heading_level(node))
        guard let pointer = cmark_render_html(node, flags) else { return }
        defer { free(pointer) }
        let html = String(cString: pointer)
        let open = "<h\(level)>"
        guard html.hasPrefix(open), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let withID = "<h\(level) id=\"\(HTML.escape(id))\">" + html.dropFirst(open.count)
        cmark_node_set_on_enter(block, withID.hasSuffix("\n") ? String(withID.dropLast()) : withID)
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    static func render(_ document: OpaquePointer, flags: Int32) -> String {
        guard let pointer = cmark_render_html(document, flags) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
