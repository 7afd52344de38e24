// LW002: the full `python:<ver>` image in a stage that ships, where the -slim image of the same Python and Debian release would do.
import { defineRule } from '../rule';
import type { DockerfileModel, Stage } from '../../model/dockerfile';
import { slimTagFor } from '../../model/image';
import { semanticsFor, type Semantics } from '../../model/semantic';
import { packagesInstalledBy, requirementsFilesOf, type InstallLocation } from '../../model/installs';
import { alwaysCompiles, buildPackagesIn, commandWord, installedPackages, lineageInstructions, pipPackages } from './python-image-helpers';
import { basename } from '../../model/commands';
import type { ProjectFiles } from '../../project';

export default defineRule({
  meta: {
    code: 'LW002',
    name: 'python-base-not-slim',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      notSlim:
        '`{image}` is the full image (compilers, headers and tools, about 1 GB): `{slim}` has the same Python on the same Debian release at about a seventh of the size',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags a `FROM python:<version>` (also `-bookworm`, `-trixie`, `python:latest`) in a stage whose layers become the image, and names the `-slim` tag of the same Python and Debian release.',
      whyItMatters:
        'The full tag is built on buildpack-deps: gcc, make, hundreds of `-dev` packages, git and more, about 1 GB uncompressed against about 150 MB for `-slim`. The application almost never needs them at run time, and every one of those packages is pulled, stored and scanned for CVEs with each deployment.',
      example: 'FROM python:3.12-bookworm\nWORKDIR /app\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      useInstead: 'FROM python:3.12-slim-bookworm\nWORKDIR /app\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      fixSafety:
        'The fix switches the tag to the `-slim` tag of the same Python and Debian release. It is unsafe when the image builds native code (it installs compilers or `-dev` packages with apt/apk, or pip installs a package that has no wheel and compiles) or runs a tool only the full image has without installing it (`curl`, `git`, `wget`, `make`, …), because the full image brings compilers and libraries the slim one lacks; for those images, compile in a builder stage and keep the slim image for the final stage (the builder-stage refactor comes with a later release). Also unsafe when requirements files could not be read to check.',
      references: ['https://hub.docker.com/_/python', 'https://github.com/docker-library/docs/tree/master/python#image-variants'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      if (!stage.layersInFinal || stage.from.stage !== undefined) continue;
      const { ref, facts, tagRange } = stage.from;
      if (facts.family !== 'python' || facts.variant !== 'full' || ref.hasVariables || !tagRange) continue;
      const slim = slimTagFor(ref, facts);
      if (!slim) continue;
      const safe = !compilesNative(model, semanticsFor(ctx), stage, ctx.files, ctx);
      ctx.report({
        range: tagRange,
        messageId: 'notSlim',
        data: { image: `${ref.path}:${ref.tag}`, slim: `${ref.path}:${slim}` },
        fixes: [{ title: `Use \`${ref.path}:${slim}\``, applicability: safe ? 'safe' : 'unsafe', edits: [{ range: tagRange, newText: slim }] }],
      });
    }
  },
});

/**
 * Commands the full image has (buildpack-deps: curl, scm and build layers) and -slim does not, with the Debian
 * package that brings each back.
 */
const FULL_ONLY_COMMANDS: Readonly<Record<string, string>> = {
  curl: 'curl', wget: 'wget', gpg: 'gnupg', git: 'git', hg: 'mercurial', svn: 'subversion', ssh: 'openssh-client', scp: 'openssh-client',
  gcc: 'gcc', cc: 'gcc', 'g++': 'g++', 'c++': 'g++', make: 'make', autoconf: 'autoconf', automake: 'automake', patch: 'patch',
  'pkg-config': 'pkg-config', unzip: 'unzip', bzip2: 'bzip2', ps: 'procps', file: 'file', pg_config: 'libpq-dev', mysql_config: 'default-libmysqlclient-dev',
};

/**
 * True when a shipped stage built on this one installs build packages, pip installs something that compiles or
 * cannot be checked, or runs a command only the full image has without installing it.
 */
function compilesNative(model: DockerfileModel, sem: Semantics, stage: Stage, files: ProjectFiles, loc: InstallLocation): boolean {
  const shipped = model.stages.filter((s) => s.layersInFinal && sem.stage(s).lineage.includes(stage));
  for (const s of shipped) {
    const installed = new Set<string>();
    for (const instr of lineageInstructions(sem, s)) {
      const commands = instr.run?.commands ?? [];
      for (const c of commands) for (const p of installedPackages(c)) installed.add(p.name);
      const used = [...commands.map((c) => basename(c.name.value)), ...(instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT' ? [commandWord(instr) ?? ''] : [])];
      // HEALTHCHECK CMD curl …: the probe needs the tool too.
      if (instr.keyword === 'HEALTHCHECK' && instr.args[0]?.value.toUpperCase() === 'CMD' && instr.args[1]) used.push(basename(instr.args[1].value.replace(/^\["?|"?,?$/g, '')));
      if (used.some((u) => FULL_ONLY_COMMANDS[u] !== undefined && !installed.has(FULL_ONLY_COMMANDS[u]!))) return true;
      if (!instr.run) continue;
      if (buildPackagesIn(instr).length > 0) return true;
      const fromFiles = packagesInstalledBy(model, instr, files, loc);
      for (const c of instr.run.commands) {
        const pip = c.pip;
        if (!pip || !['install', 'add', 'sync'].includes(pip.sub)) continue;
        // Projects, lock files and unreadable requirements cannot be checked for source builds.
        if (pip.sub === 'sync' || pip.tool === 'poetry' || pip.tool === 'pipenv' || pip.localPaths.length > 0 || pip.editables.length > 0) return true;
        if (pip.options.some((o) => /^--no-binary/.test(o.value))) return true;
        // Every requirements file (includes too) is found where pip reads it and could be read.
        const read = requirementsFilesOf(model, instr, c, files, loc).filter((f) => !f.constraint);
        const readable = read.filter((f) => f.includedFrom === undefined).length >= pip.requirements.length && read.every((f) => f.parsed !== undefined);
        const names = [...pipPackages(c).map((p) => p.name), ...fromFiles.filter((p) => p.install.command === c).map((p) => p.name)];
        if (!readable || names.some(alwaysCompiles)) return true;
      }
    }
  }
  return false;
}
