// Served as /__engines-probe.js and placed first in the <head> of the pages the engine
// smoke suite opens (the strict CSP allows 'self' scripts). It records, in every
// engine alike, what a reader would call a broken page: console errors, uncaught
// errors and rejections, failed resource loads and CSP violations; it also counts the
// widgets' ready events and offers two lookups the tests run in the page.
(() => {
  /** @type {{ errors: string[], ready: string[], q: (sel: string) => Element | null, activeId: () => string | null }} */
  const probe = {
    errors: [],
    ready: [],
    // `a >>> b`: `b` inside the shadow root of `a` (the custom element).
    q(sel) {
      let scope = document;
      let el = null;
      for (const part of sel.split('>>>')) {
        if (el) scope = el.shadowRoot;
        if (!scope) return null;
        el = scope.querySelector(part.trim());
        if (!el) return null;
      }
      return el;
    },
    // Id of the focused element, looking through shadow roots.
    activeId() {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return a ? a.id : null;
    },
  };
  window.__eaProbe = probe;
  const error = console.error;
  console.error = function (...args) {
    probe.errors.push('console.error: ' + args.map(String).join(' '));
    return error.apply(this, args);
  };
  addEventListener('error', (e) => {
    const t = e.target;
    probe.errors.push(t && t !== window ? `failed to load: ${t.src || t.href || t.nodeName}` : `uncaught: ${e.message}`);
  }, true);
  addEventListener('unhandledrejection', (e) => probe.errors.push(`unhandled rejection: ${String(e.reason)}`));
  document.addEventListener('securitypolicyviolation', (e) => probe.errors.push(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  document.addEventListener('evidence-article:ready', (e) => probe.ready.push(e.target.id));
})();
