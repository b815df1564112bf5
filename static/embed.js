// evidence-article embed loader: defines <evidence-article> and exports mount().
// An external ES module (no inline script), so it works under a strict CSP:
//   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
// Stable file names: this file, evidence-article.js, evidence-article_bg.wasm and
// evidence-article.css sit side by side; copy dist/ to any static web server.
import init, { mountWidget } from './evidence-article.js';

const here = new URL('.', import.meta.url);
const STYLESHEET = new URL('evidence-article.css', here).href;
const FALLBACK = 'This article could not be shown: this page does not allow WebAssembly, '
  + 'or the browser does not support it. Ask the site owner to allow \'wasm-unsafe-eval\' in the Content-Security-Policy.';

let booting = null;
function boot() {
  booting ??= init({ module_or_path: new URL('evidence-article_bg.wasm', here) });
  return booting;
}

function fire(el, name, detail) {
  el.dispatchEvent(new CustomEvent(`evidence-article:${name}`, { bubbles: true, composed: true, detail }));
}

/** Text of an inline `<script type="application/json">` child, if any. */
function inlineArticle(el) {
  const s = el.querySelector(':scope > script[type="application/json"]');
  return s ? s.textContent : undefined;
}

function position(el) {
  return Array.prototype.indexOf.call(document.querySelectorAll('evidence-article'), el);
}

class EvidenceArticleElement extends HTMLElement {
  static get observedAttributes() { return ['src', 'audience', 'follow-up-href', 'share-state', 'fetch-timeout']; }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLESHEET;
      this._container = document.createElement('div');
      root.append(link, this._container);
    }
    this._mount();
  }

  disconnectedCallback() { this._unmount(); }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && this._container) {
      this._unmount();
      this._mount();
    }
  }

  /** The mount handle's setAudience, for hosts holding the element. */
  setAudience(id) { return this._handle ? this._handle.setAudience(String(id)) : false; }

  _unmount() {
    this._token = null;
    if (this._handle) { this._handle.destroy(); this._handle = null; }
  }

  async _mount() {
    const token = {};
    this._token = token;
    try {
      await boot();
    } catch (e) {
      if (this._token !== token) return;
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = 'ea-error ea-fallback';
      p.textContent = FALLBACK;
      this._container.replaceChildren(p);
      fire(this, 'error', { message: FALLBACK });
      return;
    }
    if (this._token !== token || !this.isConnected) return;
    this._handle = mountWidget(this._container, this, {
      article: inlineArticle(this),
      src: this.getAttribute('src') || undefined,
      audience: this.getAttribute('audience') || undefined,
      followUpHref: this.getAttribute('follow-up-href') || undefined,
      shareState: this.getAttribute('share-state') !== 'off',
      id: this.id || undefined,
      position: position(this),
      prefix: '',
      timeoutMs: Number(this.getAttribute('fetch-timeout')) || undefined,
    });
  }
}

if (!customElements.get('evidence-article')) customElements.define('evidence-article', EvidenceArticleElement);

/**
 * Mounts a widget into an element the host renders itself (light DOM; the host
 * links evidence-article.css). Returns { setAudience(id), destroy() }.
 * options: { article?: object|string, src?: string, audience?: string,
 *            followUpHref?: string, shareState?: boolean, id?: string }
 */
export async function mount(element, options = {}) {
  await boot();
  const handle = mountWidget(element, element, { ...options, position: options.position ?? 0 });
  return {
    setAudience: (id) => handle.setAudience(String(id)),
    destroy: () => handle.destroy(),
  };
}
