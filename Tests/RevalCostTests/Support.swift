import Foundation
import RevalCost
import RevalFormats
import RevalYAML
import Testing

/// Where the test inputs live, found from this source file.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    /// A file of the bundled collections in `Qrels/`.
    static func qrels(_ relative: String) -> String { packageRoot.appendingPathComponent("Qrels/\(relative)").path }
}

/// |a − b| ≤ tolerance.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// The description of the error `body` throws, or nil.
func failure<E: Error & CustomStringConvertible>(_ type: E.Type, _ body: () throws -> Void) -> String? {
    do {
        try body()
    } catch let error as E {
        return error.description
    } catch {
        Issue.record("not a \(E.self): \(error)")
    }
    return nil
}

/// A profile read from YAML text as if it were the file `file`.
func profile(_ text: String, file: String = "dir/p.profile.yaml",
             catalogue: HardwareCatalogue? = nil) throws(YAMLError) -> EfficiencyProfile {
    let root = try YAMLDocument.parse(Array(text.utf8), file: file)
    return try ProfileReader.profile(from: root, folder: ProfileReader.folder(of: file), catalogue: catalogue)
}

/// Latency rows read from `text` as if it were the file `file`.
func latency(_ text: String, file: String = "lat.tsv") throws(InputError) -> LatencyTable {
    try LatencyReader.parse(Array(text.utf8), file: file)
}
