#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical query vectors: TF-IDF weights over the training queries, L2-normalised, so the
/// dot product of two vectors is their cosine.
///
/// For a query q and a term t (a `QueryTokenizer` token):
///
///     tf(t, q) = how often t occurs in q
///     idf(t)   = ln((1 + N) / (1 + df(t))) + 1
///     w(t, q)  = tf(t, q) · idf(t) / sqrt(Σ_u (tf(u, q) · idf(u))²)
///
/// where N is the number of training queries and df(t) the number of training queries that
/// contain t. This is scikit-learn's `TfidfVectorizer` with its defaults (`smooth_idf=True`,
/// `sublinear_tf=False`, `norm='l2'`), with one difference: a test query's terms that no
/// training query has (df = 0, idf = ln(1 + N) + 1) stay in its norm, so a query made
/// mostly of unseen words is far from every training query, as it should be when the
/// question is how unlike the training data it is (scikit-learn drops them).
///
/// ```swift
/// let model = TFIDFModel(training: ["cheap flights", "flights to rome"])
/// let v = model.vector("cheap hotels in rome")
/// ```
public struct TFIDFModel: Sendable {
    /// Term → index; training terms first (in order of first occurrence), then terms that
    /// only `vector(_:)` calls met, when `extendingVocabulary` is used.
    public private(set) var vocabulary: [String: Int32] = [:]
    /// Document frequency of each term over the training queries (0 for test-only terms).
    public private(set) var documentFrequency: [Int] = []
    public let trainingCount: Int

    public init<Texts: Collection<String>>(training texts: Texts) {
        trainingCount = texts.count
        for text in texts {
            var seen = Set<Int32>()
            for token in QueryTokenizer.tokens(text) {
                let id = termID(token)
                if seen.insert(id).inserted { documentFrequency[Int(id)] += 1 }
            }
        }
    }

    /// The number of training terms and test-only terms added so far.
    public var termCount: Int { documentFrequency.count }

    /// idf(t) = ln((1 + N) / (1 + df(t))) + 1.
    public func inverseDocumentFrequency(documentFrequency df: Int) -> Double {
        log(Double(1 + trainingCount) / Double(1 + df)) + 1
    }

    /// The normalised TF-IDF vector of `text`. Terms the training queries lack count in the
    /// norm; with `addingTerms`, they also get indices of their own (for clustering test and
    /// training queries together), else they are left out of the entries.
    public mutating func vector(_ text: String, addingTerms: Bool) -> SparseVector {
        var counts: [Int32: Int] = [:]
        var unseenSquares = 0.0
        var unseen: [String: Int] = [:]
        for token in QueryTokenizer.tokens(text) {
            if let id = vocabulary[token] {
                counts[id, default: 0] += 1
            } else if addingTerms {
                counts[termID(token), default: 0] += 1
            } else {
                unseen[token, default: 0] += 1
            }
        }
        let unseenIDF = inverseDocumentFrequency(documentFrequency: 0)
        for (_, tf) in unseen.sorted(by: { $0.key < $1.key }) {
            unseenSquares += (Double(tf) * unseenIDF) * (Double(tf) * unseenIDF)
        }
        return Self.normalised(counts, unseenSquares: unseenSquares) { inverseDocumentFrequency(documentFrequency: documentFrequency[Int($0)]) }
    }

    /// The vector of a training query (its terms are all in the vocabulary).
    public func trainingVector(_ text: String) -> SparseVector {
        var counts: [Int32: Int] = [:]
        for token in QueryTokenizer.tokens(text) {
            if let id = vocabulary[token] { counts[id, default: 0] += 1 }
        }
        return Self.normalised(counts, unseenSquares: 0) { inverseDocumentFrequency(documentFrequency: documentFrequency[Int($0)]) }
    }

    private static func normalised(_ counts: [Int32: Int], unseenSquares: Double, idf: (Int32) -> Double) -> SparseVector {
        let sorted = counts.sorted { $0.key < $1.key }
        let indices = sorted.map(\.key)
        var values = sorted.map { Double($0.value) * idf($0.key) }
        var squares = unseenSquares
        for v in values { squares += v * v }
        let norm = squares.squareRoot()
        if norm > 0 { values = values.map { $0 / norm } }
        return SparseVector(indices: indices, values: values)
    }

    private mutating func termID(_ token: String) -> Int32 {
        if let id = vocabulary[token] { return id }
        let id = Int32(documentFrequency.count)
        vocabulary[token] = id
        documentFrequency.append(0)
        return id
    }
}
