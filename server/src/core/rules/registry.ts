// The one list of rules: a rule file that is not listed here does not run (a test checks every file is).
import type { Rule } from './rule';
import type { DockerfileModel } from '../model/dockerfile';
import dl3006 from './dockerfile/untagged-base-image';
import dl3007 from './dockerfile/latest-base-image-tag';
import dl3009 from './dockerfile/apt-lists-not-removed';
import dl3015 from './dockerfile/apt-get-install-without-no-install-recommends';
import dl3042 from './dockerfile/pip-install-without-no-cache-dir';
import lw001 from './dockerfile/copy-context-before-dependency-install';

export const DOCKERFILE_RULES: readonly Rule<DockerfileModel>[] = [dl3006, dl3007, dl3009, dl3015, dl3042, lw001];

export const ALL_RULES: readonly Rule<unknown>[] = [...(DOCKERFILE_RULES as readonly Rule<unknown>[])];

export function findRule(codeOrName: string): Rule<unknown> | undefined {
  const k = codeOrName.toLowerCase();
  return ALL_RULES.find((r) => r.meta.code.toLowerCase() === k || r.meta.name === k);
}
