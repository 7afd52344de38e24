// DL3041: `dnf install` of a package without a version installs whatever the repository serves on build day.
import { defineRule } from '../rule';
import { reportUnpinnedRpmInstalls } from './rpm-version-helpers';

export default defineRule({
  meta: {
    code: 'DL3041',
    name: 'dnf-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      unpinned: '`{pkg}` is installed without a version: write `{pkg}-<version>`',
      unpinnedModule: 'Module `{pkg}` is installed without a stream: write `{pkg}:<stream>`',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags packages given to `dnf install` (also `microdnf`, and `dnf module install`) without a version (`name-<version>`, an `.rpm` file) and modules without a stream (`name:<stream>`). Variables set by ARG or ENV are substituted first; an ARG without a default counts as a version passed with `--build-arg`.',
      whyItMatters: 'An unpinned package changes whenever the repository updates, so the same Dockerfile builds different images on different days, and a rebuild can break without any change to the file.',
      example: 'FROM fedora:40\nRUN dnf install -y tomcat && dnf clean all\n',
      useInstead: 'FROM fedora:40\nRUN dnf install -y tomcat-9.0.87 && dnf clean all\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      divergences: 'Stage-aware: an ARG declared in another stage (not one this stage is built FROM) does not reach this RUN, so a version taken from it is not counted; hadolint accepts any variable declared by ARG anywhere.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3041'],
    },
  },
  check(ctx) {
    reportUnpinnedRpmInstalls(ctx, ['dnf', 'microdnf']);
  },
});
