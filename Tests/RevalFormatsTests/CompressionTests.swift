import Foundation
import Testing
import RevalCore
import RevalFormats

/// openInput: compression recognised by magic bytes, decompressed through zlib / libzstd.
///
/// Fixtures (made once with gzip 1.x and zstd, committed as files):
/// - run.txt                 44 lines of a TREC run, two topics
/// - run.txt.gz              gzip -9 -n of run.txt
/// - run-multimember.gz      lines 1-24 and 25-44 gzipped separately, concatenated
/// - run.txt.zst             zstd -19 of run.txt
/// - run-multiframe.zst      lines 1-24 and 25-44 compressed separately, concatenated
/// - run-truncated.gz        the first half of run.txt.gz
/// - run-truncated.zst       the first half of run.txt.zst
/// - run-gzip-named.txt      run.txt.gz under a .txt name
/// - run-plain-named.gz      run.txt under a .gz name
/// - qrels.txt, qrels.txt.gz, qrels.txt.zst   22 judgments for the same topics
@Suite("Compressed input")
struct CompressionTests {
    static let readable = ["run.txt", "run.txt.gz", "run-multimember.gz", "run.txt.zst",
                           "run-multiframe.zst", "run-gzip-named.txt", "run-plain-named.gz"]

    @Test("every form gives the plain file's lines byte for byte",
          arguments: CompressionTests.readable, [7, 4096, 8 << 20])
    func sameLines(fixture: String, chunkSize: Int) throws {
        let expected = splitLines(try Fixtures.bytes("run.txt"))
        #expect(expected.count == 44)
        let got = try readLines(Fixtures.path(fixture), chunkSize: chunkSize)
        #expect(got == expected)
    }

    @Test("the fixtures really are what their names say")
    func fixtureMagic() throws {
        let gz = try Fixtures.bytes("run.txt.gz")
        #expect(Array(gz.prefix(2)) == [0x1f, 0x8b])
        #expect(Array(try Fixtures.bytes("run-gzip-named.txt").prefix(2)) == [0x1f, 0x8b])
        #expect(Array(try Fixtures.bytes("run.txt.zst").prefix(4)) == [0x28, 0xb5, 0x2f, 0xfd])
        #expect(Array(try Fixtures.bytes("run-plain-named.gz").prefix(4)) == Array("301 ".utf8))
        // Two gzip members: a second header follows the first member.
        let multi = try Fixtures.bytes("run-multimember.gz")
        let headers = (0..<(multi.count - 2)).filter { multi[$0] == 0x1f && multi[$0 + 1] == 0x8b && multi[$0 + 2] == 0x08 }
        #expect(headers.count >= 2)
    }

    @Test("a compressed run reads into the same Run as the plain file",
          arguments: ["run.txt.gz", "run-multimember.gz", "run.txt.zst", "run-multiframe.zst"])
    func sameRun(fixture: String) throws {
        let plain = try TrecRunReader.read(path: Fixtures.path("run.txt"))
        let packed = try TrecRunReader.read(path: Fixtures.path(fixture))
        #expect(packed.topics.map(\.topic) == ["301", "302"])
        #expect(packed.tag == "fixture_run")
        for topic in ["301", "302"] {
            #expect(docnos(packed, topic) == docnos(plain, topic))
            #expect(packed[topic]?.scores == plain[topic]?.scores)
            #expect(packed[topic]?.lines == plain[topic]?.lines)
        }
        #expect(packed["301"]?.count == 24)
        #expect(packed["302"]?.count == 20)
        // Line 25 opens the second gzip member / zstd frame of the multi-part fixtures.
        #expect(packed["302"]?.lines.first == 25)
    }

    @Test("a truncated stream throws InputError naming the file, exit code 2",
          arguments: ["run-truncated.gz", "run-truncated.zst"], [7, 8 << 20])
    func truncated(fixture: String, chunkSize: Int) throws {
        let path = Fixtures.path(fixture)
        let error = #expect(throws: InputError.self) { try readLines(path, chunkSize: chunkSize) }
        #expect(error?.file == path)
        #expect(error?.exitCode == 2)
        let viaReader = #expect(throws: InputError.self) { try TrecRunReader.read(path: path) }
        #expect(viaReader?.file == path)
    }

    @Test("a gzip or zstd stream cut anywhere is an error, never a silent short read",
          arguments: ["run.txt.gz", "run.txt.zst"])
    func truncatedEverywhere(fixture: String) throws {
        let full = try Fixtures.bytes(fixture)
        let dir = try TemporaryDirectory()
        // Every cut after the 4 magic bytes and before the end.
        for cut in 4..<full.count {
            let path = try dir.write(Array(full.prefix(cut)), name: "cut-\(cut)")
            #expect(throws: InputError.self, "cut at \(cut) of \(full.count)") {
                try readLines(path)
            }
        }
    }

    @Test("detection goes by content: a gzip file named .txt is decompressed")
    func gzipNamedTxt() throws {
        let run = try TrecRunReader.read(path: Fixtures.path("run-gzip-named.txt"))
        #expect(run["301"]?.count == 24)
    }

    @Test("detection goes by content: a plain file named .gz is read as plain text")
    func plainNamedGz() throws {
        let run = try TrecRunReader.read(path: Fixtures.path("run-plain-named.gz"))
        #expect(run["302"]?.count == 20)
    }

    @Test("qrels are decompressed too", arguments: ["qrels.txt.gz", "qrels.txt.zst"])
    func compressedQrels(fixture: String) throws {
        let plain = try TrecQrelsReader.read(path: Fixtures.path("qrels.txt"))
        let packed = try TrecQrelsReader.read(path: Fixtures.path(fixture))
        #expect(packed.sortedTopicIDs == ["301", "302"])
        #expect(packed["301"]?.grades.count == 12)
        #expect(packed["302"]?.grades.count == 10)
        #expect(packed["301"]?.grades == plain["301"]?.grades)
        #expect(packed["302"]?.grades == plain["302"]?.grades)
        // qrels.txt line 3 is "301 0 FBIS3-1035 2"
        #expect(grade(packed, "301", "FBIS3-1035") == 2)
        #expect(judgmentLine(packed, "301", "FBIS3-1035") == 3)
    }

    @Test("a file shorter than a magic number is plain")
    func tooShortForMagic() throws {
        let dir = try TemporaryDirectory()
        #expect(try readLines(try dir.write([0x1f], name: "one-byte")) == [[0x1f]])
        #expect(try readLines(try dir.write([0x28, 0xb5, 0x2f], name: "three-bytes")) == [[0x28, 0xb5, 0x2f]])
        #expect(try readLines(try dir.write([], name: "empty")) == [])
    }
}
