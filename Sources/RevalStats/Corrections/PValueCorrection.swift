/// Adjustments of a family of p-values for multiple comparisons.
///
/// For m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎:
/// - **Bonferroni**: p̃ᵢ = min(1, m·pᵢ);
/// - **Holm** (Holm 1979, step-down): p̃₍ₖ₎ = max over j ≤ k of min(1, (m − j + 1)·p₍ⱼ₎);
/// - **Benjamini–Hochberg** (1995, step-up, controls the false discovery rate):
///   p̃₍ₖ₎ = min over j ≥ k of min(1, m·p₍ⱼ₎ / j);
/// - **none**: p̃ᵢ = pᵢ.
///
/// These are R's `p.adjust` methods "bonferroni", "holm" and "BH" (and statsmodels'
/// `multipletests` "bonferroni", "holm", "fdr_bh"). A missing p (a test that could not run)
/// is left out of the family and stays missing.
///
/// ```swift
/// PValueCorrection.holm.adjust([0.01, 0.04, 0.03])   // [0.03, 0.06, 0.06]
/// ```
public enum PValueCorrection: String, Sendable, CaseIterable {
    case holm
    case bonferroni
    case benjaminiHochberg = "bh"
    case none

    public func adjust(_ pValues: [Double?]) -> [Double?] {
        let present = pValues.indices.filter { pValues[$0] != nil }
        let m = Double(present.count)
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        // Ascending by p, ties by position: the adjusted values do not depend on the tie order.
        let order = present.sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
        switch self {
        case .none:
            return pValues
        case .bonferroni:
            for i in present { adjusted[i] = min(1, m * pValues[i]!) }
        case .holm:
            var running = 0.0
            for (rank, i) in order.enumerated() {
                running = max(running, min(1, (m - Double(rank)) * pValues[i]!))
                adjusted[i] = running
            }
        case .benjaminiHochberg:
            var running = 1.0
            for (rank, i) in order.enumerated().reversed() {
                running = min(running, min(1, m * pValues[i]! / Double(rank + 1)))
                adjusted[i] = running
            }
        }
        return adjusted
    }
}
