// Types of the evidence-article package (embed.js): the <evidence-article> element's
// attributes and events, and the mount() API. Shipped as embed.d.ts in a release.

/** An audience id the widget knows. Unknown ids are refused (mount: ignored; setAudience: false). */
export type AudienceId = 'patient' | 'student' | 'nurse' | 'physician';

/** Attributes of `<evidence-article>` (all optional, all checked by the widget). */
export interface EvidenceArticleAttributes {
  /** URL of the article JSON (same origin or CORS-allowed). Without it: an inline `<script type="application/json">` child, else the built-in article. */
  src?: string;
  /** The default audience (the reader's own choice wins). */
  audience?: AudienceId;
  /** Where "Have a follow-up question?" leads; the question is passed as `?q=`. */
  'follow-up-href'?: string;
  /** `off`: never touch the host page's URL. */
  'share-state'?: 'on' | 'off';
  /** Timeout of the `src` fetch in milliseconds (500–60000). */
  'fetch-timeout'?: string | number;
  /** Light or dark; `auto` (or none) follows the reader's device. */
  theme?: 'light' | 'dark' | 'auto';
  /** Names this widget's share-state key (`?ea-<id>=…`). */
  id?: string;
}

/** Why the widget could not load: `integrity` means a file is not the one this release was built with (not run). */
export type LoadFailureKind = 'network' | 'csp' | 'integrity';

/** `detail` of each `evidence-article:*` event (all bubble and are composed). */
export interface EvidenceArticleEventDetail {
  ready: null;
  'audience-change': { audience: AudienceId };
  'follow-up': { question: string; audience: AudienceId };
  /** From the loader (`kind`, and `file` for `integrity`) or the widget (`message` only). */
  error: { message: string; kind?: LoadFailureKind; file?: string };
}

export type EvidenceArticleEventMap = {
  [K in keyof EvidenceArticleEventDetail as `evidence-article:${K}`]: CustomEvent<EvidenceArticleEventDetail[K]>;
};

/** The `<evidence-article>` element (defined when embed.js is imported). */
export interface EvidenceArticleElement extends HTMLElement {
  /** Switches the audience as the reader would; false for an unknown id or before the widget is mounted. */
  setAudience(id: AudienceId | string): boolean;
  addEventListener<K extends keyof EvidenceArticleEventMap>(type: K,
    listener: (this: EvidenceArticleElement, ev: EvidenceArticleEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** Options of {@link mount} (all optional, all checked by the widget). */
export interface MountOptions {
  /** The article, as an object or JSON text. */
  article?: object | string;
  src?: string;
  audience?: AudienceId;
  followUpHref?: string;
  /** false: never touch the host page's URL. */
  shareState?: boolean;
  id?: string;
  position?: number;
  /** Timeout of the `src` fetch in milliseconds. */
  timeoutMs?: number;
  /** Sets `data-theme` on the element. */
  theme?: 'light' | 'dark' | 'auto';
}

export interface MountHandle {
  /** false for an unknown audience id. */
  setAudience(id: AudienceId | string): boolean;
  /** Unmounts the widget, with its listeners and timers. */
  destroy(): void;
}

/** The loader's error (what mount() rejects with when the module cannot be had). */
export interface LoadFailure extends Error {
  kind: LoadFailureKind;
  /** Whether trying again may help. */
  transient: boolean;
  /** For `integrity`: the file that did not match. */
  file?: string;
}

/**
 * Mounts a widget into an element the host renders itself (light DOM: link
 * `evidence-article.css` yourself). Rejects with a {@link LoadFailure} when the module
 * cannot be had; calling it again tries afresh.
 */
export function mount(element: HTMLElement, options?: MountOptions): Promise<MountHandle>;

declare global {
  interface HTMLElementTagNameMap {
    'evidence-article': EvidenceArticleElement;
  }
  interface HTMLElementEventMap extends EvidenceArticleEventMap {}
}
