// Shared by DL3033 and DL3041: whether an RPM package or module argument names a version, and the check itself.
import type { RuleContext } from '../rule';
import { substitute, type DockerfileModel } from '../../model/dockerfile';
import { rpmCommand, runInstructions, subIs, versionVariables, type RpmCommand } from './package-manager-helpers';
import { semanticsFor } from '../../model/semantic';

const VERSION_CHARS = /^[0-9A-Za-z.~^_:+]*$/;

/** `name-1.2`, `gcc-c++-1.1.1`, `openssl-1:1.1.1k`, `pkg.rpm` are pinned; `tomcat`, `rpm-sign` are not. */
export function rpmPackagePinned(pkg: string): boolean {
  if (pkg.endsWith('.rpm')) return true;
  const parts = pkg.split('-');
  if (parts.length <= 1) return false;
  const rest = parts.slice(1);
  return rest.every((p) => VERSION_CHARS.test(p)) && rest.some((p) => /^\d/.test(p));
}

/** A module stream is pinned with `name:stream`. */
export function rpmModulePinned(mod: string): boolean {
  return mod.includes(':');
}

/**
 * Reports each package given to `install` of one of `tools` without a version, and each module without a stream
 * (messages `unpinned` / `unpinnedModule`); group installs name no versions and are skipped.
 */
export function reportUnpinnedRpmInstalls(ctx: RuleContext<DockerfileModel>, tools: readonly RpmCommand['tool'][]): void {
  for (const instr of runInstructions(ctx.model)) {
    let env: Map<string, string> | undefined;
    for (const command of instr.run!.commands) {
      const rpm = rpmCommand(command);
      if (!rpm || !tools.includes(rpm.tool) || !subIs(rpm, 'install')) continue;
      const kind = rpm.sub.length > 1 ? rpm.sub[0]!.value : '';
      if (kind === 'group' || kind === 'groups') continue;
      env ??= versionVariables(semanticsFor(ctx), instr);
      for (const op of rpm.operands) {
        const value = substitute(op.value, env);
        if (kind === 'module' ? rpmModulePinned(value) : rpmPackagePinned(value)) continue;
        ctx.report({ range: op.range, messageId: kind === 'module' ? 'unpinnedModule' : 'unpinned', data: { pkg: op.value } });
      }
    }
  }
}
