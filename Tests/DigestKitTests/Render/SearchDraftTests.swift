import Foundation
import Testing
@testable import DigestKit

@Suite("SearchDraft")
struct SearchDraftTests {
    /// A document's weights by term, and its length.
    struct Weights: Equatable, CustomStringConvertible {
        var tf: [String: UInt32]
        var alternates: [String: UInt32]
        var length: Double
        init(_ document: SearchTerms.Document, terms: [String]) {
            tf = Dictionary(uniqueKeysWithValues: document.tf.map { (terms[Int($0.0)], $0.1) })
            alternates = Dictionary(uniqueKeysWithValues: document.alternates.map { (terms[Int($0.0)], $0.1) })
            length = document.length
        }
        var description: String { "length \(length), \(tf.count) keys, \(alternates.count) alternates" }
    }

    /// Each article's document made where it is analysed, with one memo for them all as a
    /// worker has, and the document read from its text and analysis afterwards.
    static func documents(of articles: [Article]) throws -> [(draft: Weights, read: Weights)] {
        let analyzer = try AnalysisFixtures.analyzer()
        let memo = WordMemo()
        let made = articles.map { analyzer.analyze($0, memo: memo, drafting: true) }
        let digest = Digest(articles: made.map(\.analyzed), config: SiteConfig(), gazetteer: analyzer.countryTagger.gazetteer,
                            taxonomy: analyzer.taxonomy, commentary: SiteCommentary())
        var reader = SearchTerms()
        return try made.map { analyzed, draft in
            let draft = try #require(draft)
            let read = reader.document(analyzed, digest: digest)
            return (Weights(draft.document, terms: draft.table.terms), Weights(read, terms: reader.terms))
        }
    }

    @Test("an article's document made from its analysis's words is the one its text gives, for every seed")
    func seedsDraftAsTheyRead() throws {
        let seeds = try AnalysisFixtures.seeds().sorted { $0.key < $1.key }.map(\.value)
        try #require(!seeds.isEmpty)
        for (draft, read) in try Self.documents(of: seeds) {
            #expect(draft == read)
            #expect(!read.tf.isEmpty)
        }
    }

    @Test("the same where sentences end at marks inside numbers, abbreviations, quotations and lines, and quotes are left out")
    func edgesOfSentences() throws {
        let articles = [
            AnalysisFixtures.article(title: "كازاخستان واليابان: نمو 3.5% في التجارة", [
                "ارتفع التبادل التجاري 3.5 في المئة. وقال الوزير «نحن مستعدون.» ثم أضاف: \"سنعمل معاً!\" وأكد ذلك؟ نعم؛ بالتأكيد…",
                "زار U.S. وفداً من Astana Int. Financial Centre (AIFC) يوم 12.03.2025 الساعة 10:30.\nسطر ثانٍ\r\nوثالث\u{2028}ورابع",
                "...", "", "؟؟ !! .",
            ], quotes: ["A quoted post with words. Left out of the body."]),
            AnalysisFixtures.article(title: "", ["كلمة واحدة"]),
        ]
        for (draft, read) in try Self.documents(of: articles) {
            #expect(draft == read)
        }
    }

    @Test("a corpus from drafts is the corpus read from the articles, term by term")
    func corpusFromDrafts() throws {
        let analyzer = try AnalysisFixtures.analyzer()
        let seeds = try AnalysisFixtures.seeds().sorted { $0.key < $1.key }.map(\.value)
        // Two workers' memos, as analysis on two cores has: their tables number terms apart.
        let memos = [WordMemo(), WordMemo()]
        let made = seeds.enumerated().map { analyzer.analyze($1, memo: memos[$0 % 2], drafting: true) }
        let digest = Digest(articles: made.map(\.analyzed), config: SiteConfig(), gazetteer: analyzer.countryTagger.gazetteer,
                            taxonomy: analyzer.taxonomy, commentary: SiteCommentary())
        let bySlug = Dictionary(uniqueKeysWithValues: made.map { ($0.analyzed.article.slug, $0.search) })
        let drafts = digest.articles.map { bySlug[$0.article.slug] ?? nil }
        #expect(drafts.allSatisfy { $0 != nil })
        let fromDrafts = SearchCorpus(digest: digest, drafts: drafts)
        let read = SearchCorpus(digest: digest)
        for (a, b) in zip(fromDrafts.documents, read.documents) {
            #expect(Weights(a, terms: fromDrafts.terms) == Weights(b, terms: read.terms))
        }
        #expect(Set(fromDrafts.terms) == Set(read.terms))
    }
}
