// LW105: a `-r`/`-c` include that names a file that does not exist, leads back to the including file, into a loop, or too deep.
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import * as posix from '../../path';
import { MAX_INCLUDE_DEPTH } from '../../model/requirements';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW105',
    name: 'broken-requirements-include',
    origin: 'layerwise',
    language: 'requirements',
    category: 'correctness',
    severity: 'error',
    messages: {
      notFound: '`{path}` does not exist: pip reads `{option}` paths from this file\'s folder and looks for `{resolved}`',
      loop: '`{path}` includes this file again ({chain}): the includes form a loop',
      loopBelow: '`{path}` leads into a loop of includes ({chain})',
      tooDeep: 'The includes below `{path}` go more than {max} files deep; Layerwise follows them no further',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Checks every `-r`/`--requirement` and `-c`/`--constraint` line whose path is a local file: the file must exist next to where pip looks for it (relative paths are resolved against the folder of the file that contains the line, not the working directory), and following includes must not lead back to the file itself, into a loop among the files it includes, or more than 32 files deep (where Layerwise stops following them). URLs and paths with `${VAR}` are not checked.',
      whyItMatters:
        'A missing include fails `pip install -r` in the image build ("Could not open requirements file"). A loop makes pip re-read the same files; depending on the version it fails or silently repeats every requirement, and every repeat is one more place where versions can disagree. A chain dozens of files deep is almost always a loop by another name, and past that depth the other requirements checks no longer see the files.',
      example: '-r base.txt\nflask==3.0.3\n',
      useInstead: '-r common.txt\nflask==3.0.3\n',
      exampleFiles: { 'common.txt': 'requests==2.32.3\n' },
      fixSafety: 'No fix: which file was meant cannot be known.',
      references: ['https://pip.pypa.io/en/stable/reference/requirements-file-format/#referring-to-other-requirements-files'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    if (!model.path || !model.filesListable) return;
    const here = posix.dirname(model.path);
    for (const inc of model.includes) {
      const option = inc.entry.constraint ? '-c' : '-r';
      if (inc.text === undefined) {
        ctx.report({ range: inc.entry.pathRange, messageId: 'notFound', data: { path: inc.entry.path, option, resolved: inc.path } });
      } else if (inc.cycle) {
        const chain = inc.cycle.map((p) => `\`${posix.relative(here, p) || posix.basename(p)}\``).join(' → ');
        ctx.report({ range: inc.entry.pathRange, messageId: 'loop', data: { path: inc.entry.path, chain } });
      } else if (inc.loop) {
        const chain = inc.loop.map((p) => `\`${posix.relative(here, p) || posix.basename(p)}\``).join(' → ');
        ctx.report({ range: inc.entry.pathRange, messageId: 'loopBelow', data: { path: inc.entry.path, chain } });
      } else if (inc.tooDeep) {
        ctx.report({ range: inc.entry.pathRange, messageId: 'tooDeep', data: { path: inc.entry.path, max: MAX_INCLUDE_DEPTH } });
      }
    }
  },
});
