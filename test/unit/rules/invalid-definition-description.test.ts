// Table tests for InvalidDefinitionDescription invalid-definition-description (experimental).
import rule from '../../../server/src/core/rules/dockerfile/invalid-definition-description';
import { ruleTester } from '../../helpers/rule-tester';

const on = { experimental: true };
ruleTester(rule, {
  valid: [
    { name: 'off by default', code: '# nonsense\nARG X=1\n' },
    { code: '# X the value\nARG X=1\n# base the stage\nFROM alpine AS base\n', config: on },
    { name: 'an empty line separates ordinary comments', code: '# nonsense\n\nARG X=1\n', config: on },
    { name: 'the # check directive is not a description', code: '# check=experimental=all\nARG X=1\n' },
    { name: 'one of several names', code: '# b the second\nARG a=1 b=2\n', config: on },
    { name: 'comments above other instructions', code: 'FROM alpine\n# copy the app\nCOPY . .\n', config: on },
  ],
  invalid: [
    { code: '# the version\nARG VERSION=1\n', config: on, errors: [{ text: 'VERSION', occurrence: 0, within: 'ARG VERSION' }], output: '# the version\n\nARG VERSION=1\n', applicability: 'safe' },
    { name: 'enabled by the # check directive', code: '# check=experimental=InvalidDefinitionDescription\n# BasE image\nFROM alpine AS base\n', errors: [{ text: 'base', within: 'AS base', message: 'stage `base`' }] },
  ],
});
