// The sample viewer's script, inlined into report.html and allowed by its sha256 in the page's
// Content-Security-Policy (computed when the page is rendered, so it always matches this text).
// It reads the JSON data block, builds filters, a virtualised list (only the visible rows exist in the
// DOM, so 68k samples scroll like 60) and a detail pane. Every model string reaches the page through
// textContent, never innerHTML: an output that contains markup stays text.
// Plain ES2017 in a string: it must run as-is in any browser, with no build step of its own.
export const VIEWER_SCRIPT = String.raw`(function () {
'use strict';
var $ = function (id) { return document.getElementById(id); };
var src = $('medeval-data');
if (!src) return;
var D = JSON.parse(src.textContent);
var N = D.samples.length, R = D.runs.length, OUT = D.outcomes;
var q = $('mv-q'), list = $('mv-list'), spacer = $('mv-spacer'), detail = $('mv-detail'), count = $('mv-count'), bar = $('mv-facets'), presets = $('mv-presets');
var ROW = 30, CORRECT = OUT.indexOf('correct');
var shown = [], posOf = new Int32Array(N).fill(-1), selected = -1, hay = null;
var byId = new Map();
D.samples.forEach(function (s, i) { byId.set(s[0], i); });

function h(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function runName(r) { return R > 1 ? D.runs[r] : ''; }
function badge(o) { return h('span', 'badge ' + OUT[o], OUT[o]); }

// Facets: each is a select whose options carry counts of the samples that pass every other filter.
var facets = [];
function addFacet(label, names, titles, of) {
  var sel = h('select');
  sel.setAttribute('aria-label', label);
  var wrap = h('label', 'facet');
  wrap.appendChild(h('span', 'muted', label));
  wrap.appendChild(sel);
  bar.appendChild(wrap);
  var f = { label: label, names: names, titles: titles, of: of, sel: sel, counts: null, notCorrect: false };
  facets.push(f);
  return f;
}
for (var r = 0; r < R; r++) (function (r) {
  var f = addFacet(R > 1 ? 'outcome · ' + D.runs[r] : 'outcome', OUT, null, function (i) { return D.cells[r][i][0]; });
  f.notCorrect = CORRECT >= 0 && D.primary >= 0;
  f.run = r;
})(r);
D.dims.forEach(function (d, k) {
  addFacet(d.name, d.labels, d.keys, function (i) { var c = D.samples[i][3][k]; return c < 0 ? d.labels.length : c; });
});
if (D.rules.length) for (var r2 = 0; r2 < R; r2++) (function (r) {
  addFacet(R > 1 ? 'extraction rule · ' + D.runs[r] : 'extraction rule', D.rules, null, function (i) { var c = D.cells[r][i][4]; return c < 0 ? D.rules.length : c; });
})(r2);

function option(sel, value, text, title) {
  var o = h('option', null, text);
  o.value = value;
  if (title) o.title = title;
  sel.appendChild(o);
  return o;
}
facets.forEach(function (f) {
  option(f.sel, '', 'all');
  if (f.notCorrect) option(f.sel, 'nc', 'not correct');
  f.names.forEach(function (name, c) { option(f.sel, String(c), name, f.titles ? f.titles[c] : null); });
  option(f.sel, String(f.names.length), '(none)');
  f.sel.addEventListener('change', apply);
});

function accepts(f, c) {
  var v = f.sel.value;
  if (v === '') return true;
  if (v === 'nc') return c !== CORRECT;
  return c === +v;
}
function haystack(i) {
  if (!hay) hay = new Array(N);
  var s = hay[i];
  if (s === undefined) {
    var row = D.samples[i], parts = [row[0], row[1], row[2]];
    for (var r = 0; r < R; r++) { var c = D.cells[r][i]; parts.push(c[1], c[2] || '', c[11] || ''); }
    s = hay[i] = parts.join('\u0001').toLowerCase();
  }
  return s;
}

function apply() {
  var text = q.value.trim().toLowerCase();
  var F = facets.length, codes = new Array(F);
  facets.forEach(function (f) { f.counts = new Int32Array(f.names.length + 1); });
  shown = [];
  posOf.fill(-1);
  for (var i = 0; i < N; i++) {
    if (text && haystack(i).indexOf(text) < 0) continue;
    var miss = -1, misses = 0;
    for (var k = 0; k < F; k++) {
      var c = facets[k].of(i);
      codes[k] = c;
      if (!accepts(facets[k], c)) { misses++; miss = k; }
    }
    if (misses === 0) {
      posOf[i] = shown.length;
      shown.push(i);
      for (var k2 = 0; k2 < F; k2++) facets[k2].counts[codes[k2]]++;
    } else if (misses === 1) facets[miss].counts[codes[miss]]++;
  }
  facets.forEach(function (f) {
    var total = 0, opts = f.sel.options;
    for (var c = 0; c < f.counts.length; c++) total += f.counts[c];
    for (var j = 0; j < opts.length; j++) {
      var o = opts[j], v = o.value, n;
      if (v === '') n = total;
      else if (v === 'nc') n = total - f.counts[CORRECT];
      else n = f.counts[+v];
      var name = v === '' ? 'all' : v === 'nc' ? 'not correct' : +v < f.names.length ? f.names[+v] : '(none)';
      o.textContent = name + ' (' + n + ')';
      // Values that never occur are hidden, but a selected one stays visible.
      o.hidden = n === 0 && v !== '' && !o.selected;
    }
  });
  count.textContent = shown.length + ' of ' + N + ' samples';
  spacer.style.height = shown.length * ROW + 'px';
  render();
}

function render() {
  var top = list.scrollTop, height = list.clientHeight || 400;
  var a = Math.max(0, Math.floor(top / ROW) - 8), b = Math.min(shown.length, Math.ceil((top + height) / ROW) + 8);
  var rows = list.querySelectorAll('.vrow');
  for (var j = 0; j < rows.length; j++) list.removeChild(rows[j]);
  var frag = document.createDocumentFragment();
  for (var k = a; k < b; k++) frag.appendChild(rowOf(shown[k], k));
  list.appendChild(frag);
}

function rowOf(i, k) {
  var s = D.samples[i];
  var row = h('div', 'vrow' + (i === selected ? ' sel' : ''));
  row.style.top = k * ROW + 'px';
  row.setAttribute('role', 'option');
  row.setAttribute('aria-selected', i === selected ? 'true' : 'false');
  row.setAttribute('data-i', String(i));
  row.appendChild(h('span', 'n', k + 1));
  row.appendChild(h('span', 'id', s[0]));
  for (var r = 0; r < R; r++) {
    var c = D.cells[r][i];
    var cell = h('span', 'oc');
    cell.appendChild(badge(c[0]));
    cell.appendChild(h('span', 'pred', c[1]));
    if (R > 1) cell.title = D.runs[r];
    row.appendChild(cell);
  }
  row.appendChild(h('span', 'gold', s[2]));
  row.appendChild(h('span', 'q', s[1]));
  return row;
}

var pending = false;
list.addEventListener('scroll', function () {
  if (pending) return;
  pending = true;
  requestAnimationFrame(function () { pending = false; render(); });
});
list.addEventListener('click', function (e) {
  var t = e.target;
  while (t && t !== list && !(t.classList && t.classList.contains('vrow'))) t = t.parentNode;
  if (t && t !== list) select(+t.getAttribute('data-i'), false);
});
list.addEventListener('keydown', function (e) {
  var step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
  if (!step || !shown.length) return;
  e.preventDefault();
  var p = selected >= 0 && posOf[selected] >= 0 ? posOf[selected] + step : 0;
  select(shown[Math.max(0, Math.min(shown.length - 1, p))], true);
});
var timer = 0;
q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, N > 20000 ? 200 : 60); });

function select(i, scroll, quiet) {
  if (!(i >= 0 && i < N)) return;
  selected = i;
  var id = D.samples[i][0];
  if (!quiet) try { history.replaceState(null, '', '#s=' + encodeURIComponent(id)); } catch (err) { /* sandboxed frame: no history */ }
  if (scroll && posOf[i] >= 0) {
    var y = posOf[i] * ROW;
    if (y < list.scrollTop || y + ROW > list.scrollTop + list.clientHeight) list.scrollTop = Math.max(0, y - list.clientHeight / 2);
  }
  render();
  showDetail(i);
}

function field(dl, name, value) {
  if (value === undefined || value === null || value === '') return;
  dl.appendChild(h('dt', null, name));
  var dd = h('dd');
  if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
  dl.appendChild(dd);
}
function textBlock(text, span) {
  var pre = h('pre', 'text');
  var at = span ? text.lastIndexOf(span) : -1;
  if (at < 0) { pre.textContent = text; return pre; }
  pre.appendChild(document.createTextNode(text.slice(0, at)));
  pre.appendChild(h('mark', null, span));
  pre.appendChild(document.createTextNode(text.slice(at + span.length)));
  return pre;
}
function fold(summary, body, open) {
  var d = h('details');
  if (open) d.open = true;
  d.appendChild(h('summary', null, summary));
  d.appendChild(body);
  return d;
}
function score(x) { return x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(4); }

function runBlock(r, i) {
  var c = D.cells[r][i];
  var box = h('div', 'run');
  var head = h('h4');
  if (R > 1) head.appendChild(h('span', null, D.runs[r] + ' '));
  head.appendChild(badge(c[0]));
  box.appendChild(head);
  var dl = h('dl');
  field(dl, 'read', c[1] === '' ? '(nothing)' : c[1]);
  if (c[4] >= 0) field(dl, 'rule', D.rules[c[4]]);
  if (c[5]) field(dl, 'span', c[5]);
  var sc = D.scores.map(function (m, k) { return m.label + ' ' + score(c[6][k]); }).join(' · ');
  field(dl, 'scores', sc);
  if (c[7]) field(dl, 'tokens', c[7][0] + ' in · ' + c[7][1] + ' out' + (c[7][2] ? ' (' + c[7][2] + ' reasoning)' : ''));
  if (c[8] >= 0) field(dl, 'latency', c[8] + ' ms');
  if (c[9] >= 0) field(dl, 'attempts', c[9]);
  field(dl, 'cached', c[10] ? 'yes' : 'no');
  if (c[11]) field(dl, 'error', c[11]);
  box.appendChild(dl);
  box.appendChild(h('div', 'label', 'output'));
  box.appendChild(c[2] === null ? h('p', 'muted', '(no output)') : textBlock(c[2], c[5] || ''));
  if (c[3]) box.appendChild(fold('reasoning (' + c[3].length + ' characters)', textBlock(c[3], ''), false));
  if (c[12] >= 0) {
    var msgs = D.prompts[c[12]], wrap = h('div');
    msgs.forEach(function (m) { wrap.appendChild(h('div', 'label', m.role)); wrap.appendChild(textBlock(m.content, '')); });
    box.appendChild(fold('prompt (' + msgs.length + ' message' + (msgs.length === 1 ? '' : 's') + ')', wrap, false));
  }
  return box;
}

function showDetail(i) {
  var s = D.samples[i];
  detail.textContent = '';
  var head = h('div', 'dhead');
  head.appendChild(h('h3', null, 'Sample ' + s[0]));
  var pos = posOf[i];
  head.appendChild(h('span', 'muted', pos >= 0 ? (pos + 1) + ' of ' + shown.length + ' shown' : 'hidden by the filters'));
  var prev = h('button', null, '← previous'), next = h('button', null, 'next →');
  prev.type = next.type = 'button';
  prev.disabled = !(pos > 0);
  next.disabled = !(pos >= 0 && pos < shown.length - 1);
  prev.addEventListener('click', function () { select(shown[pos - 1], true); });
  next.addEventListener('click', function () { select(shown[pos + 1], true); });
  head.appendChild(prev);
  head.appendChild(next);
  var link = h('a', null, 'link to this sample');
  link.href = '#s=' + encodeURIComponent(s[0]);
  head.appendChild(link);
  detail.appendChild(head);
  var dl = h('dl', 'meta');
  D.dims.forEach(function (d, k) {
    var c = s[3][k];
    if (c >= 0) field(dl, d.name, d.labels[c] === d.keys[c] ? d.keys[c] : d.labels[c] + ' (' + d.keys[c] + ')');
  });
  field(dl, 'gold', s[2]);
  detail.appendChild(dl);
  if (s[1]) { detail.appendChild(h('div', 'label', 'question')); detail.appendChild(textBlock(s[1], '')); }
  var runs = h('div', 'runs');
  runs.style.setProperty('--runs', String(Math.min(R, 3)));
  for (var r = 0; r < R; r++) runs.appendChild(runBlock(r, i));
  detail.appendChild(runs);
}

// Two runs with a 0/1 metric: one click for the disagreements.
if (R === 2 && presets && CORRECT >= 0 && D.primary >= 0) {
  var pairs = [[String(CORRECT), 'nc', D.runs[0] + ' right, ' + D.runs[1] + ' wrong'], ['nc', String(CORRECT), D.runs[0] + ' wrong, ' + D.runs[1] + ' right'], ['nc', 'nc', 'both wrong'], ['', '', 'all']];
  pairs.forEach(function (p) {
    var b = h('button', null, p[2]);
    b.type = 'button';
    b.addEventListener('click', function () { facets[0].sel.value = p[0]; facets[1].sel.value = p[1]; apply(); });
    presets.appendChild(b);
  });
}

function fromHash() {
  var m = /^#s=(.*)$/.exec(location.hash);
  if (!m) return false;
  var i = byId.get(decodeURIComponent(m[1]));
  if (i === undefined) return false;
  if (posOf[i] < 0) { q.value = ''; facets.forEach(function (f) { f.sel.value = ''; }); apply(); }
  select(i, true);
  return true;
}
window.addEventListener('hashchange', fromHash);
window.addEventListener('resize', render);
apply();
if (!fromHash() && shown.length) select(shown[0], false, true);
document.documentElement.setAttribute('data-viewer', 'ready');
})();
`;
