import { describe, expect, it } from 'vitest';
import { expandRelaunchTemplate, moodleRelaunchUrl, relaunchTemplateProblem } from './relaunch.ts';

describe('Moodle relaunch address', () => {
  it('comes from the cmid in Moodle’s message hint, under the issuer’s path', () => {
    expect(moodleRelaunchUrl('https://moodle.school.org', '{"cmid":2,"launchid":"ltilaunch1_577873723"}')).toBe(
      'https://moodle.school.org/mod/lti/launch.php?id=2',
    );
    expect(moodleRelaunchUrl('https://school.org/moodle/', '{"cmid":"41","launchid":"x"}')).toBe(
      'https://school.org/moodle/mod/lti/launch.php?id=41',
    );
  });

  it('is absent for deep linking, other LMSs’ hints and anything odd', () => {
    expect(moodleRelaunchUrl('https://m.org', '{"launchid":"ltilaunch_ContentItemSelectionRequest1"}')).toBeNull();
    expect(moodleRelaunchUrl('https://m.org', 'eyJhbGciOi.opaque.jwt')).toBeNull();
    expect(moodleRelaunchUrl('https://m.org', '{"cmid":"2 OR 1","launchid":"x"}')).toBeNull();
    expect(moodleRelaunchUrl('https://m.org', '{"cmid":-3,"launchid":"x"}')).toBeNull();
    expect(moodleRelaunchUrl('javascript:alert(1)//', '{"cmid":2,"launchid":"x"}')).toBeNull();
    expect(moodleRelaunchUrl('https://m.org', undefined)).toBeNull();
  });
});

describe('relaunch address templates', () => {
  const claims = {
    contextId: 'c 1',
    resourceLinkId: 'r/2',
    deploymentId: 'd',
    custom: { tool: '17', unset: '$Canvas.x' },
  };

  it('fills placeholders, encoded, from the launch', () => {
    expect(
      expandRelaunchTemplate(
        'https://lms.example/courses/{context_id}/tools/{custom.tool}?link={resource_link_id}',
        claims,
      ),
    ).toBe('https://lms.example/courses/c%201/tools/17?link=r%2F2');
  });

  it('gives nothing when a value is missing or left unsubstituted by the LMS', () => {
    expect(expandRelaunchTemplate('https://lms.example/{custom.nothing}', claims)).toBeNull();
    expect(expandRelaunchTemplate('https://lms.example/{custom.unset}', claims)).toBeNull();
  });

  it('refuses templates that are not LMS addresses or name unknown values', () => {
    expect(relaunchTemplateProblem('https://lms.example/courses/{context_id}')).toBeNull();
    expect(relaunchTemplateProblem('javascript:alert({context_id})')).toMatch(/http/);
    expect(relaunchTemplateProblem('https://lms.example/{user_email}')).toMatch(/Unknown placeholder/);
    expect(relaunchTemplateProblem('https://lms.example/{context_id')).toMatch(/malformed/);
  });
});
