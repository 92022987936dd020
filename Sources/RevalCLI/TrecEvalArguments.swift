/// Rewrites a trec_eval command line into the form the argument parser reads, keeping
/// GNU getopt's meaning: glued values (`-l2`, `-M1000`, `-mndcg.1=3,2=9`), grouped flags
/// (`-qc`, `-qmmap`), values that start with '-' (`-l -1`), and `--` ending the options.
/// Every option that takes a value becomes `--long=value`.
enum TrecEvalArguments {
    /// Short options that take a value, with their long names.
    static let valued: [Character: String] = [
        "m": "measure", "l": "level_for_rel", "M": "Max_retrieved_per_topic",
        "N": "Number_docs_in_coll", "R": "Rel_info_format", "T": "Results_format",
        "Z": "Zscore", "D": "Debug_level",
    ]
    static let longValued: Set<String> = Set(valued.values).union(["threads", "qrels-format", "run-format", "split", "format"])

    static func normalize(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var positionals: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "--" {
                positionals.append(contentsOf: arguments[i...])
                break
            }
            if arg.hasPrefix("--") {
                let name = String(arg.dropFirst(2).prefix { $0 != "=" })
                if longValued.contains(name) && !arg.contains("=") && i < arguments.count {
                    result.append("--\(name)=\(arguments[i])")
                    i += 1
                } else {
                    result.append(arg)
                }
                continue
            }
            guard arg.hasPrefix("-"), arg.count > 1 else {
                positionals.append(arg)
                continue
            }
            var rest = Substring(arg.dropFirst())
            while let flag = rest.first {
                rest = rest.dropFirst()
                if let long = valued[flag] {
                    if !rest.isEmpty {
                        result.append("--\(long)=\(rest)")
                    } else if i < arguments.count {
                        result.append("--\(long)=\(arguments[i])")
                        i += 1
                    } else {
                        result.append("-\(flag)")
                    }
                    break
                }
                result.append("-\(flag)")
            }
        }
        if !positionals.isEmpty {
            result.append("--")
            result.append(contentsOf: positionals)
        }
        return result
    }
}
