import RevalCore

extension TopicRun {
    /// Throws the error readers give when `block`, a later block of this topic, does not
    /// fit in it within `limits`: at the block's first line of `file`.
    public func checkRoom(for block: TopicRun, within limits: TopicLimits, file: String) throws(InputError) {
        guard canAdd(documents: block.count, docnoBytes: block.docnoBytes.count, within: limits) else {
            throw .topicTooLarge(file: file, line: block.sourceLines.first.map { Int($0) },
                                 topic: block.topic, limits: limits)
        }
    }
}
