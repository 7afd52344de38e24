// "Use the slim base": switches a full `python:<ver>[-<os>]` tag to the slim tag of the same Python and OS release.
import type { DockerfileModel, Stage } from '../model/dockerfile';
import { slimTagFor } from '../model/image';
import { applyEdits } from '../text';
import { declined, defineAssist, type AssistResult } from './assist';
import { savingSuffix } from './saving';

function stageAt(model: DockerfileModel, line: number | undefined): Stage | undefined {
  if (line === undefined) return model.finalStage;
  return model.stages.find((s) => line >= s.range.start.line && line <= s.range.end.line);
}

export default defineAssist({
  id: 'use-slim-base',
  title: 'Use the slim base',
  kind: 'refactor.rewrite',
  run(model, ctx): AssistResult {
    const stage = stageAt(model, ctx.range?.start.line);
    if (!stage) return declined('no stage here');
    const { ref, facts, tagRange } = stage.from;
    if (facts.family !== 'python') return declined(`\`${stage.from.image}\` is not an official Python image`);
    if (ref.hasVariables || ref.digest) return declined('the tag is written with a variable or pinned by digest');
    const slim = slimTagFor(ref, facts);
    if (!slim || !tagRange) return declined(facts.variant === 'full' ? 'this tag has no slim counterpart' : `\`${stage.from.image}\` is already a small variant`);
    const edits = [{ range: tagRange, newText: slim }];
    const text = applyEdits(model.text, edits);
    const saving = savingSuffix(model, text, ctx);
    const compiles = stage.instructions.some((i) => i.run?.commands.some((c) => (c.apt?.sub === 'install' && c.apt.packages.length > 0) || c.pip?.sub === 'install'));
    const notes = compiles ? ['the stage installs packages: check that what it compiles still finds its headers (slim has no compiler)'] : [];
    return { applies: true, actions: [{ title: `Use \`python:${slim}\`${saving?.suffix ?? ''}`, edits, text, notes, ...(saving ? { saving: saving.bytes } : {}) }] };
  },
});
