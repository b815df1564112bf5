// Synthetic evidence articles for the scaling benchmark (scripts/perf/bench.mjs).
// Deterministic (seeded), valid evidence-article/1 documents of any size: N top-level
// sections of 3 paragraphs + one 3-item list each, professional and plain text,
// glossary terms and abbreviations in the text, citation groups of 1-2 references.
// Citations: 5 per section, at most 1,000; references: 1.5 per section, at most 300.
// The content is filler and says so: no medical statement, no real source, no DOI,
// PMID or URL (a benchmark must not invent evidence).
//
//   node scripts/perf/synth.mjs 200 > /tmp/synth-200.json
//   cargo run --features cli -- check /tmp/synth-200.json      # must report 0 errors
import { fileURLToPath } from 'node:url';

/** Mulberry32: a small seeded PRNG, so every run builds the same article. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('placeholder sentence filler text measures layout speed with ordinary words that carry no meaning '
  + 'about any treatment the benchmark repeats them in different orders so that lines wrap and paragraphs '
  + 'differ in length while the widget renders sections citations and glossary terms').split(' ');
const PLAIN_WORDS = 'this is simple filler text used only to test how fast the page works it says nothing about health'.split(' ');

// 15 abbreviations (whole words, case-sensitive) and 15 terms, all made up.
const ABBREVS = Array.from({ length: 15 }, (_, i) => `QX${String.fromCharCode(65 + i)}`);
const TERMS = Array.from({ length: 15 }, (_, i) => `filler term ${String.fromCharCode(97 + i)}`);
const GLOSSARY = [
  ...ABBREVS.map((term, i) => ({ term, expansion: `made-up abbreviation ${i + 1}`, definition: 'A made-up abbreviation used only to test the widget.' })),
  ...TERMS.map((term) => ({ term, definition: 'A made-up term used only to test the widget.' })),
];

/** Counts for an article of `sections` sections. */
export function sizes(sections) {
  return { sections, citations: Math.min(1000, sections * 5), references: Math.min(300, Math.ceil(sections * 1.5)) };
}

/** A valid synthetic article of `n` sections. */
export function synthArticle(n, seed = 1) {
  const rand = rng(seed * 7919 + n);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const { citations, references } = sizes(n);
  const refId = (i) => `synth-ref-${String(i + 1).padStart(3, '0')}`;
  // Citation keys in reading order: every reference first cited once, in order
  // (so numbers run 1..R), then random re-citations.
  const keys = Array.from({ length: citations }, (_, i) => (i < references ? i : Math.floor(rand() * references)));
  let next = 0;
  const sentence = (words, len) => {
    const w = Array.from({ length: len }, () => pick(words));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + '.';
  };
  // One text in both registers with the same citation groups.
  const text = (cites) => {
    const groups = [];
    for (let i = 0; i < cites.length;) {
      const size = Math.min(cites.length - i, rand() < 0.3 ? 2 : 1);
      const g = [...new Set(cites.slice(i, i + size))].map((k) => `@${refId(k)}`);
      groups.push(`[${g.join('; ')}]`);
      i += size;
    }
    const abbr = pick(ABBREVS);
    const term = pick(TERMS);
    let prof = `${sentence(WORDS, 10 + Math.floor(rand() * 10))} The ${abbr} value and the ${term} appear here with **strong** and *emphasised* words.`;
    let plain = `${sentence(PLAIN_WORDS, 8 + Math.floor(rand() * 6))} The ${term} is here too.`;
    groups.forEach((g, i) => {
      const s = ` ${sentence(WORDS, 6 + Math.floor(rand() * 8)).slice(0, -1)} ${g}.`;
      prof += s;
      plain += ` ${sentence(PLAIN_WORDS, 5 + Math.floor(rand() * 5)).slice(0, -1)} ${g}.`;
      if (i === 0 && rand() < 0.2) prof += ' See [the format notes](https://example.org/format).';
    });
    return { professional: prof, plain };
  };
  const sectionList = [];
  for (let s = 0; s < n; s++) {
    // 6 texts per section; this section's share of citations goes to 4 of them, so
    // some texts cite nothing and others carry groups of two.
    const share = Math.round(((s + 1) * citations) / n) - Math.round((s * citations) / n);
    const mine = keys.slice(next, next + share);
    next += share;
    const per = Array.from({ length: 6 }, () => []);
    mine.forEach((k, i) => per[[0, 2, 5, 3][i % 4]].push(k));
    sectionList.push({
      id: `s-${String(s + 1).padStart(3, '0')}`,
      title: { professional: `Section ${s + 1}: synthetic heading`, plain: `Part ${s + 1} in plain words` },
      ...(s % 3 === 2 ? { collapsed: true } : {}),
      blocks: [
        { type: 'paragraph', text: text(per[0]) },
        { type: 'paragraph', text: text(per[1]) },
        { type: 'list', items: [{ text: text(per[2]) }, { text: text(per[3]) }, { text: text(per[4]) }] },
        { type: 'paragraph', text: text(per[5]) },
      ],
    });
  }
  return {
    format: 'evidence-article/1',
    id: `synthetic-${n}`,
    lang: 'en',
    question: {
      professional: `Synthetic benchmark article with ${n} sections (filler text, not medical content)`,
      plain: `A made-up article with ${n} parts, used to test speed`,
    },
    publisher: { name: 'Benchmark' },
    review: { status: 'submitted' },
    'last-updated': '2026-01-01',
    audiences: { patient: ['plain', 'professional'], student: ['professional'], nurse: ['professional'], physician: ['professional'] },
    sections: sectionList,
    glossary: GLOSSARY,
    references: Array.from({ length: references }, (_, i) => ({
      id: refId(i),
      type: 'article-journal',
      title: `Synthetic reference ${i + 1} (placeholder, not a real publication)`,
      author: [{ family: 'Placeholder', given: 'A' }, { family: 'Filler', given: 'B' }],
      'container-title-short': 'Synthetic J',
      issued: { 'date-parts': [[2020, 1 + (i % 12)]] },
      'source-kind': 'Placeholder',
      'key-finding': { professional: 'None: a placeholder used to measure the widget.', plain: 'Nothing: this is a made-up source to test speed.' },
    })),
    disclaimer: {
      title: { professional: 'Disclaimer', plain: 'Please read this note' },
      text: { professional: 'Synthetic text for a benchmark; {publisher} publishes no advice here.', plain: 'This is made-up text to test speed.' },
    },
    'follow-up': { prompt: { professional: 'Have a follow-up question?', plain: 'Have a question about this?' } },
  };
}

/** The article as JSON safe to put inside `<script type="application/json">`. */
export function inlineJson(article) {
  return JSON.stringify(article).replace(/</g, '\\u003c');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] || 50);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    console.error('usage: node scripts/perf/synth.mjs SECTIONS (1-1000)');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(synthArticle(n), null, 1) + '\n');
}
