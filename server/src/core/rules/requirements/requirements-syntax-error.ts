// LW101: a requirements-file line pip cannot parse (bad name, extras, marker, hash, quoting, option value).
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';

const VERSION_CODES = new Set(['invalid-version', 'invalid-specifier']);

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW101',
    name: 'requirements-syntax-error',
    origin: 'layerwise',
    language: 'requirements',
    category: 'correctness',
    severity: 'error',
    messages: {
      syntax: '{message}',
      ignored: '{message}',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Reports every part of a requirements file pip would reject or silently drop: a malformed package name or extra, an invalid environment marker, a `--hash` that is not `sha256:`/`sha384:`/`sha512:` with the right number of hex digits, an unclosed quote, an option missing its value or given one it does not take, and words after an option that pip ignores. Each finding covers the offending token; the rest of the file is still checked.',
      whyItMatters:
        'pip stops at the first line it cannot parse, so one typo fails the whole `pip install -r` in the image build, usually far from where the file is edited. Words pip ignores are worse: the build passes without the package.',
      example: 'flask[async,]>=3.0\nrequests ; python_version >> "3.8"\n--hash sha1:abc\n',
      useInstead: 'flask[async]>=3.0\nrequests ; python_version > "3.8"\n',
      fixSafety: 'No fix: the intended text cannot be known.',
      references: ['https://pip.pypa.io/en/stable/reference/requirements-file-format/', 'https://packaging.python.org/en/latest/specifications/dependency-specifiers/'],
    },
  },
  check(ctx) {
    for (const e of ctx.model.file.errors) {
      if (VERSION_CODES.has(e.code)) continue;
      ctx.report({ range: e.range, messageId: e.code === 'ignored-argument' ? 'ignored' : 'syntax', data: { message: e.message } });
    }
  },
});
