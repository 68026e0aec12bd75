#!/usr/bin/env python3
"""Rebuild the registry files in this folder from bare git snapshots of their sources.

    python3 data/context/registries/build.py <hipo.git> <librarydata-db.git> <record-a-vaccination.git> <public_library_map.git> <ror-parser.git>

Each source is read at the commit written in SOURCES (git --git-dir=<dir> show <commit>:<path>), cut to the
fields inference needs, and written sorted, so a rebuild from the same commits gives the same bytes.
"""
import csv, io, json, re, subprocess, sys, unicodedata

SOURCES = {
    'hipo': ('Hipo/university-domains-list', 'bb07faf064e1c68be9b26fb71de31f01e361f974', 'world_universities_and_domains.json'),
    'libraries': ('LibrariesHacked/librarydata-db', '9ab18536054a060821f95e5cf4ceefcfea18d0fb', 'data'),
    'nhs': ('NHSDigital/record-a-vaccination-prototype', 'e905297ae3af1d10bde8f8afaf2c163ce597c5c1', 'app/data/all-organisations.js'),
    'au': ('hughrun/public_library_map', '4889887e4b3ca7d0039256d60daa40f67df9327e', 'website/data'),
    'ror': ('biocodellc/ror-parser', '4118605ad46a6292516693de8e2fd31e0c24771e', 'data'),
}

def show(git_dir, commit, path):
    return subprocess.run(['git', f'--git-dir={git_dir}', 'show', f'{commit}:{path}'], check=True, capture_output=True).stdout.decode('utf-8-sig')

def write(name, about, source, records):
    with open(f'{sys.path[0]}/{name}', 'w', encoding='utf-8') as f:
        json.dump({'about': about, 'source': source, **records}, f, ensure_ascii=False, separators=(',', ':'), sort_keys=False)
        f.write('\n')

def universities(git_dir):
    repo, commit, path = SOURCES['hipo']
    rows = json.loads(show(git_dir, commit, path))
    out = sorted({(r['name'].strip(), r['alpha_two_code'], tuple(sorted(set(d.lower() for d in r['domains'])))) for r in rows if r.get('alpha_two_code')})
    write('universities.json', 'Universities and colleges worldwide: name, ISO 3166-1 alpha-2 country, web domains. Cut from Hipo/university-domains-list (web_pages and state-province dropped).',
          {'repo': repo, 'commit': commit, 'path': path, 'licence': 'MIT (c) 2014-2025 Hipo'},
          {'universities': [[n, c, list(d)] for n, c, d in out]})

# An address line that is a street, a building or a unit rather than a town ("Town Square", "Civic Centre").
STREET = re.compile(r'\d|\b(?:road|rd|street|st|lane|avenue|ave|place|square|way|drive|close|crescent|centre|center|house|hall|building|buildings|court|terrace|walk|gardens|row|parade|precinct|mall|precincts|campus|school|college|library|unit|floor|road|broadway|green|market|arcade|quay|wharf|yard|mews|grove|rise|circus|parkway|estate|office|offices|hub|church|chapel|the)\b', re.I)

def towns_of(row, fields):
    # The town lines of a library's address: no digits, no street or building words, one to four words.
    for k in fields:
        t = re.sub(r'\s+', ' ', (row.get(k) or '').strip().strip(','))
        if t and not STREET.search(t) and 1 <= len(t.split()) <= 4 and len(t) <= 30: yield t

def libraries(git_dir):
    repo, commit, folder = SOURCES['libraries']
    names, authorities, domains, towns = set(), set(), set(), set()
    host = re.compile(r'(?:@|//)(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})', re.I)
    for f, col, auth, address in [('libraries_england_2023.csv', 'name', 'authority', ('address2', 'address3')), ('libraries_scotland.csv', 'Library name', None, ('Address 2', 'Address 3')), ('libraries_wales.csv', 'Library name', None, ('Address 2', 'Address 3')), ('libraries_northern_ireland.csv', 'Library name', None, ('Address 2',))]:
        for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/{f}'))):
            n = (r.get(col) or '').strip()
            if n: names.add(n)
            if auth and r.get(auth): authorities.add(r[auth].strip())
            towns.update(towns_of(r, address))
            for k in ('email', 'Email address', 'URL'):
                for m in host.finditer(r.get(k) or ''):
                    d = m.group(1).lower()
                    if d.endswith('.uk') and ('gov' in d.split('.') or 'lib' in d or 'librar' in d): domains.add(d)
    # Every current UK council by its usual name (Scottish, Welsh and Northern Irish ones too: "Midlothian", "Dumfries and Galloway").
    for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/uk_local_authorities.csv'))):
        if r.get('current-authority') == 'True' and r.get('nice-name'): authorities.add(r['nice-name'].strip())
    write('uk-public-libraries.json', 'UK public libraries (England 2023, Scotland, Wales, Northern Ireland), UK library authorities and councils, and the towns of library addresses: names and the web domains of their addresses. Cut from LibrariesHacked/librarydata-db (street lines, postcodes, hours and statistics dropped).',
          {'repo': repo, 'commit': commit, 'path': f'{folder}/libraries_*.csv, {folder}/uk_local_authorities.csv', 'licence': 'MIT (c) 2020 Libraries Hacked; the underlying lists are public-sector information (Arts Council England, Scottish and Welsh Government, Libraries NI, the local authority register) under the Open Government Licence v3.0'},
          {'libraries': sorted(names), 'authorities': sorted(authorities), 'towns': sorted(towns - names), 'domains': sorted(domains)})

def nhs(git_dir):
    repo, commit, path = SOURCES['nhs']
    text = show(git_dir, commit, path)
    trusts = sorted(set(m.group(1) for m in re.finditer(r'name:\s*"([^"]+)",\s*type:\s*"NHS Trust"', text)))
    write('nhs-trusts.json', 'NHS trusts in England (names as the NHS Organisation Data Service gives them). Cut from NHSDigital/record-a-vaccination-prototype (codes, pharmacies and care homes dropped).',
          {'repo': repo, 'commit': commit, 'path': path, 'licence': 'MIT (c) 2019 NHS.UK; ODS data is under the Open Government Licence v3.0'},
          {'trusts': trusts})

def australia(git_dir):
    repo, commit, folder = SOURCES['au']
    services, towns, domains = set(), set(), set()
    for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/library_services_information.csv'))):
        if r.get('long_name'): services.add(r['long_name'].strip())
        m = re.match(r'https?://(?:www\.)?([^/]+)', r.get('website') or '')
        if m: domains.add(m.group(1).lower())
    for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/public_library_locations.csv'))):
        t = (r.get('town') or '').strip()
        if t: towns.add(t)
    write('au-public-libraries.json', 'Australian public library services (long names and web domains) and the towns and suburbs of their branches. Cut from hughrun/public_library_map (coordinates, addresses, phones, fines and systems dropped).',
          {'repo': repo, 'commit': commit, 'path': f'{folder}/library_services_information.csv, public_library_locations.csv', 'licence': 'CC BY-SA 4.0 (the repository licenses website/data under CC-BY-SA; Victorian locations from data.gov.au under CC BY 4.0). This cut is shared under the same licence.'},
          {'services': sorted(services), 'towns': sorted(towns), 'domains': sorted(domains)})

# ROR (the Research Organization Registry, CC0) as biocodellc/ror-parser cut its 2021 dump: one file per country
# (data/<iso2>.json) of [{name, country_code, types}]. Kept: what says a workplace's sector as LABELLING.md reads it.
# Companies are left out (vendors are in lexicon.json; other firms say no library sector), and so are libraries (the
# public, national and university registries and the lexicon read those), local councils (they run public libraries:
# "Essex County Council Libraries"), schools, names of one word, research bodies whose sector a labeller would not
# know from the name alone (non-medical institutes, charities, associations), and health ministries (health or government?).
LIBRARY_NAME = re.compile(r'\b(?:librar|bibliot|biblioth|bücherei)', re.I)
HEALTH_NAME = re.compile(r"\b(?:hospitals?|health|healthcare|clinics?|medical|medicine|cancer|infirmary|hospice|nhs|pathology|cardiac|heart|kidney|diabetes|diseases?|surgery|surgical|nursing|mental|psychiatric|paediatric|pediatric|maternity|krankenhaus|klinik|klinikum|hôpital|ospedale|clínica)\b", re.I)
HOSPITAL_NAME = re.compile(r'\b(?:hospitals?|hôpital|krankenhaus|klinikum|ziekenhuis|ospedale)\b', re.I)
MUSEUM_NAME = re.compile(r'\b(?:museums?|museo|musée|museu|muzeum|gallery|galleries|galerie|botanic|botanical|herbarium|zoo|zoological|aquarium|heritage|historical society|historic)\b', re.I)
ARCHIVE_NAME = re.compile(r'\b(?:archives?|archiv|archivo|archivio|arquivo|record office|records office|public records?)\b', re.I)
NATIONAL_ARCHIVE = re.compile(r'\bnational archives?\b|\barchives nationales\b|\bbundesarchiv\b', re.I)
AGENCY_NAME = re.compile(r'\b(?:ministry|ministerio|ministère|ministerium|department|departamento|agency|office|bureau|commission|authority|administration|court|parliament|senate|police|fire (?:and rescue )?service|customs|treasury|government|directorate|inspectorate|regulator|ombudsman)\b', re.I)
LOCAL_NAME = re.compile(r'\b(?:council|county|city of|municipality|municipal|borough|shire|town of|regione|kommune|comune|stadt|district)\b', re.I)
SCHOOL_NAME = re.compile(r'\b(?:school district|public schools|high school|grammar school|primary school|secondary school|elementary|middle school)\b', re.I)
# A college of a profession ("The College of Physicians of Philadelphia", "Royal College of Nursing") is a learned or
# professional body, not a place of study.
PROFESSION_COLLEGE = re.compile(r'\bcollege of (?:physicians|surgeons|nursing|midwives|general practitioners|\w+(?:ists|ians))\b', re.I)
# A whole government ("Australian Government", "Government of Canada") is a topic in a bio as often as an employer.
WHOLE_GOVERNMENT = re.compile(r'^(?:the )?(?:\S+ (?:federal )?government|government of .+)$', re.I)
# Words of any institution's name. A name made of these alone ("Northern Health", "Trinity College", "Science Museum")
# is written with "=" in front: read only as written, in capitals, never in running lower-case text.
GENERIC_WORDS = set('''
of and the for in at on a an de la di et des du da do del y e i v w en el le las los der und im al s no
university universities universidad universitas universidade université universitario universitário universitaria
universitaire hochschule college colleges academy school schools hospital hospitals hôpital hospitalier ospedale
ospedaliera krankenhaus klinik klinikum kliniken clinique clinic clinics clinical infirmary hospice poliklinik szpital
ziekenhuis nemocnice hastanesi health healthcare care medical medicine center centre centers centrum centro zentrum
institute institut instituto istituto institution research sciences science national state federal regional provincial
municipal public general central community international world global department ministry ministère ministerio
ministerium agency office bureau commission authority administration directorate board council court government
services service system systems foundation fund trust society association alliance union network partnership coalition
consortium federation group organization corporation museum museums gallery garden botanical zoo heritage historical
history historic archive archives library cancer heart eye children's children childrens women's women mental disease
diseases diabetes kidney surgery surgical oncology dental nursing rehabilitation orthopaedic orthopedic pediatric
paediatric psychiatric maternity maternal emergency family people's people veterans memorial saint st mercy holy cross
red trinity hope royal new north south east west northern southern eastern western northwest southwest upper lower
greater city county district area region province island valley lake river bay coast mountain land park hill arts art
music film theatre design architecture technology technological technical polytechnic applied engineering education
educational teaching training vocational higher advanced graduate junior management business economics economic finance
commerce trade industry industrial development planning policy law justice police defence defense military army naval
air forces force security safety civil agriculture agricultural agrarian food environment environmental water energy
nuclear marine fisheries forestry wildlife conservation nature social human welfare life culture cultural studies study
information communications communication media first second third fourth specialists specialist associates partners
consultants physicians affairs resources protection prevention control transport transportation
'''.split())

# Countries whose bodies name themselves in another script (Chinese, Japanese, Korean, Cyrillic, Arabic, Persian, Greek,
# Georgian, Armenian, Thai…), where English is no language of their institutions: the cut holds only ROR's English
# names, which their own people rarely write, and each name costs build time.
OTHER_SCRIPT = set('CN JP KR KP TW MO RU UA BY BG RS MK ME BA KZ KG TJ UZ TM MN IR IQ SY JO LB SA YE OM KW QA BH EG LY DZ MA TN SD GR GE AM TH LA KH MM ET ER AF'.split())

def name_key(name):
    folded = ''.join(c for c in unicodedata.normalize('NFD', name.lower()) if unicodedata.category(c) != 'Mn')
    return re.sub(r'^the ', '', re.sub(r'\s+', ' ', re.sub(r"[^\w&' ]", ' ', folded.replace('’', "'"))).strip())

def organisation_sector(kind, name):
    # The sector a labeller would give someone who works there, or None where the name leaves it in doubt.
    if kind == 'Company' or LIBRARY_NAME.search(name): return None
    health, agency = HEALTH_NAME.search(name), AGENCY_NAME.search(name)
    # "Department of Education" (filed as a university's in Spain) is every country's ministry too.
    if kind == 'Education': return None if SCHOOL_NAME.search(name) or PROFESSION_COLLEGE.search(name) or agency else 'academic'
    # A hospital's name already says health in the base lexicons ("hospital", "Krankenhaus": weight 2): it would add only
    # its country, which a hospital worker's location field gives, at a quarter of the registries' build time.
    if HOSPITAL_NAME.search(name): return None
    if kind == 'Healthcare': return None if agency else 'health'
    if ARCHIVE_NAME.search(name): return 'national' if NATIONAL_ARCHIVE.search(name) else 'archives'
    if MUSEUM_NAME.search(name): return 'special'
    if health: return None if agency else 'health'
    if kind == 'Government' and agency and not LOCAL_NAME.search(name) and not WHOLE_GOVERNMENT.search(name): return 'government'
    return None

def organisations(ror_dir, hipo_dir):
    repo, commit, folder = SOURCES['ror']
    known = {name_key(r['name']) for r in json.loads(show(hipo_dir, SOURCES['hipo'][1], SOURCES['hipo'][2]))}
    files = subprocess.run(['git', f'--git-dir={ror_dir}', 'ls-tree', '--name-only', commit, f'{folder}/'], check=True, capture_output=True, text=True).stdout.split()
    out = {}
    for f in sorted(f for f in files if re.fullmatch(rf'{folder}/[a-z]{{2}}\.json', f)):
        for r in json.loads(show(ror_dir, commit, f)):
            name, country = r['name'].strip(), r['country_code']
            if country in OTHER_SCRIPT: continue
            words = re.findall(r"[\w'’]+", name.lower().replace('’', "'"))
            # One word ("Inserm", "Aspira") is a word or a surname as often; "Olympus (Australia)" is a firm's branch.
            # Nine words or more are never written out in a bio, and each word more slows every phrase lookup.
            if not r['types'] or not 2 <= len(words) <= 8 or name.endswith(')'): continue
            sector = organisation_sector(r['types'][0], name)
            # A university the Hipo list already holds is read from there.
            if not sector or (sector == 'academic' and name_key(name) in known): continue
            generic = all(w in GENERIC_WORDS or len(w) == 1 for w in words)
            # A ministry or department of nothing but common words ("Department of Education") is in every country and
            # in every teacher's bio: left out.
            if generic and sector == 'government': continue
            out.setdefault(sector, {}).setdefault(country, set()).add(f'={name}' if generic else name)
    write('organisations.json', 'Research organisations worldwide from ROR (health services, clinics and medical research institutes, archives, museums and heritage bodies, government agencies, colleges and institutes that the university list lacks) by the sector a labeller gives their staff, then ISO 3166-1 alpha-2 country. Names made only of common words start with "=": read only as written. Cut from biocodellc/ror-parser (companies, libraries, hospitals (the base lexicons read \"hospital\"), councils, schools, names of one word or of nine and more, bodies of doubtful sector, and countries that write their names in another script dropped).',
          {'repo': repo, 'commit': commit, 'path': f'{folder}/<iso2>.json', 'licence': 'CC0 1.0 (ROR data, Research Organization Registry dump of 2021 as cut by the repository, which adds no licence of its own)'},
          {'organisations': {s: {c: sorted(v) for c, v in sorted(d.items())} for s, d in sorted(out.items())}})

if __name__ == '__main__':
    hipo, libs, vacc, au, ror = sys.argv[1:6]
    universities(hipo); libraries(libs); nhs(vacc); australia(au); organisations(ror, hipo)
