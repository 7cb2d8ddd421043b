#!/usr/bin/env python3
"""Robustness and speed measurements for ImpostorImaging's logo matcher.

  measure.py prepare WORK [N]     pick N distinct openclipart PNG logos, write copies under WORK
                                  with each avatar transform, and WORK/logos.tsv, WORK/avatars.tsv
  measure.py analyse MATCH.tsv    per-transform match rates and false-match rates from the output
                                  of `imaging-bench match WORK/logos.tsv WORK/avatars.tsv`
  measure.py speed FILE…          pdqhash + Pillow decode, images per second (one thread)

Originals are composited onto white with cimage.c's formula. Near-duplicates (mean grey
difference of 32x32 thumbnails under 6/255, e.g. the same clip art in two colours) are dropped
first so that "distinct logos" really are distinct pictures.
"""
import colorsys
import glob
import os
import random
import sys
import time

import numpy as np
from PIL import Image, ImageDraw, ImageFont

CORPUS = "/usr/share/openclipart/png"
TRANSFORMS = ["none", "jpeg_q70", "resize_128", "circle_crop", "circle_dark", "border_10", "pad_20", "hue_shift",
              "banner", "tick_badge", "screenshot", "platform_combo"]


def on_white(img):
    a = np.asarray(img.convert("RGBA")).astype(np.uint32)
    alpha = a[:, :, 3:4]
    return Image.fromarray(((a[:, :, :3] * alpha + 255 * (255 - alpha) + 127) // 255).astype(np.uint8))


def pick(n, seed=7):
    files = sorted(glob.glob(CORPUS + "/**/*.png", recursive=True))
    random.Random(seed).shuffle(files)
    kept, thumbs = [], []
    for f in files:
        try:
            img = Image.open(f)
            if min(img.size) < 100 or max(img.size) / min(img.size) > 2.5 or img.size[0] * img.size[1] > 4_000_000:
                continue
            rgb = on_white(img)
        except Exception:
            continue
        t = np.asarray(rgb.convert("L").resize((32, 32), Image.BILINEAR)).astype(np.float32)
        if t.std() < 8:  # blank or nearly so
            continue
        if thumbs and np.abs(np.stack(thumbs) - t).mean(axis=(1, 2)).min() < 6:
            continue
        thumbs.append(t)
        rgb.thumbnail((512, 512), Image.LANCZOS)
        kept.append((f, rgb))
        if len(kept) >= n:
            break
    return kept


def font(size):
    for path in ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]:
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def square_crop(img):
    s = min(img.size)
    x, y = (img.width - s) // 2, (img.height - s) // 2
    return img.crop((x, y, x + s, y + s))


def circle(img, outside):
    sq = square_crop(img)
    mask = Image.new("L", sq.size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, sq.width - 1, sq.height - 1), fill=255)
    out = Image.new("RGB", sq.size, outside)
    out.paste(sq, (0, 0), mask)
    return out


def hue_shift(img, degrees=90):
    hsv = np.asarray(img.convert("HSV")).copy()
    hsv[:, :, 0] = (hsv[:, :, 0].astype(np.int32) + int(degrees / 360 * 256)) % 256
    return Image.fromarray(hsv, "HSV").convert("RGB")


def transform(name, img):
    w, h = img.size
    if name == "none":
        return img, "png"
    if name == "jpeg_q70":
        return img, "jpg70"
    if name == "resize_128":
        out = img.copy()
        out.thumbnail((128, 128), Image.LANCZOS)
        return out, "png"
    if name == "circle_crop":
        return circle(img, (255, 255, 255)), "png"
    if name == "circle_dark":
        return circle(img, (24, 25, 26)), "png"
    if name == "border_10":
        b = max(2, int(0.1 * max(w, h)))
        out = Image.new("RGB", (w + 2 * b, h + 2 * b), (20, 40, 120))
        out.paste(img, (b, b))
        return out, "png"
    if name == "pad_20":
        b = int(0.2 * max(w, h))
        out = Image.new("RGB", (w + 2 * b, h + 2 * b), (255, 255, 255))
        out.paste(img, (b, b))
        return out, "png"
    if name == "hue_shift":
        return hue_shift(img), "png"
    if name == "banner":
        out = img.copy()
        d = ImageDraw.Draw(out)
        top = int(h * 0.8)
        d.rectangle((0, top, w, h), fill=(200, 30, 30))
        d.text((w * 0.1, top + (h - top) * 0.15), "PARODY", fill=(255, 255, 255), font=font(max(8, (h - top) * 2 // 3)))
        return out, "png"
    if name == "tick_badge":
        out = img.copy()
        d = ImageDraw.Draw(out)
        r = int(0.11 * min(w, h))
        cx, cy = w - r - 2, h - r - 2
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(29, 155, 240))
        d.line([(cx - r * 0.5, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.5, cy - r * 0.4)], fill=(255, 255, 255),
               width=max(2, r // 4))
        return out, "png"
    if name == "screenshot":
        page = Image.new("RGB", (1200, 700), (240, 242, 245))
        d = ImageDraw.Draw(page)
        d.rectangle((0, 0, 1200, 56), fill=(24, 119, 242))
        d.text((20, 14), "facebook", fill=(255, 255, 255), font=font(26))
        d.rectangle((40, 90, 1160, 660), fill=(255, 255, 255))
        avatar = circle(img, (255, 255, 255)).resize((220, 220), Image.LANCZOS)
        page.paste(avatar, (80, 140))
        d.text((340, 160), "Thornbury Town Council", fill=(5, 5, 5), font=font(40))
        d.text((340, 220), "Government organisation", fill=(101, 103, 107), font=font(24))
        for i in range(5):
            d.text((340, 290 + 48 * i), "Latest news and updates from your council " * 1, fill=(60, 60, 60),
                   font=font(22))
        return page, "png"
    if name == "platform_combo":
        out = square_crop(img).resize((400, 400), Image.LANCZOS)
        return out, "jpg80"
    raise ValueError(name)


def prepare(work, n):
    os.makedirs(f"{work}/orig", exist_ok=True)
    originals = pick(n)
    with open(f"{work}/logos.tsv", "w") as logos, open(f"{work}/avatars.tsv", "w") as avatars:
        for i, (source, img) in enumerate(originals):
            ident = f"L{i:04d}"
            path = f"{work}/orig/{ident}.png"
            img.save(path)
            logos.write(f"{ident}\t{path}\n")
            for t in TRANSFORMS:
                os.makedirs(f"{work}/{t}", exist_ok=True)
                out, kind = transform(t, img)
                if kind.startswith("jpg"):
                    p = f"{work}/{t}/{ident}.jpg"
                    out.save(p, quality=int(kind[3:]))
                else:
                    p = f"{work}/{t}/{ident}.png"
                    out.save(p)
                avatars.write(f"{ident}\t{t}\t{p}\n")
    print(f"{len(originals)} originals, {len(TRANSFORMS)} transforms under {work}")


def analyse(path, thresholds=(24, 28, 31)):
    rows = [l.rstrip("\n").split("\t") for l in open(path) if l.strip()]
    rows = [r for r in rows if len(r) >= 6 or (len(r) == 3 and r[2] == "ERROR")]
    by = {}
    logos = len({r[1] for r in rows})
    for r in rows:
        by.setdefault(r[0], []).append(r)
    print("| transform | copies | " + " | ".join(f"matched ≤{t}" for t in thresholds) +
          " | " + " | ".join(f"wrong-logo pairs ≤{t}" for t in thresholds) + " |")
    print("|---|---|" + "---|" * (2 * len(thresholds)))
    for t_name in TRANSFORMS:
        rs = by.get(t_name, [])
        if not rs:
            continue
        cells = []
        for t in thresholds:
            ok = sum(1 for r in rs if r[2] != "ERROR" and r[4] == "1" and int(r[2]) <= t)
            cells.append(f"{100 * ok / len(rs):.1f}%")
        for t in thresholds:
            wrong = 0
            for r in rs:
                if len(r) > 5 and r[5]:
                    wrong += sum(1 for kv in r[5].split(",") if int(kv.split(":")[1]) <= t)
            pairs = len(rs) * (logos - 1)
            cells.append(f"{wrong} / {pairs} ({100 * wrong / pairs:.4f}%)")
        print(f"| {t_name} | {len(rs)} | " + " | ".join(cells) + " |")
    # False matches among distinct logos: originals as avatars against every other logo.
    rs = by.get("none", [])
    for t in thresholds:
        avatars_hit = sum(1 for r in rs if len(r) > 5 and r[5] and
                          any(int(kv.split(":")[1]) <= t for kv in r[5].split(",")))
        print(f"threshold {t}: {avatars_hit}/{len(rs)} original logos match at least one other logo")


def speed(files, seconds=5.0):
    import pdqhash
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < seconds:
        for f in files:
            rgb = np.asarray(Image.open(f).convert("RGB"))
            pdqhash.compute(rgb)
            n += 1
    el = time.perf_counter() - start
    print(f"pdqhash+Pillow threads=1 images={n} seconds={el:.2f} per_second={n / el:.1f}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "prepare":
        prepare(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1000)
    elif cmd == "analyse":
        analyse(sys.argv[2])
    elif cmd == "speed":
        speed(sys.argv[2:])


def baseline(work, threshold=31):
    """Plain PDQ, one hash of the copy against one hash of its original (no matcher), via pdqhash."""
    import pdqhash

    def h(path):
        bits, q = pdqhash.compute(np.asarray(on_white(Image.open(path))))
        return bits, q

    originals = {}
    for line in open(f"{work}/logos.tsv"):
        ident, path = line.rstrip("\n").split("\t")
        originals[ident] = h(path)
    hits = {}
    for line in open(f"{work}/avatars.tsv"):
        ident, t, path = line.rstrip("\n").split("\t")
        bits, q = h(path)
        ok = q >= 50 and originals[ident][1] >= 50 and int((bits != originals[ident][0]).sum()) <= threshold
        n, k = hits.get(t, (0, 0))
        hits[t] = (n + 1, k + ok)
    for t in TRANSFORMS:
        if t in hits:
            n, k = hits[t]
            print(f"| {t} | {100 * k / n:.1f}% |")


if __name__ == "__main__" and sys.argv[1] == "baseline":
    baseline(sys.argv[2])
