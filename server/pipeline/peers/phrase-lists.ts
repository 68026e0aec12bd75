/**
 * Word lists for key-phrase extraction (words.ts, phrases/): function words
 * in English and the other languages library chats are held in, which the
 * English tagger reads as nouns ("des", "pour", "para"); chat filler
 * (greetings, verbs of talk, praise, time words, "things"), which says
 * nothing about a topic; stop phrases, pairs of topic-looking words that are
 * chat small talk ("safe travels"); and a small library-and-information
 * vocabulary, preferred when two people share it. Kept here as data so they
 * can grow without touching code.
 */

/** Function words (pronouns, articles, auxiliaries, prepositions, conjunctions). */
const FUNCTION_WORDS =
  "a about above after again against all am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not now of off on once only or other others ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too under until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves im ive dont cant wont didnt isnt thats whats youre theyre weve lets";

/**
 * Function words of French, Spanish, Portuguese, Italian, German and Dutch. The tagger knows English only and
 * calls most of them nouns, so without this list "des" or "pour les" could name a community.
 */
const OTHER_FUNCTION_WORDS =
  'les des une aux dans sur avec pour par pas est sont ont qui que quoi dont où mais donc car ces cet cette ses mes tes nos vos leur leurs ' +
  'elle elles ils nous vous lui moi toi tout tous toute toutes très plus moins bien aussi comme sans sous chez entre ' +
  'été être avoir fait faire peut sera merci bonjour salut oui non avez avons bon bonne depuis encore alors ici rien même autre autres faut peu trop déjà voir suis truc trucs ' +
  'los las del una unos unas con por para sin sobre entre como pero más muy también porque cuando donde esta este esto estos estas ' +
  'ese esa eso sus mis tus nuestro nuestra hay ser estar fue son está están gracias hola ' +
  'uma umas uns com pelo pela pelos pelas mais muito também quando onde isso isto essa esse seu sua seus suas são foi ' +
  'della delle degli dei con per una uno gli che non come più anche sono questo questa ' +
  'der die das den dem des und ist nicht mit von für auf ein eine einen einem einer auch sich sie wir ihr ich aber oder wie bei nach noch alle viel viele ' +
  'het een van voor niet met zijn ook maar naar bij aan wat wel nog dat deze die ' +
  'https http www com org';

/** Chat filler: words any chat is full of, whatever it is about. */
const CHAT_FILLER =
  'a1 a2 a3 a4 a5 a6 a7 a8 a9 q1 q2 q3 q4 q5 q6 q7 q8 q9 rt amp via gt lt ' +
  'thanks thank thx ty cheers hello hi hey hiya welcome bye goodnight night evening morning afternoon tonight today tomorrow yesterday ' +
  'yes yeah yep yup nope ok okay oh ah wow lol haha omg please sorry glad happy excited keen ' +
  'great good love loved lovely nice cool fun interesting brilliant awesome amazing fab fabulous fantastic super wonderful excellent ' +
  'agree agreed same true totally absolutely exactly definitely probably maybe perhaps really actually honestly basically literally ' +
  'just also well much many lot lots bit little big small huge whole real pretty quite rather still even already again always never often sometimes usually ' +
  'chat chats everyone everybody anyone anybody someone somebody something anything everything nothing folks people person all ' +
  'thing things stuff way ways kind kinds sort sorts part parts place places point points idea ideas question questions answer answers ' +
  'time times week weeks month months year years day days first last next final early late new old best better worst ' +
  'say says said saying see sees seen saw seeing look looks looked looking go goes going went gone come comes coming came ' +
  'make makes making made take takes taking took taken want wants wanted wanting try tries trying tried ' +
  'use uses using used help helps helping helped ask asks asking asked hear hears hearing heard tell tells telling told ' +
  'talk talks talking talked feel feels feeling felt keep keeps keeping kept put puts putting give gives giving gave given ' +
  'find finds finding found get gets getting got know knows knowing knew known think thinks thinking thought like likes liked ' +
  'need needs needed doing done seem seems seemed mean means meant hope hoping hoped wish let lets round around back ' +
  'follow following followed join joining joined joins sure thanks tonight though although however because since yet ' +
  'one two three four five six seven eight nine ten lots loads tons etc via em hmm ooh aww yay ' +
  'mostly along dig bring brings brought run runs ran read reads add adds added plus else either neither enough far near almost especially ' +
  'tbh imo imho btw fyi idk irl dm dms link links thread post posts invite invites invited piloted noticed suggest suggests suggested barely share shares based';

export const STOP_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${OTHER_FUNCTION_WORDS} ${CHAT_FILLER}`.split(/\s+/));

/**
 * Stop phrases: small talk made of words that each could be a topic ("safe travels", "fingers crossed"),
 * written as phrase keys are (lower case, a final plural "s" dropped from words past four letters).
 */
export const STOP_PHRASES: ReadonlySet<string> = new Set([
  // Small talk.
  'safe travel',
  'safe',
  'travel',
  'finger',
  'finger crossed',
  'happy holiday',
  'happy friday',
  'merry christma',
  'bank holiday',
  'fun fact',
  'hot topic',
  'weekend',
  'holiday',
  'lunch',
  'breakfast',
  'dinner',
  'coffee',
  'coffee break',
  'lunch break',
  'wine',
  'head',
  'mind',
  'hand',
  // The chat itself: a "poster session" is a topic, a lone "session" is where everyone is.
  'session',
  'conversation',
  'discussion',
  'topic',
  'moderator',
  'participant',
  'hashtag',
  'tweet',
  'retweet',
  'slide',
  'photo',
  'pic',
  'video',
  'time zone',
  'name tag',
  // Nouns every chat is full of, alone ("social media archives, work", "groups, acct", "digital archives, short term"
  // were labels on real chats); inside a phrase they still count ("research support", "working group").
  'work',
  'group',
  'acct',
  'account',
  'support',
  'context',
  'short term',
  'long term',
  'term',
  'issue',
  'problem',
  'example',
  'experience',
]);

/**
 * Gerunds that name an activity as a noun does ("machine learning", "staff training", "web archiving") but that
 * the tagger reads as verbs. They may end a noun phrase; other "-ing" words only modify one, which keeps
 * "forms asking" and "students using" out.
 */
export const NOMINAL_GERUNDS: ReadonlySet<string> = new Set(
  (
    'learning training teaching programming marketing publishing funding fundraising cataloguing cataloging weeding ' +
    'reading writing storytelling mentoring networking crowdsourcing digitising digitizing archiving sharing indexing ' +
    'licensing lending budgeting planning engineering computing printing scanning coding gaming tagging'
  ).split(' '),
);

/**
 * Library and information topics, in the singular stem words.ts keys phrases by
 * (a final plural "s" dropped). A phrase found here weighs more.
 */
export const LIS_VOCABULARY: ReadonlySet<string> = new Set(
  [
    'systematic review',
    'information literacy',
    'zine',
    'open access',
    'weeding',
    'cataloguing',
    'cataloging',
    'metadata',
    'digital preservation',
    'preservation',
    'digitisation',
    'digitization',
    'reading for pleasure',
    'reluctant reader',
    'graphic novel',
    'banned book',
    'book challenge',
    'intellectual freedom',
    'censorship',
    'copyright',
    'outreach',
    'makerspace',
    'oral history',
    'local history',
    'family history',
    'family historian',
    'evidence based practice',
    'current awareness',
    'literature search',
    'critical librarianship',
    'vocational awe',
    'open educational resource',
    'oer',
    'research data',
    'data management',
    'scholarly communication',
    'institutional repository',
    'repository',
    'records management',
    'library instruction',
    'media literacy',
    'digital literacy',
    'health literacy',
    'patient information',
    'clinical librarian',
    'legal research',
    'accessibility',
    'decolonising',
    'decolonizing',
    'collection development',
    'ebook',
    'summer reading',
    'storytime',
    'homework help',
    'ell student',
    'english language learner',
    'mobile library',
    'digital inclusion',
    'mutual aid',
    'harmful language',
    'open pedagogy',
    'book tasting',
    'maker cart',
    'reading room',
    'depositor',
    'finding aid',
    'appraisal',
    'born digital',
    'web archiving',
    'linked data',
    'discovery layer',
    'interlibrary loan',
    'reference interview',
    'wikidata',
    'citation',
    'plagiarism',
    'peer review',
    'research support',
    'library card',
    'job seeker',
    'new migrant',
    'school board',
    // Gerunds the tagger reads as verbs, and more of the field's names for its work.
    'crowdsourcing',
    'digitising',
    'digitizing',
    'transcription',
    'digital humanitie',
    'digital scholarship',
    'citizen science',
    'data literacy',
    'open data',
    'open science',
    'open source',
    'knowledge management',
    'special collection',
    'rare book',
    'user experience',
    'archival description',
  ].map((p) => p.toLowerCase()),
);
