import RevalCore

/// trec_eval's text output: `measure<TAB>topic<TAB>value`, the measure name padded to 22
/// characters, reals as `%6.4f`, counts as integers, the summary under topic "all".
///
/// ```text
/// map                   	all	0.3773
/// ```
public enum TrecEvalText {
    /// The lines -q prints for one topic.
    public static func topicLines(_ topic: TopicEvaluation, measures: [any Measure], into out: inout String) {
        for (m, measure) in measures.enumerated() where measure.style.perQuery {
            switch measure.style.format {
            case .quotedText:
                line(measure.valueNames[0], topic.topic, "'\(topic.texts[m] ?? "")'", into: &out)
            case .integer:
                for (k, name) in measure.valueNames.enumerated() {
                    line(name, topic.topic, String(truncatedToInt(topic.values[m][k])), into: &out)
                }
            case .real:
                for (k, name) in measure.valueNames.enumerated() {
                    line(name, topic.topic, formatC("%6.4f", topic.values[m][k]), into: &out)
                }
            case .runTag:
                break
            }
        }
    }

    /// The summary lines (topic "all").
    public static func summaryLines(_ evaluation: Evaluation, into out: inout String) {
        for (m, measure) in evaluation.measures.enumerated() where measure.style.summary != .none || measure.style.format == .runTag {
            switch measure.style.format {
            case .runTag:
                line(measure.valueNames[0], "all", evaluation.runTag, into: &out)
            case .integer:
                for (k, name) in measure.valueNames.enumerated() {
                    line(name, "all", String(truncatedToInt(evaluation.summary[m][k])), into: &out)
                }
            case .real:
                for (k, name) in measure.valueNames.enumerated() {
                    line(name, "all", formatC("%6.4f", evaluation.summary[m][k]), into: &out)
                }
            case .quotedText:
                break
            }
        }
    }

    static func line(_ name: String, _ topic: String, _ value: String, into out: inout String) {
        out += name
        let width = name.utf8.count
        if width < 22 { out += String(repeating: " ", count: 22 - width) }
        out += "\t"
        out += topic
        out += "\t"
        out += value
        out += "\n"
    }
}
