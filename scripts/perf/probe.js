// In-page instrumentation for scripts/perf/bench.mjs, installed with addInitScript
// before any page script runs. Records paint, LCP, layout shifts and long tasks, the
// ready signals (the `data-ea-ready` attribute on the standalone mount, the
// `evidence-article:ready` event of each element), and every WebAssembly.Memory the
// page instantiates (by wrapping WebAssembly.instantiate*, so no glue change is
// needed). Exposes `window.__eaBench` with helpers the benchmark calls later.
(() => {
  if (window.__eaBench) return;
  const B = { fcp: null, lcp: null, cls: 0, longtasks: [], readyEvents: [], mountReady: null, memories: [] };
  window.__eaBench = B;
  const observe = (type, fn) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch { /* unsupported */ }
  };
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') B.fcp = e.startTime; });
  observe('largest-contentful-paint', (e) => { B.lcp = e.renderTime || e.loadTime || e.startTime; });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) B.cls += e.value; });
  observe('longtask', (e) => B.longtasks.push({ start: e.startTime, duration: e.duration }));

  new MutationObserver((recs) => {
    if (B.mountReady === null && recs.some((r) => r.attributeName === 'data-ea-ready')) B.mountReady = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ea-ready'] });
  document.addEventListener('evidence-article:ready', () => B.readyEvents.push(performance.now()), true);

  // Every WebAssembly.Memory exported by an instance this page creates.
  const keep = (inst) => {
    try {
      for (const v of Object.values((inst && inst.exports) || {})) {
        if (v instanceof WebAssembly.Memory && !B.memories.includes(v)) B.memories.push(v);
      }
    } catch { /* not an instance */ }
    return inst;
  };
  const wi = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) {
    return wi.apply(this, a).then((r) => { keep(r instanceof WebAssembly.Instance ? r : r.instance); return r; });
  };
  const wis = WebAssembly.instantiateStreaming;
  if (wis) WebAssembly.instantiateStreaming = function (...a) { return wis.apply(this, a).then((r) => { keep(r.instance); return r; }); };
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct: (t, args) => keep(Reflect.construct(t, args)) });

  /**
   * Milliseconds from navigation to interactive, or null while not yet. The kind of
   * signal is set by the benchmark (`window.__eaBenchReady`: 'mount', 'elements' or
   * 'paint'), else guessed from the page.
   */
  B.readyAt = () => {
    const kind = window.__eaBenchReady
      || (document.querySelector('evidence-article') ? 'elements' : document.getElementById('evidence-article') ? 'mount' : 'paint');
    if (kind === 'mount') return B.mountReady;
    const n = document.querySelectorAll('evidence-article').length;
    if (kind === 'elements') return n && B.readyEvents.length >= n ? B.readyEvents[n - 1] : null;
    // Plain HTML: usable once painted and parsed.
    const nav = performance.getEntriesByType('navigation')[0];
    if (B.fcp === null || !nav || !nav.domContentLoadedEventEnd) return null;
    return Math.max(B.fcp, nav.domContentLoadedEventEnd);
  };

  /** Resolves once ready and then quiet (no long task) for `quietMs`. */
  B.settled = (quietMs = 1000, capMs = 30000) => new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => {
      const ready = B.readyAt();
      const lastTask = B.longtasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
      const now = performance.now();
      if ((ready !== null && now - Math.max(ready, lastTask) >= quietMs) || now - t0 > capMs) resolve(ready);
      else setTimeout(check, 200);
    };
    check();
  });

  /** Load metrics; TBT counts long tasks after FCP (as Lighthouse does until TTI). */
  B.metrics = () => {
    const fcp = B.fcp ?? 0;
    const tbt = B.longtasks.filter((t) => t.start >= fcp).reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
    const longest = B.longtasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const wasm = B.memories.reduce((s, m) => s + m.buffer.byteLength, 0);
    const error = B.root()?.querySelector('.ea-error')?.textContent ?? null;
    return { fcp: B.fcp, lcp: B.lcp, cls: B.cls, ready: B.readyAt(), tbt, longest, wasmBytes: wasm, instances: B.memories.length, error };
  };

  /** The widget's DOM: the standalone mount, or the first element's shadow root. */
  B.root = () => {
    const el = document.getElementById('evidence-article') || document.querySelector('[data-ea-ready]')
      || document.querySelector('evidence-article');
    return el ? el.shadowRoot || el : null;
  };

  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // A message posted from a rAF callback runs after that frame's rendering.
  const afterPaint = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });

  /**
   * Runs `act` and returns the time until the frame that shows its last DOM change
   * has been rendered: the DOM is watched frame by frame until two frames pass with
   * no mutation (so work split over several tasks is counted in full). With `watch`
   * (a function returning a string that describes some of the DOM), returns
   * { all, watched }: `all` as without, `watched` the time until the first rendered
   * frame in which `watch()` already gave what it gives at the end (null if none).
   */
  B.timeIt = async (act, watch = null) => {
    // The act runs in a rAF callback, as a real click's handlers run at the start of
    // a frame: what it changes at once (Yew renders in a microtask) is shown by this
    // very frame. A message posted before the act is the first task after this
    // frame's rendering (older than any task the act queues), so it sees exactly what
    // this frame shows. Until session 11 the first check came at the next frame, and
    // every figure whose last change was made in the click's own render counted one
    // frame too many.
    await frame();
    const root = B.root();
    let muts = 0;
    const mo = new MutationObserver((r) => { muts += r.length; });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const rendered = afterPaint();
    const t0 = performance.now();
    act(root);
    let last = null;
    let quiet = 0;
    const seen = [];
    await rendered;
    mo.takeRecords().forEach(() => { muts += 1; });
    if (muts) {
      muts = 0;
      last = performance.now();
      if (watch) seen.push([last - t0, watch()]);
    }
    for (let f = 0; f < 600; f++) {
      await frame();
      if (muts) {
        muts = 0;
        quiet = 0;
        // Read here (after the rAF callbacks, before style and paint): what this frame shows.
        const shown = watch ? watch() : null;
        await afterPaint();
        last = performance.now();
        if (watch) seen.push([last - t0, shown]);
      } else if (last !== null && ++quiet >= 2) break;
    }
    mo.disconnect();
    const all = last === null ? null : last - t0;
    if (!watch) return all;
    const end = watch();
    return { all, watched: seen.find(([, shown]) => shown === end)?.[0] ?? null };
  };

  /** The widget's top-level sections, and the indexes of those (partly) in the viewport now. */
  const sections = (root) => [...root.querySelectorAll('.ea-body > .ea-section-host > .ea-section')];
  const sectionsOnScreen = (root) => sections(root).map((el, i) => [el.getBoundingClientRect(), i])
    .filter(([r]) => r.bottom > 0 && r.top < innerHeight).map(([, i]) => i);

  /** Waits (frame by frame) until `cond(root)` holds. */
  B.until = async (cond, maxFrames = 600) => {
    for (let f = 0; f < maxFrames; f++) {
      if (cond(B.root())) return true;
      await frame();
    }
    return false;
  };

  const q = (root, sel) => root.querySelector(sel);
  const popoverOpen = (root) => !!q(root, '.ea-popover');
  const markers = (root) => root.querySelectorAll('.ea-cite__btn');

  /** Click → rendered frame for: citation popover, audience switch, section toggle (or only one of them). */
  B.interactions = async (reps = 4, only = null) => {
    // audienceOnScreen: click → the frame in which the sections on screen show the new
    // audience (their text as it is once the whole switch is done).
    const out = { popover: [], audience: [], audienceOnScreen: [], section: [] };
    const root0 = B.root();
    const n = markers(root0).length;
    for (let i = 0; i < (only && only !== 'popover' ? 0 : reps); i++) {
      out.popover.push(await B.timeIt((r) => markers(r)[(i * 7) % n].click()));
      q(B.root(), '.ea-popover__close')?.click();
      await B.until((r) => !popoverOpen(r));
    }
    for (let i = 0; i < (only && only !== 'audience' ? 0 : reps); i++) {
      const to = i % 2 === 0 ? 'patient' : 'physician';
      const els = sectionsOnScreen(B.root());
      const text = () => { const all = sections(B.root()); return els.map((i) => all[i]?.textContent).join('\u0000'); };
      const t = await B.timeIt((r) => q(r, `input[type="radio"][value="${to}"]`).click(), text);
      out.audience.push(t.all);
      out.audienceOnScreen.push(els.length ? t.watched : null);
    }
    for (let i = 0; i < (only && only !== 'section' ? 0 : reps); i++) out.section.push(await B.timeIt((r) => q(r, '.ea-section__toggle').click()));
    return out;
  };

  /** 100 popover open/close cycles, then 20 audience switches (for memory growth). */
  B.cycles = async (popovers = 100, switches = 20) => {
    for (let i = 0; i < popovers; i++) {
      const r = B.root();
      const ms = markers(r);
      ms[i % ms.length].click();
      await B.until(popoverOpen);
      q(B.root(), '.ea-popover__close').click();
      await B.until((x) => !popoverOpen(x));
    }
    for (let i = 0; i < switches; i++) {
      const to = i % 2 === 0 ? 'patient' : 'physician';
      const label = (r) => q(r, '.ea-picker__current')?.textContent;
      const before = label(B.root());
      q(B.root(), `input[type="radio"][value="${to}"]`).click();
      await B.until((r) => label(r) !== before);
      await frame();
    }
  };

  /** Elements in the widget (light DOM or shadow root). */
  B.nodes = () => (B.root() ? B.root().querySelectorAll('*').length : document.querySelectorAll('*').length);
})();
