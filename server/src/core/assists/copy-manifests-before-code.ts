// "Copy dependency manifests before the code": the install layer is then reused until a manifest changes.
import { lintDockerfileWith } from '../engine';
import { defaultConfig } from '../config';
import lw001 from '../rules/dockerfile/copy-context-before-dependency-install';
import { applyEdits } from '../text';
import { declined, defineAssist, type AssistResult } from './assist';

export default defineAssist({
  id: 'copy-manifests-before-code',
  title: 'Copy dependency manifests before the code',
  kind: 'refactor.rewrite',
  run(model, ctx): AssistResult {
    // The reordering is the one LW001 computes for its finding; the assist offers it wherever the cursor is in that
    // stage, also when the rule is switched off in settings (assists ignore configuration).
    const findings = lintDockerfileWith([lw001], model, { config: defaultConfig(), ...(ctx.files ? { files: ctx.files } : {}), ...(ctx.path ? { path: ctx.path } : {}) });
    const line = ctx.range?.start.line;
    const inStage = (l: number): boolean => line === undefined || model.stages.some((s) => line >= s.range.start.line && line <= s.range.end.line && l >= s.range.start.line && l <= s.range.end.line);
    const f = findings.find((x) => inStage(x.range.start.line) && x.fixes.length > 0);
    if (!f) return declined(findings.length ? 'the install cannot move above the code: it reads files of the project (a local path, a requirements file that cannot be read or leaves the context, or another command in its RUN)' : 'no dependency install after a copy of the whole context here');
    const fix = f.fixes[0]!;
    return { applies: true, actions: [{ title: 'Copy dependency manifests before the code', edits: fix.edits, text: applyEdits(model.text, fix.edits) }] };
  },
});
