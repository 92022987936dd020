import Foundation
import Testing
import RevalCore
import RevalFormats

/// AtomicFile: the old content or the whole new content, never a part; no stray files.
@Suite("Atomic file writes")
struct AtomicFileTests {
    struct Interrupted: Error {}

    func names(in dir: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a new file gets the content; nothing else is left in the folder")
    func newFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("report.txt").path
        try AtomicFile.write(Array("map\tall\t0.3773\n".utf8), to: path)
        #expect(try Fixtures.bytesAt(path) == Array("map\tall\t0.3773\n".utf8))
        #expect(try names(in: dir) == ["report.txt"])
        // Permissions as for any created file (0666 less the umask), not mkstemp's 0600.
        let plain = try dir.write("x", name: "plain")
        #expect(try mode(path) == mode(plain))
    }

    @Test("an existing file is replaced whole and keeps its permissions")
    func replaces() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("old content\n", name: "report.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let big = [UInt8](repeating: UInt8(ascii: "n"), count: 300_000)  // several buffer flushes
        try AtomicFile.write(to: path) { out in
            try out.write("new\n")
            try out.write(big)
        }
        #expect(try Fixtures.bytesAt(path) == Array("new\n".utf8) + big)
        #expect(try mode(path) == 0o640)
        #expect(try names(in: dir) == ["report.txt"])
    }

    @Test("an error thrown part way leaves the old file untouched and no temporary file",
          arguments: [10, 200_000])
    func errorMidWrite(bytesBeforeError: Int) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("old content\n", name: "report.txt")
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { out in
                try out.write([UInt8](repeating: 0x41, count: bytesBeforeError))
                throw Interrupted()
            }
        }
        #expect(try Fixtures.bytesAt(path) == Array("old content\n".utf8))
        #expect(try names(in: dir) == ["report.txt"])
    }

    @Test("an error part way through a new file leaves no file at all")
    func errorOnNewFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("report.txt").path
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { out in
                try out.write("partial")
                throw Interrupted()
            }
        }
        #expect(try names(in: dir) == [])
    }

    @Test("a missing folder is an OutputError naming the file, exit code 2")
    func missingFolder() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("no-such-folder/report.txt").path
        let error = #expect(throws: OutputError.self) { try AtomicFile.write([1, 2, 3], to: path) }
        #expect(error?.file == path)
        #expect(error?.exitCode == 2)
        #expect(error?.description.hasPrefix("\(path): cannot create a file in folder") == true,
                "\(String(describing: error))")
        #expect(try names(in: dir) == [])
    }

    @Test("a folder in the way is an error; the folder and its contents stay, no temporary file")
    func folderInTheWay() throws {
        let dir = try TemporaryDirectory()
        let folder = dir.url.appendingPathComponent("report.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        _ = try dir.write("inside", name: "report.txt/inside")
        let error = #expect(throws: OutputError.self) { try AtomicFile.write([1], to: folder.path) }
        #expect(error?.file == folder.path)
        #expect(try names(in: dir) == ["report.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["inside"])
    }

    @Test("ids read as bytes are written as those bytes")
    func rawBytes() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("ids").path
        try AtomicFile.write(to: path) { out in try out.write(String(rawBytes: [0x74, 0xe8, 0x67, 0x0a])) }
        #expect(try Fixtures.bytesAt(path) == [0x74, 0xe8, 0x67, 0x0a])
    }
}

extension Fixtures {
    static func bytesAt(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
