extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, for a predicate that is false
    /// then true along the (sorted) array.
    func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
