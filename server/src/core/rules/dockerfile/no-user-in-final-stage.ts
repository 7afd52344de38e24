// LW007: the final stage never sets USER, so the container runs as root (an explicit `USER root` is DL3002's).
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import type { DockerfileModel, Stage } from '../../model/dockerfile';
import { semanticsFor } from '../../model/semantic';
import { imageUser, isWindowsImage } from '../../data/image-users';
import { eolOf } from '../../text';
import { continuationOpen } from './util';

/** Instructions that only describe the image: the USER switch goes above them. */
const METADATA = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'STOPSIGNAL', 'VOLUME']);

export default defineRule({
  meta: {
    code: 'LW007',
    name: 'no-user-in-final-stage',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: {
      root: '`{keyword}` runs as root: the final stage never sets a USER and `{image}` defaults to root',
      rootStage: 'The final stage runs as root: it never sets a USER and `{image}` defaults to root',
      unknown: '`{keyword}` runs as root unless the base image `{image}` sets a USER: the final stage never sets one',
      unknownStage: 'The final stage runs as root unless the base image `{image}` sets a USER: it never sets one',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags the final stage (the build target) when neither it nor a stage it is built on sets `USER` (an `ONBUILD USER` does not count: it runs only in images built from this one). Where the base image is known to run as root (the official `python`, `debian`, `ubuntu`, `alpine` images, `scratch`, `nvidia/cuda`, `pytorch/pytorch`, the conda and uv images, distroless tags without `nonroot`, …) the message says so; where the base is not known it says the stage runs as root unless the base image sets a USER. It stays quiet on bases known to switch to a non-root user themselves (distroless `:nonroot`, Chainguard, Bitnami, micromamba, Jupyter, Airflow) and on Windows images. It reports at the `CMD`/`ENTRYPOINT` that will run as root, or at the final stage\'s base image when there is none.',
      whyItMatters:
        'A process running as root in a container owns every file of the image and is one kernel bug away from the host. An application that is compromised as an unprivileged user can do far less. Most Python web apps need no privilege at run time.',
      example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python", "app.py"]\n',
      fixSafety:
        'The fix creates a system user with uid 10001 (`useradd` on Debian and Ubuntu, `adduser -S` on Alpine) and switches to it above the trailing `CMD`/`ENTRYPOINT`/`EXPOSE` block. It is always unsafe: the application may write to files owned by root, bind a port below 1024, or need a home folder.',
      references: ['https://docs.docker.com/build/building/best-practices/#user', 'https://github.com/hadolint/hadolint/wiki/DL3002'],
      divergences: 'hadolint\'s DL3002 flags only an explicit `USER root`; this rule covers the final stage that never sets a user at all.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const stage = model.finalStage;
    if (!stage) return;
    const facts = semanticsFor(ctx).stage(stage);
    // The USER in effect when the stage ends is the image's (a USER after the CMD still applies to it).
    if (facts.end.userSet) return;
    // Windows containers have no root: their default accounts are another matter.
    if (facts.image.os?.distro === 'windows' || facts.platform.os === 'windows') return;
    const from = facts.root.from;
    if (isWindowsImage(from.ref.repository, from.ref.tag)) return;
    const known = from.ref.hasVariables ? undefined : imageUser(from.ref.repository, from.ref.tag);
    if (known && !known.root) return;
    const runs = stage.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const at = runs[runs.length - 1];
    const messageId = known ? (at ? 'root' : 'rootStage') : at ? 'unknown' : 'unknownStage';
    ctx.report({
      range: at ? at.keywordRange : stage.from.imageRange,
      messageId,
      data: { keyword: at ? at.keyword : '', image: from.image },
      fixes: known?.addUser ? fixFor(model, stage, known.addUser === 'adduser') : [],
    });
  },
});

function fixFor(model: DockerfileModel, stage: Stage, alpine: boolean): Fix[] {
  const instrs = stage.instructions;
  let k = instrs.length;
  while (k > 1 && METADATA.has(instrs[k - 1]!.keyword)) k--;
  const eol = eolOf(model.text);
  const create = alpine ? 'RUN adduser -S -u 10001 app' : 'RUN useradd --system --uid 10001 --no-create-home app';
  const lines = `${create}${eol}USER 10001${eol}`;
  const before = instrs[k];
  if (before) {
    // Above the comment block that belongs to the instruction.
    let line = before.startLine;
    while (line > 0 && /^\s*#/.test(model.lines.lineText(line - 1))) line--;
    const at = { line, character: 0 };
    return [{ title: 'Create a system user and switch to it', applicability: 'unsafe', edits: [{ range: { start: at, end: at }, newText: lines }] }];
  }
  const last = instrs[instrs.length - 1]!;
  // After a heredoc that is never closed the new lines would be more of its body, not instructions.
  // (dockerfile-ast's heredoc scan throws on some half-typed lines: no fix then either.)
  let open = true;
  try {
    open = ((last.ast as unknown as { getHeredocs?: () => { getDelimiterRange(): unknown }[] }).getHeredocs?.() ?? []).some((h) => h.getDelimiterRange() === null);
  } catch {
    /* open stays true */
  }
  // After `RUN \` at the end of the file the new lines would continue it.
  if (open || continuationOpen(model, last)) return [];
  const end = { line: last.endLine, character: model.lines.lineText(last.endLine).length };
  return [{ title: 'Create a system user and switch to it', applicability: 'unsafe', edits: [{ range: { start: end, end }, newText: `${eol}${lines.slice(0, -eol.length)}` }] }];
}
