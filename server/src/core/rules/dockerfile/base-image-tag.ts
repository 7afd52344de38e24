// Shared by DL3006 and DL3007: the tag a floating base reference should be pinned to, from dated image facts.
import { IMAGE_DEFAULTS } from '../../model/image';
import type { FromInfo } from '../../model/dockerfile';

/** A concrete tag for what `latest` means today, for the official images Layerwise knows; else undefined. */
export function pinnedTagFor(from: FromInfo): string | undefined {
  switch (from.ref.repository) {
    case 'python':
      return IMAGE_DEFAULTS.pythonLatest;
    case 'debian':
      return IMAGE_DEFAULTS.debianLatest;
    case 'alpine':
      return IMAGE_DEFAULTS.alpineLatest;
    case 'ubuntu':
      return IMAGE_DEFAULTS.ubuntuLatest;
    default:
      return undefined;
  }
}

export const PIN_BASIS = `what the tag resolved to in docker-library/repo-info as of ${IMAGE_DEFAULTS.asOf}`;
