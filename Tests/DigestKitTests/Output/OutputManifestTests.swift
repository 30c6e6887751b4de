import Foundation
import Testing
@testable import DigestKit

/// The list of the files digest wrote, kept in the output folder.
@Suite("OutputManifest")
struct OutputManifestTests {
    @Test("a manifest's text reads back as its paths")
    func textReadsBack() {
        let manifest = OutputManifest(paths: ["index.html", "articles/b.html", "articles/a.html"])
        #expect(OutputManifest(text: manifest.text) == manifest)
    }

    @Test("a text is told to be a manifest's own text without sorting, exactly when it equals it")
    func isTextMatchesEquality() {
        let manifest = OutputManifest(paths: ["index.html", "articles/b.html", "articles/a.html", "مقالات/ب.html"])
        let lines: [String] = [OutputManifest.header] + manifest.paths.sorted()
        func text(_ lines: [String], ending: String = "\n") -> String { lines.joined(separator: "\n") + ending }
        let swapped: [String] = [lines[0], lines[2], lines[1]] + lines.dropFirst(3)
        let texts: [String] = [
            manifest.text,
            text(lines, ending: ""),
            text(swapped),
            text(lines + ["extra.html"]),
            text(lines + [lines[4]]),
            text(Array(lines.dropLast())),
            text(lines + ["# a comment"]),
            text(["# another header"] + lines.dropFirst()),
            lines.joined(separator: "\n\n") + "\n",
            "",
        ]
        for candidate in texts {
            #expect(manifest.isText(candidate) == (candidate == manifest.text), "\(candidate.debugDescription)")
        }
        #expect(OutputManifest(paths: []).isText(OutputManifest(paths: []).text))
        #expect(!OutputManifest(paths: []).isText(manifest.text))
    }

    @Test("a name in another normalization is the same name, as when the texts are compared whole")
    func isTextFollowsStringEquality() {
        let composed = OutputManifest(paths: ["caf\u{E9}.html"])
        let decomposed = OutputManifest.header + "\ncafe\u{301}.html\n"
        #expect(composed.isText(decomposed) == (decomposed == composed.text))
    }
}
