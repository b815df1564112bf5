// evidence-article embed loader: defines <evidence-article> and exports mount().
// Each widget runs in its own WebAssembly instance of one compiled module.
// An external ES module (no inline script), so it works under a strict CSP:
//   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
// Stable file names: this file, evidence-article.js, evidence-article_bg.wasm and
// evidence-article.css sit side by side; copy dist/ to any static web server.
const here = new URL('.', import.meta.url);
const STYLESHEET = new URL('evidence-article.css', here).href;
const CSP_MESSAGE = 'This article could not be shown: this page does not allow WebAssembly, '
  + 'or the browser does not support it. Ask the site owner to allow \'wasm-unsafe-eval\' in the Content-Security-Policy.';
const NETWORK_MESSAGE = 'This article could not be loaded: the network or the server did not answer.';
/** Automatic retries of a transient failure (network error, 5xx, 408, 429), in ms. */
const BACKOFF_MS = [500, 2000];

/** Why the module could not be had: `csp` (WebAssembly refused or missing) or `network`. */
class LoadFailure extends Error {
  /** @param {'csp' | 'network'} kind @param {string} message @param {boolean} transient */
  constructor(kind, message, transient = false) {
    super(message);
    this.kind = kind;
    this.transient = transient;
  }
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether this page may run WebAssembly at all (CSP, browser support). Instantiates an
 * empty module: Chromium and Firefox refuse a CSP without 'wasm-unsafe-eval' when
 * compiling, WebKit only when instantiating.
 */
async function wasmAllowed() {
  if (typeof WebAssembly !== 'object') return false;
  try {
    await WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return true;
  } catch {
    return false;
  }
}

/** One attempt: fetch and compile. */
async function fetchAndCompile() {
  if (!(await wasmAllowed())) throw new LoadFailure('csp', CSP_MESSAGE);
  let res;
  try {
    res = await fetch(new URL('evidence-article_bg.wasm', here));
  } catch {
    throw new LoadFailure('network', NETWORK_MESSAGE, true);
  }
  if (!res.ok) {
    const transient = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new LoadFailure('network', `${NETWORK_MESSAGE} (The server answered ${res.status}.)`, transient);
  }
  try {
    const type = res.headers.get('content-type') || '';
    if (WebAssembly.compileStreaming && type.startsWith('application/wasm')) return await WebAssembly.compileStreaming(res);
    return await WebAssembly.compile(await res.arrayBuffer());
  } catch {
    // Compiling is allowed (checked above): the bytes were cut short or wrong.
    throw new LoadFailure('network', NETWORK_MESSAGE, true);
  }
}

// The wasm is fetched and compiled once; every widget then gets its own instance
// (own memory, own state), so a failure in one widget cannot take the others down.
// A failure is not kept: the next widget, or "Try again", fetches afresh.
/** @type {Promise<WebAssembly.Module> | null} */
let compiled = null;
function compileModule() {
  if (!compiled) {
    const attempt = (async () => {
      for (let i = 0; ; i += 1) {
        try {
          return await fetchAndCompile();
        } catch (e) {
          if (!(e instanceof LoadFailure && e.transient) || i >= BACKOFF_MS.length) throw e;
          await sleep(BACKOFF_MS[i]);
        }
      }
    })();
    compiled = attempt;
    attempt.catch(() => { if (compiled === attempt) compiled = null; });
  }
  return compiled;
}

/**
 * What the generated glue (evidence-article.js) exports that we use.
 * @typedef {{
 *   setAudience(id: string): boolean,
 *   setDefaultAudience(id: string): void,
 *   readerState(): string | undefined,
 *   destroy(): void,
 * }} MountHandle
 * @typedef {{
 *   default(init: { module_or_path: WebAssembly.Module }): Promise<unknown>,
 *   mountWidget(root: Element, host: Element, options: object): MountHandle,
 * }} Glue
 * @typedef {{ glue: Glue, n: number }} Instance
 */

let instances = 0;
/** A fresh WebAssembly instance with its own copy of the JS glue. @returns {Promise<Instance>} */
async function newInstance() {
  const module = await compileModule();
  const n = instances++;
  /** @type {Glue} */
  let glue;
  try {
    glue = await import(`./evidence-article.js?ea-instance=${n}`);
  } catch {
    throw new LoadFailure('network', NETWORK_MESSAGE, true);
  }
  await glue.default({ module_or_path: module });
  return { glue, n };
}

/** @param {Element} el @param {string} name @param {unknown} detail */
function fire(el, name, detail) {
  el.dispatchEvent(new CustomEvent(`evidence-article:${name}`, { bubbles: true, composed: true, detail }));
}

/** Text of an inline `<script type="application/json">` child, if any. @param {Element} el */
function inlineArticle(el) {
  const s = el.querySelector(':scope > script[type="application/json"]');
  return s ? s.textContent ?? undefined : undefined;
}

/**
 * The element's index among the page's light-DOM widgets when it mounts: the
 * share-state key of a widget without an id (`ea`, `ea2`, …). Widgets inside other
 * shadow roots or added later have no stable position: give those an `id`.
 * @param {Element} el
 */
function position(el) {
  return Array.prototype.indexOf.call(document.querySelectorAll('evidence-article'), el);
}

class EvidenceArticleElement extends HTMLElement {
  constructor() {
    super();
    /** Where the widget renders, inside the shadow root. @type {HTMLElement | undefined} */
    this._container = undefined;
    /** A failure message above a pre-rendered article. @type {HTMLElement | null} */
    this._note = null;
    /** This element's WebAssembly instance, kept across re-mounts. @type {Promise<Instance> | null} */
    this._instance = null;
    /** The mounted widget. @type {MountHandle | null} */
    this._handle = null;
    /** Identifies the latest mount; an older one that resolves late does nothing. @type {object | null} */
    this._token = null;
  }

  static get observedAttributes() { return ['src', 'audience', 'follow-up-href', 'share-state', 'fetch-timeout']; }

  connectedCallback() {
    if (!this._container) {
      // Pre-rendered markup (the CLI's `render`) arrives as a declarative shadow root
      // with its stylesheet: keep it, so the widget hydrates it instead of replacing it.
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      // (`:scope` matches nothing in a shadow root's querySelector, hence children.)
      this._container = /** @type {HTMLElement | undefined} */ (Array.prototype.find.call(root.children,
        (/** @type {Element} */ c) => c.hasAttribute('data-ea-prerendered')));
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

  /**
   * `audience`: a new default, applied in place (the reader's own or a share link's
   * choice still wins). `src`: another article, so nothing of the old one is kept.
   * Any other attribute re-mounts with the reader's state (audience chosen, open
   * sections, open citation) carried over.
   * @param {string} name @param {string | null} oldValue @param {string | null} newValue
   */
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected || !this._container) return;
    if (name === 'audience' && this._handle) {
      this._handle.setDefaultAudience(newValue ?? '');
      return;
    }
    const state = name === 'src' ? '' : (this._handle?.readerState() ?? undefined);
    this._unmount();
    this._mount(state);
  }

  /** The mount handle's setAudience, for hosts holding the element. @param {string} id */
  setAudience(id) { return this._handle ? this._handle.setAudience(String(id)) : false; }

  _unmount() {
    this._token = null;
    if (this._handle) {
      try { this._handle.destroy(); } catch { /* the instance may have failed; nothing to free */ }
      this._handle = null;
    }
  }

  /**
   * Shows why the widget could not load; a network failure offers "Try again".
   * @param {unknown} e @param {string | undefined} state
   */
  _showFailure(e, state) {
    const kind = e instanceof LoadFailure ? e.kind : 'network';
    const message = e instanceof LoadFailure ? e.message : NETWORK_MESSAGE;
    if (!this._container) return;
    // A pre-rendered article stays readable: the message (and Try again) go in a box
    // of their own above it, so a later attempt can still hydrate it.
    let container = this._container;
    if (container.hasAttribute('data-ea-prerendered')) {
      this._note?.remove();
      container = document.createElement('div');
      container.className = 'ea-prerender-note';
      this._container.before(container);
      this._note = container;
    }
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.className = 'ea-error ea-fallback';
    p.textContent = message;
    /** @type {HTMLElement[]} */
    const nodes = [p];
    if (kind === 'network') {
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'ea-btn ea-retry';
      retry.textContent = 'Try again';
      retry.addEventListener('click', () => {
        const status = document.createElement('p');
        status.setAttribute('role', 'status');
        status.textContent = 'Loading the article…';
        container.replaceChildren(status);
        this._mount(state);
      });
      nodes.push(retry);
    }
    container.replaceChildren(...nodes);
    fire(this, 'error', { message, kind });
  }

  /** @param {string | undefined} [state] reader state to carry over ('' for none) */
  async _mount(state) {
    const token = {};
    this._token = token;
    let instance;
    try {
      // One instance per element, kept across re-mounts (attribute changes); a
      // failed one is dropped so the next mount tries again.
      this._instance ??= newInstance();
      instance = await this._instance;
      this.dataset.eaInstance = String(instance.n);
    } catch (e) {
      this._instance = null;
      if (this._token === token) this._showFailure(e, state);
      return;
    }
    if (this._token !== token || !this.isConnected || !this._container) return;
    this._note?.remove();
    this._note = null;
    this._handle = instance.glue.mountWidget(this._container, this, {
      article: inlineArticle(this),
      src: this.getAttribute('src') || undefined,
      audience: this.getAttribute('audience') || undefined,
      followUpHref: this.getAttribute('follow-up-href') || undefined,
      shareState: this.getAttribute('share-state') !== 'off',
      id: this.id || undefined,
      position: position(this),
      prefix: '',
      timeoutMs: Number(this.getAttribute('fetch-timeout')) || undefined,
      state,
    });
  }
}

if (!customElements.get('evidence-article')) customElements.define('evidence-article', EvidenceArticleElement);

/**
 * Options of {@link mount} (all optional, all checked by the widget).
 * @typedef {{ article?: object | string, src?: string, audience?: string, followUpHref?: string,
 *   shareState?: boolean, id?: string, position?: number, timeoutMs?: number,
 *   theme?: 'light' | 'dark' | 'auto' }} MountOptions
 */

let mounts = 0;
/**
 * Mounts a widget into an element the host renders itself (light DOM; the host
 * links evidence-article.css). Rejects with the loader's error (`kind`: 'network'
 * or 'csp', and a readable `message`) when the module cannot be had; calling it
 * again tries afresh. `theme` pins light or dark (`data-theme` on the element, read
 * by the stylesheet); 'auto' or none follows the reader's device.
 * @param {HTMLElement} element
 * @param {MountOptions} [options]
 * @returns {Promise<{ setAudience(id: string): boolean, destroy(): void }>}
 */
export async function mount(element, options = {}) {
  if (['light', 'dark', 'auto'].includes(/** @type {string} */ (options.theme))) element.dataset.theme = options.theme;
  const { glue, n } = await newInstance();
  element.dataset.eaInstance = String(n);
  const handle = glue.mountWidget(element, element, { ...options, position: options.position ?? 0, prefix: `ea${mounts++}-` });
  return {
    setAudience: (/** @type {string} */ id) => handle.setAudience(String(id)),
    destroy: () => handle.destroy(),
  };
}
