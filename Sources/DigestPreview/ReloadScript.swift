/// The script that makes an open page follow the build: it listens to the server's events,
/// reloads on a good build and lays the errors of a failed one over the page. It is put into
/// HTML as the server sends it, never into the files of `site/`.
enum ReloadScript {
    static let path = "/_digest/reload.js"
    static let eventsPath = "/_digest/events"
    static let tag = "<script src=\"\(path)\"></script>"

    /// `html` with the script tag before its last `</body>`, or at its end when it has none.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let tagBytes = Array(tag.utf8)
        let close = Array("</body".utf8)
        if html.count >= close.count {
            var i = html.count - close.count
            while i >= 0 {
                if zip(html[i..<(i + close.count)], close).allSatisfy({ lowercased($0) == $1 }) {
                    return Array(html[..<i]) + tagBytes + Array(html[i...])
                }
                i -= 1
            }
        }
        return html + tagBytes
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }

    /// The events are `hello` (the server's identity: a page that outlives a restart of the
    /// server reloads), `reload` (a build succeeded) and `failure` (a JSON list of problems).
    static let source = #"""
    (() => {
      "use strict";
      const events = new EventSource("\#(eventsPath)");
      let server = null;
      events.addEventListener("hello", (e) => {
        if (server !== null && server !== e.data) location.reload();
        server = e.data;
      });
      events.addEventListener("reload", () => location.reload());
      events.addEventListener("failure", (e) => show(JSON.parse(e.data)));

      function show(problems) {
        let overlay = document.getElementById("digest-build-failure");
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "digest-build-failure";
          overlay.setAttribute("role", "alert");
          overlay.dir = "ltr";
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
            "background:rgba(20,20,20,.94);color:#fafafa;padding:1.5rem;text-align:left;" +
            "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
          document.body.appendChild(overlay);
        }
        overlay.replaceChildren();
        const title = document.createElement("h2");
        title.textContent = "The build failed: this is the last good page. Fix the file and save; the page reloads.";
        title.style.cssText = "font:bold 16px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ff8a80";
        overlay.appendChild(title);
        for (const p of problems) {
          const item = document.createElement("pre");
          item.style.cssText = "white-space:pre-wrap;margin:0 0 .75rem";
          const where = document.createElement("strong");
          where.className = "digest-failure-location";
          where.textContent = [p.file, p.line, p.column].filter((x) => x !== undefined && x !== null).join(":");
          item.appendChild(where);
          item.appendChild(document.createTextNode((where.textContent ? ": " : "") + p.severity + ": " + p.message));
          overlay.appendChild(item);
        }
      }
    })();
    """#
}
