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
    /// Light stems of the words that are not stopwords, in order, by their numbers in the
    /// analyzer's `WordMemo` (equal numbers, equal stems).
    var stems: [Int32]
    /// False for what must never be a summary sentence.
    var isEligible: Bool

    /// The sentences of an article's paragraphs (each paragraph's, as `SentenceSplitter` splits it), in order.
    /// A sentence that repeats the title, or one seen before, is kept (it counts for
    /// position and centrality) but never eligible: a summary shown under the headline
    /// should not say it again.
    static func split(_ paragraphs: [[ArticleSentence]], title: String = "", stopwords: Stopwords,
                      minimumWords: Int, memo: WordMemo = WordMemo()) -> [SummarySentence] {
        var result: [SummarySentence] = []
        // Sentences as their words' numbers in the memo (equal numbers, equal words).
        var seen: Set<[Int32]> = []
        // Grown as it fills, the set would hash every sentence's words again at each growth.
        seen.reserveCapacity(paragraphs.reduce(1) { $0 + $1.count })
        seen.insert(memo.numbers(of: Tokenizer.words(title)))
        // Each word's stem, or nil for a stopword, found once for all the articles of a worker.
        func stem(_ number: Int32) -> Int32? { memo.summaryStem(of: number, stopwords: stopwords) }
        var paragraph = 0
        for sentences in paragraphs {
            let before = result.count
            for sentence in sentences {
                let (text, words) = (sentence.text, sentence.words.numbers)
                guard !words.isEmpty else { continue }
                let stems = words.compactMap(stem)
                let isNew = seen.insert(words).inserted
                result.append(SummarySentence(
                    text: text, order: result.count, paragraph: paragraph, wordCount: words.count, stems: stems,
                    isEligible: isNew && words.count >= minimumWords
                        && isProse(text, letters: (Int(sentence.letters.all), Int(sentence.letters.arabic)))))
            }
            if result.count > before { paragraph += 1 }
        }
        return result
    }

    /// True for a sentence a reader could take as a statement of the article: mostly
    /// Arabic letters, not an introduction to what follows, not contact furniture.
    /// `letters`: the text's letters, and how many are Arabic (`CommonScalars.letters(in:)`),
    /// counted as its words were scanned.
    static func isProse(_ text: String, letters: (all: Int, arabic: Int)) -> Bool {
        guard letters.all > 0, letters.arabic * 2 > letters.all else { return false }
        if text.hasSuffix(":") { return false }
        return !containsAddress(text)
    }

    /// `http`, `www.` or `@` in any case. On ASCII bytes: no other letter lowercases to one
    /// of these, and every sentence of every article is checked.
    static func containsAddress(_ text: String) -> Bool {
        WordScanner.withBytes(text) { containsAddress(utf8: $0) }
    }

    static func containsAddress(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func lower(_ i: Int) -> UInt8 { bytes[i] | (bytes[i] >= 65 && bytes[i] <= 90 ? 0x20 : 0) }
        func at(_ i: Int, _ word: StaticString) -> Bool {
            guard i + word.utf8CodeUnitCount <= bytes.count else { return false }
            return (0..<word.utf8CodeUnitCount).allSatisfy { lower(i + $0) == word.utf8Start[$0] }
        }
        func check(_ i: Int) -> Bool {
            switch bytes[i] {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: "h"), UInt8(ascii: "H"): return at(i, "http")
            case UInt8(ascii: "w"), UInt8(ascii: "W"): return at(i, "www.")
            default: return false
            }
        }
        // Eight bytes at a time: most sentences hold none of `@ h H w W`, and a chunk without
        // one is passed over at once. Lowercased with 0x20, each is 0x60, 0x68 or 0x77 (and so
        // is a backquote, checked byte by byte like the rest); a byte of 0x80 or more stays above.
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
            while i + 8 <= bytes.count {
                let lower = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | 0x2020_2020_2020_2020
                if hasZero(lower ^ (0x60 &* ones)) || hasZero(lower ^ (0x68 &* ones)) || hasZero(lower ^ (0x77 &* ones)) {
                    for k in i..<(i + 8) where check(k) { return true }
                }
                i += 8
            }
        }
        while i < bytes.count {
            if check(i) { return true }
            i += 1
        }
        return false
    }
}

/// TF-IDF vectors of a set of sentences, with inverse document frequency taken over the
/// sentences themselves (a word in every sentence says nothing about any one of them).
struct TermVectors: Sendable {
    /// Each stem of the sentences numbered in the order first met: vectors are sorted by
    /// number, so a dot product is one merge and sums always add in the same order (a
    /// dictionary's order changes from run to run, and with it the last bits of a sum).
    private let numbers: FirstSeenNumbers
    private(set) var vectors: [[(Int32, Double)]]
    private(set) var norms: [Double]
    /// By stem number.
    private let idf: [Double]
    let unseenIDF: Double

    init(_ stems: [[Int32]]) {
        var numbers = FirstSeenNumbers(capacity: stems.reduce(0) { $0 + $1.count })
        var df: [Int] = []
        // The sentence that last counted each stem: a stem counts once a sentence, without a
        // set made for each one.
        var countedIn: [Int] = []
        let numbered = stems.map { sentence in
            sentence.map { stem -> Int32 in
                let n = numbers.number(stem)
                if Int(n) == df.count {
                    df.append(0)
                    countedIn.append(-1)
                }
                return n
            }
        }
        for (k, sentence) in numbered.enumerated() {
            for n in sentence where countedIn[Int(n)] != k {
                countedIn[Int(n)] = k
                df[Int(n)] += 1
            }
        }
        let count = Double(stems.count)
        self.numbers = numbers
        idf = df.map { log((count + 1) / Double($0)) }
        unseenIDF = log(count + 1)
        vectors = []
        norms = []
        for sentence in numbered {
            let made = Self.vector(sentence, idf: idf, unseen: unseenIDF)
            vectors.append(made.weights)
            norms.append(made.norm)
        }
    }

    /// The TF-IDF vector of a text, weighted by the set's IDF, and its norm.
    struct Vector {
        var weights: [(Int32, Double)]
        var norm: Double
    }

    /// The vector of stems outside the set (the title); stems the set lacks count with the
    /// IDF of a stem in no sentence, and match nothing.
    func vector(of stems: [Int32]) -> Vector {
        var unseen: [Int32: Int32] = [:]
        let numbered = stems.map { stem -> Int32 in
            if let n = numbers.number(of: stem) { return n }
            if let n = unseen[stem] { return n }
            let n = Int32(idf.count + unseen.count)
            unseen[stem] = n
            return n
        }
        return Self.vector(numbered, idf: idf, unseen: unseenIDF)
    }

    static func vector(_ stems: [Int32], idf: [Double], unseen: Double) -> Vector {
        var weights: [(Int32, Double)] = []
        weights.reserveCapacity(stems.count)
        for n in stems.sorted() {
            if let last = weights.last, last.0 == n { weights[weights.count - 1].1 += 1 } else { weights.append((n, 1)) }
        }
        var sum = 0.0
        for k in weights.indices {
            let n = Int(weights[k].0)
            weights[k].1 *= n < idf.count ? idf[n] : unseen
            sum += weights[k].1 * weights[k].1
        }
        return Vector(weights: weights, norm: sum.squareRoot())
    }

    func cosine(_ i: Int, _ j: Int) -> Double { cosine(vectors[i], norms[i], vectors[j], norms[j]) }

    /// `cosine(i, j)` of every pair, at `[i][j]` and `[j][i]`. Each sentence's weights are
    /// spread over an array by stem number once, and every later sentence's products read
    /// from it instead of merging the two vectors: the same products, added in the same order
    /// (by stem number), so the same sums to the last bit.
    func cosines() -> SquareMatrix {
        let n = vectors.count
        var matrix = SquareMatrix(count: n)
        var spread = [Double](repeating: 0, count: idf.count)
        for i in 0..<n where norms[i] > 0 {
            for (k, w) in vectors[i] { spread[Int(k)] = w }
            for j in (i + 1)..<max(i + 1, n) where norms[j] > 0 {
                var dot = 0.0
                for (k, w) in vectors[j] where spread[Int(k)] != 0 { dot += spread[Int(k)] * w }
                let c = dot / (norms[i] * norms[j])
                matrix[i, j] = c
                matrix[j, i] = c
            }
            for (k, _) in vectors[i] { spread[Int(k)] = 0 }
        }
        return matrix
    }

    /// Similarity of sentence `i` to a text outside the set (the title): make its vector
    /// once with `vector(of:)`.
    func cosine(_ i: Int, to other: Vector) -> Double { cosine(vectors[i], norms[i], other.weights, other.norm) }

    private func cosine(_ a: [(Int32, Double)], _ na: Double, _ b: [(Int32, Double)], _ nb: Double) -> Double {
        guard na > 0, nb > 0 else { return 0 }
        var dot = 0.0, x = 0, y = 0
        while x < a.count, y < b.count {
            if a[x].0 == b[y].0 {
                dot += a[x].1 * b[y].1
                x += 1
                y += 1
            } else if a[x].0 < b[y].0 { x += 1 } else { y += 1 }
        }
        return dot / (na * nb)
    }
}
