// runner.js: the live notebook of make serve. A page that make serve
// serves carries <meta name="course-run-token">; on such a page this script
//
//   - reloads the page when the site is rebuilt (server-sent events from
//     /api/events), and shows a failed build's problems over the page;
//   - gives each runnable listing (.listing[data-run]) Run (Check for the
//     exercise), Edit and Reset buttons in place of its .run-note, an editor
//     and an output panel, and keeps the reader's edits (localStorage, and
//     .course-drafts/ through /api/draft).
//
// On any other page (docs/, file://, a static host) it does nothing and
// requests nothing. CONTRIBUTING.md ("The site's markup", "The live
// notebook") names the markup and the API. No dependencies; works under the
// page's Content-Security-Policy (no inline styles or scripts).
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="course-run-token"]');
  if (!meta) return;
  var token = meta.getAttribute("content") || "";

  function parseJSON(s) {
    try { return JSON.parse(s); } catch (e) { return null; }
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(className, text, label) {
    var b = el("button", className, text);
    b.type = "button";
    if (label) b.setAttribute("aria-label", label);
    return b;
  }

  function api(method, path, body) {
    return fetch(path, { method: method, headers: { "X-Course-Token": token }, body: body, cache: "no-store" });
  }

  // drain reads a response to its end: a response left unread is reported
  // as a cancelled request.
  function drain(resp) { return resp.text().catch(function () {}); }

  /* ---------- Live reload and build problems ---------- */

  // The site path of this page: "hello/index.html".
  function sitePath() {
    var p = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    if (p === "" || /\/$/.test(p)) p += "index.html";
    return p;
  }

  function shouldReload(changed) {
    if (document.querySelector(".no-site")) return true;
    var here = sitePath();
    for (var i = 0; i < changed.length; i++) {
      if (changed[i] === here || !/\.html$/.test(changed[i])) return true;
    }
    return false;
  }

  var scrollKey = "course-scroll:" + location.pathname;

  function reload() {
    try { sessionStorage.setItem(scrollKey, String(window.scrollY)); } catch (e) { /* not kept */ }
    location.reload();
  }

  function restoreScroll() {
    var y = null;
    try {
      y = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) { /* none */ }
    if (y !== null && !location.hash) window.scrollTo(0, Number(y) || 0);
  }

  var overlay = null;

  function hideProblems() {
    if (overlay) {
      overlay.parentNode.removeChild(overlay);
      overlay = null;
    }
  }

  function showProblems(problems) {
    hideProblems();
    overlay = el("section", "build-problems");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "build-problems-title");
    var head = el("div", "build-problems-head");
    head.appendChild(el("h2", "build-problems-title", "The site did not rebuild")).id = "build-problems-title";
    var close = button("build-problems-close", "Hide", "Hide the build problems");
    close.addEventListener("click", hideProblems);
    head.appendChild(close);
    overlay.appendChild(head);
    overlay.appendChild(el("p", "build-problems-note",
      "make serve still shows the last good build. Fix " + (problems.length === 1 ? "this problem" : "these " + problems.length + " problems") +
      " and save: the page reloads when the site builds."));
    var pre = el("pre", "build-problems-list", problems.join("\n"));
    pre.setAttribute("tabindex", "0");
    overlay.appendChild(pre);
    document.body.appendChild(overlay);
  }

  function setupEvents() {
    if (!window.EventSource) return;
    var source = new EventSource("/api/events?token=" + encodeURIComponent(token));
    source.addEventListener("reload", function (e) {
      hideProblems();
      if (shouldReload(parseJSON(e.data) || [])) reload();
    });
    source.addEventListener("problems", function (e) {
      showProblems(parseJSON(e.data) || []);
    });
    // The server went away (make serve stopped): stop listening rather
    // than retrying with a token a new server would refuse.
    source.addEventListener("error", function () {
      if (source.readyState === 2) source.close();
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }

  /* ---------- Runnable listings ---------- */

  // The chapter of this page: its directory, "hello" in /hello/.
  var chapter = decodeURIComponent(location.pathname).split("/").filter(Boolean)[0] || "";
  var fileCache = {};

  function storageKey(l) { return "course-draft:" + chapter + ":" + l.key; }

  function readLocal(l) {
    try { return parseJSON(localStorage.getItem(storageKey(l)) || ""); } catch (e) { return null; }
  }

  function writeLocal(l, text) {
    try {
      if (text === null) localStorage.removeItem(storageKey(l));
      else localStorage.setItem(storageKey(l), JSON.stringify({ text: text, saved: Date.now() }));
    } catch (e) { /* kept on disk only */ }
  }

  function draftPath(l) {
    return "/api/draft?chapter=" + encodeURIComponent(chapter) + "&key=" + encodeURIComponent(l.key);
  }

  function saveDraft(l) {
    window.clearTimeout(l.saveTimer);
    var text = l.editor ? l.editor.value : null;
    if (text === null || text === l.original) {
      writeLocal(l, null);
      api("DELETE", draftPath(l)).then(drain, function () {});
      return;
    }
    writeLocal(l, text);
    l.saveTimer = window.setTimeout(function () {
      api("PUT", draftPath(l), text).then(drain, function () {});
    }, 500);
  }

  function bareName(file) { return file.replace(/^.*\//, ""); }

  // The whole file, with the listing's lines replaced by text, indented as
  // the file has them.
  function fileWith(l, text) {
    if (!l.lines) return Promise.resolve(text.replace(/\n*$/, "\n"));
    var got = fileCache[l.bare] || api("GET", "/api/file?chapter=" + encodeURIComponent(chapter) + "&name=" + encodeURIComponent(l.bare))
      .then(function (resp) {
        if (!resp.ok) return resp.json().then(function (e) { throw new Error(e.error || resp.statusText); });
        return resp.text();
      });
    fileCache[l.bare] = got;
    got.catch(function () { delete fileCache[l.bare]; });
    return got.then(function (whole) {
      var lines = whole.split("\n");
      var edit = text.replace(/\n+$/, "").split("\n").map(function (line) {
        return line === "" ? "" : l.indent + line;
      });
      var args = [l.first - 1, l.last - l.first + 1].concat(edit);
      Array.prototype.splice.apply(lines, args);
      return lines.join("\n");
    });
  }

  // splitOutput returns output as the lines a comparison sees: for a Python
  // listing, trimmed and without blank lines, as the course's tests compare
  // them; for Go, without spaces at the ends of the whole.
  function splitOutput(l, text) {
    if (l.python) {
      return text.split("\n").map(function (s) { return s.trim(); }).filter(function (s) { return s !== ""; });
    }
    text = text.trim();
    return text === "" ? [] : text.split("\n");
  }

  // diffLines returns the line diff of want and got: [op, line] with op
  // " " (both), "-" (only in want), "+" (only in got).
  function diffLines(want, got) {
    var n = want.length, m = got.length, i, j;
    if (n * m > 4000000) return null;
    var lcs = [];
    for (i = 0; i <= n; i++) lcs.push(new Array(m + 1).fill(0));
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        lcs[i][j] = want[i] === got[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    var out = [];
    i = 0; j = 0;
    while (i < n && j < m) {
      if (want[i] === got[j]) { out.push([" ", want[i]]); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) { out.push(["-", want[i]]); i++; }
      else { out.push(["+", got[j]]); j++; }
    }
    for (; i < n; i++) out.push(["-", want[i]]);
    for (; j < m; j++) out.push(["+", got[j]]);
    return out;
  }

  function seconds(ms) {
    return ms < 1000 ? ms + " ms" : (ms / 1000).toFixed(1) + " s";
  }

  function showResult(l, res) {
    var status = l.panel.status;
    status.textContent = "";
    status.className = "run-status " + (res.passed ? "run-passed" : "run-failed");
    var what = l.target === "exercise" ? (res.passed ? "Every test passes" : "Not yet: a test fails")
      : res.exit === -1 ? "Stopped" : res.passed ? "Ran" : "Failed";
    status.appendChild(el("strong", "", what));
    status.appendChild(document.createTextNode(" · exit status " + res.exit + " · " + seconds(res.elapsed_ms)));
    var diff = l.panel.diff;
    diff.textContent = "";
    diff.hidden = true;
    if (res.want === undefined || res.want === null) return;
    if (res.matches) {
      status.appendChild(document.createTextNode(" · "));
      status.appendChild(el("span", "run-match", "matches the verified output"));
      return;
    }
    status.appendChild(document.createTextNode(" · "));
    status.appendChild(el("span", "run-mismatch", "differs from the verified output"));
    var lines = diffLines(splitOutput(l, res.want), splitOutput(l, res.output));
    diff.hidden = false;
    diff.appendChild(el("p", "run-diff-legend", "− the verified output, + this run"));
    var pre = el("pre", "run-diff-lines");
    pre.setAttribute("tabindex", "0");
    if (!lines) {
      pre.textContent = "(too long to compare line by line)";
    } else {
      lines.forEach(function (d) {
        var cls = d[0] === "-" ? "run-del" : d[0] === "+" ? "run-ins" : "run-same";
        pre.appendChild(el("span", cls, (d[0] === "-" ? "− " : d[0] === "+" ? "+ " : "  ") + d[1] + "\n"));
      });
    }
    diff.appendChild(pre);
  }

  // postStream posts body to path, asking for server-sent events, and
  // calls onEvent with each event as it arrives. It resolves when the
  // response ends. (XMLHttpRequest rather than fetch: its progress events
  // give the text as it comes, and a finished response is never reported as
  // cancelled.)
  function postStream(path, body, onEvent) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var seen = 0;
      function take() {
        var text = xhr.responseText, i;
        while ((i = text.indexOf("\n\n", seen)) >= 0) {
          var event = "message", data = [];
          text.slice(seen, i).split("\n").forEach(function (line) {
            if (line.indexOf("event: ") === 0) event = line.slice(7);
            else if (line.indexOf("data: ") === 0) data.push(line.slice(6));
          });
          seen = i + 2;
          if (data.length) onEvent(event, parseJSON(data.join("\n")));
        }
      }
      xhr.open("POST", path);
      xhr.setRequestHeader("X-Course-Token", token);
      xhr.setRequestHeader("Content-Type", "application/json");
      xhr.setRequestHeader("Accept", "text/event-stream");
      xhr.onprogress = function () { if (xhr.status === 200) take(); };
      xhr.onload = function () {
        if (xhr.status !== 200) {
          var e = parseJSON(xhr.responseText);
          reject(new Error((e && e.error) || xhr.statusText || "HTTP " + xhr.status));
          return;
        }
        take();
        resolve();
      };
      xhr.onerror = function () { reject(new Error("make serve did not answer (is it still running?)")); };
      xhr.send(JSON.stringify(body));
    });
  }

  function run(l) {
    if (l.running) return;
    l.running = true;
    l.runButton.disabled = true;
    var panel = l.panel;
    panel.root.hidden = false;
    panel.output.textContent = "";
    panel.diff.hidden = true;
    panel.status.className = "run-status";
    panel.status.textContent = l.target === "exercise" ? "Checking…" : "Running…";
    var text = l.editor ? l.editor.value : l.original;
    var send = text !== l.original || l.target === "exercise";
    var ready = send ? fileWith(l, text) : Promise.resolve(null);
    var result = null;
    ready.then(function (whole) {
      var req = { chapter: chapter, target: l.target };
      if (whole !== null) {
        req.files = {};
        req.files[l.bare] = whole;
      }
      return postStream("/api/run", req, function (event, data) {
        if (event === "output" && typeof data === "string") panel.output.appendChild(document.createTextNode(data));
        else if (event === "result" && data) result = data;
      });
    }).then(function () {
      if (!result) throw new Error("the run ended without a result");
      showResult(l, result);
    }).catch(function (err) {
      panel.status.className = "run-status run-failed";
      panel.status.textContent = "Could not run: " + err.message;
    }).then(function () {
      l.running = false;
      l.runButton.disabled = false;
    });
  }

  function indentUnit(l) { return l.python ? "    " : "\t"; }

  // insert replaces the editor's selection with text, keeping the undo
  // history where the browser can.
  function insert(editor, text) {
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      editor.setRangeText(text, editor.selectionStart, editor.selectionEnd, "end");
    }
  }

  function onEditorKey(l, e) {
    var editor = l.editor;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run(l);
      return;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      l.runButton.focus(); // leave the editor: Tab indents inside it
      return;
    }
    if (e.key !== "Tab" || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    var unit = indentUnit(l);
    var v = editor.value, start = editor.selectionStart, end = editor.selectionEnd;
    var lineStart = v.lastIndexOf("\n", start - 1) + 1;
    if (!e.shiftKey && v.slice(start, end).indexOf("\n") < 0) {
      insert(editor, unit);
      return;
    }
    // Indent or outdent every line of the selection.
    var block = v.slice(lineStart, end);
    var changed = block.split("\n").map(function (line) {
      if (!e.shiftKey) return line === "" ? line : unit + line;
      if (line.indexOf(unit) === 0) return line.slice(unit.length);
      return line.replace(/^(\t| {1,4})/, "");
    }).join("\n");
    editor.setSelectionRange(lineStart, end);
    insert(editor, changed);
    editor.setSelectionRange(lineStart, lineStart + changed.length);
  }

  function openEditor(l, text, focus) {
    if (!l.editor) {
      var editor = el("textarea", "run-editor");
      editor.value = text;
      editor.spellcheck = false;
      editor.setAttribute("autocapitalize", "off");
      editor.setAttribute("autocomplete", "off");
      editor.setAttribute("autocorrect", "off");
      editor.setAttribute("wrap", "off");
      editor.setAttribute("aria-label", "Edit " + l.title + " (Tab indents, Escape leaves, Control+Enter runs)");
      editor.rows = Math.min(Math.max(text.split("\n").length + 1, 3), 40);
      editor.addEventListener("keydown", function (e) { onEditorKey(l, e); });
      editor.addEventListener("input", function () { saveDraft(l); });
      l.pre.hidden = true;
      l.pre.parentNode.insertBefore(editor, l.pre.nextSibling);
      l.editor = editor;
      l.editButton.setAttribute("aria-pressed", "true");
      l.editButton.disabled = true;
      l.resetButton.disabled = false;
    }
    if (focus) l.editor.focus();
  }

  function reset(l) {
    if (l.editor) {
      l.editor.parentNode.removeChild(l.editor);
      l.editor = null;
    }
    l.pre.hidden = false;
    l.editButton.setAttribute("aria-pressed", "false");
    l.editButton.disabled = false;
    l.resetButton.disabled = true;
    l.panel.root.hidden = true;
    saveDraft(l);
    l.editButton.focus();
  }

  function makePanel() {
    var root = el("div", "run-output");
    root.hidden = true;
    root.setAttribute("aria-live", "polite");
    var output = el("pre", "run-text");
    output.setAttribute("tabindex", "0");
    output.setAttribute("aria-label", "Output");
    var status = el("p", "run-status");
    var diff = el("div", "run-diff");
    diff.hidden = true;
    root.appendChild(output);
    root.appendChild(status);
    root.appendChild(diff);
    return { root: root, output: output, status: status, diff: diff };
  }

  function setupListing(div) {
    var pre = div.querySelector(":scope > pre");
    var note = div.querySelector(".run-note");
    if (!pre || !note) return null;
    var titleEl = div.querySelector(".listing-title");
    var file = div.getAttribute("data-file") || "";
    var lines = (div.getAttribute("data-lines") || "").split("-");
    var l = {
      div: div, pre: pre,
      target: div.getAttribute("data-run"),
      bare: bareName(file),
      python: div.getAttribute("data-lang") === "python",
      indent: div.getAttribute("data-indent") || "",
      first: Number(lines[0]) || 0,
      last: Number(lines[1]) || 0,
      title: titleEl ? titleEl.textContent.trim() : file,
      original: pre.textContent.replace(/\n$/, ""),
      editor: null, running: false, saveTimer: 0
    };
    l.lines = l.first > 0 && l.last >= l.first;
    l.key = l.bare + (l.lines ? "@" + l.first + "-" + l.last : "");
    var tools = el("span", "run-tools");
    var check = l.target === "exercise";
    l.runButton = button("run-button", check ? "Check" : "Run", (check ? "Check the exercise: run its tests on " : "Run ") + l.title);
    l.editButton = button("run-edit", "Edit", "Edit " + l.title);
    l.editButton.setAttribute("aria-pressed", "false");
    l.resetButton = button("run-reset", "Reset", "Reset " + l.title + " to the original");
    l.resetButton.disabled = true;
    tools.appendChild(l.runButton);
    tools.appendChild(l.editButton);
    tools.appendChild(l.resetButton);
    note.parentNode.replaceChild(tools, note);
    l.runButton.addEventListener("click", function () { run(l); });
    l.editButton.addEventListener("click", function () { openEditor(l, l.original, true); });
    l.resetButton.addEventListener("click", function () { reset(l); });
    l.panel = makePanel();
    div.appendChild(l.panel.root);
    return l;
  }

  function setupListings() {
    var divs = document.querySelectorAll(".listing[data-run]");
    var listings = [];
    for (var i = 0; i < divs.length; i++) {
      var l = setupListing(divs[i]);
      if (l) listings.push(l);
    }
    if (!listings.length || !chapter) return;
    // Bring back the reader's edits: the newer of the browser's copy and
    // the one on disk.
    function restore(disk) {
      listings.forEach(function (l) {
        var local = readLocal(l), remote = disk[l.key], best = local;
        if (remote && (!best || remote.saved > best.saved)) best = remote;
        if (best && typeof best.text === "string" && best.text !== l.original) openEditor(l, best.text, false);
      });
    }
    api("GET", "/api/draft?chapter=" + encodeURIComponent(chapter))
      .then(function (resp) { return resp.ok ? resp.json() : drain(resp).then(function () { return { drafts: {} }; }); })
      .then(function (body) { restore((body && body.drafts) || {}); }, function () { restore({}); });
  }

  function start() {
    document.documentElement.classList.add("live");
    restoreScroll();
    setupEvents();
    setupListings();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
