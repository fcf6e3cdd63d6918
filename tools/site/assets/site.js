// site.js: theme toggle, copy buttons, keyboard navigation, search and the
// mobile chapter menu. No dependencies; works from file:// and under the
// page's Content-Security-Policy (no inline styles or scripts are created).
(function () {
  "use strict";

  var root = document.documentElement;
  var siteRoot = root.getAttribute("data-root") || "";
  var live = null; // polite live region for short announcements

  function announce(message) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    // A fresh text node makes screen readers repeat an identical message.
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function isEditable(el) {
    if (!el || el.nodeType !== 1) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function hasModifier(e) {
    return e.altKey || e.ctrlKey || e.metaKey || e.shiftKey;
  }

  /* ---------- Theme ---------- */

  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function storedTheme() {
    var t = root.getAttribute("data-theme");
    return t === "light" || t === "dark" ? t : "";
  }

  function effectiveTheme() {
    return storedTheme() || (darkQuery && darkQuery.matches ? "dark" : "light");
  }

  function setupTheme() {
    var buttons = document.querySelectorAll(".theme-toggle");
    function sync() {
      var dark = effectiveTheme() === "dark";
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", dark ? "true" : "false");
        buttons[i].title = dark ? "Dark theme is on: switch to light" : "Light theme is on: switch to dark";
      }
    }
    function set(theme, persist) {
      root.setAttribute("data-theme", theme);
      if (persist) {
        try { window.localStorage.setItem("theme", theme); } catch (e) { /* not persisted */ }
      }
      sync();
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () {
        var next = effectiveTheme() === "dark" ? "light" : "dark";
        set(next, true);
        announce(next === "dark" ? "Dark theme" : "Light theme");
      });
    }
    if (darkQuery) {
      if (darkQuery.addEventListener) darkQuery.addEventListener("change", sync);
      else if (darkQuery.addListener) darkQuery.addListener(sync);
    }
    // Keep several open tabs in step.
    window.addEventListener("storage", function (e) {
      if (e.key === "theme" && (e.newValue === "light" || e.newValue === "dark")) set(e.newValue, false);
    });
    // Print in light colours whatever the screen theme.
    var before = null;
    window.addEventListener("beforeprint", function () {
      before = root.getAttribute("data-theme");
      root.setAttribute("data-theme", "light");
    });
    window.addEventListener("afterprint", function () {
      if (before === null) root.removeAttribute("data-theme");
      else root.setAttribute("data-theme", before);
      before = null;
    });
    sync();
  }

  /* ---------- Copy buttons ---------- */

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "clipboard-helper";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(null, function () {
        if (!copyWithSelection(text)) throw new Error("copy failed");
      });
    }
    return new Promise(function (resolve, reject) {
      if (copyWithSelection(text)) resolve(); else reject(new Error("copy failed"));
    });
  }

  function selectContents(el) {
    var sel = window.getSelection && window.getSelection();
    if (!sel) return;
    var range = document.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function makeCopyButton(label, source) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.setAttribute("aria-label", label);
    button.textContent = "Copy";
    var timer = 0;
    button.addEventListener("click", function () {
      var text = source.textContent.replace(/\n$/, "");
      copyText(text).then(function () {
        button.textContent = "Copied";
        button.classList.add("copied");
        announce("Copied to the clipboard");
      }, function () {
        selectContents(source);
        button.textContent = "Press Ctrl+C";
        announce("Could not copy automatically: the text is selected, press Control C");
      }).then(function () {
        button.focus();
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.textContent = "Copy";
          button.classList.remove("copied");
        }, 2000);
      });
    });
    return button;
  }

  function setupCopy() {
    var listings = document.querySelectorAll(".listing");
    for (var i = 0; i < listings.length; i++) {
      var listing = listings[i];
      var pre = listing.querySelector("pre");
      if (!pre) continue;
      var head = listing.querySelector(".listing-head");
      if (!head) {
        head = document.createElement("div");
        head.className = "listing-head";
        listing.insertBefore(head, listing.firstChild);
      }
      var titleEl = head.querySelector(".listing-title");
      var name = titleEl ? titleEl.textContent.trim() : "";
      head.appendChild(makeCopyButton(name ? "Copy " + name : "Copy code", pre));
    }
    // Code blocks that are not pipeline listings (plain fenced blocks).
    var pres = document.querySelectorAll(".prose pre");
    for (var j = 0; j < pres.length; j++) {
      var p = pres[j];
      if (p.closest(".listing")) continue;
      var wrap = document.createElement("div");
      wrap.className = "code-wrap";
      p.parentNode.insertBefore(wrap, p);
      wrap.appendChild(p);
      wrap.appendChild(makeCopyButton("Copy code", p));
    }
    var runs = document.querySelectorAll(".run-command");
    for (var k = 0; k < runs.length; k++) {
      var code = runs[k].querySelector("code");
      if (code) runs[k].appendChild(makeCopyButton("Copy command", code));
    }
    // Let keyboard users scroll wide code blocks and tables.
    var scrollers = document.querySelectorAll(".prose pre, .prose table");
    for (var m = 0; m < scrollers.length; m++) {
      if (!scrollers[m].hasAttribute("tabindex")) scrollers[m].setAttribute("tabindex", "0");
    }
  }

  /* ---------- Keyboard navigation between chapters ---------- */

  function setupArrows() {
    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || hasModifier(e) || e.isComposing) return;
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      var t = e.target;
      if (isEditable(t)) return;
      // Arrow keys scroll focused code blocks and tables, and step a
      // stepper (stepper.js): leave them alone.
      if (t && t.closest && t.closest("pre, table, .listing, [role=listbox], [role=slider], [role=tablist], [data-stepper]")) return;
      var link = document.querySelector(e.key === "ArrowLeft" ? "link[rel=prev]" : "link[rel=next]");
      if (!link || !link.href) return;
      e.preventDefault();
      window.location.href = link.href;
    });
  }

  /* ---------- Mobile chapter menu ---------- */

  function setupNav() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("sidebar");
    if (!toggle || !nav) return;
    var closeButton = nav.querySelector(".nav-close");
    toggle.hidden = false;
    if (closeButton) {
      closeButton.hidden = false;
      closeButton.addEventListener("click", function () { set(false, true); });
    }
    function isOpen() { return root.classList.contains("nav-open"); }
    function set(open, focusBack) {
      root.classList.toggle("nav-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        var target = nav.querySelector("[aria-current=page]") || nav.querySelector("a");
        if (target) target.focus();
      } else if (focusBack) {
        toggle.focus();
      }
    }
    toggle.addEventListener("click", function () { set(!isOpen(), false); });
    nav.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a")) set(false, false);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && isOpen()) set(false, true);
    });
    // Leaving the drawer with Tab closes it.
    nav.addEventListener("focusout", function (e) {
      if (isOpen() && e.relatedTarget && !nav.contains(e.relatedTarget) && e.relatedTarget !== toggle) set(false, false);
    });
    document.addEventListener("click", function (e) {
      if (!isOpen()) return;
      if (nav.contains(e.target) || toggle.contains(e.target)) return;
      set(false, false);
    });
  }

  /* ---------- Search ---------- */

  var MAX_RESULTS = 10;

  function terms(query) {
    var parts = query.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
    var out = [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] && out.indexOf(parts[i]) < 0) out.push(parts[i]);
    }
    // Ignore one-letter words unless that is all there is.
    var long = out.filter(function (w) { return w.length > 1; });
    return long.length ? long : out;
  }

  function isWordStart(text, at) {
    if (at === 0) return true;
    return /[^\p{L}\p{N}_]/u.test(text.charAt(at - 1));
  }

  // fieldScore scores the matches of term at the start of a word of text:
  // "wait" matches "waits" and "wait_group", not "await".
  function fieldScore(text, term, weight) {
    var score = 0;
    for (var at = text.indexOf(term), n = 0; at >= 0 && n < 5; at = text.indexOf(term, at + 1)) {
      if (isWordStart(text, at)) {
        score += score ? weight / 4 : weight;
        n++;
      }
    }
    return score;
  }

  function prepare(index) {
    var out = [];
    for (var i = 0; i < index.length; i++) {
      var e = index[i] || {};
      var title = String(e.title || ""), section = String(e.section || ""), text = String(e.text || "");
      out.push({
        title: title, section: section, text: text, url: String(e.url || ""), order: i,
        lt: title.toLowerCase(), ls: section.toLowerCase(), lx: text.toLowerCase()
      });
    }
    return out;
  }

  function find(entries, words) {
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i], total = 0, all = true;
      for (var j = 0; j < words.length; j++) {
        var w = words[j];
        var s = fieldScore(e.lt, w, 8) + fieldScore(e.ls, w, 5) + fieldScore(e.lx, w, 1);
        if (!s) { all = false; break; }
        total += s;
      }
      if (all) hits.push({ entry: e, score: total });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    return hits;
  }

  function snippet(entry, words) {
    var text = entry.text, lower = entry.lx, first = -1;
    for (var i = 0; i < words.length; i++) {
      var at = lower.indexOf(words[i]);
      while (at >= 0 && !isWordStart(lower, at)) at = lower.indexOf(words[i], at + 1);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    if (first < 0) return text.length > 140 ? text.slice(0, 140).replace(/\s+\S*$/, "") + "…" : text;
    var start = Math.max(0, first - 50), end = Math.min(text.length, first + 110);
    var out = text.slice(start, end);
    if (start > 0) out = "…" + out.replace(/^\S*\s+/, "");
    if (end < text.length) out = out.replace(/\s+\S*$/, "") + "…";
    return out;
  }

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Appends text to parent with every occurrence of words wrapped in <mark>.
  function highlight(parent, text, words) {
    if (!words.length) { parent.appendChild(document.createTextNode(text)); return; }
    var sorted = words.slice().sort(function (a, b) { return b.length - a.length; });
    var re = new RegExp("(?<![\\p{L}\\p{N}_])(?:" + sorted.map(escapeRegExp).join("|") + ")", "giu");
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      parent.appendChild(mark);
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function setupSearch() {
    var input = document.getElementById("search-input");
    var popup = document.getElementById("search-popup");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !popup || !list) return;
    var entries = null;
    var active = -1;

    function index() {
      if (entries === null) {
        entries = Array.isArray(window.SEARCH_INDEX) ? prepare(window.SEARCH_INDEX) : [];
      }
      return entries;
    }

    function options() { return list.querySelectorAll("[role=option]"); }

    function setActive(i) {
      var opts = options();
      if (!opts.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      if (i < 0) i = opts.length - 1;
      if (i >= opts.length) i = 0;
      for (var k = 0; k < opts.length; k++) opts[k].setAttribute("aria-selected", k === i ? "true" : "false");
      active = i;
      input.setAttribute("aria-activedescendant", opts[i].id);
      if (opts[i].scrollIntoView) opts[i].scrollIntoView({ block: "nearest" });
    }

    function open() {
      popup.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      popup.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function render() {
      var q = input.value.trim();
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (q.length < 2) { close(); return; }
      if (!Array.isArray(window.SEARCH_INDEX)) {
        status.textContent = "Search is not available: the search index did not load.";
        open();
        return;
      }
      var words = terms(q);
      var hits = words.length ? find(index(), words) : [];
      var shown = hits.slice(0, MAX_RESULTS);
      for (var i = 0; i < shown.length; i++) {
        var e = shown[i].entry;
        var li = document.createElement("li");
        li.id = "search-option-" + i;
        li.className = "search-result";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var a = document.createElement("a");
        a.href = siteRoot + e.url;
        a.tabIndex = -1;
        if (e.section && e.section !== e.title) {
          var context = document.createElement("span");
          context.className = "result-context";
          highlight(context, e.section, words);
          a.appendChild(context);
        }
        var title = document.createElement("span");
        title.className = "result-title";
        highlight(title, e.title, words);
        a.appendChild(title);
        var text = snippet(e, words);
        if (text) {
          var snip = document.createElement("span");
          snip.className = "result-text";
          highlight(snip, text, words);
          a.appendChild(snip);
        }
        li.appendChild(a);
        list.appendChild(li);
      }
      if (!hits.length) status.textContent = "No results for “" + q + "”.";
      else if (hits.length > shown.length) status.textContent = "Showing " + shown.length + " of " + hits.length + " results.";
      else status.textContent = hits.length === 1 ? "1 result." : hits.length + " results.";
      open();
    }

    function go(i) {
      var opts = options();
      var opt = opts[i >= 0 ? i : 0];
      var a = opt && opt.querySelector("a");
      if (a) window.location.href = a.href;
    }

    input.addEventListener("input", render);
    input.addEventListener("focus", function () { if (input.value.trim().length >= 2) render(); });
    input.addEventListener("keydown", function (e) {
      var opened = !popup.hidden;
      switch (e.key) {
        case "ArrowDown":
          e.preventDefault();
          if (!opened) render();
          setActive(active + 1);
          break;
        case "ArrowUp":
          e.preventDefault();
          if (!opened) render();
          setActive(active - 1);
          break;
        case "Enter":
          if (options().length) { e.preventDefault(); go(active); }
          break;
        case "Escape":
          if (opened) { e.preventDefault(); e.stopPropagation(); close(); }
          else if (input.value) { e.preventDefault(); input.value = ""; }
          else input.blur();
          break;
      }
    });
    // Keep focus in the input while clicking a result (so the click lands).
    popup.addEventListener("mousedown", function (e) { e.preventDefault(); });
    list.addEventListener("mousemove", function (e) {
      var opt = e.target.closest && e.target.closest("[role=option]");
      if (!opt) return;
      var opts = options();
      for (var i = 0; i < opts.length; i++) if (opts[i] === opt && i !== active) setActive(i);
    });
    input.addEventListener("blur", function () { close(); });

    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isEditable(e.target)) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  function init() {
    setupTheme();
    setupCopy();
    setupArrows();
    setupNav();
    setupSearch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
