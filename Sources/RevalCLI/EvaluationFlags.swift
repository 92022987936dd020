import ArgumentParser
import RevalCore
import RevalEval
import RevalFormats

/// The evaluation options every scoring command shares (`eval`, `compare`, `cost`,
/// `split`): trec_eval's -m, -c, -l, -J, -M, -N in trec_eval's forms (`-l2`, `-M1000`,
/// `-mndcg_cut.10`), and reval's input and thread options. One definition, so each flag
/// has the same meaning and help text in every command.
///
/// ```swift
/// struct MyCommand: ParsableCommand {
///     @OptionGroup var evaluation: EvaluationFlags
///     func run() throws {
///         let settings = try evaluation.settings()   // EvaluationSettings
///     }
/// }
/// ```
public struct EvaluationFlags: ParsableArguments {
    @Option(name: [.customShort("m", allowingJoined: true), .customLong("measure")],
            help: ArgumentHelp("A trec_eval measure or nickname, with optional parameters (map, P.5,10, all_trec), or an ir_measures name (nDCG@10, AP(rel=2), RBP(p=0.9)). Repeatable.", valueName: "measure"))
    public var measures: [String] = []

    @Flag(name: [.customShort("c"), .customLong("complete_rel_info_wanted")],
          help: "Average over every qrels topic; topics missing from the run score 0.")
    public var completeTopics = false

    @Option(name: [.customShort("l", allowingJoined: true), .customLong("level_for_rel")],
            help: ArgumentHelp("Lowest grade that counts as relevant (default 1).", valueName: "level"))
    var relevanceLevel: String?

    @Flag(name: [.customShort("J"), .customLong("Judged_docs_only")],
          help: "Drop retrieved documents without a judgment, then re-rank.")
    var judgedOnly = false

    @Option(name: [.customShort("M", allowingJoined: true), .customLong("Max_retrieved_per_topic")],
            help: ArgumentHelp("Keep the top N documents of each topic after ranking.", valueName: "N"))
    var maxRetrieved: String?

    @Option(name: [.customShort("N", allowingJoined: true), .customLong("Number_docs_in_coll")],
            help: ArgumentHelp("Number of documents in the collection (for utility).", valueName: "N"))
    var documentsInCollection: String?

    @Option(name: .customLong("threads"),
            help: ArgumentHelp("Threads to use (default: all processors, or REVAL_THREADS). Output is the same for any number.", valueName: "n"))
    var threads: Int?

    @Option(name: .customLong("qrels-format"),
            help: ArgumentHelp("Qrels format: trec (also MS MARCO qrels) or beir. Default: detected from the content; a folder is a BEIR dataset.", valueName: "format"))
    var qrelsFormat: String?

    @Option(name: .customLong("run-format"),
            help: ArgumentHelp("Run format: trec, msmarco (qid pid rank) or beir (results JSON). Default: detected from the content.", valueName: "format"))
    var runFormat: String?

    @Option(name: .customLong("split"),
            help: ArgumentHelp("Qrels split of a BEIR dataset folder (qrels/<split>.tsv; default test); an error when the qrels are a file.", valueName: "name"))
    var split: String?

    @Flag(name: .customLong("ignore-identical-ids"),
          help: "Drop retrieved documents whose id equals the query id, as BEIR's evaluation does by default.")
    var ignoreIdenticalIDs = false

    public init() {}

    /// The measure names given with -m, in order (empty: the command's default).
    public var measureNames: [String] { measures }

    /// Fails when a -m value is the path of an existing file and no measure: `-m` given
    /// last before the files (`-m qrels.txt run.txt`) takes the qrels as its value.
    public func checkMeasureNames() throws(FlagError) {
        for name in measures where fileExists(name) && (try? MeasureSelection.select([name])) == nil {
            throw FlagError("-m needs a measure name, but its value '\(name)' is a file: did -m lose its measure? "
                + "Give the measures before the files, as in -m map QRELS RUN")
        }
    }

    /// Fails when --split is given but the qrels are a file, not a BEIR dataset folder:
    /// the split would be silently ignored.
    public func checkSplit(qrels path: String) throws(FlagError) {
        if let split, path == "-" || !isDirectory(path) {
            throw FlagError("--split \(split) names a qrels file of a BEIR dataset folder, but \(path) is not a folder; "
                + "give the folder, or leave --split out")
        }
    }

    /// The options in typed form; a malformed value is a `FlagError` naming the flag.
    public func settings() throws(FlagError) -> EvaluationSettings {
        try checkMeasureNames()
        var settings = EvaluationSettings()
        settings.relevanceLevel = try integer(relevanceLevel, flag: "l") ?? 1
        settings.completeTopics = completeTopics
        settings.judgedOnly = judgedOnly
        settings.maxRetrieved = try integer(maxRetrieved, flag: "M")
        settings.documentsInCollection = try integer(documentsInCollection, flag: "N") ?? 0
        settings.ignoreIdenticalIDs = ignoreIdenticalIDs
        settings.qrelsFormat = try format(qrelsFormat, QrelsFormat.init(name:), "--qrels-format")
        settings.runFormat = try format(runFormat, RunFormat.init(name:), "--run-format")
        settings.split = split ?? "test"
        if let threads {
            guard threads > 0 else { throw FlagError("--threads needs a positive number, got \(threads)") }
            settings.threads = threads
        }
        return settings
    }

    private func integer(_ text: String?, flag: String) throws(FlagError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw FlagError("-\(flag) needs an integer, got '\(text)'") }
        return value
    }

    private func format<F>(_ text: String?, _ parse: (String) -> F?, _ flag: String) throws(FlagError) -> F? {
        guard let text else { return nil }
        guard let value = parse(text) else { throw FlagError("unknown format '\(text)' for \(flag)") }
        return value
    }
}

/// A flag whose value cannot be used; `description` is the line printed after `reval: `.
public struct FlagError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
