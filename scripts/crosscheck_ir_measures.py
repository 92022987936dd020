#!/usr/bin/env python3
"""Compares reval's ir_measures-style measures with ir_measures itself on the DL19 runs.

Development evidence, not a test: `swift test` needs no Python. Needs `pip install
ir-measures pytrec-eval-terrier cwl-eval` and perl (for gdeval). Usage:

    swift build
    python3 scripts/crosscheck_ir_measures.py .build/debug/reval

For every run and measure it prints how many topics agree once ir_measures' value is
printed as reval prints it (%6.4f), and the largest difference from reval's printed value,
first on the runs as they are, then on the runs with their ties broken beforehand the way
trec_eval breaks them (score descending, then docno descending): several of ir_measures'
providers break ties otherwise (docno ascending, or the order of the file). gdeval prints
5 decimals, so its values can differ from reval's in the 4th decimal by rounding twice.
Summary values ("all") are compared as well.
"""
import gzip
import os
import subprocess
import sys

import ir_measures

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DL19 = os.path.join(ROOT, "Qrels", "dl19-passage")
QRELS = os.path.join(DL19, "qrels.dl19-passage.txt")
RUNS = ["BM25.trec_results_dl19_top100.txt", "BM25_RM3.trec_results_dl19_top100.txt",
        "SPLADE_P_P_ENSEMBLE_DISTIL.trec_results_dl19_top100.txt",
        "REP_LLAMA.trec_results_dl19_top100.txt.gz"]

MEASURES = [
    "nDCG@10", "nDCG@100", "nDCG", "nDCG(gains={0:0,1:1,2:3,3:7})@10", "nDCG(judged_only=True)@10",
    "AP", "AP@100", "AP(rel=2)", "P@10", "P(rel=2)@10", "R@100", "R(rel=2)@100",
    "RR", "RR(rel=2)", "Rprec", "Bpref", "infAP", "Success@10",
    "NumRet", "NumRel", "NumRelRet", "SetP", "SetR", "SetF", "SetF(beta=0.5)", "SetAP",
    "SetP(relative=True)",
    "nDCG(dcg='exp-log2')@10", "nDCG(dcg='exp-log2')@20", "ERR@10", "ERR@20",
    "RR@10", "RR(rel=2)@10", "Judged@10", "Judged@100",
    "RBP(rel=1)", "RBP(p=0.9,rel=2)",
]


# reval prints 4 decimals (half a unit: 0.00005); gdeval prints 5 (0.000005).
ROUNDING = 0.00005 + 0.000005 + 1e-12


def provider_of(measure):
    for p in ir_measures.DefaultPipeline.providers:
        if p.is_available() and p.supports(measure):
            return p.NAME
    return "none"


def untied(run):
    """The run with scores n, n-1, ... in trec_eval's rank order, so nothing ties."""
    by_topic = {}
    for doc in run:
        by_topic.setdefault(doc.query_id, []).append(doc)
    result = []
    for topic, docs in by_topic.items():
        docs.sort(key=lambda d: d.doc_id.encode(), reverse=True)
        docs.sort(key=lambda d: d.score, reverse=True)
        result += [ir_measures.ScoredDoc(topic, d.doc_id, float(len(docs) - i)) for i, d in enumerate(docs)]
    return result


def write_run(run, path):
    with open(path, "w") as f:
        for d in run:
            f.write(f"{d.query_id} Q0 {d.doc_id} 0 {d.score!r} untied\n")


def reval_values(binary, run_path, names):
    arguments = [binary, "eval", "-q"]
    for name in names:
        arguments += ["-m", name]
    out = subprocess.run(arguments + [QRELS, run_path], check=True, capture_output=True, text=True).stdout
    values = {}
    for line in out.splitlines():
        name, topic, value = line.split("\t")
        values[(name.rstrip(), topic)] = value
    return values


def compare(binary, qrels, break_ties):
    total_topics = 0
    total_agree = 0
    total_rounding = 0
    summary_agree = 0
    summaries = 0
    print("| measure | provider | " + " | ".join(r.split(".")[0] for r in RUNS) + " |")
    print("|---|---|" + "---|" * len(RUNS))
    rows = {}
    for run_file in RUNS:
        path = os.path.join(DL19, "runs", run_file)
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt") as f:
            run = list(ir_measures.read_trec_run(f.read()))
        if break_ties:
            run = untied(run)
            path = f"/tmp/reval-untied-{os.getpid()}-{run_file}".removesuffix(".gz")
            write_run(run, path)
        measures = [ir_measures.parse_measure(m) for m in MEASURES]
        ours = reval_values(binary, path, MEASURES + ["NumQ"])
        if break_ties:
            os.remove(path)
        theirs = {}
        for metric in ir_measures.iter_calc(measures, qrels, run):
            theirs[(str(metric.measure), metric.query_id)] = metric.value
        aggregate = ir_measures.calc_aggregate(measures + [ir_measures.NumQ], qrels, run)
        summaries += 1
        want = str(int(aggregate[ir_measures.NumQ]))
        summary_agree += ours.get(("NumQ", "all")) == want
        for text, measure in zip(MEASURES, measures):
            name = str(measure)
            integer = name.startswith("Num")
            want = str(int(aggregate[measure])) if integer else "%6.4f" % aggregate[measure]
            summaries += 1
            if ours.get((name, "all")) == want:
                summary_agree += 1
            else:
                print(f"summary differs: {run_file} {name}: reval {ours.get((name, 'all'))}, ir_measures {want}")
            keys = [k for k in theirs if k[0] == name]
            agree, rounding, worst = 0, 0, 0.0
            for key in keys:
                mine = ours.get(key)
                want = str(int(theirs[key])) if integer else "%6.4f" % theirs[key]
                difference = abs(float(mine) - theirs[key]) if mine is not None else float("inf")
                if mine == want:
                    agree += 1
                elif difference <= ROUNDING:
                    rounding += 1
                else:
                    worst = max(worst, difference)
            total_topics += len(keys)
            total_agree += agree
            total_rounding += rounding
            cell = f"{agree}/{len(keys)}"
            if rounding:
                cell += f", {rounding} by rounding"
            if worst:
                cell += f", max Δ {worst:.4f}"
            rows.setdefault(text, [provider_of(measure)]).append(cell)
    for text, cells in rows.items():
        print(f"| `{text}` | " + " | ".join(cells) + " |")
    print(f"\n{total_agree} of {total_topics} per-topic values agree at reval's printed precision;"
          f" {total_rounding} more differ only by rounding (gdeval prints 5 decimals, rounded again to 4)."
          f" {summary_agree} of {summaries} summary values agree.\n")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "reval")
    qrels = list(ir_measures.read_trec_qrels(QRELS))
    print(f"ir_measures {ir_measures.__version__}\n\nThe runs as they are:\n")
    compare(binary, qrels, break_ties=False)
    print("The runs with ties broken beforehand as trec_eval breaks them:\n")
    compare(binary, qrels, break_ties=True)


if __name__ == "__main__":
    main()
