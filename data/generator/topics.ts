/**
 * What each kind of chat talks about: monthly topics and the words its
 * people use for their audiences, bosses, workplaces and tools. Message
 * templates (texts.ts) fill their slots from here.
 */
import type { Theme } from './chats.js';

export interface ThemeWords {
  topics: readonly string[];
  audiences: readonly string[];
  stakeholders: readonly string[];
  workplace: string;
  tools: readonly string[];
  /** Local turns of phrase for greetings, on their own… */
  greetings: readonly string[];
  /** …and followed by a place ("Evening from Leeds"). */
  hellos: readonly string[];
}

export const THEME_WORDS: Record<Theme, ThemeWords> = {
  health: {
    topics: ['evidence searching', 'current awareness', 'patient information', 'health literacy', 'knowledge mobilisation',
      'AI and literature searching', 'supporting nurses and AHPs', 'outreach to clinical teams', 'library space',
      'CPD for library staff', 'impact measures', 'wellbeing and burnout', 'systematic review support'],
    audiences: ['clinicians', 'nurses', 'junior doctors', 'patients', 'AHPs', 'students on placement'],
    stakeholders: ['the board', 'senior managers', 'the medical director', 'our education lead'],
    workplace: 'trust',
    tools: ['a current awareness bulletin', 'Teams', 'saved searches', 'a LibGuide', 'the search request form', 'bitesize training'],
    greetings: ['Evening all!', 'Hi everyone!', 'Cuppa in hand!'],
    hellos: ['Hello from a rainy', 'Cuppa in hand, hello from', 'Evening from'],
  },
  school: {
    topics: ['banned books', 'reading for pleasure', 'makerspaces', 'collaborating with teachers', 'information literacy',
      'AI in the classroom', 'library budgets', 'graphic novels', 'summer reading', 'advocacy', 'genrefying the collection',
      'student voice', 'book clubs'],
    audiences: ['students', 'teachers', 'parents', 'our 6th graders', 'reluctant readers', 'ELL students'],
    stakeholders: ['admin', 'my principal', 'the school board', 'the district'],
    workplace: 'school',
    tools: ['Canva', 'Padlet', 'a maker cart', 'Flip', 'Google Forms', 'book tastings', 'a reading challenge'],
    greetings: ['Hey y’all!', 'Hi friends!', 'Hello everyone!'],
    hellos: ['Evening from', 'Hi friends, checking in from', 'Hello from'],
  },
  public: {
    topics: ['outreach to new migrants', 'story time', 'digital inclusion', 'the library of things', 'First Nations collections',
      'homelessness and libraries', 'programming for teens', 'disaster recovery', 'local history', 'staff safety',
      'seed libraries', 'makerspaces', 'home library services'],
    audiences: ['families', 'seniors', 'teens', 'new arrivals', 'our regulars', 'job seekers'],
    stakeholders: ['council', 'the CEO', 'our manager', 'state government'],
    workplace: 'branch',
    tools: ['a tech help desk', 'pop-up libraries', 'a mobile library', 'Libby', 'a community noticeboard', 'a seed swap'],
    greetings: ['G’day all!', 'Hi everyone!', 'Evening all!'],
    hellos: ['G’day from', 'Hello from', 'Evening from a warm'],
  },
  critlib: {
    topics: ['neutrality', 'vocational awe', 'harmful language in cataloguing', 'labour and unions', 'open access and equity',
      'decolonising collections', 'critical information literacy', 'surveillance and privacy', 'whiteness in LIS',
      'precarity and short contracts', 'AI hype', 'disability and access', 'care work'],
    audiences: ['students', 'faculty', 'grad students', 'community members', 'colleagues', 'first-gen students'],
    stakeholders: ['admin', 'the dean', 'our union', 'senior leadership'],
    workplace: 'library',
    tools: ['zines', 'a reading group', 'our union', 'a shared syllabus', 'open pedagogy', 'a mutual aid spreadsheet'],
    greetings: ['Hi all!', 'Hello critlibbers!', 'Joining late-ish!'],
    hellos: ['Hi from', 'Joining from', 'Hello from'],
  },
  archives: {
    topics: ['digital preservation', 'community archives', 'born-digital email', 'reparative description', 'volunteers',
      'appraisal', 'records management', 'web archiving', 'outreach and social media', 'conservation on a budget',
      'access requests', 'cataloguing backlogs', 'oral histories'],
    audiences: ['researchers', 'depositors', 'family historians', 'volunteers', 'students', 'community groups'],
    stakeholders: ['the council', 'trustees', 'our records manager', 'senior management'],
    workplace: 'archive',
    tools: ['ArchivesSpace', 'BagIt', 'a spreadsheet (always a spreadsheet)', 'DROID', 'a reading room rota', 'Omeka'],
    greetings: ['Evening all!', 'Dia duit!', 'Hi everyone!'],
    hellos: ['Hello from', 'Evening from', 'Joining from'],
  },
  law: {
    topics: ['legal research training', 'AI tools and hallucinated citations', 'print vs. online', 'knowledge management',
      'self-represented litigants', 'vendor negotiations', 'citation checking', 'onboarding new associates',
      'legislative history', 'access to justice', 'current awareness', 'competitive intelligence'],
    audiences: ['associates', 'partners', 'students', 'the public', 'judges', 'paralegals'],
    stakeholders: ['the partners', 'the CFO', 'the bench', 'the dean'],
    workplace: 'firm',
    tools: ['a research guide', 'alerts', 'a precedent bank', 'a citator', 'lunch-and-learns', 'an intranet page'],
    greetings: ['Evening all!', 'Hi everyone!', 'Good evening!'],
    hellos: ['Hello from', 'Good evening from', 'Joining from'],
  },
};

/** Question templates by question number; `{topic}`, `{workplace}`, `{stakeholders}` are filled in. */
export const QUESTION_TEMPLATES: readonly (readonly string[])[] = [
  ['What does {topic} look like in your {workplace} right now?', 'How does {topic} show up in your day-to-day work?',
    'What first got you thinking about {topic}?'],
  ['What’s the hardest part of {topic} where you work?', 'What gets in the way when you take on {topic}?',
    'Who are your allies when it comes to {topic}?'],
  ['Share a tool, resource or example of {topic} that worked for you', 'What’s one success story with {topic}?',
    'What training or support would help you with {topic}?'],
  ['How do you show the impact of {topic} to {stakeholders}?', 'How do you talk to {stakeholders} about {topic}?',
    'What would you do with more time or money for {topic}?'],
  ['One thing you’ll try after tonight’s chat?', 'What should we cover next time?', 'Any final thoughts on {topic}?'],
];

/** For question numbers past the templates. */
export const EXTRA_QUESTION = 'Anything else on {topic} we haven’t covered?';
