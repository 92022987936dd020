/// reval's version number.
let revalVersion = "0.1.0"

/// The one version line every form prints: `reval --version` and `reval -v` on stdout,
/// `reval eval -v` on stderr (where trec_eval prints `trec_eval version 10.0-rc3`).
let revalVersionLine = "reval \(revalVersion) (trec_eval 10.0 compatible)"
