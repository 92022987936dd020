import RevalCore
import RevalFormats

/// Reads embeddings in either form reval takes: JSON Lines (`{"id": ..., "vector": [...]}`)
/// or a `.npy` matrix (told by its magic bytes) with the row ids in a list file.
///
/// ```swift
/// let train = try EmbeddingsReader.read(path: "train.npy", ids: "train.ids")
/// let test = try EmbeddingsReader.read(path: "test.jsonl", ids: nil)
/// ```
public enum EmbeddingsReader {
    public static func read(path: String, ids idsPath: String?) throws(InputError) -> EmbeddingMatrix {
        let peek = try PeekedInput(path, bytes: 8)
        guard NpyReader.isNpy(peek.head) else {
            if idsPath != nil {
                throw InputError(file: path, message: "an id list is only for .npy matrices; a JSON Lines file names its ids")
            }
            var lines = LineReader(peek.source, name: path)
            return try EmbeddingsJSONLReader.read(&lines, name: path)
        }
        guard let idsPath else {
            throw InputError(file: path, message: "a .npy matrix has no ids; expected an id list (one per line, in row order) with it")
        }
        let (rows, dimension, values) = try NpyReader.parse(try ByteReading.all(peek.source), name: path)
        let ids = try IdListReader.read(path: idsPath)
        guard ids.count == rows else {
            throw InputError(file: idsPath, message: "\(ids.count) ids for the \(rows) rows of \(path); expected one id per row")
        }
        var matrix = EmbeddingMatrix(dimension: dimension)
        for (i, id) in ids.enumerated() {
            matrix.append(id: id, vector: Array(values[i * dimension ..< (i + 1) * dimension]), line: i + 1)
        }
        return matrix
    }
}
