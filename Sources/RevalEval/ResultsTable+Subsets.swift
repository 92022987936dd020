/// Restricting a table to a subset of its topics (a split, a bucket).
extension ResultsTable {
    /// The table over the given topics only, in this table's order; ids the table does
    /// not hold are ignored (`topics` of the result says which remain). Summaries over
    /// the result equal trec_eval -c run on qrels holding just those topics, since each
    /// topic's values depend only on its own judgments.
    public func restricted(to subset: some Sequence<String>) -> ResultsTable {
        let wanted = Set(subset)
        let kept = topics.indices.filter { wanted.contains(topics[$0]) }
        var table = self
        table.replaceTopics(kept)
        return table
    }

    private mutating func replaceTopics(_ kept: [Int]) {
        let keptTopics = kept.map { topics[$0] }
        let values = self.values.map { run in run.map { row in kept.map { row[$0] } } }
        let level = relevanceLevel
        self = ResultsTable(runs: runs, topics: keptTopics, measures: measures, summaryStyles: summaryStyles,
                            values: values, missing: missing.map { $0.intersection(keptTopics) })
        relevanceLevel = level
    }
}
