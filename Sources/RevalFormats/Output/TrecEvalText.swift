import RevalCore

/// trec_eval's text output: `measure<TAB>topic<TAB>value`, the measure name padded to 22
/// characters, reals as `%6.4f`, counts as integers, the summary under topic "all".
///
/// ```text
/// map                   	all	0.3773
/// ```
public enum TrecEvalText {
    /// The lines -q prints for every topic, then (unless `summary` is false) the summary.
    /// Built as bytes: with -q a large run prints millions of lines.
    ///
    /// A standardized evaluation (-Z) prints as trec_eval prints z-scores: `Z` before the
    /// padded name and every number as `%6.4f`, counts included; runid and relstring are
    /// printed as they are.
    public static func write(_ evaluation: Evaluation, perTopic: Bool, summary: Bool) -> String {
        var out: [UInt8] = []
        let prefix: [UInt8] = evaluation.standardized ? [UInt8(ascii: "Z")] : []
        let names = evaluation.measures.map { m in
            m.valueNames.map { name in
                m.style.format == .quotedText || m.style.format == .runTag ? paddedName(name) : prefix + paddedName(name)
            }
        }
        if perTopic {
            out.reserveCapacity(evaluation.topics.count * names.joined().count * 36)
            for topic in evaluation.topics {
                topicLines(topic, evaluation.measures, names, standardized: evaluation.standardized, into: &out)
            }
        }
        if summary {
            summaryLines(evaluation, names, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines printed for topics before a failure (trec_eval prints those, then stops).
    public static func topicLines(_ evaluation: Evaluation) -> String {
        write(evaluation, perTopic: true, summary: false)
    }

    static func topicLines(_ topic: TopicEvaluation, _ measures: [any ReportedMeasure], _ names: [[[UInt8]]],
                           standardized: Bool, into out: inout [UInt8]) {
        let id = Array(topic.topic.utf8)
        for (m, measure) in measures.enumerated() where measure.style.perQuery {
            switch measure.style.format {
            case .quotedText:
                line(names[m][0], id, "'\(topic.texts[m] ?? "")'", into: &out)
            case .integer where !standardized:
                for k in names[m].indices {
                    line(names[m][k], id, String(truncatedToInt(topic.values[m][k])), into: &out)
                }
            case .real, .integer:
                for k in names[m].indices {
                    line(names[m][k], id, formatFixed4(topic.values[m][k]), into: &out)
                }
            case .runTag:
                break
            }
        }
    }

    static func summaryLines(_ evaluation: Evaluation, _ names: [[[UInt8]]], into out: inout [UInt8]) {
        let all = Array("all".utf8)
        for (m, measure) in evaluation.measures.enumerated() {
            switch measure.style.format {
            case .runTag:
                line(names[m][0], all, evaluation.runTag, into: &out)
            case .integer where measure.style.summary != .none && !evaluation.standardized:
                for k in names[m].indices {
                    line(names[m][k], all, String(truncatedToInt(evaluation.summary[m][k])), into: &out)
                }
            case .real where measure.style.summary != .none, .integer where measure.style.summary != .none:
                for k in names[m].indices {
                    line(names[m][k], all, formatFixed4(evaluation.summary[m][k]), into: &out)
                }
            default:
                break
            }
        }
    }

    /// `%-22s`: the name, then spaces up to 22 bytes (longer names are printed whole).
    static func paddedName(_ name: String) -> [UInt8] {
        var bytes = Array(name.utf8)
        if bytes.count < 22 { bytes += [UInt8](repeating: 0x20, count: 22 - bytes.count) }
        return bytes
    }

    @inline(__always)
    static func line(_ name: [UInt8], _ topic: [UInt8], _ value: String, into out: inout [UInt8]) {
        out += name
        out.append(0x09)
        out += topic
        out.append(0x09)
        out += value.utf8
        out.append(0x0a)
    }
}
