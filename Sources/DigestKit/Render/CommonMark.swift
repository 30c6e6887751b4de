import Ccmark

/// Markdown to HTML with the system libcmark. Every C pointer of cmark stays in this file.
public enum CommonMark {
    /// Renders CommonMark as HTML. Safe unless `unsafe`: raw HTML is omitted and
    /// `javascript:`, `vbscript:`, `file:` and `data:` (other than images) links are dropped.
    public static func html(_ markdown: String, unsafe: Bool = false) -> String {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if unsafe { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(markdown.utf8)
        guard let pointer = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, options)
                }
            }
        }) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
