import RevalFormats
import RevalTestSupport
import Testing
@testable import RevalSplits

@Suite struct EmbeddingsReaderTests {
    func parse(_ text: String) throws(InputError) -> EmbeddingMatrix {
        try EmbeddingsJSONLReader.parse(bytes: Array(text.utf8), name: "e.jsonl")
    }

    @Test func readsJSONLines() throws {
        let m = try parse("{\"id\": \"q1\", \"vector\": [0.5, -1, 2e-1]}\n\n{\"vector\":[1,2,3],\"_id\":7,\"model\":{\"name\":\"x\",\"dims\":[3]}}\n")
        #expect(m.ids == ["q1", "7"])
        #expect(m.dimension == 3)
        #expect(m.values == [0.5, -1, 0.2, 1, 2, 3])
        #expect(m.lines == [1, 3])
    }

    @Test func escapedIds() throws {
        #expect(try parse("{\"id\": \"a\\\"b\\u00e9\", \"vector\": [1]}").ids == ["a\"bé"])
    }

    @Test(arguments: [
        ("{\"id\": \"q1\", \"vector\": [1, 2]}\n{\"id\": \"q2\", \"vector\": [1, 2, 3]}\n",
         "e.jsonl:2: vector of 'q2' has 3 numbers; expected 2 as on line 1"),
        ("{\"id\": \"q1\", \"vector\": [1]}\n{\"id\": \"q1\", \"vector\": [2]}\n",
         "e.jsonl:2: id 'q1' has a vector already (line 1); expected each id once"),
        ("{\"id\": \"q1\"}\n", "e.jsonl:1: no \"vector\" for 'q1'; expected {\"id\": ..., \"vector\": [...]}"),
        ("{\"vector\": [1]}\n", "e.jsonl:1: no \"id\"; expected {\"id\": ..., \"vector\": [...]}"),
        ("{\"id\": \"q1\", \"vector\": [1, \"x\"]}\n", "e.jsonl:1: column 28: expected a number in the vector"),
        ("{\"id\": \"q1\", \"vector\": [1, 1e999]}\n", "e.jsonl:1: column 28: '1e999' is not a finite number"),
        ("{\"id\": \"q1\", \"vector\": [1, 2}\n", "e.jsonl:1: column 29: expected ',' or ']' in the vector"),
        ("{\"id\": \"q1\", \"vector\": []}\n", "e.jsonl:1: empty \"vector\"; expected at least one number"),
        ("[1, 2]\n", "e.jsonl:1: column 1: expected '{' opening an object {\"id\": ..., \"vector\": [...]}"),
        ("{\"id\": \"q1\", \"vector\": [1]} x\n", "e.jsonl:1: column 29: text after the object; expected one object per line"),
        ("", "e.jsonl: no vectors: the file is empty; expected {\"id\": ..., \"vector\": [...]} per line"),
    ])
    func badLines(_ text: String, _ message: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    /// A version-1 .npy header, padded with spaces to a multiple of 64 bytes with its "\n".
    static func npy(shape: String, descr: String = "<f4", fortran: Bool = false, data: [UInt8]) -> [UInt8] {
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let length = header.utf8.count
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xff), UInt8(length >> 8)] + Array(header.utf8) + data
    }

    static func float32(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
    }

    @Test func readsNpyMatrices() throws {
        let c = try NpyReader.parse(Self.npy(shape: "(2, 3)", data: Self.float32([1, 2, 3, 4, 5, 6])), name: "m.npy")
        #expect(c.rows == 2 && c.dimension == 3 && c.values == [1, 2, 3, 4, 5, 6])
        // Fortran order stores the columns: (1, 4), (2, 5), (3, 6).
        let f = try NpyReader.parse(Self.npy(shape: "(2, 3)", fortran: true, data: Self.float32([1, 4, 2, 5, 3, 6])), name: "m.npy")
        #expect(f.values == [1, 2, 3, 4, 5, 6])
        let doubles = [1.5, -2.0].flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
        #expect(try NpyReader.parse(Self.npy(shape: "(1, 2)", descr: "<f8", data: doubles), name: "m.npy").values == [1.5, -2])
    }

    @Test(arguments: [
        (npy(shape: "(2, 3)", data: float32([1, 2, 3, 4, 5])), "m.npy: 20 bytes of data; expected 2 x 3 values of 4 bytes"),
        (npy(shape: "(6,)", data: float32([1, 2, 3, 4, 5, 6])), "m.npy: shape (6,); expected a matrix (rows, dimension), one row per query"),
        (npy(shape: "(1, 2)", descr: "<i4", data: float32([1, 2])), "m.npy: dtype '<i4'; expected float32 ('<f4') or float64 ('<f8')"),
        (Array("not numpy".utf8), "m.npy: not a .npy file (no \\x93NUMPY magic)"),
    ])
    func badNpy(_ bytes: [UInt8], _ message: String) {
        do {
            _ = try NpyReader.parse(bytes, name: "m.npy")
            Issue.record("no error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func npyWithIdsAndMissingIds() throws {
        let dir = try TemporaryFolder()
        let matrix = try dir.write("m.npy", bytes: Self.npy(shape: "(2, 2)", data: Self.float32([1, 0, 0, 1])))
        let ids = try dir.write("m.ids", "a\nb\n")
        let m = try EmbeddingsReader.read(path: matrix, ids: ids)
        #expect(m.ids == ["a", "b"] && m.row(1) == [0, 1])
        #expect(throws: InputError(file: matrix, message: "no vector for topic 'c' of topics.tsv; expected one per topic")) {
            try m.selecting(["a", "c"], source: matrix, purpose: "topics.tsv")
        }
        let short = try dir.write("short.ids", "a\n")
        #expect(throws: InputError(file: short, message: "1 ids for the 2 rows of \(matrix); expected one id per row")) {
            try EmbeddingsReader.read(path: matrix, ids: short)
        }
        #expect(throws: InputError(file: matrix, message: "a .npy matrix has no ids; expected an id list (one per line, in row order) with it")) {
            try EmbeddingsReader.read(path: matrix, ids: nil)
        }
    }

    @Test("JSON Lines and .npy through pipes (`<(zcat e.jsonl.gz)`): the bytes looked at to tell them apart are kept")
    func pipes() throws {
        let dir = try TemporaryFolder()
        let jsonl = try dir.write("e.jsonl", "{\"id\": \"q1\", \"vector\": [0.5, 1]}\n")
        let piped = try PipedFile(jsonl)
        defer { piped.close() }
        let m = try EmbeddingsReader.read(path: piped.path, ids: nil)
        #expect(m.ids == ["q1"] && m.values == [0.5, 1])
        let matrix = try PipedFile(try dir.write("m.npy", bytes: Self.npy(shape: "(1, 2)", data: Self.float32([3, 4]))))
        defer { matrix.close() }
        let n = try EmbeddingsReader.read(path: matrix.path, ids: try dir.write("m.ids", "a\n"))
        #expect(n.ids == ["a"] && n.values == [3, 4])
    }
}
