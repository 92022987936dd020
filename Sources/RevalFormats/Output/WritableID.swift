import RevalCore

/// The checks writers make so that a file they write reads back as what was written:
/// an id that the format would split, skip as a comment or not hold at all is refused,
/// with an error at the input line the id came from.
struct WritableID {
    /// The input the ids came from.
    let file: String
    /// The output format's name, for messages.
    let format: String

    /// A whitespace-separated field (TREC, MS MARCO): not empty, no C whitespace, and,
    /// in the first column, no leading `#` (the readers skip such a line as a comment).
    func textField(_ id: String, what: String, line: Int?, firstColumn: Bool = false) throws(InputError) {
        let bytes = id.rawBytes
        if bytes.isEmpty { throw refuse("an empty \(what)", line: line) }
        if bytes.contains(where: isCSpace) {
            throw refuse("\(what) '\(id.excerpt)' holds whitespace, which separates the fields of \(format)", line: line)
        }
        if firstColumn && bytes.first == UInt8(ascii: "#") {
            throw refuse("\(what) '\(id.excerpt)' starts with '#', which makes a \(format) line a comment", line: line)
        }
    }

    /// A TAB-separated field (BEIR qrels): not empty, no TAB, CR or LF.
    func tabField(_ id: String, what: String, line: Int?) throws(InputError) {
        let bytes = id.rawBytes
        if bytes.isEmpty { throw refuse("an empty \(what)", line: line) }
        if bytes.contains(where: { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }) {
            throw refuse("\(what) '\(id.excerpt)' holds a TAB, CR or LF, which \(format) cannot hold", line: line)
        }
    }

    /// A JSON string: UTF-8. Bytes that are not UTF-8 cannot be written in a JSON string
    /// (any escape would read back as other bytes), so they are refused.
    func jsonString(_ id: String, what: String, line: Int?) throws(InputError) {
        // Escaped bytes (`String(rawBytes:)`) are code points from U+10FF00, UTF-8 F4 ...
        guard id.utf8.contains(0xf4) else { return }
        let bytes = id.rawBytes
        let valid = bytes.withUnsafeBytes { String(validating: $0, as: UTF8.self) } != nil
        if !valid {
            throw refuse("\(what) '\(id.excerpt)' is not UTF-8, which a JSON string must be; "
                + "write trec or msmarco, which keep ids byte for byte", line: line)
        }
    }

    /// A JSON number: finite.
    func jsonNumber(_ score: Double, docno: String, topic: String, line: Int?) throws(InputError) {
        if !score.isFinite {
            throw refuse("score \(score) of document '\(docno.excerpt)' of query '\(topic.excerpt)' is not finite; "
                + "JSON has no infinity or NaN", line: line)
        }
    }

    private func refuse(_ problem: String, line: Int?) -> InputError {
        InputError(file: file, line: line, message: "cannot write as \(format): \(problem)")
    }
}
