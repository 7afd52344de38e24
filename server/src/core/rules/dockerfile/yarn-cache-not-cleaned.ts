// DL3060: `yarn install` without `yarn cache clean` in the same RUN leaves yarn's cache in the image.
import { defineRule } from '../rule';
import { appendCommand, laterCommand, mountCovers, runInstructions, toolName } from './package-manager-helpers';

const CACHES = ['/root/.cache/yarn', '/usr/local/share/.cache/yarn', '/home/node/.cache/yarn', '/root/.yarn/berry/cache'];

export default defineRule({
  meta: {
    code: 'DL3060',
    name: 'yarn-cache-not-cleaned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'info',
    messages: { noClean: '`yarn install` leaves its cache in the layer: run `yarn cache clean` afterwards in the same RUN' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `yarn install` in a stage whose layers become the image when the same RUN does not run `yarn cache clean` afterwards and no cache or tmpfs mount covers yarn\'s cache.',
      whyItMatters: 'yarn keeps a copy of every package tarball in its global cache; in an image that is often as large as `node_modules` itself.',
      example: 'FROM node:20-slim\nRUN yarn install --frozen-lockfile\n',
      useInstead: 'FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
      fixSafety: 'Safe: appends `&& yarn cache clean` to the RUN.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3060', 'https://classic.yarnpkg.com/en/docs/cli/cache'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      const stage = ctx.model.stages[instr.stage];
      if (stage && !stage.layersInFinal && !instr.onbuild) continue;
      if (mountCovers(instr, CACHES)) continue;
      for (const command of instr.run!.commands) {
        if (toolName(command) !== 'yarn' || command.args[0]?.value !== 'install') continue;
        const cleaned = laterCommand(instr, command, (c) => toolName(c) === 'yarn' && c.args[0]?.value === 'cache' && c.args[1]?.value === 'clean');
        if (cleaned) continue;
        const edit = appendCommand(ctx.model, instr, 'yarn cache clean');
        ctx.report({
          range: { start: command.name.range.start, end: command.args[0].range.end },
          messageId: 'noClean',
          fixes: edit ? [{ title: 'Add `yarn cache clean`', applicability: 'safe', edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
