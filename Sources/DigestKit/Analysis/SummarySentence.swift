import ArabicText
import Foundation

/// A sentence of an article as the summarizer sees it: its text, where it stands, its
/// words and the stems of its content words.
struct SummarySentence: Sendable {
    var text: String
    /// Position among the article's sentences, from 0.
    var order: Int
    /// Position of its paragraph among the paragraphs that have sentences, from 0.
    var paragraph: Int
    var wordCount: Int
    /// Light stems of the words that are not stopwords, in order.
    var stems: [String]
    /// False for what must never be a summary sentence.
    var isEligible: Bool

    /// The sentences of an article's paragraphs, in order.
    /// A sentence that repeats the title, or one seen before, is kept (it counts for
    /// position and centrality) but never eligible: a summary shown under the headline
    /// should not say it again.
    static func split(_ paragraphs: [String], title: String = "", stopwords: Stopwords,
                      minimumWords: Int) -> [SummarySentence] {
        var result: [SummarySentence] = []
        // Sentences as their words joined by spaces (words hold none, so equal joins are equal words).
        var seen: Set<WordKey> = [WordKey(Tokenizer.words(title).joined(separator: " "))]
        // Each word's stem, or nil for a stopword: an article repeats its words.
        var stemOfWord: [WordKey: String?] = [:]
        func stem(_ word: String) -> String? {
            let key = WordKey(word)
            if let known = stemOfWord[key] { return known }
            let found = stopwords.contains(word) ? nil : LightStemmer.stem(word)
            stemOfWord[key] = .some(found)
            return found
        }
        var paragraph = 0
        for text in paragraphs {
            let before = result.count
            for text in SentenceSplitter.sentences(text) {
                let words = Tokenizer.words(text)
                guard !words.isEmpty else { continue }
                let stems = words.compactMap(stem)
                let isNew = seen.insert(WordKey(words.joined(separator: " "))).inserted
                result.append(SummarySentence(
                    text: text, order: result.count, paragraph: paragraph, wordCount: words.count, stems: stems,
                    isEligible: isNew && words.count >= minimumWords && isProse(text)))
            }
            if result.count > before { paragraph += 1 }
        }
        return result
    }

    /// True for a sentence a reader could take as a statement of the article: mostly
    /// Arabic letters, not an introduction to what follows, not contact furniture.
    static func isProse(_ text: String) -> Bool {
        var arabic = 0
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if ArabicNormalizer.isArabicLetter(scalar) { arabic += 1 }
        }
        guard letters > 0, arabic * 2 > letters else { return false }
        if text.hasSuffix(":") { return false }
        return !containsAddress(text)
    }

    /// `http`, `www.` or `@` in any case. On ASCII bytes: no other letter lowercases to one
    /// of these, and every sentence of every article is checked.
    static func containsAddress(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func lower(_ i: Int) -> UInt8 { bytes[i] | (bytes[i] >= 65 && bytes[i] <= 90 ? 0x20 : 0) }
        func at(_ i: Int, _ word: StaticString) -> Bool {
            guard i + word.utf8CodeUnitCount <= bytes.count else { return false }
            return (0..<word.utf8CodeUnitCount).allSatisfy { lower(i + $0) == word.utf8Start[$0] }
        }
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: "h"), UInt8(ascii: "H"): if at(i, "http") { return true }
            case UInt8(ascii: "w"), UInt8(ascii: "W"): if at(i, "www.") { return true }
            default: continue
            }
        }
        return false
    }
}

/// TF-IDF vectors of a set of sentences, with inverse document frequency taken over the
/// sentences themselves (a word in every sentence says nothing about any one of them).
struct TermVectors: Sendable {
    private(set) var vectors: [[String: Double]]
    private(set) var norms: [Double]
    let idf: [String: Double]
    let unseenIDF: Double

    init(_ stems: [[String]]) {
        var df: [String: Int] = [:]
        for sentence in stems {
            for stem in Set(sentence) { df[stem, default: 0] += 1 }
        }
        let n = Double(stems.count)
        idf = df.mapValues { log((n + 1) / Double($0)) }
        unseenIDF = log(n + 1)
        vectors = []
        norms = []
        for sentence in stems { append(sentence) }
    }

    /// The TF-IDF vector of a text, weighted by the set's IDF, and its norm.
    struct Vector {
        var weights: [String: Double]
        var norm: Double
    }

    func vector(of stems: [String]) -> Vector {
        var tf: [String: Double] = [:]
        for stem in stems { tf[stem, default: 0] += 1 }
        var vector: [String: Double] = [:]
        for (stem, count) in tf { vector[stem] = count * (idf[stem] ?? unseenIDF) }
        return Vector(weights: vector, norm: vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    private mutating func append(_ stems: [String]) {
        let made = vector(of: stems)
        vectors.append(made.weights)
        norms.append(made.norm)
    }

    func cosine(_ i: Int, _ j: Int) -> Double { cosine(vectors[i], norms[i], vectors[j], norms[j]) }

    /// Similarity of sentence `i` to a text outside the set (the title): make its vector
    /// once with `vector(of:)`.
    func cosine(_ i: Int, to other: Vector) -> Double { cosine(vectors[i], norms[i], other.weights, other.norm) }

    private func cosine(_ a: [String: Double], _ na: Double, _ b: [String: Double], _ nb: Double) -> Double {
        guard na > 0, nb > 0 else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (stem, weight) in small { if let w = large[stem] { dot += weight * w } }
        return dot / (na * nb)
    }
}
