// UndefinedVar: `$NAME` in an instruction Docker expands at build time, where no ARG, ENV or base-image variable defines NAME yet.
import { defineRule } from '../rule';
import type { Fix, Range } from '../../types';
import { heredocsOf, type DockerfileModel, type Instruction } from '../../model/dockerfile';
import { imageEnvNames } from '../../data/image-env';
import { semanticsFor } from '../../model/semantic';
import { expandWord, suggestName } from './buildkit-helpers';

/** Instructions whose arguments Docker expands with the build's variables (RUN/CMD/ENTRYPOINT are left to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** Build arguments BuildKit reads itself and never puts in the environment. */
const NON_ENV = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export default defineRule({
  meta: {
    code: 'UndefinedVar',
    name: 'undefined-var',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      undefined: '`${name}` is not defined here, so it expands to an empty string',
      undefinedSuggest: '`${name}` is not defined here, so it expands to an empty string (did you mean `${suggestion}`?)',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags `$NAME` / `${NAME}` in `COPY`, `ADD`, `ENV`, `ARG`, `LABEL`, `WORKDIR`, `USER`, `EXPOSE`, `VOLUME` and `STOPSIGNAL` when, at that line, no `ARG` or `ENV` of the stage (or of the stages it is built `FROM`) and no variable of the base image defines NAME. `RUN`, `CMD` and `ENTRYPOINT` are not checked: their variables are expanded by the shell when they run.',
      whyItMatters:
        'Docker expands an undefined variable to nothing, silently: `COPY $APP_DIR .` copies the whole context, `ENV PATH=$HOME/.local/bin:$PATH` puts `/.local/bin` on the PATH (HOME is not set at build time), and a typo such as `$PYTHONPAHT` drops the value. Global ARGs declared before `FROM` are not visible inside a stage until they are declared again with `ARG NAME`.',
      example: 'FROM python:3.12-slim\nENV PATH=$HOME/.local/bin:$PATH\n',
      useInstead: 'FROM python:3.12-slim\nENV HOME=/root\nENV PATH=$HOME/.local/bin:$PATH\n',
      fixSafety: 'When a defined name is one typo away, the fix renames the reference to it; unsafe, because the expanded value changes.',
      references: ['https://docs.docker.com/reference/build-checks/undefined-var/', 'https://docs.docker.com/reference/dockerfile/#environment-replacement'],
      divergences:
        'BuildKit reads the base image\'s real environment. Layerwise works offline with a dated table of the variables official images set (`python`, `node`, `golang`, `debian`, `alpine`, …, plus `PATH` everywhere); in a stage built on any other image it cannot tell which variables exist and reports nothing.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    for (const stage of model.stages) {
      // Variables of the base image: known for the official images of the table, else the stage is not judged.
      const root = sem.stage(stage).root;
      const imageNames = root.from.ref.hasVariables ? undefined : imageEnvNames(root.from.ref.repository);
      if (!imageNames) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'ARG' && !EXPANDED.has(instr.keyword)) continue;
        if (!instr.argsText.includes('$')) continue;
        // What the layer says is in scope before the line: ARGs (a parent stage's too), ENV, then the image's own.
        const f = sem.instr(instr);
        const scope = new Set<string>([...imageNames, ...f.env.keys(), ...f.argNames]);
        if (instr.keyword === 'ARG') {
          for (const kv of instr.argDecls ?? []) {
            if (kv.valueRange) checkText(ctx, model, instr, kv.valueRange, scope);
            scope.add(kv.key);
          }
          continue;
        }
        const start = model.lines.offsetAt(instr.keywordRange.end);
        const end = model.lines.offsetAt(instr.range.end);
        checkText(ctx, model, instr, model.lines.rangeOf(start, end), scope);
      }
    }
  },
});

function checkText(
  ctx: { report(r: { range: Range; messageId: string; data: Record<string, string>; fixes: Fix[] }): void },
  model: DockerfileModel,
  instr: Instruction,
  range: Range,
  scope: Set<string>,
): void {
  // getHeredocs() re-scans the instruction, and only matters when the text spans several lines.
  // (The model's heredocsOf: dockerfile-ast's scan throws on some odd lines, a lone CR after a continuation — fuzz seed 777 #8366.)
  const hasHeredoc = range.end.line > range.start.line && heredocsOf(instr).length > 0;
  const lastLine = hasHeredoc ? range.start.line : range.end.line;
  const reported = new Set<string>();
  for (let line = range.start.line; line <= lastLine; line++) {
    const from = line === range.start.line ? range.start.character : 0;
    const full = model.lines.lineText(line);
    const to = line === range.end.line ? range.end.character : full.length;
    const text = full.slice(from, to);
    if (line !== instr.startLine && text.trim().startsWith('#')) continue;
    if (!text.includes('$')) continue;
    const exp = expandWord(text, (n) => (scope.has(n) ? '' : undefined), model.escapeChar);
    for (const ref of exp.refs) {
      if (scope.has(ref.name) || NON_ENV.has(ref.name) || reported.has(ref.name)) continue;
      reported.add(ref.name);
      const refRange = { start: { line, character: from + ref.start }, end: { line, character: from + ref.end } };
      const suggestion = suggestName(ref.name, scope);
      const at = from + ref.start + ref.text.indexOf(ref.name);
      ctx.report({
        range: refRange,
        messageId: suggestion ? 'undefinedSuggest' : 'undefined',
        data: suggestion ? { name: ref.name, suggestion } : { name: ref.name },
        fixes: suggestion
          ? [{ title: `Use \`$${suggestion}\``, applicability: 'unsafe', edits: [{ range: { start: { line, character: at }, end: { line, character: at + ref.name.length } }, newText: suggestion }] }]
          : [],
      });
    }
  }
}
