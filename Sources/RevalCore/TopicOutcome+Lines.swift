extension TopicOutcome {
    /// The outcome with the run lines it names moved by `offset`: a topic finished by the
    /// thread that parsed it knows its lines only from the start of that thread's piece.
    public func shiftingLines(by offset: Int) -> TopicOutcome {
        guard offset != 0, case .failed(.duplicateInRun(var duplicate)) = self else { return self }
        duplicate.firstLine += offset
        duplicate.line += offset
        return .failed(.duplicateInRun(duplicate))
    }
}
