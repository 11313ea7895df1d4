import { describe, expect, it } from 'vitest';
import { mapRoles } from './claims.ts';

// Role URIs from LTI 1.3 Core, appendix A.2 (https://www.imsglobal.org/spec/lti/v1p3/#role-vocabularies).
const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

describe('mapRoles', () => {
  it.each([
    [[`${LIS}membership#Learner`], 'learner'],
    [[`${LIS}membership#Instructor`], 'instructor'],
    [[`${LIS}membership#ContentDeveloper`], 'instructor'],
    [[`${LIS}membership#Administrator`], 'instructor'],
    [[`${LIS}institution/person#Administrator`], 'instructor'],
    [[`${LIS}system/person#Administrator`], 'instructor'],
    [[`${LIS}membership/Instructor#TeachingAssistant`], 'learner'],
    [[`${LIS}membership#Mentor`], 'learner'],
    [[`${LIS}institution/person#Student`, `${LIS}membership#Instructor`], 'instructor'],
    [['Instructor'], 'instructor'],
    [[], 'learner'],
  ])('%j → %s', (roles, role) => {
    expect(mapRoles(roles)).toBe(role);
  });
});
