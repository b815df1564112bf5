// Records the widgets' events so tests (and curious readers) can see them.
window.eaEvents = [];
for (const name of ['ready', 'audience-change', 'follow-up', 'error']) {
  document.addEventListener(`evidence-article:${name}`, (e) => {
    window.eaEvents.push({ type: e.type, target: e.target.id || '(no id)', detail: e.detail });
  });
}
