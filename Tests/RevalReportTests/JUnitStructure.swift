import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML document.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }
}

/// Parses XML with Foundation's parser (libxml2 underneath), failing on any parser error
/// (FoundationXML on Linux may return true with an error set).
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?

    static func parse(_ text: String) -> XMLElementNode? {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = XMLTreeBuilder()
        parser.delegate = builder
        guard parser.parse(), parser.parserError == nil else { return nil }
        return builder.root
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let node = XMLElementNode(name: name, attributes: attributes)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// The structure the Jenkins xunit-plugin's junit-10.xsd requires (Fixtures/junit), checked
/// without a schema validator, plus what CI systems rely on beyond it: counts that add up
/// and classname+name unique. Returns the problems found.
enum JUnitStructure {
    static let testsuiteAttributes: Set = ["name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp",
                                           "hostname", "id", "package", "file", "log", "url"]
    static let testcaseChildren: Set = ["skipped", "error", "failure", "rerunFailure", "rerunError", "flakyFailure",
                                        "flakyError", "system-out", "system-err"]

    static func problems(_ xml: String) -> [String] {
        guard let root = XMLTreeBuilder.parse(xml) else { return ["not well-formed XML"] }
        var problems: [String] = []
        func require(_ condition: Bool, _ message: String) { if !condition { problems.append(message) } }
        require(root.name == "testsuites", "root is <\(root.name)>")
        require(Set(root.attributes.keys).isSubset(of: ["name", "time", "tests", "failures", "errors"]), "testsuites attributes \(root.attributes.keys.sorted())")
        var seen = Set<String>()
        var totalTests = 0, totalFailures = 0
        for suite in root.children {
            require(suite.name == "testsuite", "<\(suite.name)> under testsuites")
            for key in ["name", "tests", "failures", "errors"] { require(suite.attributes[key] != nil, "testsuite without \(key)") }
            require(Set(suite.attributes.keys).isSubset(of: testsuiteAttributes), "testsuite attributes \(suite.attributes.keys.sorted())")
            var tests = 0, failures = 0
            for child in suite.children {
                require(["testsuite", "properties", "testcase", "system-out", "system-err"].contains(child.name), "<\(child.name)> in testsuite")
                if child.name == "properties" {
                    for property in child.children {
                        require(property.name == "property", "<\(property.name)> in properties")
                        require(property.attributes["name"] != nil && property.attributes["value"] != nil, "property without name or value")
                        require(property.children.isEmpty, "property with children")
                    }
                }
                guard child.name == "testcase" else { continue }
                tests += 1
                require(child.attributes["name"] != nil, "testcase without name")
                require(Set(child.attributes.keys).isSubset(of: ["name", "time", "classname", "group"]), "testcase attributes \(child.attributes.keys.sorted())")
                let key = (child.attributes["classname"] ?? "") + "\u{0}" + (child.attributes["name"] ?? "")
                require(seen.insert(key).inserted, "classname+name twice: \(key)")
                for grandchild in child.children {
                    require(testcaseChildren.contains(grandchild.name), "<\(grandchild.name)> in testcase")
                    require(grandchild.children.isEmpty, "<\(grandchild.name)> with elements inside")
                    if ["failure", "error", "skipped"].contains(grandchild.name) {
                        require(Set(grandchild.attributes.keys).isSubset(of: ["type", "message"]), "\(grandchild.name) attributes")
                    }
                    if grandchild.name == "failure" {
                        failures += 1
                        require(!(grandchild.attributes["message"] ?? "").isEmpty, "failure without a message")
                    }
                }
            }
            require(suite.attributes["tests"] == String(tests), "testsuite tests=\(suite.attributes["tests"] ?? "") but \(tests) testcases")
            require(suite.attributes["failures"] == String(failures), "testsuite failures=\(suite.attributes["failures"] ?? "") but \(failures)")
            totalTests += tests
            totalFailures += failures
        }
        require(root.attributes["tests"] == String(totalTests), "testsuites tests")
        require(root.attributes["failures"] == String(totalFailures), "testsuites failures")
        return problems
    }
}
