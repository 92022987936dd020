import RevalCore
import RevalFormats

/// A fingerprint of an experiment's inputs: the XXH64 of each file's bytes as stored (a
/// compressed run is hashed compressed), and one XXH64 over the list of
/// `path<TAB>digest<LF>` lines, paths relative to the experiment's folder as written. The
/// same inputs give the same digest on every machine and in every folder.
public struct InputDigest: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// Relative to the experiment's folder (the experiment file itself by its name).
        public var path: String
        public var xxh64: String
    }

    public var files: [File]
    /// XXH64 over every file's line.
    public var combined: String

    /// Hashes `files` (path for reports, path to read) on up to `threads` threads.
    static func compute(_ files: [(shown: String, read: String)], experimentBytes: [UInt8], experimentName: String,
                        threads: Int) throws(ExperimentError) -> InputDigest {
        let hashed = parallelMap(files.count, threads: threads) { k -> Result<String, InputError> in
            Result { () throws(InputError) -> String in try hash(files[k].read) }
        }
        var experimentHash = XXHash64()
        experimentHash.update(experimentBytes)
        var list = [File(path: experimentName, xxh64: experimentHash.hexDigest)]
        for (file, digest) in zip(files, hashed) {
            do {
                list.append(File(path: file.shown, xxh64: try digest.get()))
            } catch {
                throw ExperimentError(error)
            }
        }
        var all = XXHash64()
        for file in list { all.update(Array("\(file.path)\t\(file.xxh64)\n".utf8)) }
        return InputDigest(files: list, combined: all.hexDigest)
    }

    static func hash(_ path: String) throws(InputError) -> String {
        var hash = XXHash64()
        try FileBytes.forEachChunk(try FileSource(path: path)) { chunk in hash.update(chunk) }
        return hash.hexDigest
    }
}
