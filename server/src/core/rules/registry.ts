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
import lw002 from './dockerfile/python-base-not-slim';
import lw003 from './dockerfile/build-packages-left-in-image';
import lw004 from './dockerfile/apt-get-update-in-separate-run';
import lw005 from './dockerfile/cleanup-in-later-layer';
import lw006 from './dockerfile/recursive-chown-of-copied-files';
import lw007 from './dockerfile/no-user-in-final-stage';
import lw008 from './dockerfile/end-of-life-base-image';
import lw009 from './dockerfile/pip-install-compiles-on-alpine';
import lw010 from './dockerfile/dockerignore-missing-python-entries';
import lw011 from './dockerfile/python-unbuffered-not-set';
import lw012 from './dockerfile/python-tool-cache-kept';
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
import dl3030 from './dockerfile/yum-install-without-yes';
import dl3032 from './dockerfile/yum-clean-all-missing';
import dl3033 from './dockerfile/yum-install-unpinned';
import dl3034 from './dockerfile/zypper-without-non-interactive';
import dl3035 from './dockerfile/zypper-dist-upgrade';
import dl3036 from './dockerfile/zypper-clean-missing';
import dl3037 from './dockerfile/zypper-install-unpinned';
import dl3038 from './dockerfile/dnf-install-without-yes';
import dl3040 from './dockerfile/dnf-clean-all-missing';
import dl3041 from './dockerfile/dnf-install-unpinned';
import dl3043 from './dockerfile/onbuild-trigger-not-allowed';
import dl3044 from './dockerfile/env-references-same-statement';
import dl3045 from './dockerfile/copy-relative-destination-without-workdir';
import dl3046 from './dockerfile/useradd-high-uid-without-l';
import dl3047 from './dockerfile/wget-without-progress';
import dl3048 from './dockerfile/invalid-label-key';
import dl3049 from './dockerfile/label-missing';
import dl3050 from './dockerfile/superfluous-label';
import dl3051 from './dockerfile/empty-label';
import dl3052 from './dockerfile/label-not-url';
import dl3053 from './dockerfile/label-not-rfc3339';
import dl3054 from './dockerfile/label-not-spdx';
import dl3055 from './dockerfile/label-not-git-hash';
import dl3056 from './dockerfile/label-not-semver';
import dl3057 from './dockerfile/healthcheck-missing';
import dl3058 from './dockerfile/label-not-email';
import dl3059 from './dockerfile/consecutive-run-instructions';
import dl3060 from './dockerfile/yarn-cache-not-cleaned';
import dl3061 from './dockerfile/instruction-before-from';
import dl3062 from './dockerfile/go-install-unpinned';
import dl3063 from './dockerfile/reserved-stage-name';
import dl3064 from './dockerfile/sensitive-arg-or-env';
import dl3065 from './dockerfile/redundant-target-platform';
import dl3066 from './dockerfile/non-numeric-user';
import dl3067 from './dockerfile/copy-whole-filesystem';
import dl4000 from './dockerfile/maintainer-deprecated';
import dl4001 from './dockerfile/wget-and-curl';
import dl4003 from './dockerfile/multiple-cmd';
import dl4004 from './dockerfile/multiple-entrypoint';
import dl4005 from './dockerfile/ln-to-bin-sh';
import dl4006 from './dockerfile/pipe-without-pipefail';
import shellcheck from './dockerfile/shellcheck';
// --- BuildKit checks (issue 8): imports ---
import bkStageNameCasing from './dockerfile/stage-name-casing';
import bkFromAsCasing from './dockerfile/from-as-casing';
import bkNoEmptyContinuation from './dockerfile/empty-continuation-line';
import bkConsistentInstructionCasing from './dockerfile/inconsistent-instruction-casing';
import bkDuplicateStageName from './dockerfile/reused-stage-name';
import bkReservedStageName from './dockerfile/stage-name-reserved';
import bkJsonArgsRecommended from './dockerfile/json-args-recommended';
import bkMaintainerDeprecated from './dockerfile/maintainer-instruction';
import bkUndefinedArgInFrom from './dockerfile/undefined-arg-in-from';
import bkWorkdirRelativePath from './dockerfile/workdir-relative-path';
import bkUndefinedVar from './dockerfile/undefined-var';
import bkMultipleInstructionsDisallowed from './dockerfile/multiple-instructions-disallowed';
import bkLegacyKeyValueFormat from './dockerfile/legacy-key-value-format';
import bkInvalidBaseImagePlatform from './dockerfile/invalid-base-image-platform';
import bkRedundantTargetPlatform from './dockerfile/platform-flag-repeats-target';
import bkSecretsUsedInArgOrEnv from './dockerfile/secrets-used-in-arg-or-env';
import bkInvalidDefaultArgInFrom from './dockerfile/invalid-default-arg-in-from';
import bkFromPlatformFlagConstDisallowed from './dockerfile/from-platform-flag-const-disallowed';
import bkCopyIgnoredFile from './dockerfile/copy-ignored-file';
import bkInvalidDefinitionDescription from './dockerfile/invalid-definition-description';
import bkExposeProtoCasing from './dockerfile/expose-proto-casing';
import bkExposeInvalidFormat from './dockerfile/expose-invalid-format';
// --- requirements files (issue 4): imports ---
import type { RequirementsModel } from '../model/requirements';
import lw101 from './requirements/requirements-syntax-error';
import lw102 from './requirements/invalid-requirement-version';
import lw103 from './requirements/unknown-requirements-option';
import lw104 from './requirements/duplicate-requirement';
import lw105 from './requirements/broken-requirements-include';
import lw106 from './requirements/incomplete-requirement-hashes';
import lw107 from './requirements/unpinned-requirement-in-image';
import lw108 from './requirements/requirements-trusted-host';
import lw109 from './requirements/opencv-gui-build-in-container';
import lw110 from './requirements/gpu-wheels-in-cpu-image';
import lw111 from './requirements/deprecated-python-package';
import lw112 from './requirements/requirement-builds-from-source';
import lw113 from './dockerfile/pip-requirement-needs-compiler';
// --- multi-stage rules (issue 6): imports ---
import lw050 from './dockerfile/site-packages-python-version-mismatch';
import lw051 from './dockerfile/site-packages-copied-without-console-scripts';
import lw052 from './dockerfile/builder-final-abi-mismatch';
import lw053 from './dockerfile/venv-copied-to-different-path';
import lw054 from './dockerfile/built-package-runtime-library-missing';
import lw055 from './dockerfile/copy-from-path-not-created';
// --- robustness (issue 18): imports ---
import lw056 from './dockerfile/dockerignore-invalid-pattern';
// --- issue 17 (not a Dockerfile, context to root, unquoted specifiers): imports ---
import lw013 from './dockerfile/not-a-dockerfile';
import lw014 from './dockerfile/copy-context-to-root';
import lw015 from './dockerfile/unquoted-requirement-redirect';
// --- issue 17 (root on any base, EOL data, CMD executable): imports ---
import lw019 from './dockerfile/cmd-executable-not-in-final-stage';
// --- issue 17 (PEP 668, poetry --no-root): imports ---
import lw016 from './dockerfile/pip-install-externally-managed';
import lw017 from './dockerfile/poetry-install-without-no-root';
// --- issue 15 (half-typed input): imports ---
import lw020 from './dockerfile/unknown-instruction';
import lw021 from './dockerfile/unterminated-heredoc';
import lw022 from './dockerfile/pip-install-package-name-typo';
import lw114 from './requirements/requirement-name-typo';

const FOUNDATION: Rule<DockerfileModel>[] = [dl3006, dl3007, dl3009, dl3015, dl3042, lw001];
const PYTHON_IMAGE: Rule<DockerfileModel>[] = [
  // --- python-image rules (issue 3): list ---
  lw002, lw003, lw004, lw005, lw006, lw007, lw008, lw009, lw010, lw011, lw012,
];
const HADOLINT_A: Rule<DockerfileModel>[] = [
  // --- hadolint DL3000-DL3029 (issue 8): list ---
  dl1001, dl3000, dl3001, dl3002, dl3003, dl3004, dl3008, dl3010, dl3011, dl3012, dl3013, dl3014, dl3016, dl3018, dl3019, dl3020, dl3021, dl3022, dl3023, dl3024, dl3025, dl3026, dl3027, dl3028, dl3029,
];
const HADOLINT_B: Rule<DockerfileModel>[] = [
  // --- hadolint DL3030-DL4006 (issue 8): list ---
  dl3030, dl3032, dl3033, dl3034, dl3035, dl3036, dl3037, dl3038, dl3040, dl3041, dl3043, dl3044, dl3045, dl3046, dl3047, dl3048, dl3049, dl3050, dl3051, dl3052, dl3053, dl3054, dl3055, dl3056, dl3057, dl3058, dl3059, dl3060, dl3061, dl3062, dl3063, dl3064, dl3065, dl3066, dl3067, dl4000, dl4001, dl4003, dl4004, dl4005, dl4006,
  shellcheck,
];
const BUILDKIT: Rule<DockerfileModel>[] = [
  // --- BuildKit checks (issue 8): list ---
  bkStageNameCasing,
  bkFromAsCasing,
  bkNoEmptyContinuation,
  bkConsistentInstructionCasing,
  bkDuplicateStageName,
  bkReservedStageName,
  bkJsonArgsRecommended,
  bkMaintainerDeprecated,
  bkUndefinedArgInFrom,
  bkWorkdirRelativePath,
  bkUndefinedVar,
  bkMultipleInstructionsDisallowed,
  bkLegacyKeyValueFormat,
  bkInvalidBaseImagePlatform,
  bkRedundantTargetPlatform,
  bkSecretsUsedInArgOrEnv,
  bkInvalidDefaultArgInFrom,
  bkFromPlatformFlagConstDisallowed,
  bkCopyIgnoredFile,
  bkInvalidDefinitionDescription,
  bkExposeProtoCasing,
  bkExposeInvalidFormat,
];

const MULTI_STAGE: Rule<DockerfileModel>[] = [
  // --- multi-stage rules (issue 6): list ---
  lw050, lw051, lw052, lw053, lw054, lw055,
];

const ROBUSTNESS: Rule<DockerfileModel>[] = [
  // --- robustness (issue 18): list ---
  lw056,
];

const ISSUE17_H3SHELL: Rule<DockerfileModel>[] = [
  // --- issue 17 (not a Dockerfile, context to root, unquoted specifiers): list ---
  lw013, lw014, lw015,
];

const ISSUE17_H5FINAL: Rule<DockerfileModel>[] = [
  // --- issue 17 (root on any base, EOL data, CMD executable): list ---
  lw019,
];

const ISSUE17_H4PYTHON: Rule<DockerfileModel>[] = [
  // --- issue 17 (PEP 668, poetry --no-root): list ---
  lw016, lw017,
];

const ISSUE15_HALF_TYPED: Rule<DockerfileModel>[] = [
  // --- issue 15 (half-typed input): list ---
  lw020, lw021, lw022,
];

const REQUIREMENTS_DOCKERFILE: Rule<DockerfileModel>[] = [
  // --- Dockerfile rules that read requirements files (issue 4): list ---
  lw113,
];

export const DOCKERFILE_RULES: readonly Rule<DockerfileModel>[] = [...FOUNDATION, ...PYTHON_IMAGE, ...HADOLINT_A, ...HADOLINT_B, ...BUILDKIT, ...REQUIREMENTS_DOCKERFILE, ...MULTI_STAGE, ...ROBUSTNESS, ...ISSUE17_H3SHELL, ...ISSUE17_H5FINAL, ...ISSUE17_H4PYTHON, ...ISSUE15_HALF_TYPED];

/** Rules over requirements files (their model type lives with the requirements parser). */
export const REQUIREMENTS_RULES: readonly Rule<unknown>[] = [
  // --- requirements files (issue 4): list ---
  ...([lw101, lw102, lw103, lw104, lw105, lw106, lw107, lw108, lw109, lw110, lw111, lw112] satisfies Rule<RequirementsModel>[] as readonly Rule<unknown>[]),
  // --- issue 15 (half-typed input): requirements list ---
  ...([lw114] satisfies Rule<RequirementsModel>[] as readonly Rule<unknown>[]),
];

export const ALL_RULES: readonly Rule<unknown>[] = [...(DOCKERFILE_RULES as readonly Rule<unknown>[]), ...REQUIREMENTS_RULES];

export function findRule(codeOrName: string): Rule<unknown> | undefined {
  const k = codeOrName.toLowerCase();
  return ALL_RULES.find((r) => r.meta.code.toLowerCase() === k || r.meta.name === k);
}
