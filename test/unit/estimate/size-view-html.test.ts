// The size view's HTML renderer: bars to one scale, escaped text, "unknown" figures, packages, savings and focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSizeView, escapeHtml } from '../../../server/src/core/features/size-view-html';
import type { SizeView, SizeViewLayer } from '../../../server/src/core/features/size-view';

const e = (typical: number, low = typical, high = typical) => ({ typical, low, high });

function layer(over: Partial<SizeViewLayer>): SizeViewLayer {
  return { line: 0, keyword: 'RUN', instruction: 'RUN true', bytes: e(0), rough: false, basis: [], packages: [], savings: [], ...over };
}

const VIEW: SizeView = {
  focusStage: 1,
  image: { stage: 'stage 1 (python:3.12-slim)', bytes: e(400_000_000, 300_000_000, 500_000_000), download: e(150_000_000) },
  stages: [
    {
      index: 0,
      label: 'builder',
      line: 0,
      fate: 'copied-from',
      reach: 'not shipped: the final image copies files from it',
      bytes: e(1_000_000_000),
      layers: [
        layer({ line: 0, keyword: 'FROM', instruction: 'FROM python:3.12 AS builder', bytes: e(250_000_000), basis: [{ what: 'base image `python:3.12`', bytes: e(250_000_000), source: 'repo-info, 2026-08-13', fallback: false }] }),
        layer({ line: 1, instruction: 'RUN make <install>', rough: true, basis: [{ what: '`make`: not estimated', bytes: null, source: 'not estimated', fallback: true }] }),
      ],
    },
    {
      index: 1,
      label: 'stage 1 (python:3.12-slim)',
      line: 3,
      fate: 'final',
      reach: 'final image',
      bytes: e(400_000_000, 300_000_000, 500_000_000),
      download: e(150_000_000),
      layers: [
        layer({
          line: 4,
          instruction: 'RUN pip install -r requirements.txt',
          bytes: e(50_000_000),
          savings: [{ fix: 'add `--no-cache-dir`', what: 'pip cache', bytes: e(2_000_000), source: 'pip cache data' }],
          packages: Array.from({ length: 10 }, (_, i) => ({ name: `pkg${i}`, version: '1.0', requested: i === 0, installed: e((10 - i) * 1_000_000), download: e(1), fallback: i === 1, source: 'wheels' })),
        }),
      ],
    },
  ],
  rewrites: [
    { title: 'Split into builder stage', saving: e(600_000_000, 550_000_000, 650_000_000), source: 'the estimator on the rewritten file' },
    { title: 'Use `python:3.12-slim`', saving: null, source: 'the estimator on the rewritten file' },
  ],
};

/** The width rule of the bar whose element carries `id`. */
function width(css: string, id: string): string | undefined {
  return new RegExp(`#${id}>\\.typ\\{width:([\\d.]+)%\\}`).exec(css)?.[1];
}

/** The id of the first bar after `marker` in the body. */
function barAfter(body: string, marker: string): string {
  const at = body.indexOf(marker);
  assert.ok(at >= 0, `no ${marker}`);
  return /class="bar[^"]*" id="(b\d+)"/.exec(body.slice(at))![1]!;
}

test('bars share one scale, the largest stage high bound: a 250 MB layer in a 1 GB view is a quarter wide', () => {
  const { body, css } = renderSizeView(VIEW, 'Dockerfile');
  assert.equal(width(css, barAfter(body, 'id="stage-0"')), '100.00');
  assert.equal(width(css, barAfter(body, 'FROM</span>')), '25.00');
  assert.equal(width(css, barAfter(body, 'id="stage-1"')), '40.00');
  // The range band of the final stage: from 300 MB to 500 MB.
  const id = barAfter(body, 'id="stage-1"');
  assert.match(css, new RegExp(`#${id}>\\.span\\{left:30\\.00%;width:20\\.00%\\}`));
  assert.match(body, /bars share one scale \(1 GB = full width\)/);
});

test('text is escaped, `code` spans become <code>, and the page has no inline style or script', () => {
  const { body } = renderSizeView(VIEW, 'Docker<file>');
  assert.match(body, /<h1>Docker&lt;file&gt;<\/h1>/);
  assert.match(body, /make &lt;install&gt;/);
  assert.ok(!body.includes('<install>'));
  assert.match(body, /base image <code>python:3\.12<\/code>/);
  assert.ok(!/ style=|<script|<style/.test(body), 'a strict CSP allows no inline style attribute or script');
  assert.equal(escapeHtml(`"'&`), '&quot;&#39;&amp;');
});

test('an unknown figure says "unknown"; a rough layer, figure and package are marked "rough", never with an internal word', () => {
  const { body } = renderSizeView(VIEW, 'Dockerfile');
  assert.match(body, /<code>make<\/code>: not estimated: <b>unknown<\/b>/);
  assert.match(body, /<span class="tag" title="includes a rough or unknown figure">rough<\/span>/);
  assert.match(body, /<span class="tag" title="a typical figure, not one from the data">rough<\/span> <code>make<\/code>/);
  assert.match(body, /pkg1 <span class="ver">1\.0<\/span> <span class="tag" title="not sized from the files of this release">rough<\/span>/);
  assert.doesNotMatch(body, /fallback/);
});

test('packages: the eight largest with bars to the largest package, the rest summed; requested ones marked', () => {
  const { body, css } = renderSizeView(VIEW, 'Dockerfile');
  assert.equal((body.match(/<li class="pkg[ "]/g) ?? []).length, 9);
  assert.match(body, /<li class="pkg requested"[^>]*><span class="pname">pkg0 <span class="ver">1\.0<\/span><\/span>/);
  assert.match(body, /…2 more<\/span><span><\/span><span class="num">3 MB<\/span>/);
  assert.match(body, /Packages: 1 requested \(bold\) \+ 9 dependencies/);
  assert.equal(width(css, barAfter(body, 'pkg0 ')), '100.00');
  assert.equal(width(css, barAfter(body, 'pkg1 ')), '90.00');
});

test('savings: rewrites and line fixes listed first, an unknown saving said so; the focus stage is marked', () => {
  const { body } = renderSizeView(VIEW, 'Dockerfile');
  const savings = body.slice(body.indexOf('What the fixes would save'), body.indexOf('id="stage-0"'));
  assert.match(savings, /<b>Split into builder stage<\/b><\/span><span class="num">saves <b>≈ 600 MB <span class="range">\(550 MB–650 MB\)<\/span><\/b>/);
  assert.match(savings, /<b>Use <code>python:3\.12-slim<\/code><\/b><\/span><span class="num">saving <b>unknown<\/b>/);
  assert.match(savings, /line 5<\/a>: add <code>--no-cache-dir<\/code> <span class="muted">\(pip cache\)<\/span><\/span><span class="num">saves <b>2 MB<\/b>/);
  assert.match(body, /<section class="stage final focus" id="stage-1">/);
  assert.match(body, /<section class="stage copied-from" id="stage-0">/);
  assert.match(body, /<span class="big">≈ 400 MB <span class="range">\(300 MB–500 MB\)<\/span><\/span> on disk · 150 MB download/);
});

test("a fix in a stage that does not ship is on its layer but not among the image's savings", () => {
  const builder = { ...VIEW.stages[0]!, layers: [layer({ line: 1, savings: [{ fix: 'add `rm -rf /var/lib/apt/lists/*`', what: 'apt lists', bytes: e(20_000_000), source: 'apt data' }] })] };
  const { body } = renderSizeView({ ...VIEW, rewrites: [], stages: [builder, VIEW.stages[1]!] }, 'Dockerfile');
  const savings = body.slice(body.indexOf('What the fixes would save'), body.indexOf('id="stage-0"'));
  assert.ok(!savings.includes('apt lists'), savings);
  assert.match(body.slice(body.indexOf('id="stage-0"')), /<li class="saving">add <code>rm -rf \/var\/lib\/apt\/lists\/\*<\/code> saves <b>20 MB<\/b>/);
});

test('no view: the page says there is no stage to size', () => {
  assert.match(renderSizeView(null, 'Dockerfile').body, /No stage to size/);
});
