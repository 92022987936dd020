import RevalCost
import RevalYAML
import Testing

@Suite("Profiles")
struct ProfileReaderTests {
    @Test("every key, from YAML; paths relative to the profile's folder")
    func everyKey() throws {
        let p = try ProfileReader.read(path: Paths.fixture("full.profile.yaml"))
        #expect(p.name == "splade")
        #expect(p.dataset == "cacm")
        #expect(p.run == Paths.fixture("runs/splade.trec.gz"))
        #expect(p.latencyFile == nil)
        #expect(p.latencySummary == LatencySummary(mean: 12.5, p50: 10, p90: 20, p95: 25.5, p99: 40, max: 61))
        #expect(p.qps == 150)
        #expect(p.concurrency == 16)
        #expect(p.indexBytes == 1_500_000_000)
        #expect(p.memoryBytes == 6_442_450_944)
        #expect(p.buildSeconds == 3600.5)
        #expect(p.gpu == "1x NVIDIA T4")
        #expect(p.notes == "measured with 16 clients\n")
        let h = try #require(p.hardware)
        #expect(h.name == "1 GPU VM" && h.pricePerHour == 1.006 && h.currency == "EUR")
        #expect(h.cpu == "8 vCPU x86_64" && h.vcpus == 8 && h.memoryBytes == 34_359_738_368)   // 32 × 2³⁰
        #expect(h.gpu == "1x NVIDIA T4" && h.notes == "rented by the hour")
    }

    @Test("the same keys as JSON read to the same profile")
    func jsonEqualsYAML() throws {
        var yaml = try ProfileReader.read(path: Paths.fixture("full.profile.yaml"))
        var json = try ProfileReader.read(path: Paths.fixture("full.profile.json"))
        yaml.file = ""
        json.file = ""
        #expect(yaml == json)
    }

    @Test("defaults: concurrency 1, currency USD, no price when none is stated")
    func defaults() throws {
        let p = try profile("name: a\nrun: r.txt\nlatency: l.tsv\nhardware: {name: laptop}\n")
        #expect(p.concurrency == 1)
        #expect(p.hardware?.currency == "USD")
        #expect(p.hardware?.pricePerHour == nil)
        #expect(p.run == "dir/r.txt" && p.latencyFile == "dir/l.tsv")
        let absolute = try profile("name: a\nrun: /data/r.txt\nqps: 3\n")
        #expect(absolute.run == "/data/r.txt")
    }

    @Test("hardware named from the catalogue")
    func catalogue() throws {
        let catalogue = try HardwareCatalogue.load(path: Paths.fixture("hardware.yaml"))
        #expect(catalogue.names == ["c6i.large", "vm-2vcpu"])
        let p = try ProfileReader.read(path: Paths.fixture("catalogued.profile.yaml"), catalogue: catalogue)
        #expect(p.hardware?.name == "2 vCPU VM (x86_64, shared)")
        #expect(p.hardware?.pricePerHour == 0.0832)
        #expect(p.hardware?.catalogueEntry == "vm-2vcpu")
        let misspelt = failure(YAMLError.self) {
            _ = try profile("name: a\nqps: 1\nhardware: c6i.lrage\n", catalogue: catalogue)
        }
        #expect(misspelt == "dir/p.profile.yaml:3:11: hardware: 'c6i.lrage' is not in the hardware catalogue \(Paths.fixture("hardware.yaml")); did you mean 'c6i.large'? (entries: c6i.large, vm-2vcpu)")
        let without = failure(YAMLError.self) { _ = try profile("name: a\nqps: 1\nhardware: c6i.large\n") }
        #expect(without == "dir/p.profile.yaml:3:11: hardware: names the catalogue entry 'c6i.large', but no hardware catalogue was given; expected --hardware FILE or an inline mapping")
    }

    /// Each broken profile and the exact line reval prints for it.
    @Test("bad profiles: one located error each", arguments: [
        ("name: a\nrun: r\nlatncy: l.tsv\n",
         "dir/p.profile.yaml:3:1: unknown key 'latncy'; did you mean 'latency'? (expected one of: name, dataset, run, latency, latency_ms, qps, hardware, concurrency, index_bytes, memory_bytes, build_seconds, gpu, notes)"),
        ("name: a\nqps: 1\nhardware:\n  name: vm\n  price: 1\n",
         "dir/p.profile.yaml:5:3: unknown key 'price' in hardware (expected one of: name, price_per_hour, currency, cpu, vcpus, memory_bytes, gpu, notes)"),
        ("run: r\nqps: 1\n", "dir/p.profile.yaml:1:1: missing key 'name'; expected it"),
        ("name: a\nrun: r\n",
         "dir/p.profile.yaml:1:1: no latency given; expected 'latency' (a per-query TSV), 'latency_ms' (stated figures) or 'qps'"),
        ("name: a\nlatency: l.tsv\nlatency_ms: {mean: 3}\n",
         "dir/p.profile.yaml:3:1: 'latency' and 'latency_ms' both given; expected only one of 'latency', 'latency_ms'"),
        ("name: a\nlatency: l.tsv\nqps: 30\n",
         "dir/p.profile.yaml:3:6: qps: given with a latency file, from which QPS is derived; expected one of 'latency' and 'qps'"),
        ("name: a\nqps: 1\nconcurrency: 010\n",
         "dir/p.profile.yaml:3:14: concurrency: expected a whole number, found '010', a leading zero (YAML 1.1 reads it as octal 8); write 10 if that is the value"),
        ("name: a\nqps: 1\nconcurrency: 0\n", "dir/p.profile.yaml:3:14: concurrency: is 0; expected 1 or more queries served at once"),
        ("name: a\nqps: 0\n", "dir/p.profile.yaml:2:6: qps: is 0.0; expected a number above 0"),
        ("name: a\nqps: 1\ngpu: no\n",
         "dir/p.profile.yaml:3:6: gpu: expected a description of the GPU such as '1x NVIDIA T4', found 'no'; leave the key out when there is no GPU"),
        ("name: a\nqps: 1\nhardware: {name: vm, price_per_hour: '0.08'}\n",
         "dir/p.profile.yaml:3:38: hardware.price_per_hour: expected a number, found the quoted text '0.08'; write it without quotes"),
        ("name: a\nqps: 1\nhardware: {name: vm, price_per_hour: -1}\n",
         "dir/p.profile.yaml:3:38: hardware.price_per_hour: is -1.0; expected a price of 0 or more"),
        ("name: a\nqps: 1\nhardware: {name: vm, currency: ''}\n",
         "dir/p.profile.yaml:3:32: hardware.currency: is ''; expected a currency code such as USD or EUR"),
        ("name: a\nlatency_ms: {mean: 3, p50: 2, p90: 1}\n",
         "dir/p.profile.yaml:2:36: latency_ms.p90: is 1.0, below p50 (2.0); expected percentiles that do not decrease"),
        ("name: a\nlatency_ms: {}\n",
         "dir/p.profile.yaml:2:13: latency_ms: states no figure; expected one or more of mean, p50, p90, p95, p99, max"),
        ("name: a\nlatency_ms: {mean: 3, p95: no}\n",
         "dir/p.profile.yaml:2:28: latency_ms.p95: expected a number, found 'no' (a boolean in YAML 1.1, text in YAML 1.2)"),
        ("name: a\nqps: 1\nmemory_bytes: 8 GB RAM\n",
         "dir/p.profile.yaml:3:15: memory_bytes: expected a size in bytes, found '8 GB RAM'; expected a decimal number such as 12 or 0.5; expected a size such as 4294967296, 4 GiB or 512 MB"),
        ("name: ''\nqps: 1\n", "dir/p.profile.yaml:1:7: name: is empty; expected the system's name"),
        ("name: [a, b]\nqps: 1\n", "dir/p.profile.yaml:1:7: name: expected text, found a list"),
    ])
    func badProfiles(_ text: String, _ expected: String) {
        #expect(failure(YAMLError.self) { _ = try profile(text) } == expected)
    }

    @Test("a catalogue must hold hardware mappings")
    func badCatalogue() throws {
        let root = try YAMLDocument.parse(Array("vm:\n  nmae: x\n".utf8), file: "hw.yaml")
        let message = failure(YAMLError.self) {
            for (_, node) in try root.entries() { _ = try HardwareCatalogue.hardware(from: node) }
        }
        #expect(message?.hasPrefix("hw.yaml:2:3: unknown key 'nmae' in vm; did you mean 'name'?") == true)
    }
}
