/// Links that come from content (an article's `url:`, its source) go into `href`: only
/// web addresses may, never `javascript:`, `data:` or `vbscript:` ones that run on a click.
public enum SafeURL {
    /// True for an `http://` or `https://` address. Browsers ignore tabs, newlines and
    /// leading control characters in a URL (`java\tscript:` runs), so the check does too.
    public static func isWebAddress(_ text: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        return squeezed.hasPrefix("http://") || squeezed.hasPrefix("https://")
    }

    /// The address when it is a web address, nil otherwise.
    public static func webAddress(_ text: String?) -> String? {
        guard let text, isWebAddress(text) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
