// stepper.js: replays the recorded steps of an event loop, one at a time, in
// every [data-stepper] element of the page: the clock, the task running, the
// ready queue, the timers and the output, with a sentence for each step.
//
// The steps come from the markup that chapters/internal/stepper writes (a
// <li data-step> each; see "The site's markup" in CONTRIBUTING.md). This
// script builds the controls: buttons [data-stepper-action] first, prev,
// play, next and last, a scrubber, [data-stepper-clock] and
// [data-stepper-step]. Without it the page shows the steps as a list.
//
// No dependencies; works from file:// and under the page's
// Content-Security-Policy (it sets no inline style and runs no inline code).
(function () {
  "use strict";

  var roots = document.querySelectorAll("[data-stepper]");
  if (!roots.length) return;

  var PLAY_MS = 1500; // per step while playing
  var reduced = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function texts(parent, selector) {
    var out = [];
    var nodes = parent.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) out.push(nodes[i].textContent);
    return out;
  }

  // readSteps reads the steps from the list items, and adds to each the
  // output printed so far.
  function readSteps(root) {
    var items = root.querySelectorAll("li[data-step]");
    var steps = [], output = [];
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var ready = li.querySelector("[data-ready]");
      var timerNodes = li.querySelectorAll("[data-timers] code[data-at]");
      var timers = [];
      for (var j = 0; j < timerNodes.length; j++) {
        timers.push({ at: timerNodes[j].getAttribute("data-at"), name: timerNodes[j].textContent });
      }
      var printed = texts(li, "[data-out]");
      output = output.concat(printed);
      var head = li.querySelector("strong");
      steps.push({
        item: li,
        kind: li.getAttribute("data-kind") || "",
        iteration: li.getAttribute("data-iteration") || "0",
        time: li.getAttribute("data-time") || "",
        runs: li.getAttribute("data-runs") || "",
        head: head ? head.textContent : "",
        say: li.querySelector(".stepper-say"),
        ready: ready ? texts(ready, "code") : [],
        pending: ready ? parseInt(ready.getAttribute("data-pending"), 10) || 0 : 0,
        timers: timers,
        output: output.slice(),
        fresh: printed.length
      });
    }
    return steps;
  }

  // What the "Running" panel says for steps in which no task or callback runs.
  var loopDoing = {
    start: "Run: the loop has not started",
    wait: "the loop: waiting, collecting timers",
    shutdown: "Run: cancelling the tasks left",
    end: "nothing: Run has returned"
  };

  function panel(board, title, className) {
    var section = el("div", "stepper-panel " + className);
    section.appendChild(el("p", "stepper-label", title));
    board.appendChild(section);
    return section;
  }

  // button makes a control: a symbol and a short text, which narrow screens
  // hide; label, its accessible name, says it in full.
  function button(action, symbol, text, label, key) {
    var b = el("button", "stepper-button");
    b.type = "button";
    b.setAttribute("data-stepper-action", action);
    b.setAttribute("aria-label", label);
    b.title = label + (key ? " (" + key + ")" : "");
    var icon = el("span", "stepper-icon", symbol);
    icon.setAttribute("aria-hidden", "true");
    b.appendChild(icon);
    var t = el("span", "stepper-button-text", text);
    t.setAttribute("aria-hidden", "true");
    b.appendChild(t);
    return b;
  }

  function setup(root) {
    var steps = readSteps(root);
    if (!steps.length) return;
    var n = steps.length;
    var current = 0, timer = 0, playing = false, autoplaying = false, touched = false;

    // The view: status line, board, sentence, controls.
    var view = el("div", "stepper-view");
    var status = el("div", "stepper-status");
    var clockBox = el("span", "stepper-clock-box", "Clock ");
    var clock = el("span", "stepper-clock");
    clock.setAttribute("data-stepper-clock", "");
    clockBox.appendChild(clock);
    var iteration = el("span", "stepper-iteration");
    var count = el("span", "stepper-count");
    count.setAttribute("data-stepper-step", "");
    status.appendChild(clockBox);
    status.appendChild(iteration);
    status.appendChild(count);

    var board = el("div", "stepper-board");
    var running = el("div", "stepper-running");
    panel(board, "Running", "stepper-panel-running").appendChild(running);
    var queue = el("ol", "stepper-queue");
    queue.setAttribute("aria-label", "Ready queue, first to run first");
    panel(board, "Ready queue", "stepper-panel-ready").appendChild(queue);
    var heap = el("ol", "stepper-timers");
    heap.setAttribute("aria-label", "Timers, earliest first");
    panel(board, "Timers", "stepper-panel-timers").appendChild(heap);
    var out = el("pre", "stepper-output");
    panel(board, "Output", "stepper-panel-output").appendChild(out);

    var say = el("p", "stepper-sentence");
    say.setAttribute("aria-live", "polite");

    var controls = el("div", "stepper-controls");
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", "Step through the run");
    var first = button("first", "«", "First", "First step", "Home");
    var prev = button("prev", "‹", "Back", "Previous step", "Left arrow");
    var play = button("play", "▶", "Play", "Play", "");
    var next = button("next", "›", "Next", "Next step", "Right arrow");
    var last = button("last", "»", "Last", "Last step", "End");
    var scrub = el("input", "stepper-scrubber");
    scrub.type = "range";
    scrub.min = "1";
    scrub.max = String(n);
    scrub.step = "1";
    scrub.setAttribute("aria-label", "Step");
    [first, prev, play, next, last, scrub].forEach(function (c) { controls.appendChild(c); });

    view.appendChild(status);
    view.appendChild(board);
    view.appendChild(say);
    view.appendChild(controls);

    function chip(text, className) {
      var li = el("li", "stepper-chip" + (className ? " " + className : ""));
      li.appendChild(el("code", "", text));
      return li;
    }

    function draw(k, announce) {
      var s = steps[k], before = k > 0 ? steps[k - 1] : null;
      clock.textContent = s.time;
      iteration.textContent = s.kind === "start" ? "Before the first iteration"
        : (s.kind === "shutdown" || s.kind === "end") ? "After iteration " + s.iteration
        : "Iteration " + s.iteration;
      count.textContent = "Step " + (k + 1) + " of " + n;
      clock.classList.toggle("stepper-changed", !!before && before.time !== s.time);

      running.textContent = "";
      if (s.runs) {
        running.appendChild(chip(s.runs, "stepper-chip-running " + (s.kind === "callback" ? "is-callback" : "is-task")));
        running.appendChild(el("span", "stepper-kind", s.kind === "callback" ? "callback" : "task"));
      } else {
        running.appendChild(el("span", "stepper-loop", loopDoing[s.kind] || s.kind));
      }

      // The ready queue: the entries of this iteration, a divider, then the
      // entries that wait for the next one. New entries are marked.
      queue.textContent = "";
      var had = before ? before.ready.slice() : [];
      for (var i = 0; i < s.ready.length; i++) {
        if (i === s.pending && s.kind !== "end") {
          var divider = el("li", "stepper-divider", "next iteration");
          queue.appendChild(divider);
        }
        var name = s.ready[i], at = had.indexOf(name);
        if (at >= 0) had.splice(at, 1);
        queue.appendChild(chip(name, at < 0 ? "is-new" : ""));
      }
      if (!s.ready.length) queue.appendChild(el("li", "stepper-empty", "empty"));

      heap.textContent = "";
      var hadTimers = before ? before.timers.map(function (t) { return t.at + " " + t.name; }) : [];
      for (var j = 0; j < s.timers.length; j++) {
        var tm = s.timers[j];
        var li = chip(tm.name, hadTimers.indexOf(tm.at + " " + tm.name) < 0 ? "is-new" : "");
        var when = el("span", "stepper-at", tm.at);
        li.insertBefore(when, li.firstChild);
        heap.appendChild(li);
      }
      if (!s.timers.length) heap.appendChild(el("li", "stepper-empty", "none"));

      out.textContent = "";
      for (var m = 0; m < s.output.length; m++) {
        var line = el("span", m >= s.output.length - s.fresh ? "stepper-line is-new" : "stepper-line", s.output[m]);
        out.appendChild(line);
        out.appendChild(document.createTextNode("\n"));
      }
      if (!s.output.length) out.appendChild(el("span", "stepper-empty", "nothing yet"));

      // The sentence: the step's head and its words, copied from the list.
      say.textContent = "";
      say.appendChild(el("strong", "", s.head + " "));
      if (s.say) {
        for (var c = s.say.firstChild; c; c = c.nextSibling) say.appendChild(c.cloneNode(true));
      }
      say.setAttribute("aria-live", announce ? "polite" : "off");

      for (var q = 0; q < n; q++) steps[q].item.classList.toggle("is-current", q === k);

      first.disabled = prev.disabled = k === 0;
      next.disabled = last.disabled = k === n - 1;
      scrub.value = String(k + 1);
      scrub.setAttribute("aria-valuetext", "Step " + (k + 1) + " of " + n + ", " + s.head);
    }

    function go(k, announce) {
      current = Math.max(0, Math.min(n - 1, k));
      draw(current, announce);
    }

    function setPlaying(on, auto) {
      playing = on;
      autoplaying = on && !!auto;
      window.clearTimeout(timer);
      root.setAttribute("data-playing", on ? "true" : "false");
      play.setAttribute("aria-label", on ? "Pause" : "Play");
      play.title = on ? "Pause" : "Play";
      play.querySelector(".stepper-icon").textContent = on ? "❚❚" : "▶";
      play.querySelector(".stepper-button-text").textContent = on ? "Pause" : "Play";
      if (on) timer = window.setTimeout(tick, PLAY_MS);
    }

    function tick() {
      if (!playing) return;
      go(current + 1, !autoplaying);
      if (current >= n - 1) setPlaying(false);
      else timer = window.setTimeout(tick, PLAY_MS);
    }

    // Any action of the reader takes over from autoplay.
    function act(f) {
      return function (e) {
        touched = true;
        f(e);
      };
    }

    first.addEventListener("click", act(function () { setPlaying(false); go(0, true); }));
    prev.addEventListener("click", act(function () { setPlaying(false); go(current - 1, true); }));
    next.addEventListener("click", act(function () { setPlaying(false); go(current + 1, true); }));
    last.addEventListener("click", act(function () { setPlaying(false); go(n - 1, true); }));
    play.addEventListener("click", act(function () {
      if (playing) { setPlaying(false); draw(current, true); return; }
      if (current >= n - 1) go(0, true);
      setPlaying(true, false);
    }));
    scrub.addEventListener("input", act(function () {
      setPlaying(false);
      go(parseInt(scrub.value, 10) - 1, true);
    }));

    // The arrow keys step the stepper while focus is inside it (site.js
    // leaves them alone there); the scrubber handles its own keys.
    root.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
      if (e.target === scrub) return;
      var to = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      touched = true;
      setPlaying(false);
      go(to, true);
    });

    // Autoplay, once, when the stepper first comes into view, unless the
    // reader prefers reduced motion or has used the controls. It pauses when
    // the stepper leaves the view, and announces nothing: the reader did not
    // ask for it.
    if ("IntersectionObserver" in window) {
      var seen = false;
      var observer = new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        if (!e.isIntersecting) {
          if (autoplaying) setPlaying(false);
          return;
        }
        // In view: most of it, or most of the screen for a tall stepper.
        var screen = e.rootBounds ? e.rootBounds.height : window.innerHeight;
        if (e.intersectionRatio < 0.6 && e.intersectionRect.height < 0.6 * screen) return;
        if (seen) return;
        seen = true;
        root.setAttribute("data-stepper-seen", "");
        if (touched || (reduced && reduced.matches) || current >= n - 1) return;
        setPlaying(true, true);
      }, { threshold: [0, 0.2, 0.4, 0.6, 0.8, 1] });
      observer.observe(root);
    }
    if (reduced) {
      var stop = function () { if (reduced.matches && autoplaying) setPlaying(false); };
      if (reduced.addEventListener) reduced.addEventListener("change", stop);
      else if (reduced.addListener) reduced.addListener(stop);
    }

    // Draw the first step before the view joins the page, so that the live
    // region does not announce it on load.
    setPlaying(false);
    go(0, true);
    var caption = root.querySelector("figcaption");
    root.insertBefore(view, caption ? caption.nextSibling : root.firstChild);
    root.classList.add("stepper-on");
  }

  for (var i = 0; i < roots.length; i++) setup(roots[i]);
})();
