import Foundation
import RevalFormats
import Testing
@testable import RevalSplits
import RevalCore

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("What's COVID-19?", ["what", "s", "covid", "19"]),
        ("  do goldfish   grow ", ["do", "goldfish", "grow"]),
        ("Ökonomie der Straße", ["ökonomie", "der", "straße"]),
        ("ÉTÉ", ["été"]),
        ("--- ...", []),
    ])
    func tokens(_ text: String, _ expected: [String]) {
        #expect(QueryTokenizer.tokens(text) == expected)
    }
}

/// Three tiny training queries, by hand. N = 3; df(cheap) = df(rome) = df(hotels) = 2,
/// df(flights) = 1, so
///   idf(df=2) = ln(4/3) + 1 = 1.287682,  idf(df=1) = ln(4/2) + 1 = 1.693147,
///   idf(df=0) = ln(4/1) + 1 = 2.386294 (a term no training query has).
@Suite struct TFIDFTests {
    static let training = ["cheap flights rome", "rome hotels", "Cheap, cheap hotels!"]

    @Test func inverseDocumentFrequency() {
        let model = TFIDFModel(training: Self.training)
        #expect(abs(model.inverseDocumentFrequency(documentFrequency: 2) - 1.287682) < 1e-6)
        #expect(abs(model.inverseDocumentFrequency(documentFrequency: 1) - 1.693147) < 1e-6)
        #expect(abs(model.inverseDocumentFrequency(documentFrequency: 0) - 2.386294) < 1e-6)
    }

    /// "cheap hotels": both terms have idf 1.287682, so the unit vector is (1/√2, 1/√2).
    ///   A = (cheap 1.287682, flights 1.693147, rome 1.287682), ‖A‖ = √6.182998 = 2.486564:
    ///       cos = (1/√2)·1.287682/2.486564 = 0.366180
    ///   B = (rome, hotels) equal weights, unit (1/√2, 1/√2): cos = (1/√2)(1/√2) = 0.5
    ///   C = (cheap 2·1.287682, hotels 1.287682) ∝ (2, 1)/√5: cos = (2 + 1)/(√2·√5) = 3/√10 = 0.948683
    /// Nearest: C.
    @Test func nearestNeighbourByHand() {
        var model = TFIDFModel(training: Self.training)
        let index = InvertedIndex(model: model, training: Self.training)
        let query = model.vector("cheap hotels", addingTerms: false)
        let nearest = index.nearest(to: [query], threads: 1)
        #expect(nearest[0].trainingIndex == 2)
        #expect(abs(nearest[0].similarity - 3 / 10.0.squareRoot()) < 1e-12)
        let vectors = Self.training.map(model.trainingVector)
        func cos(_ a: SparseVector, _ b: SparseVector) -> Double {
            var s = 0.0
            for (t, w) in zip(a.indices, a.values) { if let j = b.indices.firstIndex(of: t) { s += w * b.values[j] } }
            return s
        }
        #expect(abs(cos(query, vectors[0]) - 0.366180) < 1e-6)
        #expect(abs(cos(query, vectors[1]) - 0.5) < 1e-12)
    }

    /// "flights to rome": "to" is unseen (idf 2.386294) and stays in the norm:
    ///   ‖q‖² = 1.693147² + 2.386294² + 1.287682² = 2.866748 + 5.694401 + 1.658125 = 10.219274
    ///   q·A = 1.693147² + 1.287682² = 4.524873;  cos = 4.524873 / (√10.219274 · 2.486564)
    ///       = 4.524873 / (3.196760 · 2.486564) = 0.569242
    /// B shares only rome: 1.658125 / (3.196760 · √(2 · 1.658125)) = 1.658125 / 5.821510 = 0.284827.
    @Test func unseenTermsStayInTheNorm() {
        var model = TFIDFModel(training: Self.training)
        let index = InvertedIndex(model: model, training: Self.training)
        let nearest = index.nearest(to: [model.vector("flights to rome", addingTerms: false)], threads: 1)
        #expect(nearest[0].trainingIndex == 0)
        #expect(abs(nearest[0].similarity - 0.569242) < 1e-6)
    }

    @Test func aQuerySharingNoTermHasNoNeighbour() {
        let nearest = QuerySimilarity.nearestLexical(training: Self.training, test: ["zebra crossing", ""], threads: 1)
        #expect(nearest == [NearestNeighbour(trainingIndex: nil, similarity: 0), NearestNeighbour(trainingIndex: nil, similarity: 0)])
    }

    /// Two training queries equal to the test query: the first wins.
    @Test func tiesGoToTheFirstTrainingQuery() {
        let nearest = QuerySimilarity.nearestLexical(training: ["a b", "c", "a b"], test: ["a b"], threads: 1)
        #expect(nearest[0].trainingIndex == 0)
        #expect(abs(nearest[0].similarity - 1) < 1e-12)
    }

    @Test func theSameForAnyThreadCount() {
        var generator = SeededGenerator(seed: 7)
        let words = (0..<50).map { "w\($0)" }
        func query() -> String { (0..<4).map { _ in words[Int(generator.next() % 50)] }.joined(separator: " ") }
        let train = (0..<700).map { _ in query() }, test = (0..<600).map { _ in query() }
        let one = QuerySimilarity.nearestLexical(training: train, test: test, threads: 1)
        #expect(QuerySimilarity.nearestLexical(training: train, test: test, threads: 3) == one)
    }
}

@Suite struct DenseSimilarityTests {
    func matrix(_ rows: [[Float]], prefix: String) throws -> EmbeddingMatrix {
        var m = EmbeddingMatrix(dimension: rows[0].count)
        for (i, row) in rows.enumerated() { m.append(id: "\(prefix)\(i)", vector: row, line: i + 1) }
        return try m.normalised(source: prefix)
    }

    /// Training (1, 0), (0, 1), (1, 1); test (2, 1):
    ///   cos = 2/√5 = 0.894427, 1/√5 = 0.447214, 3/(√5·√2) = 3/√10 = 0.948683 → the third.
    /// Test (1, 0) equals training 0 (cos 1).
    @Test func nearestByHand() throws {
        let train = try matrix([[1, 0], [0, 1], [1, 1]], prefix: "t")
        let test = try matrix([[2, 1], [1, 0]], prefix: "q")
        let nearest = QuerySimilarity.nearestDense(training: train, test: test, threads: 1)
        #expect(nearest[0].trainingIndex == 2)
        #expect(abs(nearest[0].similarity - 0.948683) < 1e-6)
        #expect(nearest[1].trainingIndex == 0)
        #expect(abs(nearest[1].similarity - 1) < 1e-6)
    }

    @Test func tiesGoToTheFirstTrainingRow() throws {
        let train = try matrix([[0, 1], [2, 0], [1, 0]], prefix: "t")
        let test = try matrix([[3, 0]], prefix: "q")
        #expect(QuerySimilarity.nearestDense(training: train, test: test, threads: 1)[0].trainingIndex == 1)
    }

    /// Blocks of four test rows and the rows left over sum each dot product alike, for any
    /// thread count (13 dimensions: one 8-lane step and 5 left).
    @Test func blockingAndThreadsDoNotChangeAnything() throws {
        var generator = SeededGenerator(seed: 3)
        func rows(_ n: Int) -> [[Float]] { (0..<n).map { _ in (0..<13).map { _ in Float(generator.nextUnit() - 0.5) } } }
        let train = try matrix(rows(1500), prefix: "t")
        let test = try matrix(rows(139), prefix: "q")
        let all = QuerySimilarity.nearestDense(training: train, test: test, threads: 1)
        #expect(QuerySimilarity.nearestDense(training: train, test: test, threads: 4) == all)
        for i in [0, 64, 136, 138] {
            let single = try test.selecting([test.ids[i]], source: "q", purpose: "q")
            #expect(QuerySimilarity.nearestDense(training: train, test: single, threads: 1)[0] == all[i])
        }
        // Brute force in double precision agrees on the neighbour.
        for i in [0, 5, 77] {
            let q = test.row(i)
            let best = (0..<train.count).max { a, b in
                zip(q, train.row(a)).reduce(0.0) { $0 + Double($1.0 * $1.1) } < zip(q, train.row(b)).reduce(0.0) { $0 + Double($1.0 * $1.1) }
            }
            #expect(all[i].trainingIndex == best)
        }
    }

    @Test func aZeroVectorIsAnError() {
        var m = EmbeddingMatrix(dimension: 2)
        m.append(id: "q1", vector: [0, 0], line: 4)
        #expect(throws: InputError(file: "e.jsonl", line: 4, message: "the vector of 'q1' is all zeros; expected a direction for the cosine")) {
            try m.normalised(source: "e.jsonl")
        }
    }
}

@Suite struct QuantileTests {
    /// Sorted 0.1 ... 0.5, q = 0.2: h = 4 · 0.2 = 0.8, so 0.1 + 0.8 · (0.2 − 0.1) = 0.18.
    @Test func linearBetweenOrderStatistics() throws {
        #expect(abs(try #require(SimilaritySplit.quantile([0.5, 0.1, 0.3, 0.2, 0.4], 0.2)) - 0.18) < 1e-12)
        #expect(SimilaritySplit.quantile([0.5, 0.1], 0) == 0.1)
        #expect(SimilaritySplit.quantile([0.5, 0.1], 1) == 0.5)
        #expect(SimilaritySplit.quantile([], 0.5) == nil)
    }

    @Test func splitFileLines() {
        let text = SimilaritySplit.tsv(testIDs: ["q1", "q2", "q3"],
                                       nearest: [NearestNeighbour(trainingIndex: 1, similarity: 0.75),
                                                 NearestNeighbour(trainingIndex: 0, similarity: 0.5),
                                                 NearestNeighbour(trainingIndex: nil, similarity: 0)],
                                       trainingIDs: ["t1", "t2"], threshold: 0.5)
        #expect(text == "qid\tsplit\tsimilarity\tnearest_train_qid\nq1\tinterpolate\t0.750000\tt2\n"
            + "q2\tinterpolate\t0.500000\tt1\nq3\textrapolate\t0.000000\t-\n")
    }
}
