/// Topics where the system scores above, equal to, or below the baseline, comparing the
/// full-precision values exactly.
public struct WinsTiesLosses: Sendable, Equatable {
    public let wins: Int
    public let ties: Int
    public let losses: Int

    public init(_ scores: PairedScores) {
        var wins = 0, ties = 0, losses = 0
        for (a, b) in zip(scores.baseline, scores.system) {
            if b > a { wins += 1 } else if b == a { ties += 1 } else { losses += 1 }
        }
        (self.wins, self.ties, self.losses) = (wins, ties, losses)
    }
}
