/// Room for `T` values reused from topic to topic: `reserve` makes room for at least `n`
/// without keeping what was there, so a topic costs no allocation once the largest one
/// has been seen. The owner calls `deallocate()` once, when it is done.
struct ScratchArray<T: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Room for `n` values; the old contents are lost when it grows.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        base.deallocate()
        capacity = max(n, capacity * 2)
        base = .allocate(capacity: capacity)
    }

    func deallocate() { base.deallocate() }
}
