import ArgumentParser

/// `reval split make`: a split file from query similarity.
public struct SplitMakeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "make", abstract: "Make a split file from query similarity.")
    public init() {}
    public func execute() -> CommandOutput { CommandOutput() }
}
