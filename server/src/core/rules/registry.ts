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
import dl1001 from './dockerfile/inline-ignore-pragma';
import dl3000 from './dockerfile/relative-workdir';
import dl3001 from './dockerfile/pointless-command-in-run';
import dl3002 from './dockerfile/last-user-root';
import dl3003 from './dockerfile/cd-instead-of-workdir';
import dl3004 from './dockerfile/sudo-in-run';
import dl3008 from './dockerfile/apt-get-install-unpinned';
import dl3010 from './dockerfile/copy-archive-then-extract';
import dl3011 from './dockerfile/expose-port-out-of-range';
import dl3012 from './dockerfile/multiple-healthchecks';
import dl3013 from './dockerfile/pip-install-unpinned';
import dl3014 from './dockerfile/apt-get-install-without-yes';
import dl3016 from './dockerfile/npm-install-unpinned';
import dl3018 from './dockerfile/apk-add-unpinned';
import dl3019 from './dockerfile/apk-add-without-no-cache';
import dl3020 from './dockerfile/add-instead-of-copy';
import dl3021 from './dockerfile/copy-multiple-sources-dest-not-dir';
import dl3022 from './dockerfile/copy-from-undefined-stage';
import dl3023 from './dockerfile/copy-from-own-stage';
import dl3024 from './dockerfile/duplicate-stage-name';
import dl3025 from './dockerfile/shell-form-cmd';
import dl3026 from './dockerfile/untrusted-registry';
import dl3027 from './dockerfile/apt-instead-of-apt-get';
import dl3028 from './dockerfile/gem-install-unpinned';
import dl3029 from './dockerfile/from-platform-flag';
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
  dl1001, dl3000, dl3001, dl3002, dl3003, dl3004, dl3008, dl3010, dl3011, dl3012, dl3013, dl3014, dl3016, dl3018, dl3019, dl3020, dl3021, dl3022, dl3023, dl3024, dl3025, dl3026, dl3027, dl3028, dl3029,
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
