/// The Pareto frontier of quality against cost: a system is on it when no other system
/// has quality ≥ and cost ≤ with at least one of the two strictly better.
///
/// Systems with the same quality and the same cost do not dominate each other, so tied
/// systems are on the frontier together or off it together. A system whose quality or cost
/// is unknown (nil, NaN) is neither on nor off the frontier (nil) and does not dominate
/// others.
public enum ParetoFrontier {
    /// For each (quality, cost) pair: true on the frontier, false dominated, nil unknown.
    ///
    /// ```swift
    /// ParetoFrontier.membership([(0.49, 0.08), (0.45, 5.1), (0.49, 0.08)])  // [true, false, true]
    /// ```
    public static func membership(_ points: [(quality: Double?, cost: Double?)]) -> [Bool?] {
        func known(_ p: (quality: Double?, cost: Double?)) -> (Double, Double)? {
            guard let q = p.quality, let c = p.cost, !q.isNaN, !c.isNaN else { return nil }
            return (q, c)
        }
        let values = points.map(known)
        return values.indices.map { i in
            guard let (q, c) = values[i] else { return nil }
            let dominated = values.indices.contains { j in
                guard j != i, let (qj, cj) = values[j] else { return false }
                return qj >= q && cj <= c && (qj > q || cj < c)
            }
            return !dominated
        }
    }
}
