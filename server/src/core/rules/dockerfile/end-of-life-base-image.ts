// LW008: a base image tag that names a Python version or OS release past its end of life.
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import type { FromInfo } from '../../model/dockerfile';
import { isEndOfLife, releaseLifecycle, type EolKind } from '../../data/eol';
import { IMAGE_DEFAULTS, DEBIAN_CODENAMES, UBUNTU_CODENAMES } from '../../data/image-defaults';

interface Expired {
  what: string;
  kind: EolKind;
  /** As written in the tag. */
  written: string;
  /** The newest supported replacement, in the same spelling style. */
  replacement?: string;
  eol: string;
}

export default defineRule({
  meta: {
    code: 'LW008',
    name: 'end-of-life-base-image',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: {
      eol: '`{image}`: {what} reached its end of life on {eol} and gets no more security fixes',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Reads the tag of each base image whose stage reaches the final image and flags a Python version (`python:3.9`) or an OS release (`-bullseye`, `-buster`, `alpine3.18`, `ubuntu:20.04`) past its end of life on the day of the lint. Debian counts as supported until its LTS ends.',
      whyItMatters:
        'After the end of life no security fixes are published: vulnerabilities found later stay in the image forever, and the official image stops being rebuilt, so even the OS packages freeze. Scanners flag every one of them.',
      example: 'FROM python:3.8-slim-bullseye\nCMD ["python"]\n',
      useInstead: 'FROM python:3.13-slim-trixie\nCMD ["python"]\n',
      fixSafety:
        'The fix rewrites the tag to the newest supported release of the same variant (the Python version and OS release the official images currently publish, for example `3.8-slim-bullseye` → `3.14-slim-trixie`). It is always unsafe: a new Python version or OS release can break the application and its dependencies; test before shipping.',
      references: ['https://devguide.python.org/versions/', 'https://wiki.debian.org/LTS', 'https://alpinelinux.org/releases/', 'https://ubuntu.com/about/release-cycle'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      if (!stage.reachesFinal || from.stage !== undefined || from.ref.hasVariables || !from.tagRange || !from.ref.tag) continue;
      const expired = expiredParts(from, ctx.today);
      if (expired.length === 0) continue;
      let tag = from.ref.tag;
      let fixable = true;
      for (const e of expired) {
        if (e.replacement === undefined || isEndOfLife(e.kind, e.replacement, ctx.today, { lts: true })) fixable = false;
        else tag = tag.replace(e.written, e.replacement);
      }
      const fixes: Fix[] = fixable ? [{ title: `Use \`${from.ref.path}:${tag}\``, applicability: 'unsafe', edits: [{ range: from.tagRange, newText: tag }] }] : [];
      ctx.report({
        range: from.tagRange,
        messageId: 'eol',
        data: { image: `${from.ref.path}:${from.ref.tag}`, what: expired.map((e) => e.what).join(' and '), eol: expired.map((e) => e.eol).join(' and ') },
        fixes,
      });
    }
  },
});

function expiredParts(from: FromInfo, today: Date): Expired[] {
  const out: Expired[] = [];
  const { facts, ref } = from;
  const tag = ref.tag!;
  const check = (kind: EolKind, written: string, what: string, replacement: string | undefined): void => {
    if (!isEndOfLife(kind, written, today, { lts: true })) return;
    const r = releaseLifecycle(kind, written)!;
    const e: Expired = { what, kind, written, eol: kind === 'debian' && r.ltsEnd ? r.ltsEnd : r.eol };
    if (replacement !== undefined) e.replacement = replacement;
    out.push(e);
  };
  if (facts.family === 'python') {
    const v = /^\d+\.\d+(\.\d+)?/.exec(tag)?.[0];
    if (v) check('python', v, `Python ${facts.pythonMinor ?? v}`, IMAGE_DEFAULTS.pythonLatest);
  }
  const os = facts.os;
  if (os && !os.implied && os.release) {
    if (os.distro === 'debian') {
      // Tags name Debian by codename (`bullseye`) or number (`debian:11`).
      const written = tag.includes(os.release) ? os.release : DEBIAN_CODENAMES[os.release];
      const replacement = written === os.release ? IMAGE_DEFAULTS.pythonDebian : DEBIAN_CODENAMES[IMAGE_DEFAULTS.debianLatest];
      if (written && tag.includes(written)) check('debian', written, `Debian ${os.release}`, replacement);
    } else if (os.distro === 'alpine' && tag.includes(os.release)) {
      check('alpine', os.release, `Alpine ${os.release}`, facts.family === 'python' ? IMAGE_DEFAULTS.pythonAlpine : IMAGE_DEFAULTS.alpineLatest);
    } else if (os.distro === 'ubuntu') {
      const written = os.version && tag.includes(os.version) ? os.version : os.release && tag.includes(os.release) ? os.release : undefined;
      const latest = IMAGE_DEFAULTS.ubuntuLatest;
      const replacement = written === os.version ? latest : Object.entries(UBUNTU_CODENAMES).find(([, v]) => v === latest)?.[0];
      if (written) check('ubuntu', written, `Ubuntu ${os.version ?? os.release}`, replacement);
    }
  }
  return out;
}
