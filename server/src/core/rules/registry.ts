// The one list of rules: a rule file that is not listed here does not run (a test checks every file is).
// Each group has its own block so several people can add rules without touching each other's lines.
import type { Rule } from './rule';
import type { DockerfileModel } from '../model/dockerfile';

// --- foundation (issue 2) ---
import dl3006 from './dockerfile/untagged-base-image';
import dl3007 from './dockerfile/latest-base-image-tag';
import dl3009 from './dockerfile/apt-lists-not-removed';
import dl3015 from './dockerfile/apt-get-install-without-no-install-recommends';
import dl3042 from './dockerfile/pip-install-without-no-cache-dir';
import lw001 from './dockerfile/copy-context-before-dependency-install';
// --- python-image rules (issue 3): imports ---
// --- hadolint DL3000-DL3029 (issue 8): imports ---
// --- hadolint DL3030-DL4006 (issue 8): imports ---
import shellcheck from './dockerfile/shellcheck';
// --- BuildKit checks (issue 8): imports ---
// --- requirements files (issue 4): imports ---

const FOUNDATION: Rule<DockerfileModel>[] = [dl3006, dl3007, dl3009, dl3015, dl3042, lw001];
const PYTHON_IMAGE: Rule<DockerfileModel>[] = [
  // --- python-image rules (issue 3): list ---
];
const HADOLINT_A: Rule<DockerfileModel>[] = [
  // --- hadolint DL3000-DL3029 (issue 8): list ---
];
const HADOLINT_B: Rule<DockerfileModel>[] = [
  // --- hadolint DL3030-DL4006 (issue 8): list ---
  shellcheck,
];
const BUILDKIT: Rule<DockerfileModel>[] = [
  // --- BuildKit checks (issue 8): list ---
];

const REQUIREMENTS_DOCKERFILE: Rule<DockerfileModel>[] = [
  // --- Dockerfile rules that read requirements files (issue 4): list ---
];

export const DOCKERFILE_RULES: readonly Rule<DockerfileModel>[] = [...FOUNDATION, ...PYTHON_IMAGE, ...HADOLINT_A, ...HADOLINT_B, ...BUILDKIT, ...REQUIREMENTS_DOCKERFILE];

/** Rules over requirements files (their model type lives with the requirements parser). */
export const REQUIREMENTS_RULES: readonly Rule<unknown>[] = [
  // --- requirements files (issue 4): list ---
];

export const ALL_RULES: readonly Rule<unknown>[] = [...(DOCKERFILE_RULES as readonly Rule<unknown>[]), ...REQUIREMENTS_RULES];

export function findRule(codeOrName: string): Rule<unknown> | undefined {
  const k = codeOrName.toLowerCase();
  return ALL_RULES.find((r) => r.meta.code.toLowerCase() === k || r.meta.name === k);
}
