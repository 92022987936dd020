/// A gate as JUnit XML, the report Jenkins, GitLab and most CI systems read:
/// `testsuites` > one `testsuite` per dataset > one `testcase` per verdict, `classname`
/// `gate.<dataset>` and `name` `check N: <measure> <criteria>` (unique together: GitLab
/// drops duplicates). A failing verdict holds a `failure` whose `message` has the numbers
/// and whose text has every criterion and the worst topics. Valid against the Jenkins
/// xunit-plugin's junit-10.xsd; no timestamps or times, so the same inputs give the same
/// bytes. Every attribute and text goes through `XMLEscape`.
///
/// ```swift
/// try AtomicFile.write(Array(JUnitRenderer.render(report).utf8), to: "gate.xml")
/// ```
public enum JUnitRenderer {
    public static func render(_ report: GateReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"reval gate\" tests=\"\(report.verdicts.count)\" failures=\"\(report.failures.count)\" errors=\"0\">\n"
        for dataset in report.datasets {
            let verdicts = report.verdicts.filter { $0.dataset == dataset }
            let failures = verdicts.filter { !$0.passed }.count
            out += "  <testsuite name=\"\(attr(dataset))\" tests=\"\(verdicts.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            out += "    <properties>\n"
            out += property("candidate", report.candidate)
            if let baseline = report.baseline { out += property("baseline", baseline) }
            out += property("experiment", report.experiment)
            out += property("significance", report.significance)
            out += property("generator", report.generator)
            out += "    </properties>\n"
            for verdict in verdicts {
                out += "    <testcase classname=\"\(attr(verdict.classname))\" name=\"\(attr(verdict.name))\""
                if verdict.passed {
                    out += ">\n      <system-out>\(XMLEscape.text(details(verdict)))</system-out>\n    </testcase>\n"
                } else {
                    out += ">\n      <failure type=\"reval.gate\" message=\"\(attr(message(verdict)))\">\(XMLEscape.text(details(verdict)))</failure>\n"
                    out += "    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// The failed criteria's numbers: `max_drop: 0.5058 < SPLADE++ ED 0.7308 - 0.01 = 0.7208 (margin -0.2150)`.
    static func message(_ verdict: GateVerdict) -> String {
        verdict.criteria.filter { !$0.passed }.map { "\($0.kind.rawValue): \($0.summary)" }.joined(separator: "; ")
    }

    /// Every criterion on a line, then the worst topics.
    static func details(_ verdict: GateVerdict) -> String {
        var text = "\(verdict.candidate) on \(verdict.dataset), \(verdict.measure) over \(verdict.topics) topics\n"
        for criterion in verdict.criteria {
            text += "\(criterion.passed ? "PASS" : "FAIL") \(criterion.kind.rawValue): \(criterion.summary)\(criterion.nearMiss ? " [near miss]" : "")\n"
        }
        if let baseline = verdict.baseline, !verdict.worstTopics.isEmpty {
            text += "worst topics against \(baseline) (topic, candidate, baseline, difference):\n"
            for loss in verdict.worstTopics {
                text += "\(loss.topic) \(ReportNumber.quality(loss.candidate)) \(ReportNumber.quality(loss.baseline)) \(ReportNumber.difference(loss.difference))\n"
            }
        }
        return text
    }

    static func property(_ name: String, _ value: String) -> String {
        "      <property name=\"\(attr(name))\" value=\"\(attr(value))\"/>\n"
    }

    static func attr(_ text: String) -> String { XMLEscape.attribute(text) }
}
