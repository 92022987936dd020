/// How `Fusion` combines the runs' evidence for a document. Every method adds one term per
/// run that retrieved the document; a run without it adds nothing.
///
/// ```swift
/// FusionMethod(rawValue: "rrf")    // .rrf
/// FusionMethod.cc.usesScores       // true: it reads (normalised) scores, not ranks
/// ```
public enum FusionMethod: String, Sendable, CaseIterable {
    /// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009):
    /// score(d) = Σ_r w_r / (k + rank_r(d)), w_r = 1 unless weights are given.
    case rrf
    /// CombSUM (Fox and Shaw, TREC-2 1994): score(d) = Σ_r w_r · norm_r(d), w_r = 1 by default.
    case combsum
    /// CombMNZ (Fox and Shaw 1994): CombSUM × the number of runs that retrieved d.
    case combmnz
    /// Convex combination (Bruch, Gai and Ingber, ACM TOIS 2023): Σ_r w_r · norm_r(d) with
    /// Σ_r w_r = 1, equal weights by default.
    case cc

    /// True for the methods that read scores (and normalise them); RRF reads only ranks.
    public var usesScores: Bool { self != .rrf }
}
