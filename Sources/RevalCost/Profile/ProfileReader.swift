import RevalYAML

/// Reads efficiency profiles: YAML, or the same keys as JSON. Every key is checked (an
/// unknown one is an error at its line and column, with a suggestion when misspelt) and
/// every scalar is parsed by reval, not by YAML (`YAMLNode`), so `010` or `no` never turn
/// silently into 8 or false.
///
/// ```swift
/// let catalogue = try HardwareCatalogue.load(path: "hardware.yaml")
/// let profile = try ProfileReader.read(path: "Qrels/cacm/bm25.profile.yaml", catalogue: catalogue)
/// ```
public enum ProfileReader {
    public static let keys = [
        "name", "dataset", "run", "latency", "latency_ms", "qps", "hardware", "concurrency",
        "index_bytes", "memory_bytes", "build_seconds", "gpu", "notes",
    ]
    static let summaryKeys = ["mean", "p50", "p90", "p95", "p99", "max"]

    public static func read(path: String, catalogue: HardwareCatalogue? = nil) throws(YAMLError) -> EfficiencyProfile {
        let root = try YAMLDocument.load(path: path)
        return try profile(from: root, folder: folder(of: path), catalogue: catalogue)
    }

    /// The profile held by `node` (a whole file, or a mapping inside an experiment file);
    /// relative paths are resolved against `folder`.
    public static func profile(from node: YAMLNode, folder: String,
                               catalogue: HardwareCatalogue?) throws(YAMLError) -> EfficiencyProfile {
        let map = try node.mapping(keys: keys)
        let name = try map.required("name").string()
        guard !name.isEmpty else { throw try map.required("name").error("is empty; expected the system's name") }
        var profile = EfficiencyProfile(file: node.file, name: name)
        profile.dataset = try map["dataset"]?.string()
        profile.run = try map["run"].map { value throws(YAMLError) in try resolve(path(value), in: folder) }
        try map.requireAtMostOne(of: ["latency", "latency_ms"])
        profile.latencyFile = try map["latency"].map { value throws(YAMLError) in try resolve(path(value), in: folder) }
        if let summary = map["latency_ms"] { profile.latencySummary = try latencySummary(summary) }
        if let qps = map["qps"] {
            if profile.latencyFile != nil {
                throw qps.error("given with a latency file, from which QPS is derived; expected one of 'latency' and 'qps'")
            }
            profile.qps = try positive(qps)
        }
        if profile.latencyFile == nil && profile.latencySummary == nil && profile.qps == nil {
            throw map.node.error("no latency given; expected 'latency' (a per-query TSV), 'latency_ms' (stated figures) or 'qps'")
        }
        if let hardware = map["hardware"] { profile.hardware = try self.hardware(hardware, catalogue: catalogue) }
        if let concurrency = map["concurrency"] {
            let value = try concurrency.integer()
            guard value >= 1 else { throw concurrency.error("is \(value); expected 1 or more queries served at once") }
            profile.concurrency = value
        }
        profile.indexBytes = try map["index_bytes"]?.byteCount()
        profile.memoryBytes = try map["memory_bytes"]?.byteCount()
        profile.buildSeconds = try map["build_seconds"].map { value throws(YAMLError) in try nonNegative(value) }
        profile.gpu = try map["gpu"].map { value throws(YAMLError) in try gpu(value) }
        profile.notes = try map["notes"]?.string()
        return profile
    }

    /// `hardware:` as a catalogue name or an inline mapping.
    static func hardware(_ node: YAMLNode, catalogue: HardwareCatalogue?) throws(YAMLError) -> Hardware {
        guard node.isMapping else {
            let entry = try node.string()
            guard let catalogue else {
                throw node.error("names the catalogue entry '\(entry)', but no hardware catalogue was given; expected --hardware FILE or an inline mapping")
            }
            guard let hardware = catalogue.hardware(named: entry) else {
                var message = "'\(entry)' is not in the hardware catalogue \(catalogue.file)"
                if let suggestion = KeySuggestion.closest(to: entry, among: catalogue.names) {
                    message += "; did you mean '\(suggestion)'?"
                }
                throw node.error(message + " (entries: \(catalogue.names.joined(separator: ", ")))")
            }
            return hardware
        }
        return try HardwareCatalogue.hardware(from: node)
    }

    static func latencySummary(_ node: YAMLNode) throws(YAMLError) -> LatencySummary {
        let map = try node.mapping(keys: summaryKeys)
        var values: [Double?] = []
        for key in summaryKeys {
            values.append(try map[key].map { value throws(YAMLError) in try nonNegative(value) })
        }
        guard values.contains(where: { $0 != nil }) else {
            throw node.error("states no figure; expected one or more of \(summaryKeys.joined(separator: ", "))")
        }
        // Percentiles cannot decrease: p50 <= p90 <= p95 <= p99 <= max.
        var previous: (String, Double)?
        for (key, value) in zip(summaryKeys, values).dropFirst() {
            guard let value else { continue }
            if let (name, low) = previous, value < low, let place = map[key] {
                throw place.error("is \(value), below \(name) (\(low)); expected percentiles that do not decrease")
            }
            previous = (key, value)
        }
        return LatencySummary(mean: values[0], p50: values[1], p90: values[2], p95: values[3], p99: values[4], max: values[5])
    }

    /// `gpu:` describes the GPU ("1x NVIDIA T4"). YAML 1.1's booleans are refused: leave
    /// the key out when there is none.
    static func gpu(_ node: YAMLNode) throws(YAMLError) -> String {
        if node.isYAML11Boolean {
            throw node.error("expected a description of the GPU such as '1x NVIDIA T4', found \(node.kindDescription); leave the key out when there is no GPU")
        }
        return try node.string()
    }

    static func path(_ node: YAMLNode) throws(YAMLError) -> String {
        let text = try node.string()
        guard !text.isEmpty else { throw node.error("is empty; expected a file path") }
        return text
    }

    static func positive(_ node: YAMLNode) throws(YAMLError) -> Double {
        let value = try node.number()
        guard value > 0 else { throw node.error("is \(value); expected a number above 0") }
        return value
    }

    static func nonNegative(_ node: YAMLNode) throws(YAMLError) -> Double {
        let value = try node.number()
        guard value >= 0 else { throw node.error("is \(value); expected a number of 0 or more") }
        return value
    }

    /// The folder part of `path` ("" for a bare file name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path[...slash] == "/" ? "/" : String(path[..<slash])
    }

    /// `path` as seen from the working folder when written relative to `folder`.
    public static func resolve(_ path: String, in folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }
}
