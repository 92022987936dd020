import RevalEval
import Testing

/// The names runs carry in every output (`RunInput.defaultName`, `distinctlyNamed`).
@Suite("RunInput names")
struct RunInputTests {
    @Test("the file name without folders and without .gz or .zst; stdin; a descriptor's path as it is")
    func defaultNames() {
        #expect(RunInput(path: "runs/bm25.trec.gz").name == "bm25.trec")
        #expect(RunInput(path: "dense.txt.zst").name == "dense.txt")
        #expect(RunInput(path: ".gz").name == ".gz")
        #expect(RunInput(path: "-").name == "stdin")
        #expect(RunInput(path: "/dev/fd/63").name == "/dev/fd/63")
        #expect(RunInput(path: "/proc/self/fd/5").name == "/proc/self/fd/5")
    }

    @Test("two files of one name are named by their paths; two pipes keep theirs")
    func distinct() {
        #expect(RunInput.distinctlyNamed(["a/bm25.txt", "b/bm25.txt"]).map(\.name) == ["a/bm25.txt", "b/bm25.txt"])
        #expect(RunInput.distinctlyNamed(["a/bm25.txt", "dense.txt"]).map(\.name) == ["bm25.txt", "dense.txt"])
        #expect(RunInput.distinctlyNamed(["/dev/fd/63", "/dev/fd/62"]).map(\.name) == ["/dev/fd/63", "/dev/fd/62"])
    }
}
