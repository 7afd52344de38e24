// Table tests for MaintainerDeprecated maintainer-instruction.
import rule from '../../../server/src/core/rules/dockerfile/maintainer-instruction';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nLABEL org.opencontainers.image.authors="me@example.org"\n'],
  invalid: [
    { code: 'FROM alpine\nMAINTAINER me@example.org\n', errors: [{ text: 'MAINTAINER' }], output: 'FROM alpine\nLABEL org.opencontainers.image.authors="me@example.org"\n', applicability: 'safe' },
    { name: 'quotes in the author are escaped', code: 'FROM alpine\nmaintainer Jane "JD" Doe\n', errors: [{ text: 'maintainer' }], output: 'FROM alpine\nlabel org.opencontainers.image.authors="Jane \\"JD\\" Doe"\n' },
  ],
});
