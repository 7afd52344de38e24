// InvalidBaseImagePlatform: `FROM --platform=<os/arch>` asks for a platform the base image is known not to be built for.
import { defineRule } from '../rule';
import type { FromInfo } from '../../model/dockerfile';
import { KNOWN_OS, semanticsFor } from '../../model/semantic';

const LINUX_FAMILIES = new Set(['python', 'debian', 'ubuntu', 'alpine', 'distroless-python', 'chainguard-python']);

/** The OS an image is built for, when its name or tag settles it offline. */
function imageOs(from: FromInfo): 'linux' | 'windows' | undefined {
  const ref = from.ref;
  if (ref.hasVariables || from.stage !== undefined) return undefined;
  if (ref.registry?.toLowerCase() === 'mcr.microsoft.com' && /^windows(\/|$)/.test(ref.path)) return 'windows';
  if (from.facts.os?.distro === 'windows') return 'windows';
  if (from.facts.os !== undefined || LINUX_FAMILIES.has(from.facts.family)) return 'linux';
  return undefined;
}

export default defineRule({
  meta: {
    code: 'InvalidBaseImagePlatform',
    name: 'invalid-base-image-platform',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      mismatch: 'Base image `{image}` is built for {actual}, but `--platform` asks for `{expected}`',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a `FROM --platform=<platform>` whose operating system differs from the one the base image is built for, when that is known without pulling it: Windows tags (`python:*-windowsservercore`, `mcr.microsoft.com/windows/*`) against a Linux platform, or Linux images (`python`, `debian`, `ubuntu`, `alpine`, …) against a Windows one.',
      whyItMatters: 'The pull either fails ("no matching manifest") or, with a single-platform image, BuildKit uses an image for the wrong platform and the stage breaks later in a confusing way.',
      example: 'FROM --platform=linux/amd64 python:3.12-windowsservercore-ltsc2022\n',
      useInstead: 'FROM --platform=linux/amd64 python:3.12-slim\n',
      fixSafety: 'No fix: the right base image or platform is the author\'s choice.',
      references: ['https://docs.docker.com/reference/build-checks/', 'https://docs.docker.com/build/building/multi-platform/'],
      divergences:
        'BuildKit compares the platform of the image it actually pulled (OS and architecture) with the requested one, including the build\'s default target platform when there is no `--platform`. Layerwise works offline: it only judges the operating system, only for images whose OS the name or tag settles, and only when `--platform` is given (a constant, an ARG default or a build argument of the configuration). A missing architecture is never reported.',
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const stage of ctx.model.stages) {
      const from = stage.fromInstruction.from;
      const wanted = sem.stage(stage).platform;
      // Only a `--platform` written on this FROM, whose value the global ARGs settle.
      if (!from || stage.from.stage !== undefined || !stage.from.platform || !wanted.explicit || wanted.unresolved || !KNOWN_OS.has(wanted.os)) continue;
      const actual = imageOs(from);
      if (!actual || wanted.os === actual) continue;
      ctx.report({ range: from.imageRange, messageId: 'mismatch', data: { image: from.image, actual, expected: wanted.text } });
    }
  },
});
