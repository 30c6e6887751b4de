import Foundation
import Testing
@testable import DigestKit

@Suite("Expressions compiled when first needed")
struct LazyExpressionTests {
    @Test("compiles its pattern once, and every later ask gets the same expression")
    func compilesOnce() throws {
        let lazy = LazyExpression("^ab+c$")
        let first = try #require(lazy.expression)
        #expect(lazy.expression === first)
        #expect(first.matchesWhole("ABBC"))
        #expect(!first.matchesWhole("ac"))
    }

    @Test("a pattern that does not compile gives no expression and matches nothing")
    func badPattern() {
        let lazy = LazyExpression("(unclosed")
        #expect(lazy.expression == nil)
        #expect(!lazy.matchesWhole("(unclosed"))
    }

    @Test("an expression compiled already is the one it gives")
    func compiledAlready() throws {
        let made = try NSRegularExpression(pattern: "^x$")
        #expect(LazyExpression(compiled: made).expression === made)
    }

    @Test("threads asking at once all get the one expression")
    func sharedByThreads() {
        let lazy = LazyExpression("^[0-9]+$")
        let got = Parallel.map(Array(0..<64)) { _ in lazy.expression.map(ObjectIdentifier.init) }
        #expect(Set(got).count == 1)
        #expect(got.first! != nil)
    }

    @Test("every built-in furniture pattern compiles, though none is compiled until a line needs it")
    func builtInFurnitureCompiles() {
        let furniture = TestRules.builtIn.furniture
        #expect(!furniture.lines.isEmpty && !furniture.endMarkers.isEmpty)
        for rule in furniture.lines + furniture.endMarkers {
            #expect(rule.expression.expression != nil, "\(rule.expression.pattern)")
        }
    }

    @Test("every built-in metadata label and date expression compiles")
    func builtInMetadataCompiles() {
        let metadata = TestRules.builtIn.metadata
        #expect(metadata.labels.expression != nil)
        #expect(!metadata.labelsByFirstWord.isEmpty)
        for (word, lazy) in metadata.labelsByFirstWord { #expect(lazy.expression != nil, "\(word)") }
        #expect(!metadata.dates.patterns.isEmpty)
        for (lazy, layout) in metadata.dates.patterns { #expect(lazy.expression != nil, "\(layout)") }
        #expect(metadata.dates.timeAfter.expression != nil)
        #expect(metadata.dates.timeBefore.expression != nil)
    }

    @Test("a site's own furniture pattern that does not compile is an error when the rules are loaded")
    func sitePatternsAreChecked() {
        var config = SiteConfig()
        config.furnitureLines = ["(unclosed"]
        #expect(throws: Diagnostic.self) { try BuiltInResources.furniture(config: config) }
    }
}
