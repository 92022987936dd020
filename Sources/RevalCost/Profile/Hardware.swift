/// The machine a system was measured on and what it costs to rent, as a profile or the
/// hardware catalogue states it.
///
/// ```yaml
/// hardware:
///   name: 2 vCPU VM
///   price_per_hour: 0.0832
///   currency: USD
/// ```
public struct Hardware: Sendable, Equatable {
    /// The catalogue entry it came from (`hardware: c6i.large`), nil when written inline.
    public var catalogueEntry: String?
    /// What the machine is, in words: "AWS c6i.large (2 vCPU, 4 GiB)".
    public var name: String
    /// Rent per hour in `currency`; nil when not known, and then no money figure is given.
    public var pricePerHour: Double?
    /// ISO 4217 code or any short name; "USD" unless stated.
    public var currency: String
    public var cpu: String?
    public var vcpus: Int?
    /// The machine's memory in bytes.
    public var memoryBytes: Int64?
    public var gpu: String?
    public var notes: String?

    public init(name: String, pricePerHour: Double? = nil, currency: String = "USD") {
        self.name = name
        self.pricePerHour = pricePerHour
        self.currency = currency
    }
}
