// DL3009: `apt-get update` writes package lists that stay in the layer unless the same RUN deletes them.
import { defineRule } from '../rule';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import { commandSpan, hasCacheMount, runs } from './util';
import { appendCommand } from './package-manager-helpers';

const LISTS = /^\/var\/lib\/apt\/lists(\/\*?|\/)?$/;

function removesLists(instr: Instruction): boolean {
  return (instr.run?.commands ?? []).some((c) => c.rm?.paths.some((p) => LISTS.test(p.value) || p.value === '/var/lib/apt/lists/*'));
}

function removesDockerClean(model: DockerfileModel): boolean {
  return model.instructions.some((i) => ((i.trigger ?? i).run?.commands ?? []).some((c) => c.rm?.paths.some((p) => p.value.endsWith('/apt.conf.d/docker-clean'))));
}

function listsMounted(instr: Instruction, model: DockerfileModel): boolean {
  const mounted = (path: RegExp): boolean =>
    (instr.run?.mounts ?? []).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && path.test(m.target.replace(/\/$/, '')));
  const lists = mounted(/^\/var\/lib\/apt(\/lists)?$/);
  if (!lists) return false;
  // Without docker-clean, downloaded .debs in /var/cache/apt would stay unless that is mounted too.
  return !removesDockerClean(model) || mounted(/^\/var\/cache\/apt$/);
}

export default defineRule({
  meta: {
    code: 'DL3009',
    name: 'apt-lists-not-removed',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'info',
    messages: {
      listsLeft: '`{command}` leaves the package lists in the layer: delete `/var/lib/apt/lists/*` in the same RUN',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags a RUN that runs `apt-get update` (or `apt`/`aptitude`) without deleting `/var/lib/apt/lists/*` in the same RUN, in a stage whose layers reach the image.',
      whyItMatters:
        'The lists weigh about 20 MB compressed (around 60 MB on disk for trixie) and are useless at run time. Deleting them in a later RUN does not help: the bytes stay in the earlier layer.',
      example: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n',
      useInstead:
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fixSafety:
        'Appends `&& rm -rf /var/lib/apt/lists/*` to the RUN. Unsafe when a later RUN of the same stage installs packages without its own `apt-get update`, because that install would then find no lists.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3009', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
      divergences: 'A cache or tmpfs mount on `/var/lib/apt/lists` (or `/var/lib/apt`) satisfies the rule, as in hadolint.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const seen = new Set<Instruction>();
    for (const { instr, stage, command } of runs(model)) {
      const apt = command.apt;
      if (!apt || apt.sub !== 'update' || seen.has(instr)) continue;
      if (stage && !stage.layersInFinal && !instr.onbuild) continue;
      if (removesLists(instr) || listsMounted(instr, model) || hasCacheMount(instr, (t) => LISTS.test(t))) continue;
      seen.add(instr);
      const laterInstallWithoutUpdate =
        stage !== undefined &&
        stage.instructions.some(
          (i) =>
            i.index > instr.index &&
            (i.run?.commands ?? []).some((c) => c.apt?.sub === 'install') &&
            !(i.run?.commands ?? []).some((c) => c.apt?.sub === 'update'),
        );
      const fixes = [];
      // The shared appender: the file's escape character, the end of the body, and no fix where that end is unclear.
      const edit = appendCommand(model, instr, 'rm -rf /var/lib/apt/lists/*');
      if (edit) fixes.push({ title: 'Delete `/var/lib/apt/lists/*` in the same RUN', applicability: laterInstallWithoutUpdate ? ('unsafe' as const) : ('safe' as const), edits: [edit] });
      ctx.report({ range: commandSpan(command, apt.subToken), messageId: 'listsLeft', data: { command: `${command.name.value} update` }, fixes });
    }
  },
});

