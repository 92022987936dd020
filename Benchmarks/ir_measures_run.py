"""Evaluates a TREC run with ir_measures, as a user of it would: its own readers, then
calc_aggregate over trec_eval's default measures (those ir_measures has) or a wider set.
Usage: ir_measures_run.py QRELS RUN official|all"""
import sys

import ir_measures
from ir_measures import AP, P, R, RR, Bpref, IPrec, NumQ, NumRel, NumRelRet, NumRet, Rprec, nDCG

OFFICIAL = [NumQ, NumRet, NumRel, NumRelRet, AP, Rprec, Bpref, RR,
            *[IPrec @ (k / 10) for k in range(11)],
            *[P @ k for k in (5, 10, 15, 20, 30, 100, 200, 500, 1000)]]
WIDER = OFFICIAL + [nDCG, *[nDCG @ k for k in (5, 10, 15, 20, 30, 100, 200, 500, 1000)],
                    *[R @ k for k in (5, 10, 15, 20, 30, 100, 200, 500, 1000)]]

qrels_path, run_path, which = sys.argv[1], sys.argv[2], sys.argv[3]
qrels = ir_measures.read_trec_qrels(qrels_path)
run = ir_measures.read_trec_run(run_path)
results = ir_measures.calc_aggregate(OFFICIAL if which == "official" else WIDER, qrels, run)
for measure, value in sorted(results.items(), key=lambda item: str(item[0])):
    print(f"{measure}\tall\t{value:.4f}")
