/** The sample course the sandbox and tests start from: a two-year program for new school leaders. */
import { Role, type Course, type LmsPerson } from './types.ts';

const DOMAIN = 'riverside-usd.example.org';

function person(
  id: string,
  givenName: string,
  familyName: string,
  cohort: 'coordinator' | 'mentor' | 'mentee',
  title: string,
): LmsPerson {
  const local = `${givenName}.${familyName}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  // Program mentors are learners in the course: their partnerships, not the LMS, make them mentors.
  const roles = cohort === 'coordinator' ? [Role.Instructor] : [Role.Learner];
  return {
    id,
    name: `${givenName} ${familyName}`,
    givenName,
    familyName,
    email: `${local}@${DOMAIN}`,
    roles,
    title,
    ...(cohort === 'coordinator' ? {} : { cohort }),
  };
}

const mentor = 'mentor' as const;
const mentee = 'mentee' as const;

/** One coordinator (Instructor), three mentors (experienced principals) and six mentees (new leaders). */
export function sampleProgram(): Course {
  return {
    id: 'nsl-2026',
    title: 'New School Leaders 2026–2028',
    label: 'NSL 2026',
    people: [
      person('awhitfield', 'Angela', 'Whitfield', 'coordinator', 'Leadership Development Coordinator, District Office'),
      person('mdelgado', 'Marcus', 'Delgado', mentor, 'Principal, Roosevelt High School'),
      person('praman', 'Priya', 'Raman', mentor, 'Principal, Cedar Grove Elementary'),
      person('tokonkwo', 'Thomas', 'Okonkwo', mentor, 'Principal, Eastside Middle School'),
      person('hkowalski', 'Hannah', 'Kowalski', mentee, 'Assistant Principal, Lincoln Middle School'),
      person('jwashington', 'Jamal', 'Washington', mentee, 'Principal (first year), Maple Street Elementary'),
      person('salvarez', 'Sofía', 'Álvarez', mentee, 'Assistant Principal, Roosevelt High School'),
      person('wchen', 'Wei', 'Chen', mentee, 'Assistant Principal, Harbor View K–8'),
      person('amohammed', 'Aisha', 'Mohammed', mentee, 'Principal (first year), Northgate Elementary'),
      person('lobrien', 'Liam', "O'Brien", mentee, 'Assistant Principal, Westfield High School'),
    ],
  };
}

/**
 * The same people in a course that launches as Moodle 5.0 does: the login initiation POSTed from
 * `/mod/lti/launch.php?id=2`, a hint good for one use, no Platform Storage.
 */
export function sampleMoodleProgram(): Course {
  return {
    ...sampleProgram(),
    id: 'nsl-2026-moodle',
    title: 'New School Leaders 2026–2028 (Moodle-like)',
    label: 'NSL 2026 · Moodle-like',
    mode: 'moodle',
    cmid: 2,
  };
}
