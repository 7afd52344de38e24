// LW015: `pip install pkg>=2.0` unquoted: the shell takes `>=2.0` as a redirection, so the version is lost.
import { defineRule } from '../rule';
import type { CommandInfo, Token } from '../../model/commands';
import type { Range } from '../../types';
import { runs } from './util';

/** A PEP 508 name with optional extras (`flask`, `uvicorn[standard]`): what is written right before a specifier. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\[[A-Za-z0-9._,\s-]*\])?$/;

const same = (a: Range['start'], b: Range['start']): boolean => a.line === b.line && a.character === b.character;

type Redirect = NonNullable<CommandInfo['redirects']>[number];

/** `>` or `<` whose target reads as the rest of a version specifier (`>=2.0` → `=2.0`, `<3` → `3`, `<=1.4` → `=1.4`). */
function versionRedirect(r: Redirect): boolean {
  return (r.op === '>' || r.op === '<') && /^[=\d]/.test(r.target.value) && !r.target.dynamic;
}

export default defineRule({
  meta: {
    code: 'LW015',
    name: 'unquoted-requirement-redirect',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      writes: '`{redirect}` after `{name}` is a shell redirection: pip installs `{name}` at any version and writes a file named `{file}`; quote the requirement: `{quoted}`',
      reads: '`{redirect}` after `{name}` is a shell redirection: the shell reads pip\'s input from a file named `{file}` (the RUN fails unless it exists) and `{name}` is installed at any version; quote the requirement: `{quoted}`',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags a requirement with a version specifier written unquoted in a shell-form or heredoc RUN (`pip install flask>=2.0`, `uv pip install "a" b<3`, `pip3 install x>1`), where the shell reads `>` or `<` as a redirection. Only a package name written right against the operator, followed by a version (`=2.0`, `3`), counts: `pip install x > /dev/null`, `2>&1` and exec-form (JSON) RUNs are left alone.',
      whyItMatters:
        '`RUN pip install flask>=2.0` runs `pip install flask` with its output sent to a file named `=2.0`: the build succeeds, the version constraint is silently dropped and a stray file lands in the working directory. `b<3` makes the shell read pip\'s input from a file named `3`, which fails the build with a message that does not point at the requirement.',
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask>=2.0\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir \'flask>=2.0\'\n',
      fixSafety:
        'Unsafe: quoting the requirement makes pip honour the version constraint, which can install a different version than the build did so far (and no longer writes the stray file). No fix is offered when the requirement contains a single quote.',
      references: [
        'https://pip.pypa.io/en/stable/cli/pip_install/#requirement-specifiers',
        'https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_07',
      ],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const { instr, command } of runs(model)) {
      const pip = command.pip;
      if (!pip || !['install', 'add'].includes(pip.sub) || !command.redirects?.length || instr.run?.form === 'exec') continue;
      const redirects = command.redirects;
      for (let i = 0; i < redirects.length; i++) {
        const r = redirects[i]!;
        if (!versionRedirect(r)) continue;
        // The name must touch the operator: `pkg>=2`, not `pkg >=2` (which nobody writes for a version).
        // Extras (`uvicorn[standard]`) make the word a glob, hence "dynamic"; NAME already rules out expansions.
        const name: Token | undefined = pip.packages.find((p) => same(p.range.end, r.range.start) && NAME.test(p.raw));
        if (!name) continue;
        // `x>=2,<3`: the redirections that follow without a space are more of the same specifier.
        let last = r;
        while (redirects[i + 1] && same(redirects[i + 1]!.range.start, last.range.end) && /^[<>]$/.test(redirects[i + 1]!.op)) last = redirects[++i]!;
        const span: Range = { start: r.range.start, end: last.range.end };
        const requirement = model.lines.slice({ start: name.range.start, end: span.end });
        const quoted = `'${requirement}'`;
        const fixes = requirement.includes("'")
          ? []
          : [{ title: `Quote the requirement: ${quoted}`, applicability: 'unsafe' as const, edits: [{ range: { start: name.range.start, end: span.end }, newText: quoted }] }];
        ctx.report({
          range: span,
          messageId: r.op === '>' ? 'writes' : 'reads',
          data: { redirect: model.lines.slice(span), name: name.value, file: r.target.value, quoted },
          fixes,
        });
      }
    }
  },
});
