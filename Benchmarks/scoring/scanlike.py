#!/usr/bin/env python3
"""Makes a scoring benchmark that looks like what a scan fetches: most profiles name a watched place.

  scanlike.py OUT_DIR IDENTITIES PROFILES [--seed N]

Writes OUT_DIR/watchlist/cNNNNN.toml (one council each, in generate.py's format: name, place, area,
[[official]] accounts and a Mayor under [[people]]), OUT_DIR/profiles.jsonl in `impostor score`'s
input format, and OUT_DIR/key.jsonl with id, label (1 impersonation, 0 not), category and identity
(the council's file stem, or null).

About 85% of the profiles name a watched place, as search results for it do: impersonations using
every trick (the exact name, typos, Cyrillic and Greek look-alikes, invisible characters, styled
letters, leetspeak, affixes, handle-only copies, the Mayor, TC/PC, Welsh) and the accounts a search
finds beside them (community pages, clubs, schools and shops, local news, councillors, parody,
councils of the same name in another county, councils one letter away). About 15% are unrelated,
and about 1% carry very long names with hundreds of combining marks. The same seed gives the same
files byte for byte (no set or dict order is ever iterated).
"""
import argparse, bisect, json, os, random

HEADS = ["Ash", "Brad", "Chel", "Dun", "Elm", "Fen", "Glen", "Hart", "Ing", "Kings", "Lang", "Mill", "Nor",
         "Oak", "Pen", "Queen", "Red", "Stan", "Thorn", "Up", "Wal", "Wen", "Wood", "Brom", "Cal", "Hol",
         "Long", "Mar", "Bram", "Chor", "Dar", "Ep", "Hod", "Kem", "Mun", "Pres", "Wil", "Ather", "Bur",
         "Cran", "Frod", "Hen", "Lyd", "Sand", "Tew", "Wark"]
TAILS = ["bury", "ton", "ley", "ford", "ham", "wick", "field", "worth", "by", "stead", "minster", "combe",
         "well", "bridge", "den", "hurst", "mouth", "thorpe", "borough", "cester", "ing", "stow", "wood",
         "moor", "sall", "desdon", "sing", "desley", "dall", "ping", "shaw", "gate"]
PREFIXES = ["Great", "Little", "North", "South", "East", "West", "Upper", "Lower", "Old", "New", "Long"]
SUFFIXES = ["on Sea", "Magna", "St Mary", "on-the-Hill", "Green", "Heath", "under-Lyne", "Cross", "End",
            "upon Avon"]
ENGLISH_AREAS = ["Kent", "Essex", "Suffolk", "Norfolk", "Devon", "Dorset", "Cornwall", "Somerset", "Wiltshire",
                 "Shropshire", "Cheshire", "Lancashire", "Cumbria", "North Yorkshire", "Derbyshire",
                 "Nottinghamshire", "Lincolnshire", "Leicestershire", "Staffordshire", "Warwickshire",
                 "Oxfordshire", "Buckinghamshire", "Hertfordshire", "Surrey", "West Sussex", "East Sussex",
                 "Hampshire", "Gloucestershire", "Herefordshire", "Worcestershire", "Northumberland",
                 "County Durham", "Cambridgeshire", "Bedfordshire", "Northamptonshire", "Rutland"]
WELSH_AREAS = ["Gwynedd", "Powys", "Ceredigion", "Pembrokeshire", "Carmarthenshire", "Conwy", "Denbighshire",
               "Monmouthshire"]
FIRST = ["Amber", "Sara", "Cameron", "Natalie", "Guy", "Abbie", "Joshua", "Charlotte", "Matthew", "Priya",
         "Gareth", "Rhian", "Dafydd", "Helen", "Imran", "Fiona", "Owen", "Beth", "Colin", "Yasmin", "Derek",
         "Megan", "Rosa", "Tariq", "Wendy", "Graham", "Lucy", "Nigel", "Olivia", "Hugh", "Sian", "Martin"]
LAST = ["Brooks", "Brown", "Foster", "Price", "Reed", "White", "Clarke", "Lloyd", "Patel", "Hughes",
        "Morgan", "Evans", "Ahmed", "Barker", "Cole", "Dixon", "Ellis", "Fraser", "Griffiths", "Holt",
        "Jenkins", "Kaur", "Lawson", "Marsh", "Newman", "Owens", "Pryce", "Rowe", "Sutton", "Turner"]
# Unrelated people come from other lists, so that they are not the Mayor of some council by chance.
OTHER_FIRST = ["Jane", "Tom", "Sam", "Alex", "Chris", "Jo", "Lee", "Ali", "Kim", "Dan", "Zoe", "Ravi"]
OTHER_LAST = ["Smith", "Jones", "Khan", "Wilson", "Taylor", "Wood", "Walker", "Young", "Hall", "Green"]
PLATFORMS = ["x", "instagram", "facebook", "tiktok", "bluesky", "mastodon", "youtube"]
WARDS = ["North", "South", "East", "West", "Castle", "Abbey", "Priory", "Central", "Riverside", "Hill"]

SCAM_BIOS = [
    "Official page of {council}. Message us to claim your council tax rebate.",
    "Welcome to the official {council} page. Grants available for local residents, DM us now!",
    "{council} – official updates. Pay parking and allotment fees via the link below.",
    "Official account of {council}. Our old page was hacked, please follow us here.",
    "News and notices from {council}.",
    "{council}. Serving the residents of {place}.",
    "Official {place} council information and community support.",
    "",
]
GENERIC_SCAM_BIOS = ["DM us to claim your energy rebate before Friday.", "Verify your account to keep receiving updates.",
                     "Residents: message us for a hardship grant.", ""]
AFFIX_BEFORE = ["Official", "The", "Real", "Official:"]
AFFIX_AFTER = ["Official", "News", "Updates", "Info", "Support", "HQ", "✅", "✔️", "Official Account",
               "(Official)", "Help Desk", "UK"]
GENERIC_NAMES = ["Town Updates", "Residents Help", "Community Info", "Council Notices", "Local Updates",
                 "Help Desk", "Support Team", "Notices"]
ORG_KINDS = ["Rugby Club", "Cricket Club", "Youth FC", "Primary School", "Academy", "Bakery", "Dental Practice",
             "Tennis Club", "Methodist Church", "Carnival", "Library Friends", "Garden Centre", "Cycling Club",
             "Brass Band", "Pharmacy", "Leisure Centre", "Beer Festival", "Players", "Allotment Society"]
COMMUNITY = ["{place} Community Noticeboard", "Love {place}", "What's On in {place}", "{place} Residents Association",
             "{place} Community Group", "Spotted: {place}", "{place} Mums", "{place} Litter Pickers",
             "{place} Matters", "We Are {place}"]
NEWS = ["Gazette", "Echo", "Voice", "Live", "Times", "Post", "Today", "Chronicle", "Bugle"]
UNRELATED_BIOS = ["Dog lover.", "Views my own.", "Photographer and runner.", "", "Coffee, books, hills.",
                  "Retired teacher. Grandad of three.", "Handmade candles, shipped UK wide.", "Gamer. 21."]
BUSINESS = ["Plumbing", "Cakes", "Nails", "Lettings", "Electrical", "Photography", "Dog Grooming", "Tutoring"]

# Look-alikes from other scripts for Latin letters.
CYRILLIC = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "s": "ѕ", "j": "ј",
            "h": "һ", "l": "ӏ", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
            "P": "Р", "T": "Т", "X": "Х", "I": "І", "S": "Ѕ"}
GREEK = {"o": "ο", "v": "ν", "i": "ι", "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ",
         "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ"}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u2062", "\u034f"]
LEET = {"a": ["4", "@"], "e": ["3"], "i": ["1", "!"], "o": ["0"], "s": ["5", "$"], "t": ["7"], "l": ["1", "I"],
        "g": ["9"], "b": ["8"], "E": ["3"], "O": ["0"], "S": ["5", "$"], "T": ["7"], "I": ["1", "l"]}
SMALL_CAPS = dict(zip("abcdefghijklmnopqrstuvwxyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ"))
# Mathematical alphabets without holes (bold, bold italic, bold script, bold Fraktur, sans-serif bold,
# sans-serif, monospace) and fullwidth: (capital A, small a).
MATH = [(0x1D400, 0x1D41A), (0x1D468, 0x1D482), (0x1D4D0, 0x1D4EA), (0x1D56C, 0x1D586), (0x1D5D4, 0x1D5EE),
        (0x1D5A0, 0x1D5BA), (0x1D670, 0x1D68A), (0xFF21, 0xFF41)]
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEIGHBOURS = {}
for r, row in enumerate(KEYBOARD):
    for c, ch in enumerate(row):
        near = [row[c - 1]] if c > 0 else []
        near += [row[c + 1]] if c + 1 < len(row) else []
        for rr in (r - 1, r + 1):
            if 0 <= rr < len(KEYBOARD) and c < len(KEYBOARD[rr]):
                near.append(KEYBOARD[rr][c])
        NEIGHBOURS[ch] = near
VOWELS = "aeiou"
CONSONANTS = "bcdfghklmnprstw"

# Categories with their share of the profiles (percent). Label 1 for imp:*, 0 otherwise.
MIX = [
    ("imp:exact", 3), ("imp:typo", 3.5), ("imp:homoglyph", 3.5), ("imp:invisible", 3), ("imp:styled", 3),
    ("imp:leet", 3), ("imp:affix", 3.5), ("imp:handle_only", 3), ("imp:mayor", 3), ("imp:abbrev", 3),
    ("imp:welsh", 2), ("imp:homoglyph+affix", 2.5), ("imp:leet+affix", 2), ("imp:typo+affix", 2.5),
    ("imp:restyle", 1.5), ("imp:zalgo", 0.5),
    ("neg:community", 8), ("neg:namesake_org", 10), ("neg:news", 5), ("neg:councillor", 6), ("neg:parody", 3),
    ("neg:namesake_council", 4), ("neg:near_name_council", 4), ("neg:official", 1.5), ("neg:hostile", 0.5),
    ("neg:random", 15),
]


class Council:
    __slots__ = ("stem", "place", "kind", "name", "area", "welsh", "mayor", "officials", "compact")


def make_places(rng, n):
    places, seen = [], set()
    bases = len(HEADS) * len(TAILS)
    while len(places) < n:
        p = rng.choice(HEADS) + rng.choice(TAILS)
        r = rng.random()
        # Plain names first; affixed ones once the plain ones run short, as real lists have.
        if len(places) > bases * 0.6 or r < 0.2:
            if rng.random() < 0.55:
                p = rng.choice(PREFIXES) + " " + p
            else:
                s = rng.choice(SUFFIXES)
                # "on Sea" joins with hyphens ("Walton-on-Sea"), "Magna" with a space.
                p = p + ("-" + s.replace(" ", "-") if s[0].islower() else " " + s)
        if p not in seen:
            seen.add(p)
            places.append(p)
    return places, seen


AFFIX_WORDS = {w for a in PREFIXES + SUFFIXES for w in a.replace("-", " ").split()}


def one_letter_away(rng, place, taken):
    """Another real-looking place one letter away (first letter or a vowel of its stem changed), not watched."""
    words = place.replace("-", " ").split(" ")
    stem = max((w for w in words if w not in AFFIX_WORDS), key=len, default=words[0])
    at = place.index(stem)
    for _ in range(20):
        chars = list(stem)
        if rng.random() < 0.5:
            first = chars[0].lower()
            pool = VOWELS if first in VOWELS else CONSONANTS
            chars[0] = rng.choice(pool).upper()
        else:
            spots = [i for i, ch in enumerate(chars) if 0 < i < len(chars) - 1 and ch in VOWELS]
            if not spots:
                continue
            i = rng.choice(spots)
            chars[i] = rng.choice(VOWELS)
        cand = place[:at] + "".join(chars) + place[at + len(stem):]
        if cand != place and cand not in taken:
            return cand
    return "B" + place[1:] if place[0] != "B" else "M" + place[1:]


def compact(s):
    return "".join(ch for ch in s if ch.isalnum())


def handle_for(rng, platform, base):
    if platform == "x":
        return base[:15]
    if platform == "instagram":
        return base.lower()[:30]
    if platform == "bluesky":
        return base.lower() + ".bsky.social"
    if platform == "mastodon":
        return base + "@mastodon.social"
    if platform == "youtube":
        return "@" + base
    return base


def person_handle(rng):
    return f"{rng.choice(OTHER_FIRST + FIRST).lower()}{rng.choice(OTHER_LAST + LAST).lower()}{rng.randint(1, 999)}"


def typo(rng, word):
    """One edit a thumb makes: drop, double, swap, hit a neighbour, or add one."""
    if len(word) < 3:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(5)
    ch = word[i]
    near = NEIGHBOURS.get(ch.lower(), ["e"])
    if op == 0:
        return word[:i] + word[i + 1:]
    if op == 1:
        return word[:i] + ch + word[i:]
    if op == 2:
        return word[:i] + word[i + 1] + ch + word[i + 2:]
    if op == 3:
        return word[:i] + rng.choice(near) + word[i + 1:]
    return word[:i] + rng.choice(near) + word[i:]


def typo_name(rng, name):
    words = name.split(" ")
    i = rng.randrange(len(words))
    words[i] = typo(rng, words[i])
    return " ".join(words)


def swap_some(rng, text, table, most):
    spots = [i for i, ch in enumerate(text) if ch in table]
    if not spots:
        return text
    chars = list(text)
    for i in rng.sample(spots, min(len(spots), rng.randint(1, most))):
        v = table[chars[i]]
        chars[i] = rng.choice(v) if isinstance(v, list) else v
    return "".join(chars)


def styled(rng, text):
    if rng.random() < 0.2:
        return "".join(SMALL_CAPS.get(ch.lower(), ch) for ch in text)
    cap, small = rng.choice(MATH)
    out = []
    whole = rng.random() < 0.6
    words = text.split(" ")
    pick = rng.randrange(len(words))
    for wi, w in enumerate(words):
        if whole or wi == pick:
            w = "".join(chr(cap + ord(ch) - 65) if "A" <= ch <= "Z" else chr(small + ord(ch) - 97) if "a" <= ch <= "z"
                        else ch for ch in w)
        out.append(w)
    return " ".join(out)


def invisible(rng, text):
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        chars.insert(rng.randrange(1, len(chars)), rng.choice(INVISIBLE))
    return "".join(chars)


def zalgo(rng, text, per_char):
    out = []
    for ch in text:
        out.append(ch)
        if ch != " ":
            out.extend(chr(0x300 + rng.randrange(0x70)) for _ in range(per_char))
    return "".join(out)


def affix(rng, name):
    if rng.random() < 0.3:
        return rng.choice(AFFIX_BEFORE) + " " + name
    return name + " " + rng.choice(AFFIX_AFTER)


def abbrev(c):
    short = "TC" if c.kind == "Town Council" else "PC"
    return [f"{c.place} {short}", f"{c.place} {short[0]}.{short[1]}.", f"{c.place} Twn Cncl", f"{c.place} Council",
            f"{c.place} ({c.kind})", f"{c.place} {c.kind.split()[0]} Cncl"]


def council_handle(rng, c):
    """A handle built on the council's name: the name squashed, with an affix or a slip."""
    base = compact(rng.choice([c.name, c.place + ("TC" if c.kind == "Town Council" else "PC")]))
    r = rng.random()
    if r < 0.35:
        base = rng.choice(["official", "real", "the", "info", "official_"]) + base
    elif r < 0.6:
        base = base + rng.choice(["news", "uk", "info", "official", str(rng.randint(1, 99))])
    else:
        base = typo(rng, base)
    return base if rng.random() < 0.5 else base.lower()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("identities", type=int)
    ap.add_argument("profiles", type=int)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)

    places, taken = make_places(rng, a.identities)
    wl = os.path.join(a.out, "watchlist")
    os.makedirs(wl, exist_ok=True)
    councils, officials = [], []
    for i, p in enumerate(places):
        c = Council()
        c.stem, c.place = f"c{i:05d}", p
        c.welsh = rng.random() < 0.1
        c.area = rng.choice(WELSH_AREAS if c.welsh else ENGLISH_AREAS)
        c.kind = "Town Council" if c.welsh or rng.random() < 0.6 else "Parish Council"
        c.name = f"{p} {c.kind}"
        c.compact = compact(p)
        c.mayor = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        short = "TC" if c.kind == "Town Council" else "PC"
        c.officials = [("x", (c.compact + short)[:15]), ("instagram", compact(c.name).lower()),
                       ("facebook", compact(c.name))]
        mayor_title = "Cllr " if rng.random() < 0.7 else ""
        with open(os.path.join(wl, c.stem + ".toml"), "w", encoding="utf-8") as f:
            f.write(f'name = "{c.name}"\nplace = "{p}"\narea = "{c.area}"\n')
            for plat, h in c.officials:
                f.write(f'[[official]]\nplatform = "{plat}"\nhandle = "{h}"\n')
            f.write(f'[[people]]\nname = "{mayor_title}{c.mayor}"\nrole = "Mayor"\n')
        councils.append(c)

    welsh = [c for c in councils if c.welsh]
    taken_handles = {(plat, h.lower()) for c in councils for plat, h in c.officials}
    cats = [m[0] for m in MIX]
    cum, total = [], 0.0
    for _, w in MIX:
        total += w
        cum.append(total)

    with open(os.path.join(a.out, "profiles.jsonl"), "w", encoding="utf-8") as pf, \
            open(os.path.join(a.out, "key.jsonl"), "w", encoding="utf-8") as kf:
        for n in range(a.profiles):
            cat = cats[min(len(cats) - 1, bisect.bisect_right(cum, rng.random() * total))]
            c = rng.choice(welsh if cat == "imp:welsh" and welsh else councils)
            platform = rng.choice(PLATFORMS)
            handle = None
            bio = rng.choice(SCAM_BIOS).format(council=c.name, place=c.place)
            ident = c.stem
            if cat == "imp:exact":
                name = c.name
            elif cat == "imp:typo":
                name = typo_name(rng, rng.choice([c.name, c.name, abbrev(c)[0]]))
                if rng.random() < 0.3:
                    name = typo_name(rng, name)
            elif cat == "imp:homoglyph":
                table = CYRILLIC if rng.random() < 0.7 else GREEK
                name = swap_some(rng, rng.choice([c.name, c.name, abbrev(c)[0]]), table, 3)
            elif cat == "imp:invisible":
                name = invisible(rng, rng.choice([c.name, abbrev(c)[0]]))
            elif cat == "imp:styled":
                name = styled(rng, rng.choice([c.name, c.name, abbrev(c)[0]]))
            elif cat == "imp:leet":
                name = swap_some(rng, c.name, LEET, 3)
            elif cat == "imp:affix":
                name = affix(rng, rng.choice([c.name, c.name, abbrev(c)[0]]))
            elif cat == "imp:handle_only":
                name = rng.choice(GENERIC_NAMES)
                handle = council_handle(rng, c)
                if rng.random() < 0.4:
                    bio = rng.choice(GENERIC_SCAM_BIOS)
            elif cat == "imp:mayor":
                name = rng.choice([f"Cllr {c.mayor} - Mayor of {c.place}", f"Mayor of {c.place}",
                                   f"{c.mayor}, Mayor of {c.place}", f"The Mayor of {c.place}",
                                   f"Cllr {c.mayor}", f"{c.mayor} Mayor {c.place}"])
            elif cat == "imp:abbrev":
                name = rng.choice(abbrev(c))
            elif cat == "imp:welsh":
                cy = "Cyngor Tref" if c.kind == "Town Council" else "Cyngor Cymuned"
                name = rng.choice([f"{cy} {c.place}", f"{cy} {c.place} / {c.name}", f"{cy} {c.place} Swyddogol"])
                if rng.random() < 0.5:
                    bio = f"Tudalen swyddogol {cy} {c.place}. Official page of {c.name}. DM us for grants."
            elif cat == "imp:homoglyph+affix":
                name = affix(rng, swap_some(rng, rng.choice([c.name, abbrev(c)[0]]), CYRILLIC if rng.random() < 0.7
                                            else GREEK, 2))
            elif cat == "imp:leet+affix":
                name = affix(rng, swap_some(rng, c.name, LEET, 2))
            elif cat == "imp:typo+affix":
                name = affix(rng, typo_name(rng, c.name))
            elif cat == "imp:restyle":
                name = rng.choice([c.name.upper(), c.name.lower(), "  " + abbrev(c)[0] + "  ",
                                   " ".join(c.name.upper()), c.name.replace(" ", "  ")])
            elif cat == "imp:zalgo":
                name = zalgo(rng, c.name, rng.randint(12, 25))
            elif cat == "neg:community":
                name = rng.choice(COMMUNITY).format(place=c.place)
                bio = rng.choice([f"Community page for {c.place}. Not affiliated with {c.name}.",
                                  f"Run by volunteers in {c.place}.", "", f"Everything happening around {c.place}."])
            elif cat == "neg:namesake_org":
                name = f"{c.place} {rng.choice(ORG_KINDS)}"
                bio = rng.choice([f"{name}, {c.place}, {c.area}.", f"{name}. Est. {rng.randint(1850, 2015)}.", "",
                                  f"Based in {c.place}."])
            elif cat == "neg:news":
                name = f"{c.place} {rng.choice(NEWS)}"
                bio = rng.choice([f"Local news for {c.place} including {c.name} meetings.",
                                  f"Independent news from {c.place}.", ""])
            elif cat == "neg:councillor":
                who = c.mayor
                while who == c.mayor:
                    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                name = rng.choice([f"Cllr {who}, {c.name}", f"Cllr {who}", f"{who} - {c.place} councillor"])
                bio = f"{c.name} councillor for {rng.choice(WARDS)} ward. Views my own."
                handle = "cllr" + compact(who).lower()
            elif cat == "neg:parody":
                name = rng.choice([f"Not {c.name} (parody)", f"{c.name} Parody", f"{c.place} Council But Honest",
                                   f"Unofficial {c.name}"])
                bio = f"Parody account. Not affiliated with or endorsed by {c.name}."
            elif cat == "neg:namesake_council":
                kind = rng.choice(["Town Council", "Parish Council"])
                other = rng.choice([x for x in ENGLISH_AREAS if x != c.area])
                name = f"{c.place} {kind}"
                bio = f"{name}, {other}. Serving the parish of {c.place} near {rng.choice(places)}."
                handle = compact(name)
                ident = None
            elif cat == "neg:near_name_council":
                near = one_letter_away(rng, c.place, taken)
                kind = rng.choice(["Town Council", "Parish Council"])
                name = f"{near} {kind}"
                bio = f"Official account of {name}. Serving the people of {near}."
                handle = compact(name)
                ident = None
            elif cat == "neg:official":
                platform, handle = rng.choice(c.officials)
                name = c.name
                bio = (f"{c.name}. Serving the people of {c.place}, {c.area}. Meetings, notices and news. "
                       f"Not monitored 24/7.")
            elif cat == "neg:hostile":
                who = f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_LAST)}"
                name = zalgo(rng, who, rng.randint(30, 60)) + " " + "★" * rng.randint(50, 300)
                bio = zalgo(rng, rng.choice(UNRELATED_BIOS) or "hello", 40)
                ident = None
            else:
                ident = None
                if rng.random() < 0.7:
                    name = f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_LAST)}"
                else:
                    name = f"{rng.choice(OTHER_LAST)} {rng.choice(BUSINESS)}"
                bio = rng.choice(UNRELATED_BIOS)
            if handle is None:
                if ident is None or (cat.startswith("imp:") and rng.random() < 0.5):
                    handle = person_handle(rng)
                elif cat.startswith("imp:"):
                    handle = council_handle(rng, c)
                else:
                    handle = compact(name)[:30]
            if cat != "neg:official":
                handle = handle_for(rng, platform, handle)
                # A platform has one account per handle: only the council's own holds its handle.
                while (platform, handle.lower()) in taken_handles:
                    handle = handle[:12] + str(rng.randint(100, 999))
            pid = f"s{n:06d}"
            pf.write(json.dumps({"platform": platform, "id": pid, "handle": handle, "display_name": name,
                                 "bio": bio}, ensure_ascii=False) + "\n")
            kf.write(json.dumps({"id": pid, "label": 1 if cat.startswith("imp:") else 0, "category": cat,
                                 "identity": ident}) + "\n")


if __name__ == "__main__":
    main()
