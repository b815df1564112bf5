// Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from files in
// the repository (never from outside it): the seed article, the test articles
// (tests/fixtures/articles), a small valid article (fuzz/seeds/small-article.json) and
// the Big List of Naughty Strings (tests/fixtures/blns.json) placed in turn into its
// text fields, link targets and ids. libFuzzer adds what it finds to the same folders.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const blns = JSON.parse(read('tests/fixtures/blns.json'));
const seedArticle = read('static/articles/azathioprine-ild-uip.json');
const small = JSON.parse(read('fuzz/seeds/small-article.json'));
const fixtures = fs.readdirSync(path.join(ROOT, 'tests/fixtures/articles')).filter((f) => f.endsWith('.json'))
  .map((f) => read(`tests/fixtures/articles/${f}`));

function write(target, inputs) {
  const dir = path.join(ROOT, 'fuzz/corpus', target);
  fs.mkdirSync(dir, { recursive: true });
  for (const input of inputs) {
    const name = crypto.createHash('sha1').update(input).digest('hex');
    fs.writeFileSync(path.join(dir, name), input);
  }
  return inputs.length;
}

/** Every string value in a JSON value. */
function strings(v, out = []) {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

// Where a naughty string goes in the small article, in turn.
const PLACES = [
  (a, s) => { a.question.professional = s; },
  (a, s) => { a.sections[0].blocks[0].text.professional = `${s} [@ref-a]`; },
  (a, s) => { a.sections[0].blocks[0].text.plain = `[${s}](https://example.org/) [@ref-a]`; },
  (a, s) => { a.sections[0].blocks[0].text.professional = `[link](${s}) [@ref-a]`; },
  (a, s) => { a.sections[0].id = s; },
  (a, s) => { a.references[0].title = s; },
  (a, s) => { a.references[1].URL = s; },
  (a, s) => { a['last-updated'] = s; },
  (a, s) => { a.glossary[0].term = s; },
];
const articles = blns.map((s, i) => {
  const a = structuredClone(small);
  PLACES[i % PLACES.length](a, s);
  return JSON.stringify(a, null, 1);
});

const links = ['1;aud:patient;shut:guidelines;cite:3', '1;open:research,research-treatment-outcomes;at:research',
  'aud:nurse', '1;cite:99999;cite:2', '1%3Baud%3Astudent', '?dept=resp%20med&x=1&ea-one=1;aud:patient\n1;aud:patient;shut:guidelines'];
const markup = strings(JSON.parse(seedArticle)).concat(strings(small),
  ['[the drug page](https://en.wikipedia.org/wiki/Azathioprine_(drug))', '[a](<b c>)', '***a** b*', '\\*not\\*', '[@a; @b]']);

const counts = {
  load_view: write('load_view', [seedArticle, JSON.stringify(small, null, 1), ...fixtures, ...articles]),
  inline: write('inline', [...markup, ...blns]),
  share_codec: write('share_codec', [...links, ...blns, ...blns.map((s) => `${s}\n1;aud:patient`)]),
};
console.log(`seed corpora: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')} (fuzz/corpus/)`);
