// The one list of assists (refactors offered as code actions), each held to the rewrite contract, and the helper that runs them for a range.
import type { DockerfileModel } from '../model/dockerfile';
import { declined, type Assist, type AssistAction, type AssistContext, type AssistResult } from './assist';
import { buildDockerfileModel } from '../model/dockerfile';
import { checkRewrite, touchedBy, type ContractResult } from '../rewrite-contract';
import splitIntoBuilderStage from './split-into-builder-stage';
import copyManifestsBeforeCode from './copy-manifests-before-code';
import useSlimBase from './use-slim-base';
import usePipCacheMount from './use-pip-cache-mount';
import mergeConsecutiveRuns from './merge-consecutive-runs';

const checked = new WeakSet<Assist>();

/** Whether an assist's action keeps the rewrite contract (core/rewrite-contract.ts) on this model. */
export function actionKeepsContract(model: DockerfileModel, action: AssistAction, ctx: AssistContext): ContractResult {
  const after = buildDockerfileModel(action.text, model.finalStage && model.finalStage !== model.stages[model.stages.length - 1] && model.finalStage.name ? { target: model.finalStage.name } : {});
  // Edits local to an instruction or two (a tag replaced, a flag swapped) declare those instructions changed, as a
  // fix's do; a whole-file rewrite declares only what its `changes` say.
  const changes = action.changes ?? { instructions: touchedBy(model, action.edits) };
  return checkRewrite(model, after, { ...(ctx.files ? { files: ctx.files } : {}), ...(ctx.path !== undefined ? { path: ctx.path } : {}), changes });
}

/**
 * The assist as the product offers it: an action that would break the rewrite contract is left out, and when no
 * action is left the assist declines with the contract's reason (the CLI's `layerwise split` prints it).
 */
export function withContract(assist: Assist): Assist {
  if (checked.has(assist)) return assist;
  const out: Assist = {
    ...assist,
    run(model, ctx): AssistResult {
      const result = assist.run(model, ctx);
      if (!result.applies) return result;
      const kept: AssistAction[] = [];
      let refused: string | undefined;
      for (const action of result.actions) {
        const verdict = actionKeepsContract(model, action, ctx);
        if (verdict.ok) kept.push(action);
        else refused ??= verdict.reason;
      }
      if (kept.length === 0) return declined(`the rewrite would not keep the build working: ${refused ?? 'it changes nothing'}`);
      return { applies: true, actions: kept };
    },
  };
  checked.add(out);
  return out;
}

export const ASSISTS: readonly Assist[] = [splitIntoBuilderStage, copyManifestsBeforeCode, useSlimBase, usePipCacheMount, mergeConsecutiveRuns].map(withContract);

export interface OfferedAssist {
  assist: Assist;
  action: AssistAction;
}

/** Every action the assists offer for a context, each checked by the rewrite contract; assists that decline are left out (ask `run` for the reason). */
export function assistsFor(model: DockerfileModel, ctx: AssistContext, assists: readonly Assist[] = ASSISTS): OfferedAssist[] {
  const out: OfferedAssist[] = [];
  for (const assist of assists.map(withContract)) {
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

/** An assist by id, held to the rewrite contract. */
export function findAssist(id: string): Assist | undefined {
  return ASSISTS.find((a) => a.id === id);
}

export type { Assist, AssistAction, AssistContext, AssistResult } from './assist';
