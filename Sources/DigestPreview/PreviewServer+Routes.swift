import DigestKit
import Foundation
import Hummingbird
import ServiceLifecycle

extension PreviewServer {
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let state = self.state
        let output = options.output
        router.get(RouterPath(ReloadScript.eventsPath)) { _, _ in
            Self.events(state)
        }
        router.get(RouterPath(ReloadScript.path)) { _, _ in
            Self.response(.ok, type: MediaTypes.byExtension["js"] ?? "", bytes: Array(ReloadScript.source.utf8))
        }
        router.get("/") { request, _ in
            await Self.siteFile(request.uri.path, in: output)
        }
        router.get("**") { request, _ in
            await Self.siteFile(request.uri.path, in: output)
        }
        return router
    }

    /// The stream of build events for one page, until the page goes or the server stops.
    static func events(_ state: PreviewState) -> Response {
        let body = ResponseBody { writer in
            let (id, events) = await state.listen()
            do {
                try await withTaskCancellationOrGracefulShutdownHandler {
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.serverSentEvent))
                    }
                } onCancelOrGracefulShutdown: {
                    Task { await state.stopListening(id) }
                }
            } catch {
                // The page went away mid-write: nothing to tell anyone.
            }
            await state.stopListening(id)
            try await writer.finish(nil)
        }
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                        body: body)
    }

    /// A file of the site, the reload script put into HTML; the site's own 404 page for a miss.
    static func siteFile(_ rawPath: String, in output: URL) async -> Response {
        await waitWhileSwapping(output)
        guard let relative = SiteRequest.relativePath(rawPath) else {
            return await notFound(in: output)
        }
        if !rawPath.hasSuffix("/"), SiteRequest.isFolder(relative, in: output) {
            // So that the folder's index page resolves its relative links from the folder.
            return Response.redirect(to: rawPath + "/", type: .found)
        }
        guard let (path, bytes) = SiteRequest.read(relative, in: output) else {
            return await notFound(in: output)
        }
        let type = MediaTypes.type(ofPath: path)
        return response(.ok, type: type, bytes: MediaTypes.isHTML(type) ? ReloadScript.inject(into: bytes) : bytes)
    }

    static func notFound(in output: URL) async -> Response {
        if let (_, bytes) = SiteRequest.read("404.html", in: output) {
            return response(.notFound, type: MediaTypes.byExtension["html"] ?? "", bytes: ReloadScript.inject(into: bytes))
        }
        // No site yet (the first build failed): a page that can still show why.
        let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>Not found.</p></body></html>"
        return response(.notFound, type: MediaTypes.byExtension["html"] ?? "", bytes: ReloadScript.inject(into: Array(page.utf8)))
    }

    static func response(_ status: HTTPResponse.Status, type: String, bytes: [UInt8]) -> Response {
        Response(status: status,
                 headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The output folder is missing for an instant while a build swaps the new site in.
    static func waitWhileSwapping(_ output: URL) async {
        for _ in 0..<20 where !FileManager.default.fileExists(atPath: output.path) {
            try? await Task.sleep(for: .milliseconds(25))
        }
    }
}

/// Maps a request's path to a file of the site.
enum SiteRequest {
    /// The path relative to the site folder: percent-decoded, `index.html` for a folder, and
    /// nil for anything that tries to leave the folder.
    static func relativePath(_ rawPath: String) -> String? {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\u{0}") else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") }) else { return nil }
        let joined = parts.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        return decoded.hasSuffix("/") ? joined + "/index.html" : joined
    }

    static func isFolder(_ relative: String, in output: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// The bytes of the file, or of a folder's `index.html`; nil when there is neither.
    static func read(_ relative: String, in output: URL) -> (String, [UInt8])? {
        let fm = FileManager.default
        var path = relative
        var url = output.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            path += "/index.html"
            url = output.appendingPathComponent(path)
        }
        guard let data = fm.contents(atPath: url.path) else { return nil }
        return (path, [UInt8](data))
    }
}
