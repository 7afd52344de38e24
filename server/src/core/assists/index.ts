// The one list of assists (refactors offered as code actions), and the helper that runs them for a range.
import type { DockerfileModel } from '../model/dockerfile';
import type { Assist, AssistAction, AssistContext } from './assist';
import splitIntoBuilderStage from './split-into-builder-stage';
import copyManifestsBeforeCode from './copy-manifests-before-code';
import useSlimBase from './use-slim-base';
import usePipCacheMount from './use-pip-cache-mount';
import mergeConsecutiveRuns from './merge-consecutive-runs';

export const ASSISTS: readonly Assist[] = [splitIntoBuilderStage, copyManifestsBeforeCode, useSlimBase, usePipCacheMount, mergeConsecutiveRuns];

export interface OfferedAssist {
  assist: Assist;
  action: AssistAction;
}

/** Every action the assists offer for a context; assists that decline are left out (ask `run` for the reason). */
export function assistsFor(model: DockerfileModel, ctx: AssistContext): OfferedAssist[] {
  const out: OfferedAssist[] = [];
  for (const assist of ASSISTS) {
    let result;
    try {
      result = assist.run(model, ctx);
    } catch {
      continue; // an assist bug must never break the editor's code-action request
    }
    if (!result.applies) continue;
    for (const action of result.actions) out.push({ assist, action });
  }
  return out;
}

export function findAssist(id: string): Assist | undefined {
  return ASSISTS.find((a) => a.id === id);
}

export type { Assist, AssistAction, AssistContext, AssistResult } from './assist';
