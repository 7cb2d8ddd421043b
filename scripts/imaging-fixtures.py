#!/usr/bin/env python3
"""Writes the small test images for ImpostorImagingTests and prints the oracle's hashes for them.

The oracle is the `pdqhash` package (Meta's C++ PDQ behind Cython) on pixels decoded by Pillow,
with alpha composited onto white by the same integer formula the CImage shim uses. Run from the
repository root; paste the printed table into Tests/ImpostorImagingTests/OracleHashes.swift.
"""
import sys
import numpy as np
import pdqhash
from PIL import Image, ImageDraw

OUT = "Tests/ImpostorImagingTests/Fixtures"


def composite(img):
    """RGBA -> RGB on white: (c*a + 255*(255-a) + 127) // 255, as cimage.c does it."""
    a = np.asarray(img.convert("RGBA")).astype(np.uint32)
    alpha = a[:, :, 3:4]
    rgb = (a[:, :, :3] * alpha + 255 * (255 - alpha) + 127) // 255
    return rgb.astype(np.uint8)


def bits_to_hex(bits):
    # pdqhash returns bit 255 first; Meta's hex prints the most significant word first.
    return "".join("%x" % int("".join(str(b) for b in bits[i:i + 4]), 2) for i in range(0, 256, 4))


def oracle(rgb):
    bits, quality = pdqhash.compute(np.ascontiguousarray(rgb))
    return bits_to_hex(bits), quality


def oracle_dihedral(rgb):
    hashes, quality = pdqhash.compute_dihedral(np.ascontiguousarray(rgb))
    return [bits_to_hex(h) for h in hashes], quality


def pattern(width, height, seed):
    """The deterministic test pattern ImpostorImagingTests also builds (see TestImages.swift)."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.int64)
    r = (xs * 7 + ys * 13 + seed) % 256
    g = ((xs * ys) // 7 + seed * 3) % 256
    b = ((xs ^ ys) * 5 + seed) % 256
    blob = ((xs - width // 3) ** 2 + (ys - height // 2) ** 2) < (min(width, height) // 4) ** 2
    r = np.where(blob, 250, r)
    g = np.where(blob, 30, g)
    return np.stack([r, g, b], axis=2).astype(np.uint8)


def drawing(width, height):
    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((width * 0.1, height * 0.1, width * 0.6, height * 0.8), fill=(20, 60, 160, 255))
    d.rectangle((width * 0.45, height * 0.3, width * 0.9, height * 0.6), fill=(200, 40, 40, 200))
    d.polygon([(width * 0.2, height * 0.9), (width * 0.5, height * 0.55), (width * 0.8, height * 0.95)],
              fill=(30, 140, 60, 255))
    d.text((width * 0.15, height * 0.05), "PARISH", fill=(0, 0, 0, 255))
    return img


def main():
    rows = []
    logo = drawing(160, 120)
    logo.save(f"{OUT}/logo-alpha.png")
    rows.append(("logo-alpha.png", composite(Image.open(f"{OUT}/logo-alpha.png"))))

    photo = Image.fromarray(pattern(200, 150, 11)).convert("RGB")
    photo.save(f"{OUT}/pattern.jpg", quality=85)
    rows.append(("pattern.jpg", np.asarray(Image.open(f"{OUT}/pattern.jpg").convert("RGB"))))

    grey = Image.fromarray(pattern(64, 64, 5)[:, :, 0]).convert("L")
    grey.save(f"{OUT}/grey-64.png")
    rows.append(("grey-64.png", np.asarray(Image.open(f"{OUT}/grey-64.png").convert("RGB"))))

    drawing(128, 128).save(f"{OUT}/alpha-lossless.webp", lossless=True)
    rows.append(("alpha-lossless.webp", composite(Image.open(f"{OUT}/alpha-lossless.webp"))))
    Image.fromarray(pattern(120, 96, 3)).save(f"{OUT}/pattern-lossy.webp", quality=80)
    rows.append(("pattern-lossy.webp", np.asarray(Image.open(f"{OUT}/pattern-lossy.webp").convert("RGB"))))

    gif = drawing(100, 80).convert("RGB").quantize(colors=16)
    gif.info["transparency"] = gif.getpixel((0, 0))
    gif.save(f"{OUT}/interlaced.gif", interlace=True, transparency=gif.getpixel((0, 0)))
    rows.append(("interlaced.gif", composite(Image.open(f"{OUT}/interlaced.gif").convert("RGBA"))))

    pal = drawing(90, 90).quantize(colors=32)
    pal.save(f"{OUT}/palette.png")
    rows.append(("palette.png", composite(Image.open(f"{OUT}/palette.png").convert("RGBA"))))

    print("// file, pdq hex, quality")
    for name, rgb in rows:
        h, q = oracle(rgb)
        print(f'("{name}", "{h}", {q}),')

    print("// generated patterns: width, height, seed, pdq hex, quality")
    for (w, h, seed) in [(64, 64, 1), (5, 5, 2), (4, 9, 3), (100, 37, 4), (300, 200, 5), (700, 520, 6), (129, 257, 7)]:
        hx, q = oracle(pattern(w, h, seed))
        print(f'({w}, {h}, {seed}, "{hx}", {q}),')

    print("// dihedral of pattern 300x200 seed 5 (pdqhash order)")
    hs, q = oracle_dihedral(pattern(300, 200, 5))
    for x in hs:
        print(f'"{x}",')


if __name__ == "__main__":
    sys.exit(main())
