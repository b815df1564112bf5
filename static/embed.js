// evidence-article embed loader: defines <evidence-article> and exports mount().
// Each widget runs in its own WebAssembly instance of one compiled module.
// An external ES module (no inline script), so it works under a strict CSP:
//   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
// A release (README "Hosting a release") keeps this file's name stable per version;
// what it loads has content-hashed names and is checked against the SHA-384 hashes
// written in below at build time, so a changed or mixed-version file is refused, not run.
const here = new URL('.', import.meta.url);
/**
 * What this loader loads, written in by scripts/stamp.mjs at build time: the
 * content-hashed names and their SHA-384 integrity. Unstamped (this source file,
 * `integrity` null) it loads the plain names and checks nothing; builds never ship that.
 * @type {{ version: string, glue: string, wasm: string, css: string,
 *   integrity: { glue: string, wasm: string, css: string } | null }}
 */
const FILES = /* ea:files */ {"version":"","glue":"evidence-article.js","wasm":"evidence-article_bg.wasm","css":"evidence-article.css","integrity":null} /* /ea:files */;
const STYLESHEET = new URL(FILES.css, here).href;
const CSP_MESSAGE = 'This article could not be shown: this page does not allow WebAssembly, '
  + 'or the browser does not support it. Ask the site owner to allow \'wasm-unsafe-eval\' in the Content-Security-Policy.';
/** Shown above a widget whose stylesheet did not load (the article still renders). */
const STYLE_MESSAGE = 'The article\u2019s styles could not be loaded (a network error, or the stylesheet is not the file this release was built with), so it is shown without its layout.';
const NETWORK_MESSAGE = 'This article could not be loaded: the network or the server did not answer.';
const integrityMessage = (/** @type {string} */ file) => `This article could not be shown: one of its files (${file}) `
  + 'is not the file this release was built with. It was changed, or mixed with a file of another version, so it was not run. '
  + 'Ask the site owner to install the release again, unchanged.';
/**
 * How long a widget waits for its stylesheet once its module is ready: a stylesheet in
 * a shadow root does not hold the page's rendering back, so without the wait a slow
 * sheet would show the article unstyled and then move it (layout shift). After this,
 * the article renders anyway (and the note says why it looks wrong if the sheet fails).
 */
const STYLE_WAIT_MS = 3000;
/** Automatic retries of a transient failure (network error, 5xx, 408, 429), in ms. */
const BACKOFF_MS = [500, 2000];

/**
 * Why the module could not be had: `csp` (WebAssembly refused or missing), `network`,
 * or `integrity` (a file is not the one this loader was built with; `file` names it).
 */
class LoadFailure extends Error {
  /** @param {'csp' | 'network' | 'integrity'} kind @param {string} message @param {boolean} transient @param {string} [file] */
  constructor(kind, message, transient = false, file = undefined) {
    super(message);
    this.kind = kind;
    this.transient = transient;
    this.file = file;
  }
}
/** A non-ok answer: 5xx, 408 and 429 may pass. @param {number} status */
const statusFailure = (status) => new LoadFailure('network', `${NETWORK_MESSAGE} (The server answered ${status}.)`,
  status >= 500 || status === 408 || status === 429);

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether this page may run WebAssembly at all (CSP, browser support). Compiles and
 * instantiates an empty module synchronously (Chromium and Firefox refuse a CSP
 * without 'wasm-unsafe-eval' when compiling, WebKit only when instantiating), so the
 * fetches that follow leave in the same task: the asynchronous API's answer waited
 * for the parser to yield, on a large page until it had finished.
 */
function wasmAllowed() {
  try {
    new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
    return true;
  } catch {
    return false;
  }
}

/**
 * After a load with an integrity check failed: to fetch() and <link> a network failure
 * and changed bytes look the same. Fetches the file plainly (it is not run) to tell
 * them apart: its bytes when they are right after all (the first failure was in
 * transit), else an `integrity` failure. Where crypto.subtle is missing (plain-HTTP
 * pages) the browser compares, by a second fetch with the integrity.
 * @param {URL} url @param {string} integrity @param {string} file @returns {Promise<ArrayBuffer>}
 */
async function recheck(url, integrity, file) {
  const refused = () => new LoadFailure('integrity', integrityMessage(file), false, file);
  /** @type {ArrayBuffer} */
  let bytes;
  try {
    const res = await fetch(url, { cache: 'no-store' });
    if (!res.ok) throw statusFailure(res.status);
    bytes = await res.arrayBuffer();
  } catch (e) {
    throw e instanceof LoadFailure ? e : new LoadFailure('network', NETWORK_MESSAGE, true);
  }
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    if (`sha384-${btoa(String.fromCharCode(...digest))}` === integrity) return bytes;
    throw refused();
  }
  try {
    return await (await fetch(url, { integrity, cache: 'no-store' })).arrayBuffer();
  } catch {
    throw refused();
  }
}

/** One attempt: fetch (checked against the build's hash) and compile. */
async function fetchAndCompile() {
  if (!wasmAllowed()) throw new LoadFailure('csp', CSP_MESSAGE);
  const url = new URL(FILES.wasm, here);
  const integrity = FILES.integrity?.wasm;
  /** @type {Response | ArrayBuffer} */
  let source;
  try {
    source = await fetch(url, integrity ? { integrity } : {});
  } catch {
    if (!integrity) throw new LoadFailure('network', NETWORK_MESSAGE, true);
    source = await recheck(url, integrity, FILES.wasm);
  }
  if (source instanceof Response && !source.ok) throw statusFailure(source.status);
  try {
    if (!(source instanceof Response)) return await WebAssembly.compile(source);
    const type = source.headers.get('content-type') || '';
    if (WebAssembly.compileStreaming && type.startsWith('application/wasm')) return await WebAssembly.compileStreaming(source);
    return await WebAssembly.compile(await source.arrayBuffer());
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

/**
 * Puts a module into the page's module map with its integrity checked, without
 * running it (`<link rel=modulepreload integrity>`; an import map's `integrity` would
 * need an inline script, which a strict CSP refuses). Never import a URL whose
 * preload failed: Chromium would fetch it again, unchecked, and run it.
 * @param {string} href @param {string} integrity @returns {Promise<HTMLLinkElement | null>}
 */
function preloadModule(href, integrity) {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.integrity = integrity;
    link.onload = () => resolve(link);
    link.onerror = () => { link.remove(); resolve(null); };
    (document.head || document.documentElement).append(link);
  });
}

/**
 * Fetches this instance's copy of the glue and checks it against the build's hash,
 * without running it; `run` then imports it, `discard` drops it unrun.
 * @param {number} n
 * @returns {Promise<{ run(): Promise<Glue>, discard(): void }>}
 */
async function fetchGlue(n) {
  const url = new URL(`${FILES.glue}?ea-instance=${n}`, here);
  // Browsers without modulepreload (Safari before 17) fire neither load nor error:
  // there the glue is imported unchecked (the wasm is still checked).
  const integrity = document.createElement('link').relList.supports('modulepreload') ? FILES.integrity?.glue : undefined;
  const link = integrity ? await preloadModule(url.href, integrity) : null;
  if (integrity && !link) {
    await recheck(url, integrity, FILES.glue);
    throw new LoadFailure('network', NETWORK_MESSAGE, true);
  }
  return {
    async run() {
      try {
        return await import(url.href);
      } catch {
        throw new LoadFailure('network', NETWORK_MESSAGE, true);
      } finally {
        link?.remove();
      }
    },
    discard() { link?.remove(); },
  };
}

let instances = 0;
/**
 * A fresh WebAssembly instance with its own copy of the JS glue. The glue is fetched
 * (and checked) while the module downloads, on a phone one round trip less per
 * widget; it runs only once the module compiled, whose failure is the one reported.
 * @returns {Promise<Instance>}
 */
async function newInstance() {
  const n = instances++;
  // Not on a page that refuses WebAssembly: there nothing is downloaded.
  const gluing = wasmAllowed() ? fetchGlue(n) : Promise.resolve(null);
  let module;
  try {
    module = await compileModule();
  } catch (e) {
    gluing.then((g) => g?.discard(), () => { /* the module's failure is the one reported */ });
    throw e;
  }
  const fetched = await gluing;
  if (!fetched) throw new LoadFailure('csp', CSP_MESSAGE);
  const glue = await fetched.run();
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
 * Starts fetching a `src` article now, while the wasm downloads, instead of after it
 * (on a phone that saves a round trip and the article's download). The widget takes
 * the request over (same options as its own fetch, its timeout counted from `started`)
 * or aborts it when it does not want that URL. Only http(s): anything else is left
 * to the widget, which refuses it with a message.
 * @param {unknown} src
 * @returns {{ src: string, response: Promise<Response>, controller: AbortController, started: number } | undefined}
 */
function prefetch(src) {
  if (typeof src !== 'string' || !src.trim() || typeof AbortController !== 'function') return undefined;
  let url;
  try { url = new URL(src.trim(), document.baseURI); } catch { return undefined; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const controller = new AbortController();
  const response = fetch(url.href, { signal: controller.signal, credentials: 'same-origin', cache: 'no-cache' });
  response.catch(() => { /* the widget reports it when it takes the request over */ });
  return { src, response, controller, started: Date.now() };
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
    /** The note shown when the stylesheet failed. @type {HTMLElement | null} */
    this._styleNote = null;
    /** Settles when the stylesheet this loader linked has loaded or failed. @type {Promise<unknown> | null} */
    this._styled = null;
    /** Connected while the page was still parsed: set up once it is. */
    this._parsing = false;
  }

  static get observedAttributes() { return ['src', 'audience', 'follow-up-href', 'share-state', 'fetch-timeout']; }

  connectedCallback() {
    // An `async` embed.js may run while the page is still being parsed: this element's
    // declarative shadow root and inline article may not be parsed yet. The module and
    // this widget's glue are requested now (the round trip overlaps the parse), the rest
    // waits for the document.
    if (!this._container && document.readyState === 'loading') {
      this._instance ??= newInstance();
      this._instance.catch(() => { /* reported by the mount that awaits it */ });
      if (!this._parsing) {
        this._parsing = true;
        document.addEventListener('DOMContentLoaded', () => {
          this._parsing = false;
          if (this.isConnected) this.connectedCallback();
        }, { once: true });
      }
      return;
    }
    if (!this._container) {
      // Pre-rendered markup (the CLI's `render`) arrives as a declarative shadow root
      // with its stylesheet: keep it, so the widget hydrates it instead of replacing it.
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      // (`:scope` matches nothing in a shadow root's querySelector, hence children.)
      this._container = /** @type {HTMLElement | undefined} */ (Array.prototype.find.call(root.children,
        (/** @type {Element} */ c) => c.hasAttribute('data-ea-prerendered')));
      if (this._container) {
        const link = Array.prototype.find.call(root.children, (/** @type {Element} */ c) => c.matches('link[rel=stylesheet]'));
        if (link) this._watchStyle(/** @type {HTMLLinkElement} */ (link));
      } else {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = STYLESHEET;
        if (FILES.integrity) {
          link.integrity = FILES.integrity.css;
          link.crossOrigin = 'anonymous';
        }
        link.addEventListener('error', () => this._styleFailed(), { once: true });
        this._styled = new Promise((settle) => {
          link.addEventListener('load', settle, { once: true });
          link.addEventListener('error', settle, { once: true });
        });
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
   * A pre-rendered element's stylesheet came with its markup and may have failed
   * before this ran: an `error` still to come is heard, and once the page has loaded
   * (which waits for every stylesheet) a link with no sheet, or with an empty one (what
   * Chromium keeps for a 404), is one that failed. A cross-origin sheet, whose rules
   * cannot be read, counts as loaded.
   * @param {HTMLLinkElement} link
   */
  _watchStyle(link) {
    const failed = () => {
      try { return !link.sheet || link.sheet.cssRules.length === 0; } catch { return false; }
    };
    link.addEventListener('error', () => this._styleFailed(), { once: true });
    const check = () => { if (link.isConnected && failed()) this._styleFailed(); };
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  /** The stylesheet did not load: says so above the widget, which still renders. */
  _styleFailed() {
    if (!this._container || this._styleNote) return;
    const p = document.createElement('p');
    p.setAttribute('role', 'status');
    p.className = 'ea-style-note';
    p.textContent = STYLE_MESSAGE;
    this._container.before(p);
    this._styleNote = p;
    fire(this, 'error', { message: STYLE_MESSAGE });
  }

  /**
   * Shows why the widget could not load; a network failure offers "Try again".
   * @param {unknown} e @param {string | undefined} state
   */
  _showFailure(e, state) {
    const kind = e instanceof LoadFailure ? e.kind : 'network';
    const message = e instanceof LoadFailure ? e.message : NETWORK_MESSAGE;
    const file = e instanceof LoadFailure ? e.file : undefined;
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
    fire(this, 'error', file ? { message, kind, file } : { message, kind });
  }

  /** @param {string | undefined} [state] reader state to carry over ('' for none) */
  async _mount(state) {
    const token = {};
    this._token = token;
    const article = inlineArticle(this);
    const prefetched = article === undefined ? prefetch(this.getAttribute('src')) : undefined;
    let instance;
    try {
      // One instance per element, kept across re-mounts (attribute changes); a
      // failed one is dropped so the next mount tries again.
      this._instance ??= newInstance();
      instance = await this._instance;
      this.dataset.eaInstance = String(instance.n);
      if (this._styled) {
        // `data-ea-styling` while it waits (what a test or a host's style can see).
        this.dataset.eaStyling = '';
        await Promise.race([this._styled, sleep(STYLE_WAIT_MS)]);
        delete this.dataset.eaStyling;
      }
    } catch (e) {
      prefetched?.controller.abort();
      this._instance = null;
      if (this._token === token) this._showFailure(e, state);
      return;
    }
    if (this._token !== token || !this.isConnected || !this._container) {
      prefetched?.controller.abort();
      return;
    }
    this._note?.remove();
    this._note = null;
    this._handle = instance.glue.mountWidget(this._container, this, {
      article,
      src: this.getAttribute('src') || undefined,
      prefetched,
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
 * links evidence-article.css). Rejects with the loader's error (`kind`: 'network',
 * 'csp' or 'integrity', and a readable `message`) when the module cannot be had;
 * calling it again tries afresh. `theme` pins light or dark (`data-theme` on the element, read
 * by the stylesheet); 'auto' or none follows the reader's device.
 * @param {HTMLElement} element
 * @param {MountOptions} [options]
 * @returns {Promise<{ setAudience(id: string): boolean, destroy(): void }>}
 */
export async function mount(element, options = {}) {
  if (['light', 'dark', 'auto'].includes(/** @type {string} */ (options.theme))) element.dataset.theme = options.theme;
  const prefetched = options.article == null ? prefetch(options.src) : undefined;
  let instance;
  try {
    instance = await newInstance();
  } catch (e) {
    prefetched?.controller.abort();
    throw e;
  }
  const { glue, n } = instance;
  element.dataset.eaInstance = String(n);
  const handle = glue.mountWidget(element, element, { ...options, prefetched, position: options.position ?? 0, prefix: `ea${mounts++}-` });
  return {
    setAudience: (/** @type {string} */ id) => handle.setAudience(String(id)),
    destroy: () => handle.destroy(),
  };
}
