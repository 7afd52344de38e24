// The extension under test loads in the host and claims the example's files for its languages.
import * as assert from 'assert';
import { activateLayerwise, expected, openInEditor } from './helpers';

describe('activation', () => {
  it('activates the development copy of Layerwise', async () => {
    const ext = await activateLayerwise();
    assert.strictEqual(ext.isActive, true);
  });

  it(`opens ${expected.dockerfile.file} as ${expected.dockerfile.languageId} and ${expected.requirements.file} as ${expected.requirements.languageId}`, async () => {
    const dockerfile = await openInEditor(expected.dockerfile.file);
    const requirements = await openInEditor(expected.requirements.file);
    assert.deepStrictEqual(
      { dockerfile: dockerfile.languageId, requirements: requirements.languageId },
      { dockerfile: expected.dockerfile.languageId, requirements: expected.requirements.languageId },
    );
  });
});
