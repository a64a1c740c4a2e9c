#!/usr/bin/env python3
"""Development check, never used at run time: recompute the maximin selection probability of an instance
with SciPy's HiGHS (an outside LP/MIP solver) and compare it with a result.json written by
`reflexes sortition select --algorithm maximin` (or leximin: its minimum is the maximin value).

Usage (Debian: apt-get install python3-scipy; use /usr/bin/python3):
  /usr/bin/python3 bench/check_maximin.py --categories C.csv --respondents R.csv --k K --result result.json
Column generation over types: master LP (maximise z, every selectable type's probability >= z, panel
probabilities summing to 1) solved by linprog/HiGHS, pricing integer program solved by milp/HiGHS.

With --result, the result's panels are the first columns (--cold ignores them). This makes the check a certificate
check rather than a second search, and it stays independent of Reflexes: every given panel is checked here against
the quotas and the pool, the master LP over them only gives a lower bound, and the value printed is proven optimal by
HiGHS's own pricing integer program finding no panel whose dual weight beats it. Panels that Reflexes got wrong could
only make the check fail, never pass.
"""
import argparse
import csv
import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp


def read(categories_path, respondents_path):
    quotas, names = {}, []
    with open(categories_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            c, v = row["category"].strip(), row["feature"].strip()
            if c not in names:
                names.append(c)
            quotas[(c, v)] = (int(row["min"]), int(row["max"]))
    with open(respondents_path, newline="", encoding="utf-8-sig") as f:
        people = [tuple(row[c].strip() for c in names) for row in csv.DictReader(f)]
    return names, quotas, people


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--categories", required=True)
    parser.add_argument("--respondents", required=True)
    parser.add_argument("--k", type=int, required=True)
    parser.add_argument("--result")
    parser.add_argument("--cold", action="store_true", help="do not start from the result's panels")
    args = parser.parse_args()
    names, quotas, people = read(args.categories, args.respondents)
    types = sorted(set(people))
    counts = np.array([people.count(t) for t in types], dtype=float)
    features = list(quotas.keys())
    member = np.array([[1.0 if t[names.index(c)] == v else 0.0 for t in types] for (c, v) in features])
    lo = np.array([quotas[f][0] for f in features], dtype=float)
    hi = np.array([quotas[f][1] for f in features], dtype=float)
    upper = counts.copy()

    def best_panel(weights):
        constraints = [LinearConstraint(np.ones((1, len(types))), args.k, args.k), LinearConstraint(member, lo, hi)]
        res = milp(-weights, constraints=constraints, integrality=np.ones(len(types)), bounds=Bounds(0, upper),
                   options={"mip_rel_gap": 0})
        return None if res.x is None else np.round(res.x), (None if res.x is None else -res.fun)

    selectable = np.zeros(len(types), dtype=bool)
    columns = []
    result = None
    if args.result:
        with open(args.result, encoding="utf-8") as f:
            result = json.load(f)
    if result is not None and not args.cold:
        index = {t: i for i, t in enumerate(types)}
        for number, panel in enumerate(result["panels"]):
            ids = [int(m) for m in panel["members"]]
            if len(set(ids)) != len(ids) or len(ids) != args.k or not all(0 <= m < len(people) for m in ids):
                sys.exit(f"panel {number} of the result is not {args.k} distinct people of the pool")
            x = np.zeros(len(types))
            for m in ids:
                x[index[people[m]]] += 1
            seats = member @ x
            if np.any(seats < lo) or np.any(seats > hi):
                sys.exit(f"panel {number} of the result breaks a quota")
            columns.append(x)
            selectable |= x > 0
        print(f"started from the result's {len(columns)} panels, each checked against the quotas")
    for t in range(len(types)):
        if selectable[t]:
            continue
        w = np.zeros(len(types))
        w[t] = 1
        x, value = best_panel(w)
        if x is None:
            sys.exit("no panel meets the quotas")
        if value >= 0.5:
            columns.append(x)
            selectable |= x > 0
    upper[~selectable] = 0
    rows = np.flatnonzero(selectable)
    given = len(columns)
    while True:
        share = np.array([[col[t] / counts[t] for col in columns] for t in rows])
        # variables: p_1..p_J, z ; minimise -z ; -share p + z <= 0 ; sum p = 1
        c = np.zeros(len(columns) + 1)
        c[-1] = -1
        a_ub = np.hstack([-share, np.ones((len(rows), 1))])
        a_eq = np.hstack([np.ones((1, len(columns))), np.zeros((1, 1))])
        res = linprog(c, A_ub=a_ub, b_ub=np.zeros(len(rows)), A_eq=a_eq, b_eq=[1],
                      bounds=[(0, None)] * len(columns) + [(0, 1)], method="highs")
        z = -res.fun
        weights = np.zeros(len(types))
        weights[rows] = -res.ineqlin.marginals / counts[rows]
        x, value = best_panel(weights)
        if value <= -res.eqlin.marginals[0] + 1e-9:
            break
        columns.append(x)
        print(f"  master {z:.9f}, pricing found a panel worth {value:.9f}", flush=True)
    print(f"HiGHS maximin: {z:.9f} ({len(types)} types, {given} panels given, {len(columns) - given} generated)")
    if result is not None:
        never = {str(e["id"]) for e in result.get("neverSelectable", [])}
        ours = min(p["probability"] for p in result["probabilities"] if str(p["id"]) not in never)
        agree = abs(ours - z) <= 1e-6
        print(f"Reflexes {result['algorithm']} minimum: {ours:.9f} -> {'agree' if agree else 'DIFFER'} (tolerance 1e-6)")
        sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
