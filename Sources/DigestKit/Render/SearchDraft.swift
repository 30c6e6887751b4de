import Foundation

/// An article's search document made where the article is analysed, its terms numbered in
/// the table of the worker that analysed it: `SearchCorpus` numbers them in the corpus's.
///
/// A class: a draft passes from hand to hand on the main thread between the analysis and the
/// search index (gathered, keyed by slug, put in reading order), and a copy of a struct
/// retained its table and both arrays of its document, each on the worker's memory, not yet
/// in this core's cache: 0.06 s of a cold build of 10,000 articles on the main thread alone.
final class SearchDraft: Sendable {
    let table: SearchTermTable
    let document: SearchTerms.Document

    init(table: SearchTermTable, document: SearchTerms.Document) {
        self.table = table
        self.document = document
    }
}

/// The search terms of the articles one analysis worker reads (`WordMemo.searchTerms`),
/// numbered as it meets them. Written by that worker alone, and read (`terms`) only once the
/// analysis is over, when no worker writes to it any more.
final class SearchTermTable: @unchecked Sendable {
    private var reader = SearchTerms()

    var terms: [String] { reader.terms }

    func draft(_ analyzed: AnalyzedArticle, names: String, sentences: ArticleSentences, memo: WordMemo) -> SearchDraft {
        SearchDraft(table: self, document: reader.document(analyzed, names: names, sentences: sentences, memo: memo))
    }

    func forgetMemoWords() { reader.forgetMemoWords() }

    /// Keeps the terms only, once its worker has read its last article.
    func finish() { reader.keepTermsOnly() }
}

/// The search documents made where articles were analysed, handed to the search index's
/// thread, which takes them (`take`) and lets each go as it joins the corpus.
final class SearchDrafts: @unchecked Sendable {
    private var drafts: [SearchDraft?]
    private let lock = NSLock()

    init(_ drafts: [SearchDraft?]) { self.drafts = drafts }

    func take() -> [SearchDraft?] {
        lock.withLock {
            defer { drafts = [] }
            return drafts
        }
    }
}
