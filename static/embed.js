// evidence-article embed loader: defines <evidence-article> and exports mount().
// Each widget runs in its own WebAssembly instance of one compiled module.
// An external ES module (no inline script), so it works under a strict CSP:
//   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
// Stable file names: this file, evidence-article.js, evidence-article_bg.wasm and
// evidence-article.css sit side by side; copy dist/ to any static web server.
const here = new URL('.', import.meta.url);
const STYLESHEET = new URL('evidence-article.css', here).href;
const FALLBACK = 'This article could not be shown: this page does not allow WebAssembly, '
  + 'or the browser does not support it. Ask the site owner to allow \'wasm-unsafe-eval\' in the Content-Security-Policy.';

// The wasm is fetched and compiled once; every widget then gets its own instance
// (own memory, own state), so a failure in one widget cannot take the others down.
let compiled = null;
function compileModule() {
  compiled ??= (async () => {
    const res = await fetch(new URL('evidence-article_bg.wasm', here));
    if (!res.ok) throw new Error(`evidence-article: ${res.status} fetching the WebAssembly module`);
    const type = res.headers.get('content-type') || '';
    if (WebAssembly.compileStreaming && type.startsWith('application/wasm')) return WebAssembly.compileStreaming(res);
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  return compiled;
}

let instances = 0;
/** A fresh WebAssembly instance with its own copy of the JS glue. */
async function newInstance() {
  const module = await compileModule();
  const n = instances++;
  const glue = await import(`./evidence-article.js?ea-instance=${n}`);
  await glue.default({ module_or_path: module });
  return { glue, n };
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
    if (!this._container) {
      // Pre-rendered markup (the CLI's `render`) arrives as a declarative shadow root
      // with its stylesheet: keep it, so the widget hydrates it instead of replacing it.
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      // (`:scope` matches nothing in a shadow root's querySelector, hence children.)
      this._container = Array.prototype.find.call(root.children, (c) => c.hasAttribute('data-ea-prerendered'));
      if (!this._container) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = STYLESHEET;
        this._container = document.createElement('div');
        root.replaceChildren(link, this._container);
      }
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
    if (this._handle) {
      try { this._handle.destroy(); } catch { /* the instance may have failed; nothing to free */ }
      this._handle = null;
    }
  }

  async _mount() {
    const token = {};
    this._token = token;
    try {
      // One instance per element, kept across re-mounts (attribute changes).
      this._instance ??= newInstance();
      const { n } = await this._instance;
      this.dataset.eaInstance = String(n);
    } catch (e) {
      if (this._token !== token) return;
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = 'ea-error ea-fallback';
      p.textContent = FALLBACK;
      // A pre-rendered article stays readable: the note goes above it.
      if (this._container.hasAttribute('data-ea-prerendered')) this._container.before(p);
      else this._container.replaceChildren(p);
      fire(this, 'error', { message: FALLBACK });
      return;
    }
    if (this._token !== token || !this.isConnected) return;
    const { glue } = await this._instance;
    this._handle = glue.mountWidget(this._container, this, {
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
let mounts = 0;
export async function mount(element, options = {}) {
  const { glue, n } = await newInstance();
  element.dataset.eaInstance = String(n);
  const handle = glue.mountWidget(element, element, { ...options, position: options.position ?? 0, prefix: `ea${mounts++}-` });
  return {
    setAudience: (id) => handle.setAudience(String(id)),
    destroy: () => handle.destroy(),
  };
}
