#!/usr/bin/env python3
"""Reads the development set's scorer output (score.py) and fails when a figure falls below the
thresholds in thresholds.json, naming each: a change that helps one category while hurting another
is caught here, not on the held-out sets.

Usage: gate.py THRESHOLDS SCORER_OUTPUT"""
import json
import re
import sys

limits = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
print(text, end="")
problems = []


def figure(name, label):
    m = re.search(r"\b%s ([0-9.]+)" % re.escape(label), text)
    if not m:
        problems.append("the scorer printed no %s" % label)
        return None
    return float(m.group(1))


for key, label in (("average_precision", "AP"), ("recall", "recall"), ("precision", "precision"),
                   ("official_recognised", "official recognised")):
    value = figure(key, label)
    if value is not None and value < limits[key]:
        problems.append("%s is %.3f, below %.3f" % (label, value, limits[key]))
categories = re.findall(r"^\s*(imp|neg):(\S+)\s+n=\s*(\d+)\s+flagged=([0-9.]+)", text, re.M)
if not categories:
    problems.append("the scorer printed no categories")
for side, name, n, flagged in categories:
    flagged = float(flagged)
    if side == "imp" and flagged < limits["impersonation_category_min"]:
        problems.append("impersonations %s: %.3f flagged, below %.2f" % (name, flagged, limits["impersonation_category_min"]))
    if side == "neg" and name != "official" and flagged > limits["benign_category_max"]:
        problems.append("%s: %.3f flagged, above %.2f" % (name, flagged, limits["benign_category_max"]))
if problems:
    print("accuracy gate: FAILED", file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
print("accuracy gate: passed (%d categories)" % len(categories))
