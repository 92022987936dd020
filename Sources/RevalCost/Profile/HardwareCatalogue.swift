import RevalYAML

/// Hardware described once and named from many profiles (`hardware: c6i.large`), read
/// from `--hardware FILE`: a mapping from entry names to hardware mappings.
///
/// ```yaml
/// c6i.large:
///   name: AWS c6i.large, 2 vCPU, 4 GiB
///   price_per_hour: 0.085
///   currency: USD
/// ```
public struct HardwareCatalogue: Sendable, Equatable {
    public static let keys = ["name", "price_per_hour", "currency", "cpu", "vcpus", "memory_bytes", "gpu", "notes"]

    public var file: String
    /// Entries in file order.
    public var entries: [(name: String, hardware: Hardware)]

    public var names: [String] { entries.map(\.name) }

    public func hardware(named name: String) -> Hardware? {
        entries.first { $0.name == name }?.hardware
    }

    public static func == (a: HardwareCatalogue, b: HardwareCatalogue) -> Bool {
        a.file == b.file && a.names == b.names && a.entries.map(\.hardware) == b.entries.map(\.hardware)
    }

    public init(file: String, entries: [(name: String, hardware: Hardware)]) {
        self.file = file
        self.entries = entries
    }

    public static func load(path: String) throws(YAMLError) -> HardwareCatalogue {
        let root = try YAMLDocument.load(path: path)
        var entries: [(name: String, hardware: Hardware)] = []
        for (name, node) in try root.entries() {
            var hardware = try Self.hardware(from: node)
            hardware.catalogueEntry = name
            entries.append((name, hardware))
        }
        guard !entries.isEmpty else {
            throw root.error("holds no hardware; expected entries such as 'c6i.large: {name: ..., price_per_hour: ...}'")
        }
        return HardwareCatalogue(file: path, entries: entries)
    }

    /// The hardware described by a mapping of `keys`.
    public static func hardware(from node: YAMLNode) throws(YAMLError) -> Hardware {
        let map = try node.mapping(keys: keys)
        let name = try map.required("name").string()
        guard !name.isEmpty else { throw try map.required("name").error("is empty; expected what the machine is") }
        var hardware = Hardware(name: name)
        if let price = map["price_per_hour"] {
            let value = try price.number()
            guard value >= 0 else { throw price.error("is \(value); expected a price of 0 or more") }
            hardware.pricePerHour = value
        }
        if let currency = map["currency"] {
            let code = try currency.string()
            guard !code.isEmpty, !code.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
                throw currency.error("is '\(code)'; expected a currency code such as USD or EUR")
            }
            hardware.currency = code
        }
        hardware.cpu = try map["cpu"]?.string()
        if let vcpus = map["vcpus"] {
            let value = try vcpus.integer()
            guard value >= 1 else { throw vcpus.error("is \(value); expected 1 or more") }
            hardware.vcpus = value
        }
        hardware.memoryBytes = try map["memory_bytes"]?.byteCount()
        hardware.gpu = try map["gpu"].map { value throws(YAMLError) in try ProfileReader.gpu(value) }
        hardware.notes = try map["notes"]?.string()
        return hardware
    }
}
