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
      prerelease: '`{image}`: Python {written} is a pre-release; Python {minor} final has been out since {released}',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Reads the tag of each base image whose stage reaches the final image and flags a Python version (`python:3.9`, `python:2.7-slim`, `python:3.5-alpine3.12`) or an OS release (`-bullseye`, `-buster`, `debian:stretch-slim`, `alpine3.12`, `ubuntu:20.04`, `ubuntu:bionic`, `centos:8`) past its end of life on the day of the lint. Debian counts as supported until its LTS ends; Ubuntu until the end of standard support (paid ESM does not count). A pre-release tag (`3.11.0a5`, `3.13.0rc1-slim`) of a series that is past its end of life is reported as such; a pre-release of a series whose final release is out is reported as a pre-release; a pre-release of a series not yet released is not reported. The dates come from the Python Developer\'s Guide, the distributions\' own release pages and endoflife.date.',
      whyItMatters:
        'After the end of life no security fixes are published: vulnerabilities found later stay in the image forever, and the official image stops being rebuilt, so even the OS packages freeze. Scanners flag every one of them.',
      example: 'FROM python:3.8-slim-bullseye\nCMD ["python"]\n',
      useInstead: 'FROM python:3.13-slim-trixie\nCMD ["python"]\n',
      fixSafety:
        'The fix rewrites the tag to the newest supported release of the same variant (the Python version and OS release the official images currently publish, for example `3.8-slim-bullseye` → `3.14-slim-trixie`), or a pre-release to its final series (`3.11.0a5-slim` → `3.11-slim`). It is always unsafe: a new Python version or OS release can break the application and its dependencies; test before shipping. There is no fix from Python 2 (a different language for most code) nor from CentOS (no successor image of the same name).',
      references: ['https://devguide.python.org/versions/', 'https://wiki.debian.org/LTS', 'https://alpinelinux.org/releases/', 'https://ubuntu.com/about/release-cycle', 'https://endoflife.date/centos'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      if (!stage.reachesFinal || from.stage !== undefined || from.ref.hasVariables || !from.tagRange || !from.ref.tag) continue;
      const expired = expiredParts(from, ctx.today);
      if (expired.length === 0) {
        const pre = prerelease(from, ctx.today);
        if (pre) {
          const tag = from.ref.tag.replace(pre.written, pre.minor);
          ctx.report({
            range: from.tagRange,
            messageId: 'prerelease',
            data: { image: `${from.ref.path}:${from.ref.tag}`, written: pre.written, minor: pre.minor, released: pre.released },
            fixes: [{ title: `Use \`${from.ref.path}:${tag}\``, applicability: 'unsafe', edits: [{ range: from.tagRange, newText: tag }] }],
          });
        }
        continue;
      }
      let tag = from.ref.tag;
      // A dated snapshot (`xenial-20210804`, `buster-20240612`) has no counterpart under the new release.
      let fixable = !/\d{8}/.test(tag);
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

/** A Python version in a python image tag as written, pre-release suffix included (`3.11`, `3.12.4`, `3.11.0a5`). */
const PY_VERSION = /^\d+\.\d+(?:\.\d+)?(?:(?:a|b|rc)\d+)?/;

/** A pre-release tag (`3.11.0a5`) of a supported series whose final release is out (not planned). */
function prerelease(from: FromInfo, today: Date): { written: string; minor: string; released: string } | undefined {
  if (from.facts.family !== 'python') return undefined;
  const written = PY_VERSION.exec(from.ref.tag!)?.[0];
  if (!written || !/(a|b|rc)\d+$/.test(written)) return undefined;
  const r = releaseLifecycle('python', written);
  if (!r || r.planned || !/^\d{4}-\d{2}-\d{2}$/.test(r.released) || Date.parse(`${r.released}T00:00:00Z`) > today.getTime()) return undefined;
  return { written, minor: r.version, released: r.released };
}

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
    const v = PY_VERSION.exec(tag)?.[0];
    // Python 2 to 3 is a port, not an upgrade: no replacement is offered.
    if (v) check('python', v, `Python ${facts.pythonMinor ?? v}`, v.startsWith('2.') ? undefined : IMAGE_DEFAULTS.pythonLatest);
  }
  if (ref.repository === 'centos' || ref.repository === 'quay.io/centos/centos') {
    // `centos:8`, `centos:centos7`, `centos:7.9.2009`, `centos:latest` (the last CentOS Linux, 8), `quay.io/centos/centos:stream8`.
    const t = tag === 'latest' ? '8' : tag.replace(/^centos(?=\d)/, '');
    const key = /^stream\d+/.exec(t)?.[0] ?? /^\d+/.exec(t)?.[0];
    if (key) check('centos', key, key.startsWith('stream') ? `CentOS Stream ${key.slice(6)}` : `CentOS ${key}`, undefined);
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
