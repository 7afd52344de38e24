// LW005: files deleted (package lists, caches, build packages) in a later RUN than the one that wrote them: the bytes stay.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import type { CommandInfo, Token } from '../../model/commands';
import { packageBaseName } from '../../data/apt-build-packages';
import { semanticsFor, type Semantics } from '../../model/semantic';
import { installedPackages, lineageInstructions, removedPackages } from './python-image-helpers';
import { commandSpan } from './util';

interface Target {
  what: string;
  /** The path matches this kind of leftover. */
  matches: (path: string) => boolean;
  /** A command (of a RUN) that leaves it behind. */
  writes: Writes;
}

type Writes = (c: CommandInfo, instr: Instruction, sem: Semantics) => boolean;

const HOME_CACHE = /^(\/root|~|\$HOME|\$\{HOME\})\/\.cache/;

const TARGETS: Target[] = [
  { what: 'the apt package lists', matches: (p) => /^\/var\/lib\/apt\/lists(\/\*?)?\/?$/.test(p), writes: (c) => c.apt?.sub === 'update' },
  { what: "apt's package cache", matches: (p) => /^\/var\/cache\/apt(\/.*)?$/.test(p), writes: (c) => c.apt?.sub === 'install' },
  { what: "apk's package cache", matches: (p) => /^\/var\/cache\/apk(\/.*)?$/.test(p), writes: (c) => c.apk?.sub === 'add' && !c.apk.noCache },
  {
    what: "pip's download cache",
    matches: (p) => HOME_CACHE.test(p) && /^[^/]*\/\.cache(\/pip)?(\/\*?)?\/?$/.test(p.replace(/^\/root/, '~')),
    writes: (c, instr, sem) => c.pip?.tool === 'pip' && c.pip.sub === 'install' && sem.install(instr, c)?.cache?.kept === true,
  },
];

interface Leftover {
  token: Token;
  what: string;
  writes: Writes;
  display: string;
}

function leftoversRemovedBy(c: CommandInfo): Leftover[] {
  const out: Leftover[] = [];
  for (const p of c.rm?.paths ?? []) {
    const t = TARGETS.find((x) => x.matches(p.value));
    if (t) out.push({ token: p, what: t.what, writes: t.writes, display: `rm ${p.value}` });
  }
  if (c.pip?.tool === 'pip' && c.pip.sub === 'cache' && c.args.some((a) => a.value === 'purge')) {
    out.push({ token: c.name, what: "pip's download cache", writes: TARGETS[3]!.writes, display: 'pip cache purge' });
  }
  const removed = removedPackages(c);
  const tokens = c.apt?.packages ?? c.apk?.packages ?? [];
  for (const t of tokens) {
    const name = packageBaseName(t.value);
    if (!removed.has(name)) continue;
    out.push({
      token: t,
      what: `the package \`${t.value}\``,
      writes: (w) => installedPackages(w).some((p) => p.name === name) || (w.apk?.sub === 'add' && w.apk.virtual === name),
      display: `${commandText(c)} ${t.value}`,
    });
  }
  return out;
}

function commandText(c: CommandInfo): string {
  const sub = c.apt?.subToken ?? c.apk?.subToken;
  return sub ? `${c.name.value} ${sub.value}` : c.name.value;
}

export default defineRule({
  meta: {
    code: 'LW005',
    name: 'cleanup-in-later-layer',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      later: '`{cleanup}` removes {what} written by the RUN on line {line}: that layer keeps the bytes, this one only hides them',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags a cleanup in a RUN of a stage that ships (deleting `/var/lib/apt/lists/*`, apt or apk caches, pip\'s cache, `pip cache purge`, or `apt-get purge`/`apk del` of packages) when an earlier RUN wrote what it deletes. The message names the line of that earlier layer. A pip install whose cache was off (`--no-cache-dir`, `PIP_NO_CACHE_DIR`, a cache mount) wrote no cache.',
      whyItMatters:
        'An image is a stack of layers, and a layer can only add files or mark them deleted. Deleting files in a later layer hides them from the container but every byte is still stored, pulled and pushed with the earlier layer. Cleanup saves space only in the same RUN that created the files.',
      example: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fixSafety:
        'No fix: moving the cleanup into the earlier RUN changes what the instructions in between see (a later install may still need the lists). Move it by hand, or build in a separate stage.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    for (const stage of model.stages) {
      if (!stage.layersInFinal) continue;
      const all = lineageInstructions(sem, stage).filter((i) => i.run);
      for (const instr of stage.instructions.map((i) => i.trigger ?? i)) {
        if (!instr.run || instr.onbuild) continue;
        const before = all.slice(0, all.indexOf(instr));
        for (const c of instr.run.commands) {
          for (const left of leftoversRemovedBy(c)) {
            // The same RUN wrote it first: its own cleanup, not a later layer's.
            if (instr.run.commands.some((w) => w.index < c.index && left.writes(w, instr, sem))) continue;
            const writer = lastWriter(sem, before, left);
            if (!writer) continue;
            ctx.report({
              range: left.token === c.name ? commandSpan(c, c.pip?.subToken) : left.token.range,
              messageId: 'later',
              data: { cleanup: left.display, what: left.what, line: writer.startLine + 1 },
              related: [{ range: writer.range, message: `the layer that keeps ${left.what}` }],
            });
          }
        }
      }
    }
  },
});

/** The nearest earlier RUN that wrote the leftover and did not delete it itself. */
function lastWriter(sem: Semantics, runs: Instruction[], left: Leftover): Instruction | undefined {
  for (let k = runs.length - 1; k >= 0; k--) {
    const commands = runs[k]!.run!.commands;
    if (!commands.some((c) => left.writes(c, runs[k]!, sem))) continue;
    const cleaned = commands.some((c) => leftoversRemovedBy(c).some((l) => l.what === left.what));
    return cleaned ? undefined : runs[k];
  }
  return undefined;
}
