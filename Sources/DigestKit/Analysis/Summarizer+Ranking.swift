import ArabicText
import Foundation

extension Summarizer {
    /// A score for each candidate; higher is better.
    func rank(_ candidates: [SummarySentence], vectors: TermVectors, title: String, memo: WordMemo) -> [Double] {
        let n = candidates.count
        switch method {
        case .lead:
            return candidates.map { -Double($0.order) }
        case .textrank:
            return SentenceGraph(count: n) { i, j in
                Self.wordOverlap(candidates[i].stems, candidates[j].stems)
            }.centrality()
        case .lexrank:
            return SentenceGraph(weights: vectors.cosines()).centrality()
        case .digest:
            let centrality = SentenceGraph(weights: vectors.cosines()).centrality()
            let top = centrality.max() ?? 0
            // Without a headline, the lead sentence says what the article is about.
            var titleStems = Tokenizer.words(title).compactMap { memo.summaryStem(of: $0, stopwords: stopwords) }
            if titleStems.isEmpty, let lead = candidates.first { titleStems = lead.stems }
            let titleVector = vectors.vector(of: titleStems)
            return candidates.indices.map { i in
                let central = top > 0 ? centrality[i] / top : 0
                // News puts the gist first, in its first sentences and its first
                // paragraphs: the inverse square root of each place, averaged, so the
                // lead counts most and the weight fades without reaching zero.
                let position = (1 / Double(candidates[i].order + 1).squareRoot()
                    + 1 / Double(candidates[i].paragraph + 1).squareRoot()) / 2
                let overlap = titleStems.isEmpty ? 0 : vectors.cosine(i, to: titleVector)
                let total = weights.centrality + weights.position + weights.title
                guard total > 0 else { return position }
                return (weights.centrality * central + weights.position * position + weights.title * overlap) / total
            }
        }
    }

    /// TextRank's similarity: shared words over the sum of the logarithms of the lengths.
    static func wordOverlap(_ a: [Int32], _ b: [Int32]) -> Double {
        guard a.count > 1 || b.count > 1 else { return 0 }
        let shared = Set(a).intersection(b).count
        let scale = log(Double(a.count)) + log(Double(b.count))
        return scale > 0 ? Double(shared) / scale : 0
    }
}

/// A weighted graph of sentences and the stationary distribution of a random walk on it
/// (PageRank with damping 0.85), the centrality of TextRank and LexRank.
struct SentenceGraph {
    var weights: SquareMatrix

    init(weights: SquareMatrix) {
        self.weights = weights
    }

    init(count: Int, similarity: (Int, Int) -> Double) {
        weights = SquareMatrix(count: count)
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) {
                let w = similarity(i, j)
                weights[i, j] = w
                weights[j, i] = w
            }
        }
    }

    func centrality(damping: Double = 0.85, iterations: Int = 100) -> [Double] {
        let n = weights.count
        guard n > 1 else { return Array(repeating: 1, count: n) }
        let outgoing = (0..<n).map { j in weights.row(j).reduce(0, +) }
        var score = Array(repeating: 1 / Double(n), count: n)
        weights.values.withUnsafeBufferPointer { weights in
            for _ in 0..<iterations {
                // A sentence like no other spreads its weight evenly.
                let dangling = (0..<n).reduce(0) { outgoing[$1] == 0 ? $0 + score[$1] : $0 }
                var next = Array(repeating: (1 - damping) / Double(n) + damping * dangling / Double(n), count: n)
                next.withUnsafeMutableBufferPointer { next in
                    for j in 0..<n where outgoing[j] > 0 {
                        let share = damping * score[j] / outgoing[j]
                        let row = j * n
                        // Without a test for zero weights, so that the loop is vectorized:
                        // a zero weight adds +0, which leaves a positive sum as it was.
                        for i in 0..<n { next[i] += share * weights[row + i] }
                    }
                }
                let change = zip(next, score).reduce(0) { $0 + abs($1.0 - $1.1) }
                score = next
                if change < 1e-9 { break }
            }
        }
        return score
    }
}

/// A square matrix in one array, row after row: the centrality's inner loop reads a whole
/// row at every step, and an array of rows cost a retain and a bounds check a row.
struct SquareMatrix: Sendable, Equatable {
    let count: Int
    private(set) var values: [Double]

    init(count: Int) {
        self.count = count
        values = Array(repeating: 0, count: count * count)
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * count + j] }
        set { values[i * count + j] = newValue }
    }

    func row(_ i: Int) -> ArraySlice<Double> { values[(i * count)..<((i + 1) * count)] }
}
