#!/usr/bin/env python3
"""Makes a synthetic watchlist of N councils and a listing of P profiles for the scoring benchmark.

  generate.py OUT_DIR IDENTITIES PROFILES

Place names are built from English place-name parts, so trigrams overlap the way real ones do.
About 2% of profiles imitate a council (with typos and look-alikes), 10% mention a place, the rest are unrelated.
"""
import json, os, random, sys

out, n_ids, n_prof = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(7)
heads = ["Ash", "Brad", "Chel", "Dun", "Elm", "Fen", "Glen", "Hart", "Ing", "Kings", "Lang", "Mill", "Nor", "Oak",
         "Pen", "Queen", "Red", "Stan", "Thorn", "Up", "Wal", "Wen", "Wood", "Brom", "Cal", "Hol", "Long", "Mar"]
tails = ["bury", "ton", "ley", "ford", "ham", "wick", "field", "worth", "by", "stead", "minster", "combe", "well",
         "bridge", "den", "hurst", "mouth", "thorpe", "borough", "cester", "ing", "stow", "wood", "moor"]
kinds = ["Town Council", "Parish Council"]
wl = os.path.join(out, "watchlist")
os.makedirs(wl, exist_ok=True)
places = set()
while len(places) < n_ids:
    p = rng.choice(heads) + rng.choice(tails)
    if rng.random() < 0.5:
        p += " " + rng.choice(["Magna", "on Sea", "Green", "Hill", "Vale", "Cross", "End", "Heath"]) + str(rng.randint(1, 99)) if len(places) > 600 else ""
    places.add(p.strip())
places = sorted(places)
for i, p in enumerate(places):
    kind = rng.choice(kinds)
    with open(os.path.join(wl, f"c{i:05d}.toml"), "w") as f:
        f.write(f'name = "{p} {kind}"\nplace = "{p}"\narea = "Somewhere"\n')
        f.write(f'[[official]]\nplatform = "x"\nhandle = "{p.replace(" ", "")}TC"\n')
        f.write(f'[[people]]\nname = "Cllr Alex Smith{i}"\nrole = "Mayor"\n')
first = ["Jane", "Tom", "Priya", "Sam", "Alex", "Chris", "Jo", "Lee", "Ali", "Kim"]
last = ["Smith", "Jones", "Patel", "Brown", "Khan", "Evans", "Wilson", "Taylor", "Clarke", "Wood"]
with open(os.path.join(out, "profiles.jsonl"), "w") as f:
    for i in range(n_prof):
        r = rng.random()
        p = rng.choice(places)
        if r < 0.02:
            name = (p + " Town Counci1").replace("o", "о", 1)
            bio = f"Official page of {p} Town Council. Message us to claim your rebate."
        elif r < 0.12:
            name = f"{p} {rng.choice(['Rugby Club', 'Gazette', 'Community Group', 'Bakery', 'Choir'])}"
            bio = f"Based in {p}."
        else:
            name = f"{rng.choice(first)} {rng.choice(last)}"
            bio = rng.choice(["Dog lover.", "Views my own.", "Photographer and runner.", ""])
        f.write(json.dumps({"platform": "x", "id": f"p{i}", "handle": name.replace(" ", "")[:15] + str(i),
                            "display_name": name, "bio": bio}) + "\n")
