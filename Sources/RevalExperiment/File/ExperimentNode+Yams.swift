import Yams

extension ExperimentNode {
    /// Parses YAML text into nodes. A syntax error, a duplicate key, an empty document or a
    /// second document is an `ExperimentError` at the line and column libyaml reports.
    public static func parse(yaml text: String, file: String) throws(ExperimentError) -> ExperimentNode {
        let root: Node?
        do {
            var documents = try Yams.compose_all(yaml: text).makeIterator()
            root = documents.next()
            if let error = documents.error { throw error }
            if let second = documents.next() {
                throw ExperimentError(at: location(second.mark, file), "a second YAML document; expected one experiment per file")
            }
            if let error = documents.error { throw error }
        } catch let error as ExperimentError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ExperimentError(file: file, message: "cannot read the YAML (\(error)); expected a YAML mapping")
        }
        guard let root else {
            throw ExperimentError(file: file, message: "the file is empty; expected a YAML mapping with 'measures', 'datasets' and 'systems'")
        }
        return try convert(root, file: file, path: "")
    }

    private static func convert(_ node: Node, file: String, path: String) throws(ExperimentError) -> ExperimentNode {
        let place = location(node.mark, file)
        switch node {
        case .scalar(let scalar):
            return ExperimentNode(content: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any),
                                  location: place, path: path)
        case .sequence(let sequence):
            var items: [ExperimentNode] = []
            for (k, item) in sequence.enumerated() {
                items.append(try convert(item, file: file, path: path + "[\(k)]"))
            }
            return ExperimentNode(content: .sequence(items), location: place, path: path)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ExperimentError(at: location(key.mark, file), "a key that is not plain text; expected a name")
                }
                let name = keyScalar.string
                let childPath = path.isEmpty ? name : path + "." + name
                entries.append(Entry(key: name, keyLocation: location(key.mark, file),
                                     value: try convert(value, file: file, path: childPath)))
            }
            return ExperimentNode(content: .mapping(entries), location: place, path: path)
        case .alias(let alias):
            throw ExperimentError(at: location(alias.mark, file), "an unresolved alias; expected a value")
        }
    }

    private static func location(_ mark: Mark?, _ file: String) -> ExperimentLocation {
        ExperimentLocation(file: file, line: mark?.line, column: mark?.column)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ExperimentError {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> ExperimentError {
            var message = "YAML syntax: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            return ExperimentError(file: file, line: mark.line, column: mark.column,
                                   message: message + "; expected a well-formed YAML mapping")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return located(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return located(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return located(mark, problem, context)
        case .reader(let problem, let offset, _, _):
            return ExperimentError(file: file, message: "cannot read the text (\(problem)\(offset.map { " at byte \($0)" } ?? "")); expected UTF-8 YAML")
        default:
            return ExperimentError(file: file, message: "YAML: \(error); expected a well-formed YAML mapping")
        }
    }
}
