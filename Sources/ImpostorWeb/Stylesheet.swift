/// The page's only style sheet and its only script, served from this server (the CSP allows nothing else).
enum Stylesheet {
    static let css = """
        :root { --ink: #1b1b1b; --paper: #fff; --line: #b1b4b6; --link: #1d4e89; --mark: #ffdd00; --warn: #a8200d; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1.05rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--link); }
        /* Focus: a dark ring with a yellow halo, visible on the white page and on the black header alike.
           input:focus-within also covers the calendar button inside a date field. */
        a:focus, button:focus, select:focus, input:focus-within, textarea:focus, summary:focus {
          outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 2px var(--mark); }
        .top a:focus { outline-color: var(--mark); }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--mark); padding: .5rem; }
        .top { background: #0b0c0c; color: #fff; padding: .75rem 1rem; } .top a { color: #fff; font-weight: 700; margin-right: 1rem; }
        /* Profile text is the impostor's: a name with no spaces must wrap, not push the page sideways. */
        bdi, h1 { overflow-wrap: anywhere; }
        main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
        .counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        .counts a { display: inline-block; padding: .25rem .6rem; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; }
        .counts a[aria-current] { background: #0b0c0c; color: #fff; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 1rem 0; }
        .filters div { display: flex; flex-direction: column; } .filters label { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        caption { text-align: left; font-weight: 600; padding: .5rem 0; }
        .score { font-variant-numeric: tabular-nums; font-weight: 700; }
        .status { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: #e8f1f8; }
        .status-new { background: #fcd6c3; } .status-confirmed, .status-reported { background: #f4d0cb; } .status-removed { background: #cce2d8; }
        mark.lookalike { background: var(--mark); color: #0b0c0c; text-decoration: underline wavy var(--warn); }
        mark.hidden-char { background: #f4d0cb; color: #0b0c0c; font-family: monospace; font-size: .85em; }
        .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
        .queue .found { white-space: nowrap; } .queue .narrow { display: none; }
        /* A phone shows score, account and status; the platform and council move under the account. */
        @media (max-width: 45rem) {
          .side-by-side { grid-template-columns: 1fr; }
          .queue th:nth-child(n+3):not(:nth-child(5)), .queue td:nth-child(n+3):not(:nth-child(5)) { display: none; }
          .queue .narrow { display: inline; }
        }
        dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; overflow-wrap: anywhere; } .bio { white-space: normal; }
        figure { margin: .5rem 0; } img { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        tr.against td { color: #505a5f; }
        form.decision label, form.decision legend { font-weight: 600; display: block; margin-top: .75rem; }
        form.decision fieldset div { display: flex; gap: .5rem; align-items: center; } form.decision fieldset div label { font-weight: 400; margin: 0; }
        textarea { width: 100%; font: inherit; } select, input, button { font: inherit; } select, input, textarea { max-width: 100%; }
        input[type=radio] { width: 1.25rem; height: 1.25rem; margin: .25rem; accent-color: var(--link); flex: none; }
        form.decision fieldset div { padding: .15rem 0; }
        button { background: #00703c; color: #fff; border: 0; padding: .5rem 1rem; margin-top: .75rem; border-radius: 3px; cursor: pointer; }
        .notice { background: #cce2d8; padding: .5rem 1rem; border-left: 5px solid #00703c; }
        .alert { background: #f6d7d2; padding: .5rem 1rem; border-left: 5px solid #d4351c; }
        b.alert, b.reported { display: inline-block; padding: 0 .3rem; font-size: .85em; }
        b.reported { background: #fff7bf; border-left: 5px solid #ffdd00; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .trail time { color: #505a5f; }
        """

    /// Adds a "Copy" button to each draft when scripts run; without them the text can be selected by hand.
    static let copyScript = """
        document.querySelectorAll("textarea[readonly]").forEach(function (area) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = "Copy";
          button.addEventListener("click", function () {
            navigator.clipboard.writeText(area.value).then(function () { button.textContent = "Copied"; });
          });
          area.insertAdjacentElement("afterend", button);
        });
        """
}
