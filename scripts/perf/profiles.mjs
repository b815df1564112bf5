// The browser flags and the throttling profiles that the bench and every profiling
// script share, so a figure from one tool is measured as `bench.mjs` measures it.

/** Debian's Chromium, or `$CHROMIUM`. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags for a quiet headless Chromium: no background traffic, no QUIC, no sandbox (containers). */
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The desktop browser context (1280×800). */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The bench's profiles: a browser context, a CPU slowdown and, for mobile, network conditions (CDP). */
export const PROFILES = [
  { id: 'desktop', label: 'desktop (no throttling, 1280×800)', context: DESKTOP, cpu: 1 },
  { id: 'cpu4', label: '4× CPU slowdown (1280×800)', context: DESKTOP, cpu: 4 },
  { id: 'mobile', label: 'mobile: 4× CPU, 562.5 ms RTT, 1.6 Mbps down, 750 kbps up (412×823)', cpu: 4,
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    net: { offline: false, latency: 562.5, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 } },
];

/** The mobile profile alone. */
export const MOBILE = PROFILES.find((p) => p.id === 'mobile');
