#!/usr/bin/env python3
"""Holds the development set's results fixed: every profile's verdict, score, council, target and
reasons (signal and weight), as recorded in dev-results.jsonl.

  fixed.py RECORDED CANDIDATES RESULTS            exit 1 and list what changed
  fixed.py RECORDED CANDIDATES RESULTS --accept   record RESULTS as the new expected results

The recording names the candidates file it was made from (its SHA-256): another set is not compared.

A change meant to alter detection is accepted with --accept after reading the list; a change meant
only to make impostor faster or cleaner must leave it empty.
"""
import hashlib
import json
import sys


def digest(line):
    r = json.loads(line)
    return {
        "id": r["id"],
        "verdict": r.get("verdict"),
        "score": r.get("score"),
        "identity": r.get("identity"),
        "target": r.get("target"),
        "reasons": [[x.get("signal"), x.get("weight")] for x in r.get("reasons", [])],
    }


def main():
    recorded_path, candidates_path, results_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(candidates_path, "rb") as f:
        set_hash = hashlib.sha256(f.read()).hexdigest()
    results = [digest(l) for l in open(results_path, encoding="utf-8") if l.strip()]
    if "--accept" in sys.argv[4:]:
        with open(recorded_path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"set": set_hash}) + "\n")
            for r in results:
                f.write(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n")
        print(f"recorded {len(results)} results in {recorded_path}")
        return 0
    try:
        lines = [json.loads(l) for l in open(recorded_path, encoding="utf-8")]
    except FileNotFoundError:
        print(f"{recorded_path} is missing: record it with --accept", file=sys.stderr)
        return 1
    if not lines or lines[0].get("set") != set_hash:
        print("dev-set results: recorded for another candidates file; not compared")
        return 0
    recorded = {r["id"]: r for r in lines[1:]}
    now = {r["id"]: r for r in results}
    changed = [i for i in sorted(set(recorded) | set(now)) if recorded.get(i) != now.get(i)]
    for i in changed[:15]:
        print(f"  {i}: was {json.dumps(recorded.get(i))}\n  {' ' * len(i)}  now {json.dumps(now.get(i))}")
    if changed:
        print(f"dev-set results: {len(changed)} of {len(now)} profiles changed "
              f"(scripts/accuracy --accept records them when the change is meant)")
        return 1
    print(f"dev-set results: all {len(now)} profiles as recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
