"""Walks the review page in headless Chromium as a clerk would, and prints what it saw as one JSON object.

Run by BrowserTests.swift against a running `impostor serve`; the Swift test judges the facts printed here.
Usage: review_walk.py --base URL --confirm ID --payload ID --long ID --note TEXT --out DIR
"""

import argparse
import base64
import json
import os
import signal
import sys
import time
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Chromium, DevTools, DriverError  # noqa: E402

# Controls without a label, buttons without words.
UNLABELLED = """(() => [...document.querySelectorAll("input, select, textarea, button")]
  .filter(el => el.type !== "hidden")
  .filter(el => el.tagName === "BUTTON" ? !el.textContent.trim()
                : !(el.labels && el.labels.length) && !el.getAttribute("aria-label"))
  .map(el => el.outerHTML.slice(0, 120)))()"""

# Text whose contrast with its background is below WCAG AA (4.5:1, or 3:1 for large text).
LOW_CONTRAST = """(() => {
  const rgba = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join("").trim();
    if (!text || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.closest(".skip, .visually-hidden")) continue;
    const fg = rgba(style.color), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) out.push({text: text.slice(0, 40), color: style.color, background: bg.join(","),
                                ratio: Math.round(ratio * 100) / 100});
  }
  return out;
})()"""

OVERFLOW = """(() => ({scrollWidth: document.documentElement.scrollWidth,
                 clientWidth: document.documentElement.clientWidth}))()"""

FOCUSED = """(() => { const el = document.activeElement; const s = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: (el.textContent || "").trim().slice(0, 40),
          outline: s.outlineStyle === "none" ? "none" : s.outlineWidth + " " + s.outlineStyle}; })()"""


STARTED = time.monotonic()


def step(name):
    """Progress on standard error: the Swift test shows it when the walk fails."""
    print(f"{time.monotonic() - STARTED:7.2f}s {name}", file=sys.stderr, flush=True)


def wait_for_server(base, timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise DriverError("impostor serve did not answer on " + base)
        time.sleep(0.2)


def screenshot(page, path, full=False):
    params = {"format": "png"}
    if full:
        size = page.call("Page.getLayoutMetrics")["cssContentSize"]
        params.update(captureBeyondViewport=True,
                      clip={"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1})
    # Generous: on a busy machine (two cores shared with compilers) painting a tall page is slow.
    data = base64.b64decode(page.call("Page.captureScreenshot", params, timeout=60)["data"])
    with open(path, "wb") as f:
        f.write(data)
    return path


def viewport(page, width, height, mobile):
    page.call("Emulation.setDeviceMetricsOverride",
              {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def walk(args, page):
    seen = {}
    page.call("Page.enable")
    viewport(page, 1280, 900, False)

    # A probe: a page that calls alert() must be noticed, or "no dialog" below would prove nothing.
    step("probe")
    page.navigate("data:text/html,<title>probe</title><script>alert('probe')</script>")
    seen["probeDialogs"] = page.dialogs()

    # The queue, then a real click through to the case.
    step("queue")
    page.navigate(args.base + "/")
    seen["queue"] = page.evaluate("""(() => ({
        title: document.title,
        links: [...document.querySelectorAll('table.queue a[href^="/cases/"]')]
                 .map(a => ({href: a.getAttribute("href"), text: a.textContent})),
        counts: [...document.querySelectorAll(".counts a")].map(a => a.textContent.replace(/\\s+/g, " ").trim())}))()""")
    seen["queueUnlabelled"] = page.evaluate(UNLABELLED)
    seen["queueLowContrast"] = page.evaluate(LOW_CONTRAST)
    page.press_tab()
    seen["queueFirstTab"] = page.evaluate(FOCUSED)
    screenshot(page, os.path.join(args.out, "queue.png"), full=True)

    step("click through to the case")
    page.click_and_wait_for_load(f'table.queue a[href="/cases/{args.confirm}"]')
    seen["afterClick"] = page.evaluate("location.pathname")

    # The decision, made with the mouse and keyboard: confirm, a note, submit (a real form POST).
    step("decide")
    page.click("#d-confirm")
    page.click("#note")
    page.call("Input.insertText", {"text": args.note})
    seen["confirmChecked"] = page.evaluate("document.querySelector('#d-confirm').checked")
    seen["noteValue"] = page.evaluate("document.querySelector('#note').value")
    page.click_and_wait_for_load("form.decision button[type=submit]")
    seen["afterSubmit"] = page.evaluate("""(() => ({
        url: location.pathname + location.search,
        heading: document.querySelector("h1").textContent,
        message: (document.querySelector("main p") || {}).textContent || null,
        notice: (document.querySelector(".notice") || {}).textContent || null,
        status: (document.querySelector(".summary .status") || {}).textContent || null}))()""")

    # Profile text holding markup and script shows as text.
    step("payload case")
    page.navigate(f"{args.base}/cases/{args.payload}")
    seen["payload"] = page.evaluate("""(() => ({
        h1: document.querySelector("h1").textContent,
        bio: document.querySelector("dd.bio").textContent,
        handle: [...document.querySelectorAll("dt")].find(d => d.textContent === "Handle").nextElementSibling.textContent,
        scripts: document.scripts.length,
        injectedImages: document.querySelectorAll('img[src="x"], img[onerror]').length,
        eventAttributes: [...document.querySelectorAll("*")].filter(el =>
            [...el.attributes].some(a => a.name.startsWith("on"))).length,
        hiddenMarks: [...document.querySelectorAll("mark.hidden-char")].map(m => m.textContent)}))()""")
    seen["caseUnlabelled"] = page.evaluate(UNLABELLED)
    seen["caseLowContrast"] = page.evaluate(LOW_CONTRAST)
    step("screenshot")
    seen["screenshot"] = screenshot(page, os.path.join(args.out, "case.png"))
    screenshot(page, os.path.join(args.out, "case-full.png"), full=True)

    # Keyboard: the skip link first, then every control reachable by Tab with a visible focus ring.
    step("keyboard")
    focused = []
    for _ in range(60):
        page.press_tab()
        now = page.evaluate(FOCUSED)
        focused.append(now)
        if now["tag"] == "button":
            break
    seen["caseTabs"] = focused

    # A phone: nothing wider than the screen, on every page.
    step("phone")
    viewport(page, 390, 844, True)
    seen["phone"] = {}
    for name, path in (("queue", "/"), ("queueAll", "/?status=all"), ("confirmed", f"/cases/{args.confirm}"),
                       ("payload", f"/cases/{args.payload}"), ("long", f"/cases/{args.long}")):
        page.navigate(args.base + path)
        seen["phone"][name] = page.evaluate(OVERFLOW)
        screenshot(page, os.path.join(args.out, f"phone-{name}.png"), full=True)

    seen["dialogs"] = [d for d in page.dialogs() if d != "probe"]
    return seen


def main():
    parser = argparse.ArgumentParser()
    for name in ("base", "confirm", "payload", "long", "note", "out"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    # The Swift test stops a run that hangs with SIGTERM: clean up the browser on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    wait_for_server(args.base, 30)
    browser = Chromium(timeout=30)
    try:
        page = DevTools(browser.ws_url, timeout=30)
        try:
            print(json.dumps(walk(args, page)))
        finally:
            page.close()
    except DriverError as error:
        print(json.dumps({"error": str(error), "chromium": browser.stderr_tail[-5:]}))
        return 2
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
