import RevalCore
import RevalFormats
import RevalFusion

/// `reval fuse --tune`'s output: the measure at every weight vector of the grid, then the
/// best, as text (4 decimals, trec_eval's rounding) or JSON (full precision):
///
/// ```text
/// weights	ndcg_cut_10
/// 0.0,1.0	0.7384
/// ...
/// best	0.2,0.8	0.7511
/// ```
///
/// ```json
/// {"best": {"weights": [0.2, 0.8], "ndcg_cut_10": 0.7511...},
///  "curve": [{"weights": [0.0, 1.0], "ndcg_cut_10": 0.7384...}, ...]}
/// ```
struct TuningReport {
    var measure: String
    var curve: TuningCurve
    var best: TuningPoint

    func text() -> String {
        var text = "weights\t\(measure)\n"
        for point in curve.points {
            text += "\(weightList(point.weights))\t\(formatFixed4(point.value))\n"
        }
        text += "best\t\(weightList(best.weights))\t\(formatFixed4(best.value))\n"
        return text
    }

    func json() -> String {
        let key = JSONEscape.quoted(measure)
        func object(_ point: TuningPoint) -> String {
            "{\"weights\": [\(point.weights.map { "\($0)" }.joined(separator: ", "))], \(key): \(number(point.value))}"
        }
        var text = "{\"best\": \(object(best)),\n \"curve\": ["
        text += curve.points.map(object).joined(separator: ",\n  ")
        return text + "]}\n"
    }

    /// Weights as the grid gives them, i/divisions, shortest decimal: 0.0,0.3,0.7.
    private func weightList(_ weights: [Double]) -> String {
        weights.map { "\($0)" }.joined(separator: ",")
    }

    private func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
