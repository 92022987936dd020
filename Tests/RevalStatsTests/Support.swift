import Testing

/// |actual − expected| ≤ tolerance · |expected| (or ≤ tolerance when expected is 0).
func expectRelative(
    _ actual: Double?, _ expected: Double, _ tolerance: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    let scale = expected == 0 ? 1 : abs(expected)
    #expect(abs(actual - expected) <= tolerance * scale, "\(actual) against \(expected)", sourceLocation: sourceLocation)
}

/// |actual − expected| ≤ tolerance.
func expectWithin(
    _ actual: Double?, _ expected: Double, _ tolerance: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= tolerance, "\(actual) against \(expected) ± \(tolerance)", sourceLocation: sourceLocation)
}
