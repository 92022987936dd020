import Foundation
import RevalCore
import RevalFormats

/// Reads BEIR `queries.jsonl`: one JSON object per line,
/// `{"_id": "1", "text": "...", "metadata": {...}}`.
///
/// Rules:
/// - `_id` is a string, or an integer written as a number (`1` is id "1"); it is required;
/// - `text` is a required string and becomes the first field, `text`, kept as written;
/// - other top-level string members follow as fields of their own name, then the string
///   members of `metadata` as `metadata.key`, each group sorted by key; members whose values
///   are not strings (numbers, arrays, objects, null) are not kept;
/// - blank lines are skipped; anything else that is not such an object, or not UTF-8, is an
///   error naming its line.
///
/// ```swift
/// let topics = try JSONLTopicsReader.read(path: "scifact/queries.jsonl")
/// topics[id: "1"]?[field: "text"]   // "0-dimensional biomaterials show inductive properties."
/// ```
public enum JSONLTopicsReader {
    /// Reads the BEIR queries file at `path` (plain, gzip or zstd; "-" is standard input).
    public static func read(path: String) throws(InputError) -> Topics {
        try parse(readWholeInput(try openInput(path)), name: path)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(InputError) -> Topics {
        try TopicText.requireText(bytes, file: name)
        var collector = TopicsCollector(file: name)
        try TopicText.forEachLine(TopicText.withoutBOM(bytes)) { line, number throws(InputError) in
            if TopicText.isBlank(line) { return }
            func failure(_ message: String) -> InputError {
                InputError(file: name, line: number, message: message)
            }
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
            } catch {
                let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                throw failure("not valid JSON" + (detail.map { ": \($0)" } ?? ""))
            }
            guard let object = value as? [String: Any] else {
                throw failure("expected a JSON object {\"_id\": ..., \"text\": ...}")
            }
            guard let idValue = object["_id"] else { throw failure("no \"_id\" member") }
            guard let id = identifier(idValue), !id.isEmpty else {
                throw failure("\"_id\" must be a non-empty string or an integer")
            }
            guard let text = object["text"] as? String else {
                throw failure("\"text\" must be present and a string")
            }
            var fields = [TopicField("text", text)]
            fields += stringMembers(object, except: ["_id", "text", "metadata"], prefix: "")
            switch object["metadata"] {
            case nil, is NSNull: break
            case let metadata as [String: Any]: fields += stringMembers(metadata, except: [], prefix: "metadata.")
            default: throw failure("\"metadata\" must be an object")
            }
            try collector.add(Topic(id: id, fields: fields), line: number)
        }
        return try collector.finish()
    }

    /// A string id as it is; an integer id in decimal. Booleans and fractions are no ids.
    private static func identifier(_ value: Any) -> String? {
        if let string = value as? String { return string }
        guard let number = value as? NSNumber else { return nil }
        // Foundation hands JSON true/false over as NSNumber too; their type code is "c".
        let type = String(cString: number.objCType)
        guard type != "c", type != "d", type != "f" else { return nil }
        return number.stringValue
    }

    private static func stringMembers(_ object: [String: Any], except: Set<String>, prefix: String) -> [TopicField] {
        object.keys.filter { !except.contains($0) }.sorted().compactMap { key in
            (object[key] as? String).map { TopicField(prefix + key, $0) }
        }
    }
}
