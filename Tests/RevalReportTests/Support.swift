import Foundation
import RevalExperiment
import RevalReport

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    static let hostileName = "x|y <b>&\"q\"\nz"

    /// The tiny two-collection leaderboard of Fixtures/tiny.
    static func tinyBoard(threads: Int = 2) throws -> Leaderboard {
        let experiment = try ExperimentReader.read(path: path("tiny/tiny.yaml"))
        let results = try ExperimentEvaluation.evaluate(experiment, threads: threads)
        return Leaderboard.build(results, generator: "reval test", threads: threads)
    }
}

/// A well-formedness check by XML's rules (stricter than HTML's): tags nest and close,
/// attribute values are quoted, `&` starts a known entity or a character reference, and no
/// `<` stands in text. Returns the first problem, or nil.
enum XMLWellFormedness {
    static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        var stack: [String] = []
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 45 || b == 58 || b == 95 || b == 46
        }
        func entity(at k: Int) -> Bool {
            let rest = bytes[k...].prefix(12)
            guard let semicolon = rest.firstIndex(of: 59) else { return false }
            let name = String(decoding: bytes[(k + 1)..<semicolon], as: UTF8.self)
            if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return true }
            if name.hasPrefix("#x") { return UInt32(name.dropFirst(2), radix: 16) != nil }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()) != nil }
            return false
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 38 { // &
                if !entity(at: i) { return "bare & at byte \(i)" }
                i += 1
                continue
            }
            guard b == 60 else { i += 1; continue } // <
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                guard let end = find("-->", from: i, in: bytes) else { return "open comment" }
                i = end + 3
                continue
            }
            if bytes[i...].starts(with: Array("<!DOCTYPE".utf8)) || bytes[i...].starts(with: Array("<?".utf8)) {
                guard let end = bytes[i...].firstIndex(of: 62) else { return "open declaration" }
                i = end + 1
                continue
            }
            var k = i + 1
            let closing = k < bytes.count && bytes[k] == 47
            if closing { k += 1 }
            let nameStart = k
            while k < bytes.count && isNameByte(bytes[k]) { k += 1 }
            guard k > nameStart else { return "'<' not starting a tag at byte \(i)" }
            let name = String(decoding: bytes[nameStart..<k], as: UTF8.self)
            if closing {
                while k < bytes.count && bytes[k] == 32 { k += 1 }
                guard k < bytes.count, bytes[k] == 62 else { return "bad closing tag \(name)" }
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
                i = k + 1
                continue
            }
            // Attributes.
            var selfClosing = false
            while true {
                while k < bytes.count && (bytes[k] == 32 || bytes[k] == 10 || bytes[k] == 9) { k += 1 }
                guard k < bytes.count else { return "open tag \(name)" }
                if bytes[k] == 62 { k += 1; break }
                if bytes[k] == 47, k + 1 < bytes.count, bytes[k + 1] == 62 { selfClosing = true; k += 2; break }
                let attributeStart = k
                while k < bytes.count && isNameByte(bytes[k]) { k += 1 }
                guard k > attributeStart, k < bytes.count, bytes[k] == 61 else { return "attribute without value in <\(name)>" }
                k += 1
                guard k < bytes.count, bytes[k] == 34 || bytes[k] == 39 else { return "unquoted attribute in <\(name)>" }
                let quote = bytes[k]
                k += 1
                while k < bytes.count && bytes[k] != quote {
                    if bytes[k] == 60 { return "'<' in an attribute of <\(name)>" }
                    if bytes[k] == 38 && !entity(at: k) { return "bare & in an attribute of <\(name)>" }
                    k += 1
                }
                k += 1
            }
            if !selfClosing { stack.append(name) }
            i = k
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "> <"))>"
    }

    static func find(_ needle: String, from start: Int, in bytes: [UInt8]) -> Int? {
        let n = Array(needle.utf8)
        var k = start
        while k + n.count <= bytes.count {
            if bytes[k..<(k + n.count)].elementsEqual(n) { return k }
            k += 1
        }
        return nil
    }
}

/// RFC 4180 records: fields split at commas outside quotes, `""` inside quotes is `"`,
/// records end at CRLF outside quotes.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.first {
        scalars = scalars.dropFirst()
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars = scalars.dropFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            record.append(field); field = ""
        } else if c == "\r" && scalars.first == "\n" {
            scalars = scalars.dropFirst()
            record.append(field); field = ""
            records.append(record); record = []
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}
