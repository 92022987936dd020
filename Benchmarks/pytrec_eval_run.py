"""Evaluates a TREC run with pytrec_eval, as a user of it would: parse both files with
pytrec_eval's own parsers, evaluate, average. Usage: pytrec_eval_run.py QRELS RUN official|all"""
import sys

import pytrec_eval

OFFICIAL = {"num_ret", "num_rel", "num_rel_ret", "map", "Rprec", "bpref", "recip_rank",
            "iprec_at_recall", "P"}

qrels_path, run_path, which = sys.argv[1], sys.argv[2], sys.argv[3]
with open(qrels_path) as f:
    qrels = pytrec_eval.parse_qrel(f)
with open(run_path) as f:
    run = pytrec_eval.parse_run(f)
measures = OFFICIAL if which == "official" else set(pytrec_eval.supported_measures)
results = pytrec_eval.RelevanceEvaluator(qrels, measures).evaluate(run)
names = sorted(next(iter(results.values())).keys())
for name in names:
    values = [per_topic[name] for per_topic in results.values()]
    print(f"{name}\tall\t{sum(values) / len(values):.4f}")
