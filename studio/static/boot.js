// Loads the studio's WebAssembly (an external module, so a strict CSP without
// 'unsafe-inline' allows it); the wasm's start function mounts the app into #studio.
import init from './studio.js';

init().catch((e) => {
  const root = document.getElementById('studio');
  if (root) root.textContent = 'The studio could not start: this browser or this site\'s security policy does not allow WebAssembly here.';
  console.error(e);
});
