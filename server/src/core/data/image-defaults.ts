// Dated facts about official image tags: which Python, Debian and Alpine release a tag without them means today.

/** Facts about the official images' current defaults, read off docker-library/repo-info (builds 2026-08..09). */
export const IMAGE_DEFAULTS = {
  asOf: '2026-09-19',
  source: 'docker-library/repo-info (official images bot output), python/debian/alpine tags, builds 2026-08-04..2026-09-19',
  /** Debian release behind `python:3.x` and `python:3.x-slim` without a codename. */
  pythonDebian: 'trixie',
  /** Alpine release behind `python:3.x-alpine`. */
  pythonAlpine: '3.24',
  /** Python behind `python:latest`, `python:3`, `python:slim`. */
  pythonLatest: '3.14',
  /** Debian release behind `debian:latest`/`debian:stable`. */
  debianLatest: 'trixie',
  alpineLatest: '3.24',
  ubuntuLatest: '24.04',
} as const;

export const DEBIAN_CODENAMES: Record<string, string> = {
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

export const UBUNTU_CODENAMES: Record<string, string> = {
  trusty: '14.04',
  xenial: '16.04',
  yakkety: '16.10',
  zesty: '17.04',
  artful: '17.10',
  bionic: '18.04',
  cosmic: '18.10',
  disco: '19.04',
  eoan: '19.10',
  focal: '20.04',
  groovy: '20.10',
  hirsute: '21.04',
  impish: '21.10',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04',
};

