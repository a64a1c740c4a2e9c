#!/usr/bin/env python3
"""Development check, never used at run time: recompute every leximin probability of an instance with SciPy's
HiGHS (an outside LP/MIP solver) by the staged column generation over types (no relaxation, no smoothing,
no steepest edge: none of Reflexes' speed-ups), and compare each person's probability with a result.json
written by `reflexes sortition select --algorithm leximin`.

Usage (Debian: apt-get install python3-scipy; use /usr/bin/python3):
  /usr/bin/python3 bench/check_leximin.py --categories C.csv --respondents R.csv --k K --result result.json
Stage s maximises z over lotteries of the panels generated so far (unfixed types >= z, fixed types >= their
value); the pricing integer program (milp) adds panels until none has positive reduced cost; types whose
dual exceeds 1e-7 are fixed at z.
"""
import argparse
import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from check_maximin import read


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--categories", required=True)
    parser.add_argument("--respondents", required=True)
    parser.add_argument("--k", type=int, required=True)
    parser.add_argument("--result", required=True)
    args = parser.parse_args()
    names, quotas, people = read(args.categories, args.respondents)
    types = sorted(set(people))
    index = {t: i for i, t in enumerate(types)}
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
        return (None, None) if res.x is None else (np.round(res.x), -res.fun)

    selectable = np.zeros(len(types), dtype=bool)
    columns = []
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
    fixed = {}
    stages = 0
    while len(fixed) < len(rows):
        stages += 1
        while True:
            share = np.array([[col[t] / counts[t] for col in columns] for t in rows])
            unfixed = np.array([0.0 if t in fixed else 1.0 for t in rows])
            rhs = np.array([-(fixed[t] - 1e-9) if t in fixed else 0.0 for t in rows])
            c = np.zeros(len(columns) + 1)
            c[-1] = -1
            a_ub = np.hstack([-share, unfixed.reshape(-1, 1)])
            a_eq = np.hstack([np.ones((1, len(columns))), np.zeros((1, 1))])
            res = linprog(c, A_ub=a_ub, b_ub=rhs, A_eq=a_eq, b_eq=[1],
                          bounds=[(0, None)] * len(columns) + [(0, 1)], method="highs")
            if res.status != 0:
                sys.exit(f"HiGHS master ended with status {res.status} at stage {stages}")
            z = -res.fun
            duals = -res.ineqlin.marginals
            weights = np.zeros(len(types))
            weights[rows] = duals / counts[rows]
            x, value = best_panel(weights)
            if value <= -res.eqlin.marginals[0] + 1e-9:
                break
            columns.append(x)
        candidates = [(duals[i], t) for i, t in enumerate(rows) if t not in fixed]
        bound = [t for d, t in candidates if d > 1e-7] or [max(candidates)[1]]
        for t in bound:
            fixed[t] = z
    print(f"HiGHS leximin: {stages} stages, {len(columns)} panels generated, minimum {min(fixed.values()):.9f}")
    with open(args.result, encoding="utf-8") as f:
        result = json.load(f)
    worst = 0.0
    for p in result["probabilities"]:
        t = index[people[int(p["id"])]]
        expected = fixed.get(t, 0.0)
        worst = max(worst, abs(expected - p["probability"]))
    agree = worst <= 1e-6
    print(f"Reflexes {result['algorithm']}: largest difference per person {worst:.2e} -> {'agree' if agree else 'DIFFER'} (tolerance 1e-6)")
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
