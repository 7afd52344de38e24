// The size view as HTML and CSS for a webview: stages and layers as bars to one scale, packages, savings and the basis of each figure.
import { formatBytes } from '../estimate/bytes';
import type { E } from '../estimate/types';
import type { SizeView, SizeViewLayer, SizeViewStage } from './size-view';

/** What the client puts in its page: the body and a stylesheet (no script; bar widths are rules of the sheet, so a strict CSP with a nonce holds). */
export interface SizeViewHtml {
  body: string;
  css: string;
}

/** Packages listed per layer; the rest are summed on one line. */
const MAX_PACKAGES = 8;
/** Sources longer than this are cut (the whole text stays in the tooltip). */
const MAX_SOURCE = 120;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped text with `code` spans as <code>: the estimator's wording marks names that way. */
function text(s: string): string {
  return escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** `≈ 1.14 GB` with the range after it when there is one. */
function size(x: E): string {
  if (x.low === x.high) return escapeHtml(formatBytes(x.typical));
  return `≈ ${escapeHtml(formatBytes(x.typical))} <span class="range">(${escapeHtml(formatBytes(x.low))}–${escapeHtml(formatBytes(x.high))})</span>`;
}

function source(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  const cut = t.length > MAX_SOURCE ? `${t.slice(0, MAX_SOURCE - 1)}…` : t;
  return `<span class="source" title="${escapeHtml(t)}">${text(cut)}</span>`;
}

/** Bars share one scale (the largest stage), so a layer's bar compares with every other bar in the view. */
class Bars {
  private readonly rules: string[] = [];
  constructor(private readonly scale: number) {}

  /** A bar: solid to the typical value, a lighter band from low to high; `scale` overrides the view's (package bars). */
  bar(x: E, cls = '', scale = this.scale): string {
    const id = `b${this.rules.length / 2}`;
    const pct = (n: number): string => (scale > 0 ? Math.min(100, (Math.max(0, n) / scale) * 100) : 0).toFixed(2);
    const typ = pct(x.typical);
    const lo = pct(x.low);
    const hi = pct(x.high);
    this.rules.push(`#${id}>.typ{width:${typ}%}`, `#${id}>.span{left:${lo}%;width:${(Number(hi) - Number(lo)).toFixed(2)}%}`);
    return `<div class="bar ${cls}" id="${id}"><div class="span"></div><div class="typ"></div></div>`;
  }

  css(): string {
    return this.rules.join('\n');
  }
}

function packagesHtml(layer: SizeViewLayer, bars: Bars): string {
  if (!layer.packages.length) return '';
  const shown = layer.packages.slice(0, MAX_PACKAGES);
  const rest = layer.packages.slice(MAX_PACKAGES);
  // The packages are a small part of the image: their bars share the largest package's scale, not the view's.
  const scale = Math.max(...shown.map((p) => p.installed.typical), 1);
  const rows = shown.map(
    (p) =>
      `<li class="pkg${p.requested ? ' requested' : ''}" title="${escapeHtml(p.source)}"><span class="pname">${escapeHtml(p.name)}${p.version ? ` <span class="ver">${escapeHtml(p.version)}</span>` : ''}${p.fallback ? ' <span class="tag" title="not sized from the files of this release">rough</span>' : ''}</span>${bars.bar(p.installed, 'thin', scale)}<span class="num">${escapeHtml(formatBytes(p.installed.typical))}</span></li>`,
  );
  if (rest.length) {
    const sum = rest.reduce((n, p) => n + p.installed.typical, 0);
    rows.push(`<li class="pkg more"><span class="pname">…${rest.length} more</span><span></span><span class="num">${escapeHtml(formatBytes(sum))}</span></li>`);
  }
  const requested = layer.packages.filter((p) => p.requested).length;
  return `<div class="sub">Packages: ${requested} requested (bold) + ${layer.packages.length - requested} dependencies; installed size, bars to the largest package</div><ul class="pkgs">${rows.join('')}</ul>`;
}

function layerHtml(layer: SizeViewLayer, bars: Bars): string {
  const basis = layer.basis
    .map((b) => `<li title="${escapeHtml(`${b.what}: ${b.bytes ? formatBytes(b.bytes.typical) : 'unknown'} — ${b.source}`)}">${b.fallback ? '<span class="tag" title="a typical figure, not one from the data">rough</span> ' : ''}${text(b.what)}: <b>${b.bytes ? size(b.bytes) : 'unknown'}</b> — ${source(b.source)}</li>`)
    .join('');
  const savings = layer.savings
    .map((s) => `<li class="saving">${text(s.fix)} saves <b>${size(s.bytes)}</b> <span class="muted">(${text(s.what)})</span> — ${source(s.source)}</li>`)
    .join('');
  return `<div class="layer">
<div class="row"><a class="line" href="#" data-line="${layer.line}" title="Go to line ${layer.line + 1}">${layer.line + 1}</a><span class="instr" title="${escapeHtml(layer.instruction)}"><span class="kw">${escapeHtml(layer.keyword)}</span> ${escapeHtml(layer.instruction.replace(/^\S+\s*/, ''))}</span><span class="num">${layer.rough ? '<span class="tag" title="includes a rough or unknown figure">rough</span> ' : ''}${size(layer.bytes)}</span></div>
${bars.bar(layer.bytes, layer.keyword === 'FROM' ? 'base indent' : 'indent')}
${basis || savings ? `<ul class="basis">${savings}${basis}</ul>` : ''}${packagesHtml(layer, bars)}
</div>`;
}

function stageHtml(stage: SizeViewStage, view: SizeView, bars: Bars): string {
  const focus = view.focusStage === stage.index ? ' focus' : '';
  return `<section class="stage ${stage.fate}${focus}" id="stage-${stage.index}">
<h2><a class="line" href="#" data-line="${stage.line}" title="Go to line ${stage.line + 1}">${escapeHtml(stage.label)}</a> <span class="total">${size(stage.bytes)}</span> <span class="fate">${escapeHtml(stage.reach)}</span></h2>
${bars.bar(stage.bytes, 'stagebar')}
${stage.layers.map((l) => layerHtml(l, bars)).join('\n')}
</section>`;
}

/** A saving's size whatever its sign (the words say saves or adds). */
function magnitude(x: E): E {
  const a = Math.abs(x.low);
  const b = Math.abs(x.high);
  return { typical: Math.abs(x.typical), low: Math.min(a, b), high: Math.max(a, b) };
}

function savingsHtml(view: SizeView, bars: Bars): string {
  const rows: string[] = [];
  for (const r of view.rewrites) {
    const words = r.saving ? `${r.saving.typical >= 0 ? 'saves' : 'adds'} <b>${size(magnitude(r.saving))}</b>` : 'saving <b>unknown</b>';
    rows.push(`<div class="fix"><span><b>${text(r.title)}</b></span><span class="num">${words}</span></div>${r.saving ? bars.bar(magnitude(r.saving), 'save') : ''}`);
  }
  // A fix in a stage that does not ship shrinks the build, not the image: it stays on its layer, not in this list.
  for (const s of view.stages.filter((x) => x.fate === 'final' || x.fate === 'base-of-final')) {
    for (const l of s.layers) {
      for (const f of l.savings) {
        rows.push(`<div class="fix"><span><a class="line" href="#" data-line="${l.line}">line ${l.line + 1}</a>: ${text(f.fix)} <span class="muted">(${text(f.what)})</span></span><span class="num">saves <b>${size(f.bytes)}</b></span></div>${bars.bar(f.bytes, 'save')}`);
      }
    }
  }
  if (!rows.length) return '';
  const sources = [...new Set(view.rewrites.map((r) => r.source))];
  return `<section class="savings"><h2>What the fixes would save</h2>${rows.join('\n')}${sources.length ? `<div class="note">Rewrites: ${sources.map(escapeHtml).join('; ')}. Line fixes: the layer's own figures below.</div>` : ''}</section>`;
}

const BASE_CSS = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:8px 14px 24px;line-height:1.4}
h1{font-size:1.25em;margin:4px 0 2px;font-weight:600}
h2{font-size:1.05em;margin:0 0 4px;font-weight:600}
code{font-family:var(--vscode-editor-font-family);font-size:.95em;background:var(--vscode-textCodeBlock-background);padding:0 3px;border-radius:3px}
a.line{color:var(--vscode-textLink-foreground);text-decoration:none;cursor:pointer}
a.line:hover{text-decoration:underline}
.muted,.range,.source,.fate,.sub,.ver,.note{color:var(--vscode-descriptionForeground)}
.summary{margin-bottom:10px}
.summary .big{font-size:1.6em;font-weight:600}
section{border:1px solid var(--vscode-panel-border,rgba(128,128,128,.35));border-radius:4px;padding:8px 10px;margin:10px 0}
section.focus{border-color:var(--vscode-focusBorder)}
section.copied-from,section.unused{opacity:.85}
.savings{border-color:var(--vscode-charts-green,#388a34)}
.fate{font-weight:normal;margin-left:6px}
.total{font-weight:600;margin-left:6px}
.bar{position:relative;height:10px;background:rgba(128,128,128,.12);border-radius:2px}
.bar>.typ{position:absolute;left:0;top:0;bottom:0;min-width:2px;background:var(--vscode-charts-blue,#3794ff);border-radius:2px}
.bar>.span{position:absolute;top:3px;bottom:3px;background:var(--vscode-charts-blue,#3794ff);opacity:.35}
.bar.base>.typ,.bar.base>.span{background:var(--vscode-charts-purple,#b180d7)}
.bar.stagebar{height:14px;margin:2px 0 8px}
.copied-from .bar>.typ,.copied-from .bar>.span,.unused .bar>.typ,.unused .bar>.span{background:var(--vscode-charts-orange,#d18616)}
.bar.thin{height:6px}
.bar.thin>.typ{background:var(--vscode-charts-green,#388a34)}
.bar.thin>.span{display:none}
.layer{margin:6px 0 8px}
.row{display:grid;grid-template-columns:2.5em minmax(0,1fr) auto;gap:8px;align-items:baseline}
.bar.indent{margin:2px 0 0 calc(2.5em + 8px)}
.fix{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:8px;margin-top:6px}
.bar.save{height:8px;margin-top:2px}
.bar.save>.typ,.bar.save>.span{background:var(--vscode-charts-green,#388a34)}
.note{margin-top:8px;font-size:.9em}
.overview{margin:6px 0 10px}
.ov{margin-bottom:6px}
.ov.copied-from .bar>.typ,.ov.copied-from .bar>.span,.ov.unused .bar>.typ,.ov.unused .bar>.span{background:var(--vscode-charts-orange,#d18616)}
.row .line{text-align:right;font-family:var(--vscode-editor-font-family)}
.instr{font-family:var(--vscode-editor-font-family);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kw{font-weight:600}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
ul.basis{margin:2px 0 0 calc(2.5em + 8px);padding-left:14px;font-size:.9em}
ul.basis li{margin:1px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
li.saving{list-style:'✂ ';color:var(--vscode-charts-green,#388a34)}
li.saving .source{color:var(--vscode-descriptionForeground)}
.sub{margin:4px 0 0 calc(2.5em + 8px);font-size:.9em}
ul.pkgs{list-style:none;margin:2px 0 0 calc(2.5em + 8px);padding:0;font-size:.9em;max-width:44em}
.pkg{display:grid;grid-template-columns:minmax(0,14em) 1fr 5.5em;gap:8px;align-items:center}
.pkg.requested .pname{font-weight:600}
.tag{font-size:.8em;padding:0 4px;border-radius:3px;background:var(--vscode-badge-background);color:var(--vscode-badge-foreground);font-weight:normal}
.empty{margin-top:20px;color:var(--vscode-descriptionForeground)}
`;

/** The view for a file (`fileName` for the heading); `null` view: the file has no stage to size. */
export function renderSizeView(view: SizeView | null, fileName: string): SizeViewHtml {
  if (!view || !view.stages.length) {
    return { body: `<h1>${escapeHtml(fileName)}</h1><p class="empty">No stage to size: the file has no <code>FROM</code> the estimator can read.</p>`, css: BASE_CSS };
  }
  const scale = Math.max(...view.stages.map((s) => s.bytes.high), 1);
  const bars = new Bars(scale);
  const summary = view.image
    ? `<div class="summary"><div><span class="big">${size(view.image.bytes)}</span> on disk · ${size(view.image.download)} download</div><div class="muted">final image: ${escapeHtml(view.image.stage)} · bars share one scale (${escapeHtml(formatBytes(scale))} = full width); light band: low–high range; hover a source for its full text; click a line number to go to it</div></div>`
    : '';
  // More than one stage: the stages side by side first, so what ships and what does not reads at a glance.
  const overview =
    view.stages.length > 1
      ? `<div class="overview">${view.stages.map((s) => `<div class="ov ${s.fate}"><div class="fix"><span><a class="line" href="#" data-line="${s.line}">${escapeHtml(s.label)}</a> <span class="muted">${escapeHtml(s.reach)}</span></span><span class="num">${size(s.bytes)}</span></div>${bars.bar(s.bytes)}</div>`).join('')}</div>`
      : '';
  const body = `<h1>${escapeHtml(fileName)}</h1>
${summary}
${overview}
${savingsHtml(view, bars)}
${view.stages.map((s) => stageHtml(s, view, bars)).join('\n')}`;
  return { body, css: `${BASE_CSS}\n${bars.css()}` };
}
