// LW000: what Layerwise did not analyse (a binary or huge file, a RUN body past the shell limits, a rule that failed) — one finding says so instead of silence or a blocked editor.
import type { RuleMeta } from './rules/rule';
import type { DockerfileModel } from './model/dockerfile';
import type { Finding } from './types';
import { MAX_FILE_SHELL, MAX_RUN_SHELL } from './parse/shell';

/** Not a rule (nothing to turn off or fix): the engine and the core's front door report it; the docs page is generated from this. */
export const NOT_ANALYSED_META: RuleMeta = {
  code: 'LW000',
  name: 'not-analysed',
  origin: 'layerwise',
  language: 'dockerfile',
  category: 'correctness',
  severity: 'info',
  messages: {},
  fix: 'none',
  docs: {
    whatItDoes: `Says where Layerwise did not look: a binary file, one larger than 2,000,000 characters or a Dockerfile with a line longer than 65,536 characters (nothing is analysed: no finding, hover, CodeLens or refactoring), a RUN body longer than ${MAX_RUN_SHELL.toLocaleString('en-US')} characters, or the RUN bodies after the file's bodies together passed ${MAX_FILE_SHELL.toLocaleString('en-US')} characters (their commands are not read: no shell rule checks them and their effects count as unknown, so no rule reports on paths they may make); and, as a hint, a rule that failed on the file (a bug in Layerwise: please report it with the file).`,
    whyItMatters: 'Silence would read as "nothing wrong here". The limits keep the editor responsive on generated or hostile files: real RUN bodies stay under 10 KB, and a megabyte of shell would block the language server for seconds.',
    example: 'FROM python:3.12-slim\n# a RUN body of more than 65,536 characters, e.g. generated: RUN echo 1 && echo 2 && … && echo 20000\n',
    useInstead: 'FROM python:3.12-slim\nCOPY install.sh /tmp/\nRUN sh /tmp/install.sh\n',
    fixSafety: 'No fix: move a generated command list into a script that the RUN runs.',
    references: [],
  },
};

/** One finding per RUN body past MAX_RUN_SHELL, and one at the first RUN the file's total left unread. */
export function notAnalysedFindings(model: DockerfileModel, docsBase: string): Finding[] {
  const out: Finding[] = [];
  let fileSkipped = 0;
  let first: { range: Finding['range'] } | undefined;
  for (const instr of model.instructions) {
    const skipped = instr.run?.script?.skipped;
    if (skipped === 'run') {
      out.push(notAnalysedFinding(instr.keywordRange, `\`${instr.keyword}\` body is ${instr.run!.script!.source.length.toLocaleString('en-US')} characters, more than the ${MAX_RUN_SHELL.toLocaleString('en-US')} Layerwise reads: its commands are not checked`, docsBase));
    } else if (skipped === 'file') {
      fileSkipped++;
      first ??= { range: instr.keywordRange };
    }
  }
  if (first) {
    out.push(notAnalysedFinding(first.range, `The RUN bodies above pass ${MAX_FILE_SHELL.toLocaleString('en-US')} characters together: this \`RUN\`${fileSkipped > 1 ? ` and the ${fileSkipped - 1} after it are` : ' is'} not checked`, docsBase));
  }
  return out;
}

/** An LW000 finding (the front door's declined files use it too). */
export function notAnalysedFinding(range: Finding['range'], message: string, docsBase: string): Finding {
  return { code: 'LW000', name: 'not-analysed', category: 'correctness', severity: 'info', message, range, fixes: [], docsUrl: `${docsBase}LW000.md` };
}
