import ArgumentParser

/// `reval split`: interpolation and extrapolation (Zhan et al., CIKM 2022).
public struct SplitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Interpolation and extrapolation: evaluate runs per split, or make a split from query similarity.",
        discussion: """
            `reval split eval` scores runs on each side (interpolate, extrapolate) of each \
            bucket of a ReSTTest bucket folder or a split file; `reval split make` labels test \
            queries by their similarity to the training queries, or clusters them into \
            ReSTTest-style buckets. See docs/splits.md.
            """,
        subcommands: [SplitEvalCommand.self, SplitMakeCommand.self]
    )

    public init() {}
}
