#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Yams

/// Reads a YAML file (JSON is read too: a JSON document is YAML flow style) into the
/// node tree, with every node's line and column, for readers that check each key.
///
/// reval never lets YAML convert values: scalars stay the text that was written and the
/// typed accessors of `YAMLNode` parse them, so YAML 1.1's traps (`no` read as false,
/// `010` as 8, `1:30` as 90) are errors, not silent conversions.
///
/// ```swift
/// let root = try YAMLDocument.load(path: "bm25.profile.yaml")
/// let profile = try root.mapping(keys: ["name", "run"])
/// let name = try profile.required("name").string()
/// ```
public enum YAMLDocument {
    /// The largest file read: profiles and experiment files are small; anything this big
    /// is not one.
    public static let maxBytes = 16 << 20

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(YAMLError) -> YAMLNode {
        try parse(readFile(path), file: path)
    }

    /// Parses `bytes` (the content of `file`, for messages). A UTF-8 byte order mark is
    /// skipped; bytes that are not UTF-8, a NUL byte, an empty document or a second
    /// document are errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if let nul = content.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: content)
            throw YAMLError(file: file, line: line, column: column, message: "NUL byte; expected YAML text, not binary data")
        }
        guard let text = String(validating: content, as: UTF8.self) else {
            let offset = firstInvalidUTF8(in: content)
            let (line, column) = position(of: offset, in: content)
            throw YAMLError(file: file, line: line, column: column, message: "bytes that are not UTF-8; expected UTF-8 text")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, file: file)
        } catch {
            throw YAMLError(file: file, message: "cannot parse: \(error)")
        }
        guard let root else {
            throw YAMLError(file: file, message: "empty; expected a YAML or JSON mapping")
        }
        return YAMLNode(root, file: file, path: "")
    }

    static func readFile(_ path: String) throws(YAMLError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw YAMLError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw YAMLError(file: path, message: "is a folder; expected a YAML or JSON file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw YAMLError(file: path, message: "cannot read: \(String(cString: strerror(errno)))") }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
            if bytes.count > maxBytes {
                throw YAMLError(file: path, message: "larger than \(maxBytes >> 20) MiB; expected a small YAML or JSON file")
            }
        }
    }

    /// libyaml's errors as one located line. Yams puts line and column only in the error's
    /// description; the marks are taken from the cases here.
    static func translate(_ error: YamlError, file: String) -> YAMLError {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> YAMLError {
            var message = problem
            if let context, !context.text.isEmpty { message += " (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            return YAMLError(file: file, line: mark.line, column: mark.column, message: message + "; expected valid YAML or JSON")
        }
        switch error {
        case let .scanner(context, problem, mark, _): return located(problem, context, mark)
        case let .parser(context, problem, mark, _): return located(problem, context, mark)
        case let .composer(context, problem, mark, _): return located(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return YAMLError(file: file, line: context.mark.line, column: context.mark.column,
                             message: "key \(names) given twice in one mapping; expected each key once")
        case let .reader(problem, _, _, _):
            return YAMLError(file: file, message: "cannot read: \(problem)")
        default:
            return YAMLError(file: file, message: "cannot parse: \(error)")
        }
    }

    /// 1-based line and column (in bytes) of `index` in `bytes`.
    static func position(of index: ArraySlice<UInt8>.Index, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, lineStart = bytes.startIndex
        for i in bytes.startIndex..<index where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, index - lineStart + 1)
    }

    /// The index of the first byte that does not begin a valid UTF-8 sequence.
    static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            guard length > 0, i + length <= bytes.endIndex else { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return i
    }
}
