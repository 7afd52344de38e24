// Table tests for DL3028 gem-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/gem-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ["FROM ruby:3.3\nRUN gem install bundler:2.5.22\n", "FROM ruby:3.3\nRUN gem install bundler -v '2.5.22'\n", 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries\n'],
  invalid: [
    { code: 'FROM ruby:3.3\nRUN gem install bundler\n', errors: [{ text: 'bundler', message: 'Gem `bundler` is not pinned' }], output: null },
    { name: 'gem i, one of two unpinned', code: 'FROM ruby:3.3\nRUN gem i rake:13.2.1 rack\n', errors: [{ text: 'rack' }] },
  ],
});
