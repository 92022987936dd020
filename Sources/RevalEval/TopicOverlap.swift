import RevalCore
import RevalFormats

/// The check that a run and the qrels are about the same queries.
///
/// trec_eval ignores run topics the qrels do not judge, and (without -c) qrels topics the
/// run lacks. When the two share no topic at all, every number is 0 or a mean over no
/// topics: the files are of different collections, or the ids were mangled (a prefix, a
/// byte order mark, a different id scheme). That is an error, with and without -c, and
/// the message shows a few ids of each side so the mismatch can be seen.
enum TopicOverlap {
    /// How many ids of each side the message shows.
    static let sampleSize = 5

    static func check(runTopics: some Collection<String>, run: String, qrels: Qrels) throws(InputError) {
        guard !runTopics.contains(where: { qrels[$0] != nil }) else { return }
        func sample(_ ids: [String]) -> String {
            let sorted = ids.sorted(by: byteOrderLess)
            let shown = sorted.prefix(sampleSize).map { "'\($0.excerpt)'" }.joined(separator: ", ")
            return shown + (sorted.count > sampleSize ? ", ... (\(sorted.count) topics)" : "")
        }
        throw InputError(file: run, message: "no topic in common with the qrels \(qrels.source): the run has "
            + "\(sample(Array(runTopics))), the qrels have \(sample(qrels.topics.map(\.topic))); "
            + "expected a run and qrels of the same queries")
    }
}
