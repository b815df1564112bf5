// Page-side accessibility probe for a11y.test.mjs, injected with addInitScript (not
// subject to the page's CSP). It measures what axe does not: computed text and
// boundary contrast, target sizes, reflow/clipping/overlap, focus-indicator contrast
// and occlusion at each Tab stop, and running animations. One call checks a whole
// state and returns a list of problems (strings) per check, so the test makes few
// round trips. Colours are resolved through a canvas, so any CSS colour syntax works.
(() => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const cache = new Map();
  /** CSS colour → [r, g, b, a] (a in 0..1). */
  function rgba(c) {
    if (cache.has(c)) return cache.get(c);
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    const out = a === 0 ? [0, 0, 0, 0] : [r * 255 / a, g * 255 / a, b * 255 / a, a / 255].map((v, i) => (i < 3 ? Math.round(v) : v));
    cache.set(c, out);
    return out;
  }
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const parentOf = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  /** The opaque colour behind `el`'s content (its own background composited over its ancestors'). */
  function background(el) {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let out = [255, 255, 255, 1];
    const canvasColour = getComputedStyle(document.documentElement).colorScheme === 'dark' ? [18, 18, 18, 1] : out;
    out = canvasColour;
    for (let i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
    return out;
  }
  const name = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
  };
  /** Laid out and clickable (an opacity-0 control is still a target). */
  const present = (el) => el.checkVisibility({ checkVisibilityCSS: true }) && !el.closest('.ea-visually-hidden') && el.getBoundingClientRect().width > 1;
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
    && !el.closest('.ea-visually-hidden') && el.getBoundingClientRect().width > 1;
  /** Every element under the roots (light DOM of each root; roots may be in shadow trees). */
  const all = (roots) => roots.flatMap((r) => [r, ...r.querySelectorAll('*')]);
  const CONTROLS = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=radio], [tabindex]:not([tabindex="-1"])';

  /** Renders what content-visibility: auto skips off screen, or stops (helpers.mjs `onScreenInPage`, injected before this probe as `window.__eaOnScreen`). */
  const onScreen = (on) => window.__eaOnScreen(on);
  function roots(o) {
    if (o.scope) {
      const found = [];
      for (const host of [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)]) {
        found.push(...host.querySelectorAll(o.scope));
      }
      return found;
    }
    return [document.querySelector('.ea-root'), ...[...document.querySelectorAll('evidence-article')]
      .map((h) => h.shadowRoot && h.shadowRoot.querySelector('.ea-root'))].filter(Boolean);
  }

  function textContrast(rs) {
    const out = [];
    for (const el of all(rs)) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !visible(el)) continue;
      const cs = getComputedStyle(el);
      const bg = background(el);
      const fg = over(rgba(cs.color), bg);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      const r = ratio(fg, bg);
      if (r < (large ? 3 : 4.5) - 0.01) out.push(`${name(el)}: text ${r.toFixed(2)}:1 (${cs.color} on rgb(${bg.slice(0, 3)}))`);
    }
    return out;
  }

  function boundaries(rs) {
    const out = [];
    for (const el of all(rs)) {
      if (!el.matches('button, input, select, textarea, [role=button], .ea-popover') || !visible(el)) continue;
      const cs = getComputedStyle(el);
      const outside = background(parentOf(el));
      const own = rgba(cs.backgroundColor);
      const bw = parseFloat(cs.borderTopWidth);
      const hasBorder = cs.borderTopStyle !== 'none' && bw >= 1 && rgba(cs.borderTopColor)[3] > 0;
      const hasFill = own[3] > 0 && ratio(over(own, outside), outside) > 1.05;
      if (!hasBorder && !hasFill) continue; // text only: the text identifies it
      const viaBorder = hasBorder ? ratio(over(rgba(cs.borderTopColor), outside), outside) : 0;
      const viaFill = hasFill ? ratio(over(own, outside), outside) : 0;
      if (Math.max(viaBorder, viaFill) < 2.99) {
        out.push(`${name(el)}: boundary ${Math.max(viaBorder, viaFill).toFixed(2)}:1 (border ${hasBorder ? cs.borderTopColor : 'none'}, fill ${cs.backgroundColor})`);
      }
    }
    return out;
  }

  /** Non-inline targets ≥ 24×24 CSS px (WCAG 2.5.8); targets inside a line of text are exempt. */
  function targets(rs) {
    const out = [];
    let n = 0;
    for (const el of all(rs)) {
      if (!el.matches(CONTROLS)) continue;
      // An input's label is part of its target (pressing the label activates it).
      const label = el.matches('input') && el.labels && el.labels[0];
      const box = label && el.getBoundingClientRect().width <= 1 ? label : el;
      if (!present(box)) continue;
      const cs = getComputedStyle(box);
      const parent = parentOf(box);
      const inSentence = cs.display === 'inline' && parent
        && [...parent.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
      if (inSentence) continue;
      n += 1;
      let r = box.getBoundingClientRect();
      if (label && box === el) {
        const l = label.getBoundingClientRect();
        const [left, top] = [Math.min(r.left, l.left), Math.min(r.top, l.top)];
        r = { width: Math.max(r.right, l.right) - left, height: Math.max(r.bottom, l.bottom) - top };
      }
      if (r.width < 23.5 || r.height < 23.5) out.push(`${name(el)}: ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
    }
    return { out, n };
  }

  /** Reflow, clipping and overlap: no horizontal scroll, nothing outside the viewport or cut by an overflow box, no sibling boxes overlapping, no text spilling out of its box. */
  function layout(rs) {
    const out = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth + 1) out.push(`horizontal scroll: ${de.scrollWidth} > ${de.clientWidth}`);
    for (const el of all(rs)) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (cs.position !== 'fixed' && (r.right > de.clientWidth + 1 || r.left < -1)) out.push(`${name(el)}: outside the viewport (${r.left.toFixed(0)}..${r.right.toFixed(0)})`);
      if (/hidden|clip/.test(cs.overflowX + cs.overflowY)) {
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(`${name(el)}: content cut (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
      if (/auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.querySelector('table')) out.push(`${name(el)}: scrolls sideways`);
      // Text spilling out of its own box (e.g. a fixed height under larger spacing).
      const range = document.createRange();
      for (const t of el.childNodes) {
        if (t.nodeType !== 3 || !t.textContent.trim()) continue;
        range.selectNodeContents(t);
        const tr = range.getBoundingClientRect();
        if (cs.display !== 'inline' && (tr.bottom > r.bottom + 2 || tr.right > r.right + 2 || tr.top < r.top - 2)) {
          out.push(`${name(el)}: text outside its box`);
          break;
        }
      }
      // Consecutive in-flow block-level children must not overlap.
      const kids = [...el.children].filter((k) => {
        const ks = getComputedStyle(k);
        return ks.display !== 'inline' && ks.display !== 'contents' && !/absolute|fixed/.test(ks.position) && visible(k) && !k.matches('[popover]');
      });
      for (let i = 1; i < kids.length; i++) {
        const a = kids[i - 1].getBoundingClientRect();
        const b = kids[i].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push(`${name(kids[i - 1])} overlaps ${name(kids[i])}`);
      }
    }
    return out;
  }

  function motion(rs) {
    const running = [document, ...rs.map((r) => r.getRootNode()).filter((r) => r instanceof ShadowRoot)]
      .flatMap((d) => d.getAnimations()).filter((a) => a.playState === 'running');
    const out = running.map((a) => `running ${a.constructor.name} ${a.animationName || a.transitionProperty || ''} on ${a.effect && a.effect.target ? name(a.effect.target) : '?'}`);
    for (const el of all(rs)) {
      const cs = getComputedStyle(el);
      const longest = (v) => Math.max(...v.split(',').map((s) => parseFloat(s) * (s.trim().endsWith('ms') ? 1 : 1000)));
      if (longest(cs.transitionDuration) > 0 || (cs.animationName !== 'none' && longest(cs.animationDuration) > 0)) {
        out.push(`${name(el)}: transition ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}`);
      }
    }
    return out;
  }

  const deepActive = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  /** The focused element: inside the widget? its indicator's contrast; covered at its centre? */
  function focusStop() {
    const el = deepActive();
    const rs = roots({});
    const inside = !!el && el !== document.body && rs.some((r) => r.contains(el) || (el.closest('[popover]') && r.getRootNode().contains(el)));
    if (!inside) return { inside: false, name: el ? name(el) : null };
    const problems = [];
    const cs = getComputedStyle(el);
    const outlineW = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth);
    if (outlineW < 2) problems.push(`${name(el)}: no visible focus outline (${cs.outlineStyle} ${cs.outlineWidth})`);
    else {
      const behind = parseFloat(cs.outlineOffset) > 0 || !parentOf(el) ? background(parentOf(el) || el) : background(el);
      const r = ratio(over(rgba(cs.outlineColor), behind), behind);
      if (r < 2.99) problems.push(`${name(el)}: focus outline ${r.toFixed(2)}:1 against rgb(${behind.slice(0, 3)})`);
    }
    // A link wrapped over two lines: the centre of its first line box, not of its bounding box.
    const box = cs.display === 'inline' ? el.getClientRects()[0] : el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const hit = el.getRootNode().elementFromPoint(x, y);
    if (!(hit === el || (hit && el.contains(hit)))) problems.push(`${name(el)}: covered at its centre (${x.toFixed(0)},${y.toFixed(0)}) by ${hit ? name(hit) : 'nothing (off screen)'}`);
    return { inside: true, name: name(el), key: el.id || name(el), problems };
  }

  /** Controls a Tab walk must reach, in document order (one stop per radio group: the checked radio). */
  function tabbables() {
    const seenGroups = new Map(); // root node → radio group names seen there
    const out = [];
    for (const el of all(roots({}))) {
      if (!el.matches(CONTROLS) || el.matches(':disabled') || el.closest('[inert]')) continue;
      if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
      if (el.matches('input[type=radio]')) {
        const root = el.getRootNode();
        if (!seenGroups.has(root)) seenGroups.set(root, new Set());
        if (seenGroups.get(root).has(el.name)) continue;
        seenGroups.get(root).add(el.name);
        const checked = root.querySelector(`input[type=radio][name="${el.name}"]:checked`);
        out.push(name(checked || el));
        continue;
      }
      out.push(name(el));
    }
    return out;
  }

  /** Focuses every control in turn (as the keyboard would: focus-visible, scrolled into view) and checks each stop. */
  function focusAll(reverse) {
    const problems = [];
    let n = 0;
    const list = all(roots({}));
    // Backwards (as Shift+Tab) the page scrolls up, so a sticky host header can cover the stop.
    if (reverse) list.reverse();
    for (const el of list) {
      if (!el.matches(CONTROLS) || el.matches(':disabled') || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      if (el.matches('input[type=radio]:not(:checked)')) continue;
      el.focus({ focusVisible: true });
      if (deepActive() !== el) { problems.push(`${name(el)}: cannot take focus`); continue; }
      n += 1;
      problems.push(...focusStop().problems);
    }
    deepActive()?.blur();
    return { problems, n };
  }

  /** Records where sequential focus navigation goes: stops inside the widget(s), until focus first leaves them. */
  function recordTabs() {
    const rec = { stops: [], entered: false, left: false, presses: 0 };
    const inside = (el) => !!el && roots({}).some((r) => r.contains(el) || r.getRootNode().contains(el) && !!el.closest('[popover]'));
    let last = null;
    const onIn = () => {
      if (rec.left) return;
      const el = deepActive();
      if (el === last) return; // the same move seen by the document and by a shadow root
      last = el;
      if (inside(el)) { rec.entered = true; rec.stops.push(name(el)); } else if (rec.entered) { rec.left = true; rec.leftTo = el ? name(el) : null; }
    };
    const onOut = (e) => { if (rec.entered && !rec.left && !e.relatedTarget) setTimeout(() => { if (!inside(deepActive())) { rec.left = true; rec.leftTo = 'outside the page'; } }); };
    // A move inside one shadow tree is not seen by the document (target = relatedTarget = host).
    const places = [document, ...roots({}).map((r) => r.getRootNode()).filter((r) => r instanceof ShadowRoot)];
    for (const p of places) { p.addEventListener('focusin', onIn, true); p.addEventListener('focusout', onOut, true); }
    rec.stop = () => { for (const p of places) { p.removeEventListener('focusin', onIn, true); p.removeEventListener('focusout', onOut, true); } };
    window.__eaTabs = rec;
  }

  const TRIGGERS = '.ea-cite__btn, .ea-term';
  const triggers = () => all(roots({})).filter((e) => e.matches(TRIGGERS) && e.checkVisibility({ checkVisibilityCSS: true }));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  async function poll(fn, what) {
    for (let i = 0; i < 300; i++) { if (fn()) return true; await frame(); }
    throw new Error(`timed out waiting for ${what}`);
  }
  const dialogs = () => [document, ...roots({}).map((r) => r.getRootNode())].flatMap((d) => [...d.querySelectorAll('[role=dialog]')]);

  window.__eaProbe = {
    rgba, ratio, focusStop, tabbables, focusAll, recordTabs,
    /** Popover triggers in document order: [key, ...]; `distinct` keeps the first per reference / term. */
    triggers(distinct) {
      const seen = new Set();
      return triggers().map((e, i) => {
        const key = e.matches('.ea-cite__btn') ? `reference ${e.dataset.ref}` : `term "${e.textContent.trim()}"`;
        if (distinct && seen.has(key)) return null;
        seen.add(key);
        return { i, key };
      }).filter(Boolean);
    },
    /** Focuses and presses trigger `i` (as Enter would), waits for its dialog, runs `checks` scoped to it. */
    async openPopover(i, checks) {
      const el = triggers()[i];
      el.focus({ focusVisible: true });
      el.click();
      // No waiting after it shows: Escape must work as soon as the popover is visible.
      await poll(() => dialogs().some((d) => d.checkVisibility()), 'the popover');
      window.__eaTrigger = el;
      return checks.length ? this.state({ scope: '.ea-popover', checks }) : null;
    },
    /** After Escape: the dialog is gone and focus is back on the trigger. */
    async afterEscape() {
      const closed = await poll(() => !dialogs().some((d) => d.checkVisibility()), 'the popover to close').catch(() => false);
      // Focus returns in the widget's effect after the closing render: on a loaded
      // machine that can be a frame or more after the popover is hidden.
      const focusBack = closed && await poll(() => deepActive() === window.__eaTrigger, 'focus to return').catch(() => false);
      const t = window.__eaTrigger;
      return { closed, focusBack, focus: deepActive() ? name(deepActive()) : null, trigger: `${name(t)}${t.isConnected ? '' : ' (no longer in the document)'}` };
    },
    /** Runs the named checks on the state; returns { check: problems[] } and counts. */
    async state(o) {
      const rs = roots(o);
      const res = {};
      let targetCount = 0;
      // Off screen, top-level sections and the reference list skip rendering
      // (content-visibility: auto) and have no layout to measure or hit-test: the
      // checks see them as a reader does once they are on screen (rendered, with the
      // same containment).
      onScreen(true);
      try {
        return await this.checks(o, rs, res, targetCount);
      } finally {
        onScreen(false);
      }
    },
    /** The checks of `state`, on content as rendered on screen. */
    async checks(o, rs, res, targetCount) {
      if (o.checks.includes('axe')) {
        const context = o.axeInclude ? { include: [o.axeInclude] } : o.scope ? { include: rs.map((r) => (r.getRootNode() instanceof ShadowRoot ? { fromShadowDom: [`#${r.getRootNode().host.id}`, o.scope] } : o.scope)) } : document;
        const r = await window.axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
        res.axe = r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
      }
      if (o.checks.includes('contrast')) res.contrast = textContrast(rs).concat(boundaries(rs));
      if (o.checks.includes('targets')) { const t = targets(rs); res.targets = t.out; targetCount = t.n; }
      if (o.checks.includes('layout')) res.layout = layout(rs);
      if (o.checks.includes('motion')) res.motion = motion(rs);
      return { res, roots: rs.length, targetCount };
    },
    /** WCAG 1.4.12 text spacing, applied by a constructable sheet (allowed by a strict CSP) to the page and every shadow root. */
    textSpacing(on) {
      const css = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
      const places = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
      for (const p of places) {
        p.adoptedStyleSheets = p.adoptedStyleSheets.filter((s) => !s.__eaSpacing);
        if (on) { const s = new CSSStyleSheet(); s.replaceSync(css); s.__eaSpacing = true; p.adoptedStyleSheets = [...p.adoptedStyleSheets, s]; }
      }
    },
  };
})();
